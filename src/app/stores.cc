#include "app/stores.h"

#include "storage/postgres/pg_database.h"
#include "storage/postgres/pg_endpoint_store.h"
#include "storage/postgres/pg_project_store.h"
#include "storage/postgres/pg_resource_store.h"
#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/sqlite_endpoint_store.h"
#include "storage/sqlite/sqlite_project_store.h"
#include "storage/sqlite/sqlite_resource_store.h"

namespace sb {

bool IsPostgresUrl(const std::string& database) {
  return database.rfind("postgres://", 0) == 0 || database.rfind("postgresql://", 0) == 0;
}

Stores OpenStores(const std::string& database, std::size_t connections) {
  if (IsPostgresUrl(database)) {
    auto pg = std::make_shared<PgDatabase>(database, connections);
    Stores stores;
    stores.endpoints = std::make_unique<PgEndpointStore>(pg);
    stores.projects = std::make_unique<PgProjectStore>(pg);
    stores.resources = std::make_unique<PgResourceStore>(pg);
    stores.database = pg;
    return stores;
  }
  auto db = std::make_shared<SqliteDatabase>(database, connections);
  Stores stores;
  stores.endpoints = std::make_unique<SqliteEndpointStore>(db);
  stores.projects = std::make_unique<SqliteProjectStore>(db);
  stores.resources = std::make_unique<SqliteResourceStore>(db);
  stores.database = db;
  return stores;
}

}  // namespace sb
