#pragma once

#include <memory>
#include <string>

#include "storage/endpoint_store.h"
#include "storage/project_store.h"
#include "storage/resource_store.h"

namespace sb {

// The concrete stores behind one database setting. The one place that knows the store classes.
struct Stores {
  std::shared_ptr<void> database;  // keeps the shared connection pool alive
  std::unique_ptr<EndpointStore> endpoints;
  std::unique_ptr<ProjectStore> projects;
  std::unique_ptr<ResourceStore> resources;
};

// Whether `database` names a PostgreSQL server (postgres:// or postgresql:// URL).
bool IsPostgresUrl(const std::string& database);

// Opens (creating and migrating as needed) the store named by `database`: a postgres:// URL, or
// else a SQLite file path.
// `connections` bounds the pool. Throws with a readable reason on failure (start-up only).
Stores OpenStores(const std::string& database, std::size_t connections);

}  // namespace sb
