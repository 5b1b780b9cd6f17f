// Real SIP: Kamailio registers phones against switchboard's endpoints (deploy/kamailio/), driven
// by SIPp scenarios (tests/sip/) and, for SHA-256 digests, by a small SIP client (SIPp 3.6 has
// no SHA-256). Runs on whichever store the suite runs on.
#include <fstream>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"
#include "support/kamailio_process.h"
#include "support/sip_client.h"

namespace sb::testing {
namespace {

class RegistrarTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    kamailio_ = std::make_unique<KamailioProcess>(dir_, server_->database,
                                                  KamailioProcess::Algorithm::kMd5);
    domain_ = client_->Get(kProfile).Json()["domain"];
  }
  void TearDown() override {
    kamailio_.reset();
    ApiTest::TearDown();
  }

  // Runs a SIPp scenario of tests/sip/ for one REGISTER; true when it ended as the scenario
  // expects (SIPp exits 0).
  bool Sipp(const std::string& scenario, const std::string& user, const std::string& domain,
            const std::string& password, int expires = 60) {
    std::string inf = dir_.File("sipp-" + std::to_string(++runs_) + ".csv");
    std::ofstream(inf) << "SEQUENTIAL\n" << user << ";" << domain << ";" << expires << "\n";
    std::string command = "sipp 127.0.0.1:" + std::to_string(kamailio_->port()) + " -sf '" +
                          std::string(SB_SOURCE_DIR) + "/tests/sip/" + scenario + "' -inf '" + inf +
                          "' -au '" + user + "' -ap '" + password + "' -m 1 -l 1 -i 127.0.0.1 -p " +
                          std::to_string(phone_port_) +
                          " -timeout 10s -timeout_error -nostdin > '" + inf + ".log' 2>&1";
    return std::system(command.c_str()) == 0;
  }
  bool Registers(const std::string& user, const std::string& domain, const std::string& password,
                 int expires = 60) {
    return Sipp("register.xml", user, domain, password, expires);
  }
  bool Refused(const std::string& user, const std::string& domain, const std::string& password) {
    return Sipp("register_refused.xml", user, domain, password);
  }
  Json Registrations(const std::string& id, HttpClient* c = nullptr) {
    auto r = (c ? c : client_.get())->Get(std::string(kEndpoints) + "/" + id + "/registrations");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["data"];
  }

  std::unique_ptr<KamailioProcess> kamailio_;
  std::string domain_;
  // One SIP port for every SIPp run of a test, as one phone keeps its contact address (an
  // unregister must name the contact it registered).
  int phone_port_ = FreeUdpPort();
  int runs_ = 0;
};

TEST_F(RegistrarTest, TheRightPasswordRegistersAndOthersAreRefused) {
  CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  EXPECT_TRUE(Registers("alice", domain_, "s3cret-pass")) << kamailio_->Log();
  EXPECT_TRUE(Refused("alice", domain_, "wrong-pass"));
  EXPECT_TRUE(Refused("nobody", domain_, "s3cret-pass"));
}

TEST_F(RegistrarTest, RegistrationsShowThroughTheApiAndGoOnUnregister) {
  auto e = CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  std::string id = e["id"];
  EXPECT_EQ(Registrations(id).size(), 0u);
  ASSERT_TRUE(Registers("alice", domain_, "s3cret-pass"));
  auto regs = Registrations(id);
  ASSERT_EQ(regs.size(), 1u);
  EXPECT_NE(regs[0]["contact"].get<std::string>().find("sip:alice@127.0.0.1:"), std::string::npos);
  EXPECT_EQ(regs[0]["source_address"].get<std::string>().rfind("127.0.0.1:", 0), 0u);
  EXPECT_EQ(regs[0]["transport"], "udp");
  EXPECT_EQ(regs[0]["user_agent"], "SIPp switchboard-test");
  EXPECT_EQ(regs[0]["expires_at"].get<std::string>().back(), 'Z');
  // The same through ?include= and on the Fabric surface.
  auto with = client_->Get(std::string(kEndpoints) + "/" + id + "?include=registrations").Json();
  EXPECT_EQ(with["registrations"], regs);
  auto fabric = client_->Get(std::string(kFabricEndpoints) + "/" + id + "/registrations").Json();
  EXPECT_EQ(fabric["data"], regs);
  // Another project sees none of it.
  auto other = NewProject("other");
  HttpClient c(server_->base_url, other.id, other.token);
  EXPECT_EQ(c.Get(std::string(kEndpoints) + "/" + id + "/registrations").status, 404);

  ASSERT_TRUE(Registers("alice", domain_, "s3cret-pass", 0));  // Expires: 0
  EXPECT_EQ(Registrations(id).size(), 0u);
}

