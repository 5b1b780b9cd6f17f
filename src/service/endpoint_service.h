#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/endpoint_patch.h"
#include "domain/endpoint_rules.h"
#include "domain/ids.h"
#include "domain/password_sealer.h"
#include "domain/sip_endpoint.h"
#include "storage/endpoint_store.h"
#include "storage/project_store.h"

namespace sb {

struct EndpointServiceOptions {
  std::string sip_domain_suffix = "sip.localhost";
  EndpointRules rules;
};

// Receives a page's endpoints as stored, one at a time, newest first: what an endpoint inherits
// is shown through ViewInherited(endpoint, profile) (domain/sip_profile.h) instead of being
// copied into each. Both are valid only during the call.
using EndpointVisitor = std::function<void(const SipEndpoint&, const SipProfile&)>;

// The SIP endpoint use cases of both surfaces: validate, derive the registrar's digests, seal the
// password, and talk to the store. Results are endpoints as clients see them: send_as, ciphers and
// codecs that the endpoint inherits show the SIP profile's current values. No HTTP, no SQL.
// Thread-safe.
class EndpointService {
 public:
  EndpointService(EndpointStore& endpoints, ProjectStore& projects, const PasswordSealer& sealer,
                  IdGenerator& ids, const Clock& clock, EndpointServiceOptions options);

  // kInvalidArgument with every field error; username taken: kInvalidArgument with
  // not_unique_within_project.
  Result<SipEndpoint> Create(const std::string& project_id, const EndpointPatch& patch,
                             Surface surface);
  // Create answered through `done`, on this thread or on one of the store's
  // (EndpointStore::InsertAsync). The checks and reads before the insert run on this thread.
  void CreateAsync(const std::string& project_id, const EndpointPatch& patch, Surface surface,
                   std::function<void(Result<SipEndpoint>)> done);
  // Whether CreateAsync returns before the store has committed (EndpointStore::
  // InsertsWithoutWaiting), so that a thread which must not wait for a commit may call it.
  bool CreatesWithoutWaiting() const { return endpoints_.InsertsWithoutWaiting(); }
  // By endpoint id or resource id; `surface` says which its clients use. kNotFound.
  Result<SipEndpoint> Get(const std::string& project_id, const std::string& id, Surface surface);
  // Get answered through `done`, on this thread or on one of the store's
  // (EndpointStore::GetWithProfileAsync): a GET that holds no thread while the store waits.
  void GetAsync(const std::string& project_id, const std::string& id, Surface surface,
                std::function<void(Result<SipEndpoint>)> done);
  // Merges `patch` (CONTRACT 4). A new username or password re-derives the digests.
  Result<SipEndpoint> Update(const std::string& project_id, const std::string& id,
                             const EndpointPatch& patch, Surface surface);
  Result<void> Delete(const std::string& project_id, const std::string& id);
  // One page, handed to `visit` row by row as it is read (nothing is collected); the result
  // tells whether older rows exist. kNotFound for an unknown project. On an error, drop what
  // was visited.
  Result<bool> VisitList(const EndpointListQuery& query, const EndpointVisitor& visit);
  // The contacts registered for the endpoint (by either id). kNotFound.
  Result<std::vector<Registration>> Registrations(const std::string& project_id,
                                                  const std::string& id);

 private:
  Result<SipProfile> Profile(const std::string& project_id);
  // A new endpoint built from `patch`, with its ids, times and credentials, ready to insert; the
  // project's profile in `profile`.
  Result<StoredEndpoint> NewEndpoint(const std::string& project_id, const EndpointPatch& patch,
                                     Surface surface, SipProfile& profile);
  // Checks that a `resource` handler names a resource of the project other than `self`.
  Result<void> CheckHandlerResource(const SipEndpoint& endpoint);
  SipCredentials Credentials(const SipEndpoint& endpoint, const SipProfile& profile,
                             const std::string& password) const;

  EndpointStore& endpoints_;
  ProjectStore& projects_;
  const PasswordSealer& sealer_;
  IdGenerator& ids_;
  const Clock& clock_;
  EndpointServiceOptions options_;
};

}  // namespace sb
