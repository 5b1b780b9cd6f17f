#pragma once

#include <span>
#include <string_view>

namespace sb {

// One schema step: migrations/NNN_name.sql, embedded in the binary at build time
// (cmake/EmbedMigrations.cmake) and applied in order, each recorded in schema_migrations.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

}  // namespace sb
