#include "service/endpoint_service.h"

#include <algorithm>

#include "domain/digest.h"
#include "domain/resource_rules.h"
#include "domain/sip_profile.h"

namespace sb {
namespace {

// Each surface's clients name endpoints by that surface's id (either is accepted).
IdHint SurfaceIdHint(Surface surface) {
  return surface == Surface::kRelay ? IdHint::kEndpointId : IdHint::kResourceId;
}

Error UsernameTaken() {
  return Error::Invalid("not_unique_within_project", "username",
                        "username has already been taken in this project");
}

Error HandlerUnrecognized() {
  return Error::Invalid(
      "provided_id_is_unrecognized", "calling_handler_resource_id",
      "calling_handler_resource_id must be the id of another resource of this project");
}

// On an endpoint write, a store's kAlreadyExists can only be the username constraint, and
// kFailedPrecondition only the handler's foreign key (its resource was deleted meanwhile).
Error MapWriteError(Error error) {
  if (error.code == ErrorCode::kAlreadyExists)
    return UsernameTaken();
  if (error.code == ErrorCode::kFailedPrecondition)
    return HandlerUnrecognized();
  return error;
}

}  // namespace

EndpointService::EndpointService(EndpointStore& endpoints, ProjectStore& projects,
                                 const PasswordSealer& sealer, IdGenerator& ids, const Clock& clock,
                                 EndpointServiceOptions options)
    : endpoints_(endpoints),
      projects_(projects),
      sealer_(sealer),
      ids_(ids),
      clock_(clock),
      options_(std::move(options)) {}

Result<SipProfile> EndpointService::Profile(const std::string& project_id) {
  auto project = projects_.GetProject(project_id);
  if (!project)
    return Fail(project.error());
  return project->profile;
}

SipCredentials EndpointService::Credentials(const SipEndpoint& endpoint, const SipProfile& profile,
                                            const std::string& password) const {
  SipCredentials credentials =
      DeriveDigests(endpoint.username, SipDomain(profile, options_.sip_domain_suffix), password);
  auto sealed = sealer_.Seal(password, endpoint.id);
  credentials.sealed_password = std::move(sealed.bytes);
  credentials.key_id = std::move(sealed.key_id);
  return credentials;
}

Result<void> EndpointService::CheckHandlerResource(const SipEndpoint& endpoint) {
  if (endpoint.call_handler != CallHandler::kResource || !endpoint.calling_handler_resource_id) {
    return {};
  }
  const std::string& target = *endpoint.calling_handler_resource_id;
  Error unrecognized = Error::Invalid(
      "provided_id_is_unrecognized", "calling_handler_resource_id",
      "calling_handler_resource_id must be the id of another resource of this project");
  if (target == endpoint.resource_id || target == endpoint.id)
    return Fail(unrecognized);
  auto exists = endpoints_.ResourceExists(endpoint.project_id, target);
  if (!exists)
    return Fail(exists.error());
  if (!*exists)
    return Fail(unrecognized);
  return {};
}

Result<StoredEndpoint> EndpointService::NewEndpoint(const std::string& project_id,
                                                    const EndpointPatch& patch, Surface surface,
                                                    SipProfile& profile) {
  auto built =
      ApplyEndpointPatch(SipEndpoint{}, patch, WriteKind::kCreate, surface, options_.rules);
  if (!built)
    return Fail(built.error());
  auto read = Profile(project_id);
  if (!read)
    return Fail(read.error());
  profile = std::move(*read);

  StoredEndpoint stored;
  stored.endpoint = std::move(*built);
  SipEndpoint& e = stored.endpoint;
  e.id = ids_.NewId();
  e.resource_id = ids_.NewId();
  e.address_id = ids_.NewId();
  e.project_id = project_id;
  e.created_at = e.updated_at = clock_.Now();
  if (auto checked = CheckHandlerResource(e); !checked)
    return Fail(checked.error());
  if (patch.password.value && !patch.password.value->empty()) {
    stored.credentials = Credentials(e, profile, *patch.password.value);
  }
  return stored;
}

Result<SipEndpoint> EndpointService::Create(const std::string& project_id,
                                            const EndpointPatch& patch, Surface surface) {
  SipProfile profile;
  auto stored = NewEndpoint(project_id, patch, surface, profile);
  if (!stored)
    return Fail(stored.error());
  if (auto inserted = endpoints_.Insert(*stored); !inserted) {
    return Fail(MapWriteError(inserted.error()));
  }
  return ResolveInherited(std::move(stored->endpoint), profile);
}

void EndpointService::CreateAsync(const std::string& project_id, const EndpointPatch& patch,
                                  Surface surface, std::function<void(Result<SipEndpoint>)> done) {
  SipProfile profile;
  auto stored = NewEndpoint(project_id, patch, surface, profile);
  if (!stored)
    return done(Fail(stored.error()));
  // The store takes its own copy; the answer is built from this one.
  SipEndpoint endpoint = stored->endpoint;
  endpoints_.InsertAsync(std::move(*stored),
                         [endpoint = std::move(endpoint), profile = std::move(profile),
                          done = std::move(done)](Result<void> inserted) mutable {
                           if (!inserted)
                             return done(Fail(MapWriteError(inserted.error())));
                           done(ResolveInherited(std::move(endpoint), profile));
                         });
}

Result<SipEndpoint> EndpointService::Get(const std::string& project_id, const std::string& id,
                                         Surface surface) {
  auto read = endpoints_.GetWithProfile(project_id, id, SurfaceIdHint(surface));
  if (!read)
    return Fail(read.error());
  return ResolveInherited(std::move(read->stored.endpoint), read->profile);
}

void EndpointService::GetAsync(const std::string& project_id, const std::string& id,
                               Surface surface, std::function<void(Result<SipEndpoint>)> done) {
  endpoints_.GetWithProfileAsync(
      project_id, id, SurfaceIdHint(surface),
      [done = std::move(done)](Result<EndpointWithProfile> read) {
        if (!read)
          return done(Fail(read.error()));
        done(ResolveInherited(std::move(read->stored.endpoint), read->profile));
      });
}

Result<SipEndpoint> EndpointService::Update(const std::string& project_id, const std::string& id,
                                            const EndpointPatch& patch, Surface surface) {
  auto profile = Profile(project_id);
  if (!profile)
    return Fail(profile.error());
  bool new_password = patch.password.value && !patch.password.value->empty();
  auto updated =
      endpoints_.Update(project_id, id, [&](StoredEndpoint current) -> Result<StoredEndpoint> {
        auto next = ApplyEndpointPatch(current.endpoint, patch, WriteKind::kUpdate, surface,
                                       options_.rules);
        if (!next)
          return Fail(next.error());
        if (auto checked = CheckHandlerResource(*next); !checked)
          return Fail(checked.error());
        // Strictly increasing, so every update is visible even within one clock tick.
        next->updated_at = std::max(clock_.Now(), current.endpoint.updated_at + 1);
        StoredEndpoint out{std::move(*next), std::move(current.credentials)};
        if (new_password) {
          out.credentials = Credentials(out.endpoint, *profile, *patch.password.value);
        } else if (out.endpoint.username != current.endpoint.username &&
                   out.credentials.HasPassword()) {
          // A rename without a password (SignalWire's CLI does this): re-derive from the
          // sealed password.
          auto password = sealer_.Open(out.credentials.sealed_password, out.credentials.key_id,
                                       out.endpoint.id);
          if (!password)
            return Fail(password.error());
          out.credentials = Credentials(out.endpoint, *profile, *password);
        }
        return out;
      });
  if (!updated)
    return Fail(MapWriteError(updated.error()));
  return ResolveInherited(std::move(updated->endpoint), *profile);
}

Result<void> EndpointService::Delete(const std::string& project_id, const std::string& id) {
  auto deleted = endpoints_.Delete(project_id, id);
  if (!deleted && deleted.error().code == ErrorCode::kFailedPrecondition) {
    return Fail(ResourceAssignedAsHandler());
  }
  return deleted;
}

Result<std::vector<Registration>> EndpointService::Registrations(const std::string& project_id,
                                                                 const std::string& id) {
  return endpoints_.Registrations(project_id, id);
}

Result<bool> EndpointService::VisitList(const EndpointListQuery& query,
                                        const EndpointVisitor& visit) {
  // With the project's profile, from the same snapshot; the credentials are not read.
  auto page = endpoints_.VisitList(
      query,
      [&](const StoredEndpoint& row, const SipProfile& profile) { visit(row.endpoint, profile); });
  if (!page)
    return Fail(page.error());
  return page->has_older;
}

}  // namespace sb
