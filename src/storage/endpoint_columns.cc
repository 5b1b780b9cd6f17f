#include "storage/endpoint_columns.h"

#include "domain/call_handler.h"

namespace sb {
namespace {

std::vector<std::string> MakeColumns() {
  std::vector<std::string> columns = {"id",
                                      "resource_id",
                                      "address_id",
                                      "project_id",
                                      "username",
                                      "display_name",
                                      "caller_id",
                                      "send_as",
                                      "ciphers",
                                      "codecs",
                                      "encryption",
                                      "call_handler",
                                      "calling_handler_resource_id"};
  for (const auto& spec : CompanionSpecs()) columns.emplace_back(spec.name);
  for (const char* c : {"ha1", "ha1_sha256", "ha1b", "sealed_password", "password_key_id",
                        "created_at", "updated_at"}) {
    columns.emplace_back(c);
  }
  return columns;
}

}  // namespace

const std::vector<std::string>& EndpointColumns() {
  static const std::vector<std::string> kColumns = MakeColumns();
  return kColumns;
}

std::string EndpointColumnList() {
  std::string out;
  for (const auto& c : EndpointColumns()) out += (out.empty() ? "" : ", ") + c;
  return out;
}

bool IsFixedEndpointColumn(const std::string& column) {
  return column == "id" || column == "resource_id" || column == "address_id" ||
         column == "project_id";
}

}  // namespace sb
