#include "storage/postgres/pg_endpoint_store.h"

#include <algorithm>

#include "domain/ids.h"
#include "storage/endpoint_columns.h"
#include "storage/list_codec.h"
#include "storage/postgres/pg_endpoint_rows.h"

namespace sb {
namespace {

std::vector<std::string> PipelineStatements() {
  // Numbered by IdHint (PgEndpointStore::LookUp).
  return {PgSelectEndpointWithProfileSql(IdHint::kEndpointId),
          PgSelectEndpointWithProfileSql(IdHint::kResourceId)};
}

// Which filters the suffix index drives (docs/design/substring-search.md): a needle with more
// index entries than this is broad, and walking the project's rows newest first while testing
// LIKE fills a page sooner than gathering and sorting every match.
constexpr int kNarrowNeedle = 2000;
struct SearchPlan {
  bool username = false;
  bool caller_id = false;
};

// The key range of a needle: its lower-cased first 32 characters, up to that plus U+10FFFF (the
// largest character, so in byte order above any key that starts with the needle).
constexpr const char* kSuffixRange =
    "suffix >= left(lower(%1), 32) AND suffix < left(lower(%1), 32) || chr(1114111)";

std::string SuffixCondition(const std::string& parameter) {
  std::string sql = kSuffixRange;
  for (auto at = sql.find("%1"); at != std::string::npos; at = sql.find("%1"))
    sql.replace(at, 2, parameter);
  return sql;
}

bool IsNarrow(PgTransaction& tx, const std::string& project_id, const char* field,
              const std::string& needle) {
  auto rows = tx.Exec(
      "SELECT count(*) FROM (SELECT 1 FROM sip_endpoint_suffixes WHERE project_id = $1 AND "
      "field = $2 AND " +
          SuffixCondition("$3::text") + " LIMIT $4) s",
      {project_id, std::string(field), needle, std::to_string(kNarrowNeedle)});
  return rows[0][0].as<int>() < kNarrowNeedle;
}

SearchPlan PlanSearch(PgTransaction& tx, const EndpointListQuery& q) {
  SearchPlan plan;
  plan.username = q.username_contains && IsNarrow(tx, q.project_id, "u", *q.username_contains);
  plan.caller_id = q.caller_id_contains && IsNarrow(tx, q.project_id, "c", *q.caller_id_contains);
  return plan;
}

std::string SuffixSubquery(const char* field, const std::string& parameter) {
  return " AND id = ANY(ARRAY(SELECT endpoint_id FROM sip_endpoint_suffixes WHERE project_id = $1"
         " AND field = '" +
         std::string(field) + "' AND " + SuffixCondition(parameter) + "))";
}

// lower(x) LIKE lower(pattern) keeps the exact meaning; the suffix index only narrows the rows.
std::string FilterClause(const EndpointListQuery& q, const SearchPlan& plan) {
  std::string where = " WHERE project_id = $1";
  if (q.username_contains)
    where += " AND lower(username) LIKE lower($2) ESCAPE '\\'";
  if (q.caller_id_contains)
    where += " AND lower(caller_id) LIKE lower($3) ESCAPE '\\'";
  if (plan.username)
    where += SuffixSubquery("u", "$6::text");
  if (plan.caller_id)
    where += SuffixSubquery("c", "$7::text");
  return where;
}

// Every statement binds the same seven parameters (unused ones typed by a no-op cast), so the
// parameter numbers are stable whatever filters a query has.
PgParams ListParams(const EndpointListQuery& q, const std::optional<std::string>& key,
                    std::size_t limit) {
  return {q.project_id,
          q.username_contains ? std::optional<std::string>(LikeContains(*q.username_contains))
                              : std::nullopt,
          q.caller_id_contains ? std::optional<std::string>(LikeContains(*q.caller_id_contains))
                               : std::nullopt,
          key,
          std::to_string(limit),
          q.username_contains,
          q.caller_id_contains};
}

constexpr const char* kTypeAllParams =
    " AND ($2::text IS NULL OR TRUE) AND ($3::text IS NULL OR TRUE) AND ($4::uuid IS NULL OR TRUE)"
    " AND ($5::bigint IS NULL OR TRUE) AND ($6::text IS NULL OR TRUE)"
    " AND ($7::text IS NULL OR TRUE)";

// One page: newest first after a PA cursor, oldest first (then reversed) before a PB cursor.
std::string PageSql(const EndpointListQuery& q, const SearchPlan& plan) {
  bool before = q.cursor && q.cursor->direction == PageDirection::kBefore;
  std::string sql = "SELECT " + PgEndpointSelectList(q.with_credentials) + " FROM sip_endpoints" +
                    FilterClause(q, plan) + kTypeAllParams;
  if (q.cursor)
    sql += before ? " AND id > $4" : " AND id < $4";
  sql += before ? " ORDER BY id ASC LIMIT $5" : " ORDER BY id DESC LIMIT $5";
  return sql;
}

}  // namespace

Result<void> PgEndpointStore::Insert(const StoredEndpoint& endpoint) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    tx.Exec("INSERT INTO resources (id, project_id, type, created_at) VALUES ($1, $2, $3, $4)",
            {endpoint.endpoint.resource_id, endpoint.endpoint.project_id, "sip_endpoint",
             std::to_string(endpoint.endpoint.created_at)});
    tx.Exec(PgInsertEndpointSql(), PgEndpointParams(endpoint));
    return {};
  });
}

