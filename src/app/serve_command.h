#pragma once

#include "app/config.h"

namespace sb {

// `switchboard serve`: opens the store, bootstraps a first project and token on an empty store,
// serves the API until SIGTERM or SIGINT, then finishes the requests in flight and returns 0.
// Prints to stdout, one per line: on first start "project_id: ..." and "api_token: ..." (the
// token is shown this once), then, when ready, "listening on URL".
int RunServe(const Config& config);

}  // namespace sb
