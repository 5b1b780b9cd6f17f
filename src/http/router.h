#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace sb::http {

// Values of a route's `{name}` segments, in order of appearance.
using PathParams = std::vector<std::string>;
using Handler = std::function<Response(const Request&, const PathParams&)>;

// Matches method and path against route templates such as "/api/x/{id}" (CONTRACT 1): paths are
// case-sensitive, one trailing slash is tolerated, a `{name}` segment matches any one non-empty
// segment, and literal segments win over parameters. A known path with another method answers
// 405 with an Allow header; an unknown path answers 404. Bodies of those two come from the
// `fallback` renderer. Built once at start-up, then read concurrently (thread-safe for reads).
class Router {
 public:
  using ErrorRenderer = std::function<Response(int status)>;
  explicit Router(ErrorRenderer render_error) : render_error_(std::move(render_error)) {}

  void Add(std::string method, std::string_view path_template, Handler handler);
  // Answers the request; the response names the template that matched in `route`.
  Response Dispatch(const Request& request) const;

 private:
  struct Route {
    std::string method;
    std::string path_template;
    std::vector<std::string> segments;  // "{}" marks a parameter
    int specificity = 0;                // literal segments: /a/b beats /a/{id}
    Handler handler;
  };
  // Whether `route`'s template matches the path split into `segments`.
  static bool Matches(const Route& route, const std::vector<std::string_view>& segments);
  // The Allow header of a 405: the methods of the most specific templates matching `segments`.
  std::string AllowedMethods(const std::vector<std::string_view>& segments, int specificity) const;

  ErrorRenderer render_error_;
  std::vector<Route> routes_;
};

}  // namespace sb::http
