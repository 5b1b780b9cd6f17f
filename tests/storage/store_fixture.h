#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "app/stores.h"
#include "domain/project.h"
#include "support/temp_dir.h"

namespace sb::testing {

// A fresh store of the kind named by the test parameter ("sqlite"; "postgres" joins when that
// store exists), so that one contract suite runs unchanged against every implementation.
class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { stores_ = OpenStores(dir_.File("store.db"), 4); }

  // A project row to hang endpoints and tokens on.
  Project MakeProject(const std::string& id, const std::string& domain_identifier) {
    Project p{id, "p-" + domain_identifier, NewProjectProfile(domain_identifier), 1};
    EXPECT_TRUE(stores_.projects->CreateProject(p));
    return p;
  }

  TempDir dir_;
  Stores stores_;
};

inline std::string StoreName(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

}  // namespace sb::testing
