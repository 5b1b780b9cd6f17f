// A list request's query string: percent-decoding, list parameters (filters, paging, page
// tokens), and the links built from them. Invariants: a parsed query always yields links that
// parse back to the same parameters.
#include <cstdint>
#include <string>

#include "api/list_params.h"
#include "api/query_string.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sb::api;
  auto query = ParseQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!query)
    return 0;
  auto params = ParseListParams(*query);
  if (!params)
    return 0;
  FUZZ_CHECK(params->page_size >= 1 && params->page_size <= 1000);
  auto links = BuildPageLinks("http://h/x", *params, "0190d0a8-0000-7000-8000-000000000001",
                              "0190d0a8-0000-7000-8000-000000000002", true);
  // The self link carries the filters and the page size: parsing it back gives them again.
  auto self_query = ParseQuery(links.self.substr(links.self.find('?') + 1));
  FUZZ_CHECK(self_query.has_value());
  auto again = ParseListParams(*self_query);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->filter_username == params->filter_username);
  FUZZ_CHECK(again->filter_caller_id == params->filter_caller_id);
  FUZZ_CHECK(again->page_size == params->page_size);
  return 0;
}