Result<StoredEndpoint> PgEndpointStore::Get(const std::string& project_id, const std::string& id) {
  return db_->Read<StoredEndpoint>([&](PgTransaction& tx) -> Result<StoredEndpoint> {
    auto rows = tx.Exec(PgSelectEndpointSql(), {project_id, id});
    if (rows.empty())
      return Fail(Error::NotFound());
    return PgReadEndpoint(rows[0]);
  });
}

PgEndpointStore::PgEndpointStore(std::shared_ptr<PgDatabase> db, std::size_t pipeline_connections)
    : db_(std::move(db)), pipeline_(db_->url(), PipelineStatements(), pipeline_connections) {}

Result<EndpointWithProfile> PgEndpointStore::GetWithProfile(const std::string& project_id,
                                                            const std::string& id, IdHint hint) {
  return db_->Read<EndpointWithProfile>([&](PgTransaction& tx) -> Result<EndpointWithProfile> {
    // Two plain lookups rather than one query over both ids: PostgreSQL initialises every
    // branch of a UNION ALL on each run: ~44 us a statement against ~27 us (pgbench, over a
    // SELECT 1; docs/design/store-contract.md).
    auto rows = tx.Exec(PgSelectEndpointWithProfileSql(hint), {project_id, id});
    if (rows.empty())
      rows = tx.Exec(PgSelectEndpointWithProfileSql(OtherId(hint)), {project_id, id});
    if (rows.empty())
      return Fail(Error::NotFound());
    return EndpointWithProfile{
        PgReadEndpoint(rows[0]),
        PgReadSipProfile(rows[0], static_cast<int>(EndpointColumns().size()))};
  });
}

void PgEndpointStore::GetWithProfileAsync(const std::string& project_id, const std::string& id,
                                          IdHint hint, GetWithProfileDone done) {
  // What PostgreSQL would refuse as a uuid names no record (as GetWithProfile answers), and a
  // failed statement in the pipeline makes the others of its batch run again.
  if (!IsUuid(project_id) || !IsUuid(id))
    return done(Fail(Error::NotFound()));
  LookUp(project_id, id, hint, false, std::move(done));
}

void PgEndpointStore::LookUp(const std::string& project_id, const std::string& id, IdHint hint,
                             bool last, GetWithProfileDone done) {
  // The pipeline's statements are the two lookups, numbered by IdHint.
  pipeline_.Submit(
      static_cast<std::size_t>(hint), {project_id, id},
      [this, project_id, id, hint, last, done = std::move(done)](Result<PgResultPtr> rows) mutable {
        if (!rows)
          return done(Fail(rows.error()));
        if (PQntuples(rows->get()) == 0) {
          if (last)
            return done(Fail(Error::NotFound()));
          return LookUp(project_id, id, OtherId(hint), true, std::move(done));
        }
        Result<EndpointWithProfile> read = Fail(Error::Internal("postgres: unreadable row"));
        try {
          PgRawRow row(rows->get(), 0);
          read = EndpointWithProfile{
              PgReadEndpoint(row),
              PgReadSipProfile(row, static_cast<int>(EndpointColumns().size()))};
        } catch (const std::exception& e) {
          read = Fail(Error::Internal(std::string("postgres: unreadable row: ") + e.what()));
        }
        done(std::move(read));
      });
}

Result<StoredEndpoint> PgEndpointStore::Update(const std::string& project_id, const std::string& id,
                                               const Mutation& mutate) {
  return db_->Transact<StoredEndpoint>([&](PgTransaction& tx) -> Result<StoredEndpoint> {
    // FOR UPDATE: a concurrent update of the same row waits, so no update is lost.
    auto rows = tx.Exec(PgSelectEndpointSql() + " FOR UPDATE", {project_id, id});
    if (rows.empty())
      return Fail(Error::NotFound());
    auto next = mutate(PgReadEndpoint(rows[0]));
    if (!next)
      return next;
    tx.Exec(PgUpdateEndpointSql(), PgEndpointParams(*next));
    return next;
  });
}

