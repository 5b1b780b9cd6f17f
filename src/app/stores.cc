#include "app/stores.h"

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/sqlite_endpoint_store.h"
#include "storage/sqlite/sqlite_project_store.h"
#include "storage/sqlite/sqlite_resource_store.h"

namespace sb {

Stores OpenStores(const std::string& database, std::size_t connections) {
  auto db = std::make_shared<SqliteDatabase>(database, connections);
  Stores stores;
  stores.endpoints = std::make_unique<SqliteEndpointStore>(db);
  stores.projects = std::make_unique<SqliteProjectStore>(db);
  stores.resources = std::make_unique<SqliteResourceStore>(db);
  stores.database = db;
  return stores;
}

}  // namespace sb
