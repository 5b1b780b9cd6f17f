#include "storage/endpoint_store.h"

namespace sb {

Result<EndpointPage> EndpointStore::List(const EndpointListQuery& query) {
  EndpointPage page;
  auto info = VisitList(
      query, [&](const StoredEndpoint& row, const SipProfile&) { page.rows.push_back(row); });
  if (!info)
    return Fail(info.error());
  static_cast<EndpointPageInfo&>(page) = std::move(*info);
  return page;
}

}  // namespace sb
