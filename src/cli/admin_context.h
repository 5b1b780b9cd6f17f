#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "app/stores.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/random.h"
#include "service/project_service.h"

namespace sb::cli {

// What the administrative commands (project, token) work with: the store named by --database,
// opened directly, with the same services the server uses.
struct AdminContext {
  explicit AdminContext(const Config& config)
      : stores(OpenStores(config.database, 1)),
        ids(clock, random),
        projects(*stores.projects, ids, random, clock) {}

  SystemClock clock;
  SecureRandom random;
  Stores stores;
  IdGenerator ids;
  ProjectService projects;
};

// Prints an error as one readable line on stderr and returns the exit code for it.
int ReportError(const Error& error);

}  // namespace sb::cli
