// Set-up shared by the core tests of the analyses on tiny demo models (idk, modality, prompt
// search): the models made once per suite, a fresh project per test. GoogleTest only: it asserts.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "data/readers.h"
#include "store/store.h"
#include "test_util.h"

namespace unveil::test {

/// For a test suite's SetUpTestSuite: sets `dir` to TMP/PREFIX_<pid> and makes tiny_demo_models
/// there. Fails fatally on error.
inline void tiny_demo_suite_dir(const std::string& prefix, std::filesystem::path* dir) {
  *dir = std::filesystem::temp_directory_path() / (prefix + "_" + std::to_string(::getpid()));
  auto world = tiny_demo_models(*dir);
  ASSERT_TRUE(world.ok()) << world.error().message;
}

/// For a test's SetUp: a fresh project DIR/<the current test's name>.unveil (removed first), its
/// path put in `db`, holding the tiny world of `dir` (see tiny_demo_models) as dataset "shapes".
/// Fails fatally on error.
inline void tiny_demo_project(const std::filesystem::path& dir, std::filesystem::path* db) {
  *db = dir /
        (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".unveil");
  std::filesystem::remove(*db);
  auto st = store::Store::open(*db);
  ASSERT_TRUE(st.ok()) << st.error().message;
  auto ds = data::read_llava_json(dir / "shapes_world.json");
  ASSERT_TRUE(ds.ok());
  ds->name = "shapes";
  ASSERT_TRUE(st->add_dataset(*ds, "x", "llava").ok());
}

}  // namespace unveil::test
