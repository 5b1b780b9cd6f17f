#include "storage/postgres/pg_project_store.h"

#include "domain/encoding.h"
#include "storage/list_codec.h"
#include "storage/postgres/pg_endpoint_rows.h"

namespace sb {
namespace {

constexpr const char* kProjectColumns =
    "id, name, domain_identifier, default_codecs, default_ciphers, default_encryption, "
    "default_send_as, default_outbound_policy, created_at";
constexpr const char* kTokenColumns = "id, project_id, name, scopes, created_at, revoked_at";

Project ReadProject(const pqxx::row& r) {
  Project p;
  p.id = r[0].as<std::string>();
  p.name = r[1].as<std::string>();
  p.profile = PgReadSipProfile(r, 2);
  p.created_at = r[8].as<long long>();
  return p;
}

ApiToken ReadToken(const pqxx::row& r) {
  ApiToken t;
  t.id = r[0].as<std::string>();
  t.project_id = r[1].as<std::string>();
  t.name = r[2].as<std::string>();
  t.scopes = SplitList(r[3].as<std::string>());
  t.created_at = r[4].as<long long>();
  if (!r[5].is_null())
    t.revoked_at = r[5].as<long long>();
  return t;
}

PgParams ProfileParams(const SipProfile& p) {
  return {p.domain_identifier,  JoinList(p.default_codecs), JoinList(p.default_ciphers),
          p.default_encryption, p.default_send_as,          p.default_outbound_policy};
}

Result<Project> FindProject(PgTransaction& tx, const std::string& id, bool lock) {
  auto rows = tx.Exec(std::string("SELECT ") + kProjectColumns + " FROM projects WHERE id = $1" +
                          (lock ? " FOR UPDATE" : ""),
                      {id});
  if (rows.empty())
    return Fail(Error::NotFound());
  return ReadProject(rows[0]);
}

// Rewrites the digests of every endpoint of the project that has a password.
Result<void> RederiveAll(PgTransaction& tx, const std::string& project_id,
                         const std::string& identifier, const ProjectStore::Rederive& rederive) {
  auto rows = tx.Exec(
      "SELECT id, username, encode(sealed_password, 'hex'), password_key_id FROM sip_endpoints "
      "WHERE project_id = $1 AND sealed_password IS NOT NULL FOR UPDATE",
      {project_id});
  for (const auto& row : rows) {
    StoredEndpoint e;
    e.endpoint.id = row[0].as<std::string>();
    e.endpoint.project_id = project_id;
    e.endpoint.username = row[1].as<std::string>();
    e.credentials.sealed_password =
        HexDecode(row[2].as<std::string>()).value_or(std::vector<std::uint8_t>{});
    e.credentials.key_id = row[3].as<std::string>();
    auto digests = rederive(e, identifier);
    if (!digests)
      return Fail(digests.error());
    tx.Exec("UPDATE sip_endpoints SET ha1 = $2, ha1_sha256 = $3, ha1b = $4 WHERE id = $1",
            {e.endpoint.id, digests->ha1, digests->ha1_sha256, digests->ha1b});
  }
  return {};
}

}  // namespace

Result<void> PgProjectStore::CreateProject(const Project& project) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    PgParams params = {project.id, project.name};
    for (auto& p : ProfileParams(project.profile)) params.push_back(std::move(p));
    params.push_back(std::to_string(project.created_at));
    tx.Exec(std::string("INSERT INTO projects (") + kProjectColumns +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            params);
    return {};
  });
}

Result<Project> PgProjectStore::GetProject(const std::string& project_id) {
  return db_->Read<Project>([&](PgTransaction& tx) { return FindProject(tx, project_id, false); });
}

Result<std::vector<Project>> PgProjectStore::ListProjects() {
  return db_->Read<std::vector<Project>>([&](PgTransaction& tx) -> Result<std::vector<Project>> {
    std::vector<Project> out;
    for (const auto& row : tx.Exec(std::string("SELECT ") + kProjectColumns +
                                   " FROM projects ORDER BY created_at, id")) {
      out.push_back(ReadProject(row));
    }
    return out;
  });
}

Result<SipProfile> PgProjectStore::UpdateProfile(const std::string& project_id,
                                                 const ProfileChange& change,
                                                 const Rederive& rederive) {
  return db_->Transact<SipProfile>([&](PgTransaction& tx) -> Result<SipProfile> {
    auto project = FindProject(tx, project_id, true);
    if (!project)
      return Fail(project.error());
    auto next = change(project->profile);
    if (!next)
      return next;
    PgParams params = ProfileParams(*next);
    params.push_back(project_id);
    tx.Exec(
        "UPDATE projects SET domain_identifier = $1, default_codecs = $2, default_ciphers = $3, "
        "default_encryption = $4, default_send_as = $5, default_outbound_policy = $6 "
        "WHERE id = $7",
        params);
    if (next->domain_identifier == project->profile.domain_identifier)
      return next;
    if (auto done = RederiveAll(tx, project_id, next->domain_identifier, rederive); !done) {
      return Fail(done.error());
    }
    return next;
  });
}

