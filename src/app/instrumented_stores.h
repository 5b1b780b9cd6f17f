#pragma once

#include "app/metrics.h"
#include "app/stores.h"

namespace sb {

// Wraps each store of `stores` so that every call records its latency and, when it fails, its
// error code in `metrics` (operation names such as "endpoint_insert"). The wrappers add no
// behaviour: results pass through unchanged. `metrics` must outlive the stores.
Stores Instrument(Stores stores, Metrics& metrics);

}  // namespace sb
