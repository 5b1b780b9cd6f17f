#include "storage/sqlite/sqlite_project_store.h"

#include "storage/list_codec.h"
#include "storage/sqlite/sqlite_endpoint_rows.h"

namespace sb {
namespace {

// id, name, kSipProfileColumns, created_at.
constexpr const char* kProjectColumns =
    "id, name, domain_identifier, default_codecs, default_ciphers, default_encryption, "
    "default_send_as, default_outbound_policy, created_at";

constexpr const char* kTokenColumns = "id, project_id, name, scopes, created_at, revoked_at";

Project ReadProject(const SqliteRow& row) {
  Project p;
  p.id = row.String(0);
  p.name = row.String(1);
  p.profile = ReadSipProfile(row, 2);
  p.created_at = row.Int64(8);
  return p;
}

ApiToken ReadToken(SQLite::Statement& s) {
  ApiToken t;
  t.id = s.getColumn(0).getString();
  t.project_id = s.getColumn(1).getString();
  t.name = s.getColumn(2).getString();
  t.scopes = SplitList(s.getColumn(3).getString());
  t.created_at = s.getColumn(4).getInt64();
  if (!s.getColumn(5).isNull())
    t.revoked_at = s.getColumn(5).getInt64();
  return t;
}

Result<Project> FindProject(SqliteConnection& connection, const std::string& project_id) {
  auto& s =
      connection.Prepare(std::string("SELECT ") + kProjectColumns + " FROM projects WHERE id = ?1");
  s.bind(1, project_id);
  if (!s.executeStep())
    return Fail(Error::NotFound());
  return ReadProject(SqliteRow(connection, s));
}

void BindProfile(SQLite::Statement& s, const SipProfile& profile, int first) {
  s.bind(first, profile.domain_identifier);
  s.bind(first + 1, JoinList(profile.default_codecs));
  s.bind(first + 2, JoinList(profile.default_ciphers));
  s.bind(first + 3, profile.default_encryption);
  if (profile.default_send_as) {
    s.bind(first + 4, *profile.default_send_as);
  } else {
    s.bind(first + 4);
  }
  s.bind(first + 5, profile.default_outbound_policy);
}

// Rewrites the digests of every endpoint of the project that has a password.
Result<void> RederiveAll(SqliteConnection& connection, const std::string& project_id,
                         const std::string& new_identifier,
                         const ProjectStore::Rederive& rederive) {
  std::vector<StoredEndpoint> endpoints;
  {
    auto& s = connection.Prepare(
        "SELECT id, username, sealed_password, password_key_id FROM sip_endpoints "
        "WHERE project_id = ?1 AND sealed_password IS NOT NULL");
    s.bind(1, project_id);
    while (s.executeStep()) {
      StoredEndpoint e;
      e.endpoint.id = s.getColumn(0).getString();
      e.endpoint.project_id = project_id;
      e.endpoint.username = s.getColumn(1).getString();
      auto blob = s.getColumn(2);
      const auto* bytes = static_cast<const std::uint8_t*>(blob.getBlob());
      e.credentials.sealed_password.assign(bytes, bytes + blob.getBytes());
      e.credentials.key_id = s.getColumn(3).getString();
      endpoints.push_back(std::move(e));
    }
  }
  for (const auto& e : endpoints) {
    auto digests = rederive(e, new_identifier);
    if (!digests)
      return Fail(digests.error());
    auto& u = connection.Prepare(
        "UPDATE sip_endpoints SET ha1 = ?2, ha1_sha256 = ?3, ha1b = ?4 WHERE id = ?1");
    u.bind(1, e.endpoint.id);
    u.bind(2, digests->ha1);
    u.bind(3, digests->ha1_sha256);
    u.bind(4, digests->ha1b);
    u.exec();
  }
  return {};
}

}  // namespace

Result<void> SqliteProjectStore::CreateProject(const Project& project) {
  return db_->Write<void>([&](SqliteConnection& connection) -> Result<void> {
    auto& s = connection.Prepare(std::string("INSERT INTO projects (") + kProjectColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.bind(1, project.id);
    s.bind(2, project.name);
    BindProfile(s, project.profile, 3);
    s.bind(9, static_cast<std::int64_t>(project.created_at));
    s.exec();
    return {};
  });
}

Result<Project> SqliteProjectStore::GetProject(const std::string& project_id) {
  return db_->Read<Project>(
      [&](SqliteConnection& connection) { return FindProject(connection, project_id); });
}

Result<std::vector<Project>> SqliteProjectStore::ListProjects() {
  return db_->Read<std::vector<Project>>(
      [&](SqliteConnection& connection) -> Result<std::vector<Project>> {
        auto& s = connection.Prepare(std::string("SELECT ") + kProjectColumns +
                                     " FROM projects ORDER BY created_at, id");
        std::vector<Project> out;
        SqliteRow row(connection, s);
        while (s.executeStep()) out.push_back(ReadProject(row));
        return out;
      });
}

Result<SipProfile> SqliteProjectStore::UpdateProfile(const std::string& project_id,
                                                     const ProfileChange& change,
                                                     const Rederive& rederive) {
  return db_->Write<SipProfile>([&](SqliteConnection& connection) -> Result<SipProfile> {
    auto project = FindProject(connection, project_id);
    if (!project)
      return Fail(project.error());
    auto next = change(project->profile);
    if (!next)
      return next;
    auto& s = connection.Prepare(
        "UPDATE projects SET domain_identifier = ?1, default_codecs = ?2, default_ciphers = ?3, "
        "default_encryption = ?4, default_send_as = ?5, default_outbound_policy = ?6 "
        "WHERE id = ?7");
    BindProfile(s, *next, 1);
    s.bind(7, project_id);
    s.exec();
    if (next->domain_identifier != project->profile.domain_identifier) {
      auto rederived = RederiveAll(connection, project_id, next->domain_identifier, rederive);
      if (!rederived)
        return Fail(rederived.error());
    }
    return next;
  });
}

Result<void> SqliteProjectStore::CreateToken(const ApiToken& token,
                                             const std::string& secret_hash) {
  return db_->Write<void>([&](SqliteConnection& connection) -> Result<void> {
    auto& s = connection.Prepare(
        "INSERT INTO api_tokens (id, project_id, name, secret_hash, scopes, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    s.bind(1, token.id);
    s.bind(2, token.project_id);
    s.bind(3, token.name);
    s.bind(4, secret_hash);
    s.bind(5, JoinList(token.scopes));
    s.bind(6, static_cast<std::int64_t>(token.created_at));
    s.exec();
    return {};
  });
}

Result<TokenMatch> SqliteProjectStore::FindToken(const std::string& secret_hash) {
  return db_->Read<TokenMatch>([&](SqliteConnection& connection) -> Result<TokenMatch> {
    auto& s = connection.Prepare(std::string("SELECT ") + kTokenColumns +
                                 " FROM api_tokens WHERE secret_hash = ?1 AND revoked_at IS NULL");
    s.bind(1, secret_hash);
    if (!s.executeStep())
      return Fail(Error::NotFound());
    return TokenMatch{ReadToken(s)};
  });
}

Result<std::vector<ApiToken>> SqliteProjectStore::ListTokens(const std::string& project_id) {
  return db_->Read<std::vector<ApiToken>>(
      [&](SqliteConnection& connection) -> Result<std::vector<ApiToken>> {
        auto& s = connection.Prepare(std::string("SELECT ") + kTokenColumns +
                                     " FROM api_tokens WHERE project_id = ?1"
                                     " ORDER BY created_at, id");
        s.bind(1, project_id);
        std::vector<ApiToken> out;
        while (s.executeStep()) out.push_back(ReadToken(s));
        return out;
      });
}

Result<std::vector<StoredToken>> SqliteProjectStore::ExportTokens(const std::string& project_id) {
  return db_->Read<std::vector<StoredToken>>(
      [&](SqliteConnection& connection) -> Result<std::vector<StoredToken>> {
        auto& s = connection.Prepare(std::string("SELECT ") + kTokenColumns +
                                     ", secret_hash FROM api_tokens WHERE project_id = ?1"
                                     " ORDER BY created_at, id");
        s.bind(1, project_id);
        std::vector<StoredToken> out;
        while (s.executeStep()) out.push_back({ReadToken(s), s.getColumn(6).getString()});
        return out;
      });
}

Result<std::optional<std::string>> SqliteProjectStore::SipDomainSuffix() {
  return db_->Read<std::optional<std::string>>(
      [&](SqliteConnection& connection) -> Result<std::optional<std::string>> {
        auto& s = connection.Prepare(
            "SELECT value FROM server_settings WHERE name = 'sip_domain_suffix'");
        if (!s.executeStep())
          return std::optional<std::string>();
        return std::optional<std::string>(s.getColumn(0).getString());
      });
}

Result<void> SqliteProjectStore::RevokeToken(const std::string& project_id,
                                             const std::string& token_id, Micros when) {
  return db_->Write<void>([&](SqliteConnection& connection) -> Result<void> {
    auto& s = connection.Prepare(
        "UPDATE api_tokens SET revoked_at = ?3 "
        "WHERE project_id = ?1 AND id = ?2 AND revoked_at IS NULL");
    s.bind(1, project_id);
    s.bind(2, token_id);
    s.bind(3, static_cast<std::int64_t>(when));
    if (s.exec() == 0)
      return Fail(Error::NotFound());
    return {};
  });
}

Result<bool> SqliteProjectStore::IsEmpty() {
  return db_->Read<bool>([&](SqliteConnection& connection) -> Result<bool> {
    auto& s = connection.Prepare("SELECT NOT EXISTS (SELECT 1 FROM projects)");
    s.executeStep();
    return s.getColumn(0).getInt() != 0;
  });
}

Result<void> SqliteProjectStore::SetSipDomainSuffix(const std::string& suffix,
                                                    const Rederive& rederive) {
  return db_->Write<void>([&](SqliteConnection& connection) -> Result<void> {
    auto& current =
        connection.Prepare("SELECT value FROM server_settings WHERE name = 'sip_domain_suffix'");
    std::optional<std::string> recorded;
    if (current.executeStep())
      recorded = current.getColumn(0).getString();
    current.reset();
    if (recorded == suffix)
      return {};
    auto& upsert = connection.Prepare(
        "INSERT INTO server_settings (name, value) VALUES ('sip_domain_suffix', ?1) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    upsert.bind(1, suffix);
    upsert.exec();
    if (!recorded)
      return {};  // a new store: no digests exist under another realm
    std::vector<std::pair<std::string, std::string>> projects;
    auto& list = connection.Prepare("SELECT id, domain_identifier FROM projects");
    while (list.executeStep()) {
      projects.emplace_back(list.getColumn(0).getString(), list.getColumn(1).getString());
    }
    list.reset();
    for (const auto& [id, identifier] : projects) {
      if (auto done = RederiveAll(connection, id, identifier, rederive); !done)
        return done;
    }
    return {};
  });
}

Result<void> SqliteProjectStore::Ping() {
  return db_->Read<void>([&](SqliteConnection& connection) -> Result<void> {
    connection.Prepare("SELECT 1").executeStep();
    return {};
  });
}

}  // namespace sb
