// HTTPS served directly with --tls-cert and --tls-key.
#include <cstdlib>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cert_ = dir_.File("cert.pem");
    key_ = dir_.File("key.pem");
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
        "-addext subjectAltName=IP:127.0.0.1 -keyout " +
        key_ + " -out " + cert_ + " > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << "openssl could not make a test certificate";
  }
  TempDir dir_;
  std::string cert_, key_;
};

TEST_F(TlsTest, ServesHttpsAndItsLinksSayHttps) {
  ServerProcess server(dir_, {"--tls-cert", cert_, "--tls-key", key_});
  ASSERT_EQ(server.base_url.rfind("https://", 0), 0u) << server.base_url;
  HttpClient client(server.base_url, server.project_id, server.token);
  client.SetCaFile(cert_);
  auto created = client.Post(kEndpoints, R"({"username":"tls-user","password":"tls-pass-123"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto list = client.Get(kEndpoints);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.Json()["links"]["self"].get<std::string>().rfind("https://", 0), 0u) << list.body;
  // Plain HTTP on the TLS port gets no API response, and an untrusting client refuses.
  std::string plain = "http://" + server.base_url.substr(8);
  EXPECT_NE(HttpClient(plain, server.project_id, server.token).Get(kEndpoints).status, 200);
  EXPECT_EQ(HttpClient(server.base_url, server.project_id, server.token).Get(kEndpoints).status, 0);
  EXPECT_EQ(client.Get("/healthz").status, 200);
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(TlsTest, ACertificateWithoutItsKeyIsAStartupError) {
  auto r = RunSwitchboard({"serve", "--tls-cert", cert_, "--database", dir_.File("x.db")});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--tls-key"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sb::testing
