#pragma once

#include <string>

#include "auth/auth_throttle.h"
#include "auth/authenticator.h"
#include "service/endpoint_service.h"
#include "service/profile_service.h"
#include "service/resource_service.h"

namespace sb::api {

struct ApiOptions {
  std::string public_base_url;    // overrides scheme and host in links when set
  bool behind_tls_proxy = false;  // links use https although the server speaks plain HTTP
  std::string fallback_host;      // for links when a request has no usable Host header
};

// What the route handlers need: the services and the options that shape responses.
struct ApiContext {
  EndpointService& endpoints;
  ResourceService& resources;
  ProfileService& profiles;
  const Authenticator& authenticator;
  ApiOptions options;
  AuthThrottle* throttle = nullptr;  // failed-authentication limits; none when null
};

}  // namespace sb::api