TEST_F(RegistrarTest, DeletingAnEndpointDeregistersItAndRefusesItsNextRegister) {
  auto e = CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  ASSERT_TRUE(Registers("alice", domain_, "s3cret-pass"));
  ASSERT_EQ(server_->store().Row("SELECT count(*) FROM location WHERE username = $1", {"alice"})[0],
            "1");
  ASSERT_EQ(client_->Delete(std::string(kEndpoints) + "/" + e["id"].get<std::string>()).status,
            204);
  EXPECT_EQ(server_->store().Row("SELECT count(*) FROM location WHERE username = $1", {"alice"})[0],
            "0");
  EXPECT_TRUE(Refused("alice", domain_, "s3cret-pass"));
}

TEST_F(RegistrarTest, APasswordChangeRefusesTheOldPasswordAtOnce) {
  auto e = CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  ASSERT_TRUE(Registers("alice", domain_, "s3cret-pass"));
  ASSERT_EQ(client_
                ->Put(std::string(kEndpoints) + "/" + e["id"].get<std::string>(),
                      R"({"password":"n3w-secret-pass"})")
                .status,
            200);
  EXPECT_TRUE(Refused("alice", domain_, "s3cret-pass"));
  EXPECT_TRUE(Registers("alice", domain_, "n3w-secret-pass"));
}

TEST_F(RegistrarTest, ARenamedEndpointRegistersUnderItsNewName) {
  auto e = CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  ASSERT_EQ(client_
                ->Put(std::string(kEndpoints) + "/" + e["id"].get<std::string>(),
                      R"({"username":"alice2"})")
                .status,
            200);
  EXPECT_TRUE(Registers("alice2", domain_, "s3cret-pass"));
  EXPECT_TRUE(Refused("alice", domain_, "s3cret-pass"));
}

TEST_F(RegistrarTest, EachProjectsDomainIsItsOwnRealm) {
  CreateEndpoint("alice", {{"password", "project-a-pass"}});
  auto other = NewProject("other");
  HttpClient c(server_->base_url, other.id, other.token);
  ASSERT_EQ(c.Post(kEndpoints, R"({"username":"alice","password":"project-b-pass"})").status, 201);
  std::string other_domain = c.Get(kProfile).Json()["domain"];
  EXPECT_TRUE(Registers("alice", domain_, "project-a-pass"));
  EXPECT_TRUE(Registers("alice", other_domain, "project-b-pass"));
  EXPECT_TRUE(Refused("alice", other_domain, "project-a-pass"));
  EXPECT_TRUE(Refused("alice", domain_, "project-b-pass"));
}

TEST_F(RegistrarTest, Sha256DigestsWorkWithASha256Registrar) {
  CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  KamailioProcess sha(dir_, server_->database, KamailioProcess::Algorithm::kSha256);
  SipClient phone("127.0.0.1", sha.port());
  EXPECT_EQ(phone.Register("alice", domain_, "s3cret-pass").status, 200) << sha.Log();
  EXPECT_NE(phone.last_challenge().find("algorithm=SHA-256"), std::string::npos)
      << phone.last_challenge();
  EXPECT_EQ(phone.Register("alice", domain_, "wrong-pass").status, 401);
  // The MD5 registrar on the same store still takes MD5.
  SipClient md5_phone("127.0.0.1", kamailio_->port());
  EXPECT_EQ(md5_phone.Register("alice", domain_, "s3cret-pass").status, 200);
}

}  // namespace
}  // namespace sb::testing
