#include "http/router.h"

#include <algorithm>

namespace sb::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
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

// Literal segments count for more than parameters, so /a/b beats /a/{id}.
int Specificity(const std::vector<std::string>& segments) {
  return static_cast<int>(std::count_if(segments.begin(), segments.end(),
                                        [](const std::string& s) { return s != "{}"; }));
}

}  // namespace

void Router::Add(std::string method, std::string_view path_template, Handler handler) {
  Route route{std::move(method), std::string(path_template), {}, std::move(handler)};
  for (auto segment : SplitPath(path_template)) {
    bool param = segment.size() > 1 && segment.front() == '{' && segment.back() == '}';
    route.segments.emplace_back(param ? "{}" : std::string(segment));
  }
  routes_.push_back(std::move(route));
}

std::vector<const Router::Route*> Router::Match(std::string_view path,
                                                std::vector<PathParams>& params) const {
  auto segments = SplitPath(path);
  std::vector<const Route*> matched;
  if (segments.empty())
    return matched;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size())
      continue;
    PathParams values;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (route.segments[i] == "{}") {
        ok = !segments[i].empty();
        values.emplace_back(segments[i]);
      } else {
        ok = route.segments[i] == segments[i];
      }
    }
    if (ok) {
      matched.push_back(&route);
      params.push_back(std::move(values));
    }
  }
  // Keep only the most specific templates (a literal route shadows a parameter route).
  int best = 0;
  for (const auto* r : matched) best = std::max(best, Specificity(r->segments));
  std::vector<const Route*> kept;
  std::vector<PathParams> kept_params;
  for (std::size_t i = 0; i < matched.size(); ++i) {
    if (Specificity(matched[i]->segments) == best) {
      kept.push_back(matched[i]);
      kept_params.push_back(std::move(params[i]));
    }
  }
  params = std::move(kept_params);
  return kept;
}

Response Router::Dispatch(const Request& request) const {
  std::vector<PathParams> params;
  auto matched = Match(request.path, params);
  if (matched.empty())
    return render_error_(404);
  for (std::size_t i = 0; i < matched.size(); ++i) {
    if (matched[i]->method == request.method) {
      Response response = matched[i]->handler(request, params[i]);
      response.route = matched[i]->path_template;
      return response;
    }
  }
  std::string allow;
  for (const auto* route : matched) {
    if (allow.find(route->method) == std::string::npos) {
      allow += (allow.empty() ? "" : ", ") + route->method;
    }
  }
  Response response = render_error_(405);
  response.headers.emplace_back("Allow", allow);
  response.route = matched.front()->path_template;
  return response;
}

}  // namespace sb::http
