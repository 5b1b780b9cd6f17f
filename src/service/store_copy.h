#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "domain/error.h"
#include "storage/endpoint_store.h"
#include "storage/project_store.h"
#include "storage/resource_store.h"

namespace sb {

// The three stores of one database.
struct StoreSet {
  EndpointStore& endpoints;
  ProjectStore& projects;
  ResourceStore& resources;
};

// How many records of each kind a store holds (for the projects given, or all).
struct StoreCounts {
  std::size_t projects = 0;
  std::size_t tokens = 0;
  std::size_t endpoints = 0;
  std::size_t webhooks = 0;
  bool operator==(const StoreCounts&) const = default;
};

struct CopyOptions {
  // Copy into a store that already holds projects; records whose ids it already has are kept
  // as they are (so an interrupted copy can be run again). Off: a non-empty target is refused.
  bool into_non_empty = false;
  std::function<void(const std::string&)> progress;  // one line per project, optional
};

// Copies every project, its SIP profile, its tokens (as hashes), its SIP endpoints (digests and
// sealed passwords as they are, so they stay readable with the same key file) and its SWML
// webhooks from `from` to `to`, with ids and timestamps unchanged, then counts both sides.
// Registrations are not copied: phones register again with the registrar of the new store.
// kFailedPrecondition when the target is not empty (unless told) or records another SIP domain
// suffix; kInternal when the counts differ after the copy. Returns the source's counts.
Result<StoreCounts> CopyStore(StoreSet from, StoreSet to, const CopyOptions& options);

// Counts the records of every project of `stores`.
Result<StoreCounts> CountStore(StoreSet stores);

}  // namespace sb
