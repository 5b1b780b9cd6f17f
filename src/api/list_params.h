#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/query_string.h"
#include "domain/error.h"
#include "domain/page_token.h"

namespace sb::api {

// The paging and filter parameters of a list request (CONTRACT 7).
struct ListParams {
  std::optional<std::string> filter_username;
  std::optional<std::string> filter_caller_id;
  std::size_t page_size = 50;
  std::size_t page_number = 0;
  std::optional<PageToken> page_token;
};

// kInvalidArgument (422) with invalid_parameter, page_token_required or page_token_is_invalid.
// Empty filter values are treated as absent.
Result<ListParams> ParseListParams(const QueryParams& query);

struct PageLinks {
  std::string self;
  std::string first;
  std::optional<std::string> next;
  std::optional<std::string> prev;
};

// The links of a page whose rows run from `first_id` to `last_id` (newest first). `base` is the
// absolute URL of the list without a query; `extra` parameters (Fabric's type=sip_endpoint) are
// appended to every link. `next` only when `has_older`; `prev` only past page 0.
PageLinks BuildPageLinks(const std::string& base, const ListParams& params,
                         const std::optional<std::string>& first_id,
                         const std::optional<std::string>& last_id, bool has_older,
                         const std::vector<std::pair<std::string, std::string>>& extra = {});

}  // namespace sb::api