Result<void> PgProjectStore::CreateToken(const ApiToken& token, const std::string& secret_hash) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    tx.Exec(
        "INSERT INTO api_tokens (id, project_id, name, secret_hash, scopes, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {token.id, token.project_id, token.name, secret_hash, JoinList(token.scopes),
         std::to_string(token.created_at)});
    return {};
  });
}

Result<TokenMatch> PgProjectStore::FindToken(const std::string& secret_hash) {
  return db_->Read<TokenMatch>([&](PgTransaction& tx) -> Result<TokenMatch> {
    auto rows = tx.Exec(std::string("SELECT ") + kTokenColumns +
                            " FROM api_tokens WHERE secret_hash = $1 AND revoked_at IS NULL",
                        {secret_hash});
    if (rows.empty())
      return Fail(Error::NotFound());
    return TokenMatch{ReadToken(rows[0])};
  });
}

Result<std::vector<ApiToken>> PgProjectStore::ListTokens(const std::string& project_id) {
  return db_->Read<std::vector<ApiToken>>([&](PgTransaction& tx) -> Result<std::vector<ApiToken>> {
    std::vector<ApiToken> out;
    for (const auto& row :
         tx.Exec(std::string("SELECT ") + kTokenColumns +
                     " FROM api_tokens WHERE project_id = $1 ORDER BY created_at, id",
                 {project_id})) {
      out.push_back(ReadToken(row));
    }
    return out;
  });
}

Result<std::vector<StoredToken>> PgProjectStore::ExportTokens(const std::string& project_id) {
  return db_->Read<std::vector<StoredToken>>(
      [&](PgTransaction& tx) -> Result<std::vector<StoredToken>> {
        std::vector<StoredToken> out;
        for (const auto& row : tx.Exec(std::string("SELECT ") + kTokenColumns +
                                           ", secret_hash FROM api_tokens WHERE project_id = $1"
                                           " ORDER BY created_at, id",
                                       {project_id})) {
          out.push_back({ReadToken(row), row[6].as<std::string>()});
        }
        return out;
      });
}

Result<std::optional<std::string>> PgProjectStore::SipDomainSuffix() {
  return db_->Read<std::optional<std::string>>(
      [&](PgTransaction& tx) -> Result<std::optional<std::string>> {
        auto rows = tx.Exec("SELECT value FROM server_settings WHERE name = 'sip_domain_suffix'");
        if (rows.empty())
          return std::optional<std::string>();
        return std::optional<std::string>(rows[0][0].as<std::string>());
      });
}

Result<void> PgProjectStore::RevokeToken(const std::string& project_id, const std::string& token_id,
                                         Micros when) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    auto updated = tx.Exec(
        "UPDATE api_tokens SET revoked_at = $3 "
        "WHERE project_id = $1 AND id = $2 AND revoked_at IS NULL",
        {project_id, token_id, std::to_string(when)});
    if (updated.affected_rows() == 0)
      return Fail(Error::NotFound());
    return {};
  });
}

Result<bool> PgProjectStore::IsEmpty() {
  return db_->Read<bool>([&](PgTransaction& tx) -> Result<bool> {
    return tx.Exec("SELECT NOT EXISTS (SELECT 1 FROM projects)")[0][0].as<bool>();
  });
}

Result<void> PgProjectStore::SetSipDomainSuffix(const std::string& suffix,
                                                const Rederive& rederive) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    // Lock the row (or, on a new store, serialise the first insert) against a concurrent start.
    tx.Exec("LOCK TABLE server_settings IN SHARE ROW EXCLUSIVE MODE");
    auto current = tx.Exec("SELECT value FROM server_settings WHERE name = 'sip_domain_suffix'");
    std::optional<std::string> recorded;
    if (!current.empty())
      recorded = current[0][0].as<std::string>();
    if (recorded == suffix)
      return {};
    tx.Exec(
        "INSERT INTO server_settings (name, value) VALUES ('sip_domain_suffix', $1) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        {suffix});
    if (!recorded)
      return {};
    for (const auto& row : tx.Exec("SELECT id, domain_identifier FROM projects")) {
      auto done = RederiveAll(tx, row[0].as<std::string>(), row[1].as<std::string>(), rederive);
      if (!done)
        return done;
    }
    return {};
  });
}

Result<void> PgProjectStore::Ping() {
  return db_->Read<void>([&](PgTransaction& tx) -> Result<void> {
    tx.Exec("SELECT 1");
    return {};
  });
}

}  // namespace sb
