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

std::string EndpointColumnList(bool credentials) {
  std::string out;
  for (const auto& c : EndpointColumns()) {
    out += out.empty() ? "" : ", ";
    out += credentials || !IsCredentialColumn(c) ? c : "NULL";
  }
  return out;
}

bool IsCredentialColumn(const std::string& column) {
  return column == "ha1" || column == "ha1_sha256" || column == "ha1b" ||
         column == "sealed_password" || column == "password_key_id";
}

const char* const kSipProfileColumns =
    "domain_identifier, default_codecs, default_ciphers, default_encryption, default_send_as, "
    "default_outbound_policy";

const char* IdColumn(IdHint hint) { return hint == IdHint::kEndpointId ? "id" : "resource_id"; }

std::string SelectEndpointWithProfileSql(const std::string& select_list, const char* placeholder,
                                         const char* id_column) {
  // The project's columns come from a subquery under names no endpoint column has, so the
  // endpoint's columns need no table prefix; both databases flatten it into a plain join.
  std::string p(placeholder);
  return "SELECT " + select_list + ", " + kSipProfileColumns +
         " FROM sip_endpoints JOIN (SELECT id AS profile_project_id, " + kSipProfileColumns +
         " FROM projects) AS profiles ON profiles.profile_project_id = "
         "sip_endpoints.project_id WHERE project_id = " +
         p + "1 AND " + id_column + " = " + p + "2";
}

bool IsFixedEndpointColumn(const std::string& column) {
  return column == "id" || column == "resource_id" || column == "address_id" ||
         column == "project_id";
}

}  // namespace sb
