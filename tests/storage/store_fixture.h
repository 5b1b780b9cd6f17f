#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "app/stores.h"
#include "domain/project.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

namespace sb::testing {

// A fresh store of the kind named by the test parameter ("sqlite" or "postgres"), so that one
// contract suite runs unchanged against every implementation.
class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    bool postgres = GetParam() == "postgres";
    if (postgres && TestPostgresAdminUrl().empty()) {
      GTEST_SKIP() << "no test PostgreSQL (ctest's `postgres` fixture starts one)";
    }
    database_ = std::make_unique<TestDatabase>(dir_, postgres);
    stores_ = OpenStores(database_->url(), 4);
  }
  void TearDown() override { stores_ = Stores{}; }  // close before the database is dropped

  // A project row to hang endpoints and tokens on.
  Project MakeProject(const std::string& id, const std::string& domain_identifier) {
    Project p{id, "p-" + domain_identifier, NewProjectProfile(domain_identifier), 1};
    EXPECT_TRUE(stores_.projects->CreateProject(p));
    return p;
  }

  TempDir dir_;
  std::unique_ptr<TestDatabase> database_;
  Stores stores_;
};

inline std::string StoreName(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

}  // namespace sb::testing
