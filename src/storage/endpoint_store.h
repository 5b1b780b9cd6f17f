#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/page_token.h"
#include "domain/registration.h"
#include "domain/sip_endpoint.h"
#include "domain/sip_profile.h"
#include "storage/id_hint.h"

namespace sb {

struct EndpointListQuery {
  std::string project_id;
  // Case-insensitive substrings; `%` and `_` are literal. Both given: both must match.
  std::optional<std::string> username_contains;
  std::optional<std::string> caller_id_contains;
  std::optional<PageToken> cursor;  // none: start at the newest
  std::size_t limit = 50;
  // Whether rows carry their credentials (digests, sealed password): only a copy of the store
  // needs them; a listing for display leaves them unread.
  bool with_credentials = false;
};

// An endpoint with its project's SIP profile, whose defaults fill what the endpoint leaves unset.
// For display: `stored.credentials` is left empty.
struct EndpointWithProfile {
  StoredEndpoint stored;
  SipProfile profile;
};

// What a page leaves besides its rows.
struct EndpointPageInfo {
  bool has_older = false;  // rows exist after the last one (a `next` page)
  SipProfile profile;      // the project's, read in the same snapshot as the rows
};

struct EndpointPage : EndpointPageInfo {
  std::vector<StoredEndpoint> rows;  // newest first (endpoint id descending)
};

// Receives a page's rows one at a time, newest first, with the project's profile. Both are
// valid only during the call: a store may read every row into the same object.
using EndpointRowVisitor = std::function<void(const StoredEndpoint&, const SipProfile&)>;

// Where SIP endpoints live. Every call is scoped to a project: a record of another project is
// reported exactly as a missing one. Failures of the database map to kUnavailable (it cannot be
// reached or is busy past the timeout) or kInternal; no driver exception escapes.
// Implementations are thread-safe.
class EndpointStore {
 public:
  virtual ~EndpointStore() = default;

  // Stores a new endpoint and its Fabric resource. kAlreadyExists when its username, compared
  // case-insensitively, is taken in the project; the check is the database's constraint, so it
  // holds under concurrency. kFailedPrecondition when calling_handler_resource_id names no
  // resource (it was deleted meanwhile). Durable when it returns.
  virtual Result<void> Insert(const StoredEndpoint& endpoint) = 0;
  // Insert answered through `done`, which runs exactly once: on this thread before the call
  // returns, or later on a thread of the store's. The default calls Insert; a store that waits
  // for its commit without holding the caller's thread (SQLite's group commit) overrides it and
  // InsertsWithoutWaiting. `done` must not block or throw.
  using InsertDone = std::function<void(Result<void>)>;
  virtual void InsertAsync(StoredEndpoint endpoint, InsertDone done) { done(Insert(endpoint)); }
  // Whether InsertAsync returns before the database has answered, so that a thread which must not
  // wait (an HTTP I/O thread) may call it.
  virtual bool InsertsWithoutWaiting() const { return false; }

  // The endpoint whose endpoint id or resource id is `id`. kNotFound when none.
  virtual Result<StoredEndpoint> Get(const std::string& project_id, const std::string& id) = 0;

  // As Get, with the project's SIP profile read in the same statement (a GET needs both), and
  // without the credentials (a GET never shows them). `hint`: which id `id` most likely is; the
  // other is tried when it finds nothing.
  virtual Result<EndpointWithProfile> GetWithProfile(const std::string& project_id,
                                                     const std::string& id, IdHint hint) = 0;

  // GetWithProfile answered through `done`, which runs exactly once: on this thread before the
  // call returns, or later on a thread of the store's. A store that can wait for its database
  // without holding the caller's thread (PostgreSQL) overrides it; the default calls
  // GetWithProfile. `done` must not block or throw.
  using GetWithProfileDone = std::function<void(Result<EndpointWithProfile>)>;
  virtual void GetWithProfileAsync(const std::string& project_id, const std::string& id,
                                   IdHint hint, GetWithProfileDone done) {
    done(GetWithProfile(project_id, id, hint));
  }
  // Answers every asynchronous call still waiting with kUnavailable, and later ones the same way
  // at once: for a server that has stopped serving, before it is destroyed.
  virtual void StopAsyncCalls() {}

  // Reads the endpoint (by either id), passes it to `mutate`, and writes back what it returns,
  // all in one transaction, so concurrent updates never lose each other's changes. An error
  // from `mutate` is returned as is and nothing is written. kNotFound, kAlreadyExists as above.
  using Mutation = std::function<Result<StoredEndpoint>(StoredEndpoint current)>;
  virtual Result<StoredEndpoint> Update(const std::string& project_id, const std::string& id,
                                        const Mutation& mutate) = 0;

  // Removes the endpoint (by either id) with its Fabric resource, its address and its
  // registrations (so the phone is deregistered at once). kNotFound when none;
  // kFailedPrecondition while another endpoint uses it as its call handler.
  virtual Result<void> Delete(const std::string& project_id, const std::string& id) = 0;

  // One page of a newest-first list, by keyset (cost does not grow with depth), handed row by
  // row to `visit` while the page is read, so that a caller that only renders the rows copies
  // none of them (collecting a page of 50 took ~200 allocations and ~20% of a list request's
  // CPU; docs/performance.md). A kBefore cursor yields the `limit` rows just newer than its key,
  // still in newest-first order. kNotFound (and no call of `visit`) when the project does not
  // exist; on any error the rows already visited are to be dropped.
  virtual Result<EndpointPageInfo> VisitList(const EndpointListQuery& query,
                                             const EndpointRowVisitor& visit) = 0;
  // The same page, collected: for callers that keep the rows.
  Result<EndpointPage> List(const EndpointListQuery& query);

  // The contacts the registrar holds for the endpoint (by either id), from its location table.
  // kNotFound when there is no such endpoint.
  virtual Result<std::vector<Registration>> Registrations(const std::string& project_id,
                                                          const std::string& id) = 0;

  // Whether `resource_id` names a Fabric resource of the project.
  virtual Result<bool> ResourceExists(const std::string& project_id,
                                      const std::string& resource_id) = 0;
};

}  // namespace sb
