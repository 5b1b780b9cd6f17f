// Fills a store with COUNT endpoints of its first project, through the same EndpointService the
// API's POST uses (validation, digests, sealed password, both ids, the Fabric resource), so the
// served data is what clients would have created; only HTTP is skipped. Many threads write at
// once and the store's group commit batches them.
//   sb_load_endpoints DATABASE KEY_FILE COUNT [THREADS]   (usernames user0000000, user0000001, ...)
// Prints the endpoint ids, one per line, on stdout.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/secret_key_file.h"
#include "app/stores.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/ids.h"
#include "domain/password_sealer.h"
#include "domain/random.h"
#include "service/endpoint_service.h"

namespace {
constexpr int kRetries = 5;
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: sb_load_endpoints DATABASE KEY_FILE COUNT [THREADS]\n";
    return 2;
  }
  using namespace sb;
  std::string database = argv[1], key_file = argv[2];
  long count = std::stol(argv[3]);
  int threads = argc > 4 ? std::stoi(argv[4]) : 32;

  SystemClock clock;
  SecureRandom random;
  IdGenerator ids(clock, random);
  Stores stores = OpenStores(database, threads);
  PasswordSealer sealer(LoadOrCreateKeys(key_file, "", random), random);
  auto projects = stores.projects->ListProjects();
  if (!projects || projects->empty()) {
    std::cerr << "sb_load_endpoints: no project in the store (start the server once first)\n";
    return 1;
  }
  std::string project = projects->front().id;
  auto suffix = stores.projects->SipDomainSuffix();
  EndpointServiceOptions options;
  options.sip_domain_suffix = suffix && *suffix ? **suffix : "sip.localhost";
  EndpointService endpoints(*stores.endpoints, *stores.projects, sealer, ids, clock, options);

  std::atomic<long> next{0};
  std::atomic<bool> failed{false};
  std::mutex out;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      std::vector<std::string> made;
      for (long i = next++; i < count && !failed; i = next++) {
        char username[32];
        std::snprintf(username, sizeof username, "user%07ld", i);
        EndpointPatch patch;
        patch.username.Set(username);
        patch.password.Set("bench-pass-1");
        patch.caller_id.Set("Desk " + std::to_string(i));
        auto created = endpoints.Create(project, patch, Surface::kRelay);
        // A store that could not be reached wrote nothing (a fresh PostgreSQL cluster once let
        // 64 first connections time out at the 3 s connect timeout, and the whole run was lost):
        // try again a few times before giving up. A retry of a create that did commit after all
        // reports the username taken, and the load fails as before.
        for (int retry = 1;
             !created && created.error().code == ErrorCode::kUnavailable && retry <= kRetries;
             ++retry) {
          std::this_thread::sleep_for(std::chrono::seconds(retry));
          created = endpoints.Create(project, patch, Surface::kRelay);
        }
        if (!created) {
          std::cerr << "sb_load_endpoints: " << username << ": "
                    << (created.error().internal.empty() ? "refused" : created.error().internal)
                    << "\n";
          failed = true;
          return;
        }
        made.push_back(created->id);
      }
      std::lock_guard lock(out);
      for (const auto& id : made) std::cout << id << '\n';
    });
  }
  for (auto& w : workers) w.join();
  return failed ? 1 : 0;
}
