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
// A handler that answers through its Reply, exactly once, from any thread, now or later: one
// that waits for something (a database on the network) without holding the thread.
using AsyncHandler = std::function<void(const Request&, PathParams, Reply)>;

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
  void AddAsync(std::string method, std::string_view path_template, AsyncHandler handler);
  // Answers the request through `reply` (on this thread, unless an AsyncHandler answers later);
  // the response names the template that matched in `route`. `request` must stay valid until
  // `reply` has been called.
  void Dispatch(const Request& request, Reply reply) const;
  // The same, waiting for the answer.
  Response Dispatch(const Request& request) const;
  // Whether the route that would answer `method` on `path` is an AsyncHandler (one that holds
  // no thread while it waits), so that a server may run it where the request arrived.
  bool AnswersAsynchronously(std::string_view method, std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::string path_template;
    std::vector<std::string> segments;  // "{}" marks a parameter
    int specificity = 0;                // literal segments: /a/b beats /a/{id}
    Handler handler;                    // one of these two
    AsyncHandler async_handler;
  };
  void AddRoute(std::string method, std::string_view path_template, Route route);
  // The route that answers `method` on the path split into `segments` (none: a 404 or 405);
  // `most_specific` is set to the most specific template matching the path, whatever its method.
  const Route* Find(std::string_view method, const std::vector<std::string_view>& segments,
                    const Route*& most_specific) const;
  // Whether `route`'s template matches the path split into `segments`.
  static bool Matches(const Route& route, const std::vector<std::string_view>& segments);
  // The Allow header of a 405: the methods of the most specific templates matching `segments`.
  std::string AllowedMethods(const std::vector<std::string_view>& segments, int specificity) const;

  ErrorRenderer render_error_;
  std::vector<Route> routes_;
};

}  // namespace sb::http
