// Google Benchmark for the hot pure code of a request: validating a write, rendering an
// endpoint and a page of 50, page tokens, digests. `make bench` runs it.
#include <benchmark/benchmark.h>

#include "api/endpoint_codec.h"
#include "api/fabric/fabric_json.h"
#include "api/relay/relay_endpoint_json.h"
#include "domain/digest.h"
#include "domain/endpoint_rules.h"
#include "domain/page_token.h"

namespace sb {
namespace {

SipEndpoint SampleEndpoint() {
  SipEndpoint e;
  e.id = "01a20556-4659-7000-a69f-2b76d4232056";
  e.resource_id = "01a20556-4659-7001-a69f-2b76d4232056";
  e.project_id = "01a20556-0000-7000-a69f-2b76d4232056";
  e.username = "frontdesk01";
  e.caller_id = "Front Desk";
  e.send_as = "random";
  e.ciphers = {"AEAD_AES_256_GCM_8", "AES_256_CM_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_80"};
  e.codecs = {"OPUS", "G722", "PCMU", "PCMA", "G729", "VP8", "H264"};
  e.call_handler = CallHandler::kLamlWebhooks;
  e.companions[0] = "https://app.example.com/voice";
  e.companions[1] = "POST";
  e.created_at = e.updated_at = 1'772'463'845'123'456;
  return e;
}

void BM_RenderRelayEndpoint(benchmark::State& state) {
  SipEndpoint e = SampleEndpoint();
  for (auto _ : state) {
    std::string out;
    api::JsonWriter w(out);
    api::WriteRelayEndpoint(w, e);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_RenderRelayEndpoint);

void BM_RenderRelayPageOf50(benchmark::State& state) {
  std::vector<SipEndpoint> page(50, SampleEndpoint());
  for (auto _ : state) {
    std::string out;
    out.reserve(page.size() * 1200);  // as the server's list response does
    api::JsonWriter w(out);
    w.BeginArray();
    for (const auto& e : page) api::WriteRelayEndpoint(w, e);
    w.EndArray();
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_RenderRelayPageOf50);

// The same page built as nlohmann::ordered_json, the way the server rendered it before
// api/json_writer.h (kept to show the difference).
void BM_RenderRelayPageOf50WithOrderedJson(benchmark::State& state) {
  std::vector<SipEndpoint> page(50, SampleEndpoint());
  for (auto _ : state) {
    api::Json data = api::Json::array();
    for (const auto& e : page) {
      api::Json j;
      j["type"] = "sip_endpoint";
      j["id"] = e.id;
      j["username"] = e.username;
      j["caller_id"] = *e.caller_id;
      j["send_as"] = *e.send_as;
      j["ciphers"] = e.ciphers;
      j["codecs"] = e.codecs;
      j["encryption"] = e.encryption;
      j["call_handler"] = "laml_webhooks";
      j["calling_handler_resource_id"] = nullptr;
      for (const auto& spec : CompanionSpecs()) j[std::string(spec.name)] = nullptr;
      j["created_at"] = "2026-03-02T15:04:05.123456Z";
      j["updated_at"] = "2026-03-02T15:04:05.123456Z";
      data.push_back(std::move(j));
    }
    benchmark::DoNotOptimize(data.dump());
  }
}
BENCHMARK(BM_RenderRelayPageOf50WithOrderedJson);

void BM_RenderFabricWrapper(benchmark::State& state) {
  SipEndpoint e = SampleEndpoint();
  for (auto _ : state) {
    std::string out;
    api::JsonWriter w(out);
    api::WriteFabricEndpoint(w, e);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_RenderFabricWrapper);

void BM_DecodeAndValidateCreate(benchmark::State& state) {
  std::string body =
      R"({"username":"frontdesk01","password":"Tr1cky-Pass-77","caller_id":"Front Desk",
    "encryption":"required","codecs":["OPUS","PCMU"],"call_handler":"laml_webhooks",
    "call_request_url":"https://app.example.com/voice/incoming"})";
  for (auto _ : state) {
    auto json = api::ParseJsonObject(body);
    auto patch = api::DecodeEndpointPatch(*json);
    benchmark::DoNotOptimize(
        ApplyEndpointPatch(SipEndpoint{}, patch, WriteKind::kCreate, Surface::kRelay, {}));
  }
}
BENCHMARK(BM_DecodeAndValidateCreate);

void BM_PageTokenRoundTrip(benchmark::State& state) {
  PageToken token{PageDirection::kAfter, "01a20556-4659-7000-a69f-2b76d4232056"};
  for (auto _ : state) benchmark::DoNotOptimize(DecodePageToken(EncodePageToken(token)));
}
BENCHMARK(BM_PageTokenRoundTrip);

void BM_DeriveDigests(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(DeriveDigests("frontdesk01", "acme.sip.example.com", "s3cret-pass"));
  }
}
BENCHMARK(BM_DeriveDigests);

}  // namespace
}  // namespace sb

BENCHMARK_MAIN();
