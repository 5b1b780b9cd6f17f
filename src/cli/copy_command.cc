#include "cli/copy_command.h"

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/stores.h"
#include "cli/admin_context.h"
#include "service/store_copy.h"

namespace sb::cli {
namespace {

struct CopyCommandOptions {
  std::string from;
  std::string to;
  bool into_non_empty = false;
  bool json = false;
};

StoreSet Refs(Stores& stores) { return {*stores.endpoints, *stores.projects, *stores.resources}; }

int Copy(const CopyCommandOptions& o) {
  Stores from = OpenStores(o.from, 1);
  Stores to = OpenStores(o.to, 1);
  CopyOptions options;
  options.into_non_empty = o.into_non_empty;
  if (!o.json)
    options.progress = [](const std::string& line) { std::cout << "copied " << line << "\n"; };
  auto counts = CopyStore(Refs(from), Refs(to), options);
  if (!counts)
    return ReportError(counts.error());
  if (o.json) {
    std::cout << nlohmann::ordered_json{{"projects", counts->projects},
                                        {"tokens", counts->tokens},
                                        {"endpoints", counts->endpoints},
                                        {"webhooks", counts->webhooks},
                                        {"verified", true}}
                     .dump()
              << "\n";
  } else {
    std::cout << "copied " << counts->projects << " projects, " << counts->tokens << " tokens, "
              << counts->endpoints << " endpoints and " << counts->webhooks
              << " webhooks; counts verified on the target\n";
  }
  return 0;
}

}  // namespace

void AddCopyCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CopyCommandOptions>();
  auto* copy = app.add_subcommand(
      "copy",
      "Copy a whole store (projects, tokens, profiles, endpoints, webhooks) to another, e.g. a "
      "SQLite file to PostgreSQL; serve the target with the same key file");
  copy->add_option("--from", o->from, "Source: a SQLite file or a postgres:// URL")->required();
  copy->add_option("--to", o->to, "Target: a postgres:// URL or a SQLite file")->required();
  copy->add_flag("--into-non-empty", o->into_non_empty,
                 "Copy into a store that has projects already (records it has are kept)");
  copy->add_flag("--json", o->json, "Print the counts as JSON");
  copy->callback([o, &exit_code] { exit_code = Copy(*o); });
}

}  // namespace sb::cli
