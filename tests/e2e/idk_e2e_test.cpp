// End-to-end, "I don't know": the real unveil-cli makes one run per prompt and split, then
// reuses them; JSON keys, progress on stderr, and exit codes 0/1/2.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace fs = std::filesystem;

namespace {

using unveil::e2e::Run;

Run run_cli(const std::string& args) {
  return unveil::e2e::run_cli(args, "unveil_idk_e2e_stderr_");
}

}  // namespace

TEST(IdkE2E, JsonKeysReuseAndExitCodes) {
  const fs::path dir = fs::temp_directory_path() / ("unveil_idk_e2e_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  unveil::e2e::DemoProject demo;
  ASSERT_NO_FATAL_FAILURE(unveil::e2e::make_demo_project(dir, run_cli, &demo));
  const std::string &out = demo.out, &db = demo.db;
  const std::string base =
      "idk --db " + db + " --model " + out + "/models/shapes-mm.json --dataset shapes --device cpu";

  const auto r = run_cli(base + " --bootstrap 100 --seed 1 --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("[1/6 default · idk]"), std::string::npos) << r.err;  // progress per run
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key :
       {"model", "dataset", "idk_split", "answerable_splits", "condition", "replicates",
        "bootstrap_seed", "level", "cancelled", "seconds", "prompts"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["idk_split"], "idk");
  EXPECT_EQ(j["answerable_splits"], nlohmann::json::array({"test"}));
  ASSERT_EQ(j["prompts"].size(), 3u);
  EXPECT_EQ(j["prompts"][0]["name"], "default");
  for (const auto& p : j["prompts"]) {
    for (const char* key : {"name", "template", "runs", "idk", "answerable", "versus_reference"})
      EXPECT_TRUE(p.contains(key)) << key;
    for (const char* key : {"items", "n", "admitted", "admit_rate", "answered",
                            "answered_confidence", "answered_confidence_histogram"})
      EXPECT_TRUE(p["idk"].contains(key)) << key;
    for (const char* key : {"n", "with_idk_option", "said_idk", "false_idk_rate", "accuracy",
                            "answered", "accuracy_answered"})
      EXPECT_TRUE(p["answerable"].contains(key)) << key;
    EXPECT_EQ(p["runs"][0]["run"], "created");
  }
  EXPECT_TRUE(j["prompts"][0]["versus_reference"].is_null());
  const auto& v = j["prompts"][1]["versus_reference"];
  for (const char* key : {"reference", "admit_rate", "accuracy", "false_idk_rate", "verdict"})
    EXPECT_TRUE(v.contains(key)) << key;
  for (const char* key : {"shared", "difference", "ci", "significant", "verdict"})
    EXPECT_TRUE(v["admit_rate"].contains(key)) << key;

  // The same again: every run reused, nothing on stderr with --quiet; text names the verdicts.
  const auto again = run_cli(base + " --bootstrap 100 --seed 1 --quiet");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_TRUE(again.err.empty()) << again.err;
  EXPECT_NE(again.out.find("Against \"default\""), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("reused"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("created"), std::string::npos) << again.out;

  // A prompt file: the study's wording and one of the user's.
  std::ofstream(dir / "prompts.txt") << "mine\t{image}{question}\\n{options}\\nAnswer: (\n";
  const auto file = run_cli(base + " --prompts @" + (dir / "prompts.txt").string() +
                            " --answerable-split none --bootstrap 10 --format json --quiet");
  ASSERT_EQ(file.status, 0) << file.err;
  const auto jf = nlohmann::json::parse(file.out);
  ASSERT_EQ(jf["prompts"].size(), 1u);
  EXPECT_EQ(jf["prompts"][0]["name"], "mine");
  EXPECT_EQ(jf["prompts"][0]["runs"].size(), 1u);

  const auto split = run_cli(base + " --idk-split idx");
  EXPECT_EQ(split.status, 1);
  EXPECT_NE(split.err.find("no split \"idx\""), std::string::npos) << split.err;
  const auto no_idk = run_cli(base + " --idk-split test --answerable-split calibration");
  EXPECT_EQ(no_idk.status, 1);
  EXPECT_NE(no_idk.err.find("has no \"I don't know\" items"), std::string::npos) << no_idk.err;
  const auto missing = run_cli(base + " --prompts @" + (dir / "none.txt").string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("none.txt"), std::string::npos) << missing.err;
  EXPECT_EQ(run_cli("idk --db " + db + " --dataset shapes").status, 2);  // no --model
  EXPECT_EQ(run_cli(base + " --prompts inviting").status, 2);
  EXPECT_EQ(run_cli(base + " --bootstrap -1").status, 2);
  EXPECT_EQ(run_cli(base + " --format xml").status, 2);
  fs::remove_all(dir);
}