Result<void> PgEndpointStore::Delete(const std::string& project_id, const std::string& id) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    // Deregister first: the registrar keeps no cache (db_mode 3), so the contacts are gone.
    tx.Exec(
        "DELETE FROM location WHERE (username, domain) IN (SELECT e.username, "
        "p.domain_identifier || '.' || s.value FROM sip_endpoints e "
        "JOIN projects p ON p.id = e.project_id "
        "JOIN server_settings s ON s.name = 'sip_domain_suffix' "
        "WHERE e.project_id = $1 AND (e.id = $2 OR e.resource_id = $2))",
        {project_id, id});
    auto deleted = tx.Exec(
        "DELETE FROM resources WHERE project_id = $1 AND type = 'sip_endpoint' AND id = "
        "(SELECT resource_id FROM sip_endpoints WHERE project_id = $1 AND "
        "(id = $2 OR resource_id = $2))",
        {project_id, id});
    if (deleted.affected_rows() == 0)
      return Fail(Error::NotFound());
    return {};
  });
}

Result<std::string> PgEndpointStore::ExplainListForTest(const EndpointListQuery& q) {
  return db_->Transact<std::string>([&](PgTransaction& tx) -> Result<std::string> {
    std::optional<std::string> key;
    if (q.cursor)
      key = q.cursor->sort_key;
    SearchPlan search = PlanSearch(tx, q);
    std::string plan;
    for (const auto& row : tx.Exec("EXPLAIN " + PageSql(q, search), ListParams(q, key, q.limit))) {
      plan += row[0].as<std::string>() + "\n";
    }
    return plan;
  });
}

Result<EndpointPageInfo> PgEndpointStore::VisitList(const EndpointListQuery& q,
                                                    const EndpointRowVisitor& visit) {
  return db_->Read<EndpointPageInfo>([&](PgTransaction& tx) -> Result<EndpointPageInfo> {
    bool before = q.cursor && q.cursor->direction == PageDirection::kBefore;
    std::optional<std::string> key;
    if (q.cursor)
      key = q.cursor->sort_key;
    EndpointPageInfo page;
    auto profile =
        tx.Exec(std::string("SELECT ") + kSipProfileColumns + " FROM projects WHERE id = $1",
                {q.project_id});
    if (profile.empty())
      return Fail(Error::NotFound());
    page.profile = PgReadSipProfile(profile[0], 0);
    SearchPlan plan = PlanSearch(tx, q);
    // The whole result is in memory already (libpqxx); forward pages hold one extra row that
    // tells whether a next page exists, backward pages come oldest first.
    auto rows = tx.Exec(PageSql(q, plan), ListParams(q, key, before ? q.limit : q.limit + 1));
    std::size_t shown = std::min<std::size_t>(rows.size(), q.limit);
    if (before) {
      std::string probe = "SELECT EXISTS (SELECT 1 FROM sip_endpoints" + FilterClause(q, plan) +
                          kTypeAllParams + (rows.empty() ? " AND id <= $4" : " AND id < $4") + ")";
      std::string bound = rows.empty() ? q.cursor->sort_key : rows[0]["id"].as<std::string>();
      page.has_older = tx.Exec(probe, ListParams(q, bound, 0))[0][0].as<bool>();
      for (std::size_t i = shown; i-- > 0;) visit(PgReadEndpoint(rows[i]), page.profile);
    } else {
      page.has_older = rows.size() > q.limit;
      for (std::size_t i = 0; i < shown; ++i) visit(PgReadEndpoint(rows[i]), page.profile);
    }
    return page;
  });
}

Result<std::vector<Registration>> PgEndpointStore::Registrations(const std::string& project_id,
                                                                 const std::string& id) {
  return db_->Read<std::vector<Registration>>(
      [&](PgTransaction& tx) -> Result<std::vector<Registration>> {
        if (tx.Exec(PgSelectEndpointSql(), {project_id, id}).empty()) {
          return Fail(Error::NotFound());
        }
        auto rows = tx.Exec(
            "SELECT l.contact, coalesce(l.received, ''), coalesce(l.socket, ''), l.user_agent, "
            "to_char(l.expires, 'YYYY-MM-DD HH24:MI:SS') FROM location l "
            "JOIN sip_endpoints e ON l.username = e.username "
            "JOIN projects p ON p.id = e.project_id "
            "JOIN server_settings s ON s.name = 'sip_domain_suffix' "
            "WHERE e.project_id = $1 AND (e.id = $2 OR e.resource_id = $2) "
            "AND l.domain = p.domain_identifier || '.' || s.value ORDER BY l.id",
            {project_id, id});
        std::vector<Registration> out;
        for (const auto& row : rows) {
          Registration r;
          r.contact = row[0].as<std::string>();
          ParseRegistrarAddress(row[1].as<std::string>(), row[2].as<std::string>(), r);
          r.user_agent = row[3].as<std::string>();
          r.expires_at = row[4].as<std::string>();
          out.push_back(std::move(r));
        }
        return out;
      });
}

Result<bool> PgEndpointStore::ResourceExists(const std::string& project_id,
                                             const std::string& resource_id) {
  return db_->Read<bool>([&](PgTransaction& tx) -> Result<bool> {
    return tx
        .Exec("SELECT EXISTS (SELECT 1 FROM resources WHERE project_id = $1 AND id = $2)",
              {project_id, resource_id})[0][0]
        .as<bool>();
  });
}

}  // namespace sb
