#include "http/router.h"

#include <future>

namespace sb::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  out.reserve(8);  // deeper than any route: one allocation
  if (path.size() > 1 && path.back() == '/')
    path.remove_suffix(1);  // one trailing slash
  if (path.empty() || path.front() != '/')
    return out;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos)
      break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// Parameters are stored as "{}" (see Router::Route); this test is on every request's path.
bool IsParameter(const std::string& segment) { return segment.size() == 2 && segment[0] == '{'; }

}  // namespace

void Router::Add(std::string method, std::string_view path_template, Handler handler) {
  Route route;
  route.handler = std::move(handler);
  AddRoute(std::move(method), path_template, std::move(route));
}

void Router::AddAsync(std::string method, std::string_view path_template, AsyncHandler handler) {
  Route route;
  route.async_handler = std::move(handler);
  AddRoute(std::move(method), path_template, std::move(route));
}

void Router::AddRoute(std::string method, std::string_view path_template, Route route) {
  route.method = std::move(method);
  route.path_template = std::string(path_template);
  for (auto segment : SplitPath(path_template)) {
    bool param = segment.size() > 1 && segment.front() == '{' && segment.back() == '}';
    route.segments.emplace_back(param ? "{}" : std::string(segment));
    route.specificity += param ? 0 : 1;
  }
  routes_.push_back(std::move(route));
}

bool Router::Matches(const Route& route, const std::vector<std::string_view>& segments) {
  if (route.segments.size() != segments.size())
    return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    bool ok =
        IsParameter(route.segments[i]) ? !segments[i].empty() : route.segments[i] == segments[i];
    if (!ok)
      return false;
  }
  return true;
}

std::string Router::AllowedMethods(const std::vector<std::string_view>& segments,
                                   int specificity) const {
  std::string allow;
  for (const auto& route : routes_) {
    if (route.specificity == specificity && Matches(route, segments) &&
        allow.find(route.method) == std::string::npos) {
      allow += (allow.empty() ? "" : ", ") + route.method;
    }
  }
  return allow;
}

Response Router::Dispatch(const Request& request) const {
  std::promise<Response> answer;
  auto answered = answer.get_future();
  Dispatch(request, [&answer](Response response) { answer.set_value(std::move(response)); });
  return answered.get();
}

// Only the most specific matching templates count (a literal route shadows a parameter route):
// the first of them with the request's method answers; the first of them names a 405's route.
const Router::Route* Router::Find(std::string_view method,
                                  const std::vector<std::string_view>& segments,
                                  const Route*& most_specific) const {
  most_specific = nullptr;
  const Route* answer = nullptr;
  if (segments.empty())
    return nullptr;
  for (const auto& route : routes_) {
    if (!Matches(route, segments))
      continue;
    if (most_specific == nullptr || route.specificity > most_specific->specificity) {
      most_specific = &route;
      answer = nullptr;
    } else if (route.specificity < most_specific->specificity) {
      continue;
    }
    if (answer == nullptr && route.method == method)
      answer = &route;
  }
  return answer;
}

bool Router::AnswersAsynchronously(std::string_view method, std::string_view path) const {
  const Route* most_specific = nullptr;
  const Route* answer = Find(method, SplitPath(path), most_specific);
  return answer != nullptr && answer->async_handler != nullptr;
}

// Matching allocates nothing but the split path and the chosen route's parameters: it runs on
// every request.
void Router::Dispatch(const Request& request, Reply reply) const {
  auto segments = SplitPath(request.path);
  const Route* most_specific = nullptr;
  const Route* answer = Find(request.method, segments, most_specific);
  if (most_specific == nullptr)
    return reply(render_error_(404));
  if (answer != nullptr) {
    PathParams params;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (IsParameter(answer->segments[i]))
        params.emplace_back(segments[i]);
    }
    std::string_view route = answer->path_template;
    if (answer->async_handler) {
      answer->async_handler(request, std::move(params),
                            [route, reply = std::move(reply)](Response response) {
                              response.route = route;
                              reply(std::move(response));
                            });
      return;
    }
    Response response = answer->handler(request, params);
    response.route = route;
    return reply(std::move(response));
  }
  Response response = render_error_(405);
  response.headers.emplace_back("Allow", AllowedMethods(segments, most_specific->specificity));
  response.route = most_specific->path_template;
  reply(std::move(response));
}

}  // namespace sb::http
