#pragma once

#include "domain/error.h"

namespace sb {

// The 422 for deleting a resource that an endpoint uses as its call handler (CONTRACT 4).
inline Error ResourceAssignedAsHandler() {
  return Error::FailedPrecondition(
      {{"resource_assigned_as_handler", "id",
        "the resource cannot be deleted while an endpoint uses it as its call handler"}});
}

}  // namespace sb
