#include "http/router.h"

#include <future>
#include <thread>

#include <gtest/gtest.h>

namespace sb::http {
namespace {

Router MakeRouter() {
  Router router([](int status) { return Response::Json(status, std::to_string(status)); });
  auto echo = [](std::string name) {
    return [name](const Request&, const PathParams& p) {
      std::string body = name;
      for (const auto& v : p) body += ":" + v;
      return Response::Json(200, body);
    };
  };
  router.Add("GET", "/items", echo("list"));
  router.Add("POST", "/items", echo("create"));
  router.Add("GET", "/items/{id}", echo("get"));
  router.Add("DELETE", "/items/{id}", echo("delete"));
  router.Add("GET", "/items/special", echo("special"));
  router.Add("GET", "/a/{x}/b/{y}", echo("two"));
  return router;
}

Response Call(const Router& r, std::string method, std::string path) {
  Request req;
  req.method = std::move(method);
  req.path = std::move(path);
  return r.Dispatch(req);
}

TEST(Router, MatchesMethodAndPathWithParameters) {
  auto r = MakeRouter();
  EXPECT_EQ(Call(r, "GET", "/items").body, "list");
  EXPECT_EQ(Call(r, "POST", "/items").body, "create");
  EXPECT_EQ(Call(r, "GET", "/items/42").body, "get:42");
  EXPECT_EQ(Call(r, "GET", "/items/special").body, "special");
}

// A server runs an asynchronous route where the request arrived and a waiting one elsewhere, so
// it asks the router which kind would answer.
TEST(Router, SaysWhichRoutesAnswerAsynchronously) {
  auto r = MakeRouter();
  r.AddAsync("PUT", "/items/{id}",
             [](const Request&, PathParams, Reply reply) { reply(Response::Json(200, "put")); });
  EXPECT_TRUE(r.AnswersAsynchronously("PUT", "/items/7"));
  EXPECT_TRUE(r.AnswersAsynchronously("PUT", "/items/7/"));
  EXPECT_FALSE(r.AnswersAsynchronously("POST", "/items"));
  EXPECT_FALSE(r.AnswersAsynchronously("DELETE", "/items/7"));
  EXPECT_FALSE(r.AnswersAsynchronously("PUT", "/items"));    // 405
  EXPECT_FALSE(r.AnswersAsynchronously("PUT", "/nothing"));  // 404
  EXPECT_EQ(Call(r, "PUT", "/items/7").body, "put");
}

TEST(Router, ToleratesOneTrailingSlashOnly) {
  auto r = MakeRouter();
  EXPECT_EQ(Call(r, "GET", "/items/").body, "list");
  EXPECT_EQ(Call(r, "GET", "/items/42/").body, "get:42");
  EXPECT_EQ(Call(r, "GET", "/items//").status, 404);
}

TEST(Router, PathsAreCaseSensitive) { EXPECT_EQ(Call(MakeRouter(), "GET", "/Items").status, 404); }

TEST(Router, WrongMethodIs405WithAllow) {
  auto resp = Call(MakeRouter(), "PUT", "/items/42");
  EXPECT_EQ(resp.status, 405);
  ASSERT_EQ(resp.headers.back().first, "Allow");
  EXPECT_EQ(resp.headers.back().second, "GET, DELETE");
}

TEST(Router, UnknownPathIs404) {
  auto r = MakeRouter();
  EXPECT_EQ(Call(r, "GET", "/nothing").status, 404);
  EXPECT_EQ(Call(r, "GET", "").status, 404);
  EXPECT_EQ(Call(r, "GET", "/items/42/more").status, 404);
}

TEST(Router, ParametersComeInTheirOrder) {
  EXPECT_EQ(Call(MakeRouter(), "GET", "/a/1/b/2").body, "two:1:2");
  EXPECT_EQ(Call(MakeRouter(), "GET", "/a/1/c/2").status, 404);
}

TEST(Router, LiteralRouteShadowsTheParameterRouteForEveryMethod) {
  // DELETE /items/{id} exists, but /items/special is a literal route that has only GET.
  auto r = MakeRouter();  // the route names point into it
  auto resp = Call(r, "DELETE", "/items/special");
  EXPECT_EQ(resp.status, 405);
  ASSERT_EQ(resp.headers.back().first, "Allow");
  EXPECT_EQ(resp.headers.back().second, "GET");
  EXPECT_EQ(resp.route, "/items/special");
}

TEST(Router, ResponseNamesTheTemplateThatAnswered) {
  auto r = MakeRouter();
  EXPECT_EQ(Call(r, "GET", "/items/42").route, "/items/{id}");
  EXPECT_EQ(Call(r, "DELETE", "/items/42").route, "/items/{id}");
  EXPECT_EQ(Call(r, "PUT", "/items/42").route, "/items/{id}");
  EXPECT_EQ(Call(r, "GET", "/nothing").route, "");
}

// An asynchronous route answers later, from another thread, with its parameters (which it owns)
// and the template's name, like any other.
TEST(Router, AnAsynchronousRouteAnswersFromAnotherThread) {
  Router router([](int status) { return Response::Json(status, std::to_string(status)); });
  std::thread answering;
  router.AddAsync("GET", "/later/{id}", [&](const Request&, PathParams params, Reply reply) {
    answering = std::thread([params = std::move(params), reply = std::move(reply)] {
      reply(Response::Json(200, "later:" + params[0]));
    });
  });
  Request req;
  req.method = "GET";
  req.path = "/later/7";
  std::promise<Response> answer;
  router.Dispatch(req, [&](Response response) { answer.set_value(std::move(response)); });
  Response response = answer.get_future().get();
  answering.join();
  EXPECT_EQ(response.body, "later:7");
  EXPECT_EQ(response.route, "/later/{id}");
}

}  // namespace
}  // namespace sb::http
