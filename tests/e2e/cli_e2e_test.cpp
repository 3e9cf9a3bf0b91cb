// End-to-end: the real unveil-cli binary on files written here; checks exit codes, stderr lines,
// and that the JSON output is JSON with the documented keys (and never NaN).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out, err;
};

Run run_cli(const std::string& args) {
  // One stderr file per call: ctest runs the tests of this file in parallel processes.
  static int calls = 0;
  const fs::path err_file =
      fs::temp_directory_path() /
      ("unveil_e2e_stderr_" + std::to_string(::getpid()) + "_" + std::to_string(++calls) + ".txt");
  const std::string cmd = std::string(UNVEIL_CLI_PATH) + " " + args + " 2>" + err_file.string();
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  std::size_t got;
  while ((got = fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), got);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream e(err_file);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  fs::remove(err_file);
  return r;
}

class CliE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_e2e_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  fs::path dir_;
};

// Two-option items with confidence .95 (right), .85 (wrong), .75 (right), .65 (right): accuracy
// 3/4; ECE over 10 bins = (.05 + .85 + .25 + .35) / 4 = .375.
const char* kFour =
    "{\"id\":\"a\",\"probs\":[0.95,0.05],\"label\":0,\"split\":\"cal\"}\n"
    "{\"id\":\"b\",\"probs\":[0.85,0.15],\"label\":1,\"split\":\"cal\"}\n"
    "{\"id\":\"c\",\"probs\":[0.25,0.75],\"label\":\"B\",\"split\":\"test\"}\n"
    "{\"id\":\"d\",\"probs\":[0.65,0.35],\"label\":0,\"split\":\"test\",\"note\":\"kept\"}\n";

}  // namespace

TEST_F(CliE2E, MetricsJsonHasTheDocumentedKeys) {
  const auto r = run_cli("metrics " + write("p.jsonl", kFour) + " --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* k :
       {"n", "accuracy", "ece", "mce", "rmsce", "ace", "brier", "nll", "auroc", "aurc", "bins"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_FALSE(j.contains("idk_rate"));
  EXPECT_EQ(j["n"], 4);
  EXPECT_NEAR(j["accuracy"].get<double>(), 0.75, 1e-12);
  EXPECT_NEAR(j["ece"].get<double>(), 0.375, 1e-12);
  ASSERT_EQ(j["bins"].size(), 10u);
  const auto& b0 = j["bins"][0];
  for (const char* k : {"lo", "hi", "count", "confidence", "accuracy", "gap", "ci_lo", "ci_hi"}) {
    EXPECT_TRUE(b0.contains(k)) << k;
  }
  EXPECT_TRUE(b0["confidence"].is_null());  // an empty bin: null, never NaN
  EXPECT_EQ(r.out.find("nan"), std::string::npos);
}

TEST_F(CliE2E, BinsBinningSplitAndBootstrap) {
  const auto r =
      run_cli("metrics " + write("p.jsonl", kFour) +
              " --bins 2 --binning mass --split test --bootstrap 50 --seed 1 --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["n"], 2);
  EXPECT_EQ(j["binning"], "mass");
  EXPECT_EQ(j["bins"].size(), 2u);
  ASSERT_TRUE(j.contains("ci"));
  EXPECT_TRUE(j["ci"]["ece"].is_array());
  EXPECT_TRUE(j["ci"]["auroc"].is_null());  // both test items are right: AUROC undefined
  const auto again =
      run_cli("metrics " + (dir_ / "p.jsonl").string() +
              " --bins 2 --binning mass --split test --bootstrap 50 --seed 1 --format json");
  EXPECT_EQ(again.out, r.out);  // seeded
}

TEST_F(CliE2E, MalformedLineExitsOneWithFileAndLine) {
  const std::string f =
      write("bad.jsonl", std::string(kFour) + "{\"logits\":[1,NaN],\"label\":0}\n");
  const auto r = run_cli("metrics " + f);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(f + ":5: value 2 of \"logits\" is NaN"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);  // one line
  const auto skip = run_cli("metrics " + f + " --skip-invalid --format json");
  ASSERT_EQ(skip.status, 0) << skip.err;
  const auto j = nlohmann::json::parse(skip.out);
  EXPECT_EQ(j["skipped"], 1);
  EXPECT_EQ(j["n"], 4);
}

TEST_F(CliE2E, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli("metrics").status, 2);
  EXPECT_EQ(run_cli("metrics a.jsonl --bins zero").status, 2);
  EXPECT_EQ(run_cli("metrics a.jsonl --frobnicate").status, 2);
  EXPECT_EQ(run_cli("metrics a.jsonl --format xml").status, 2);
  EXPECT_EQ(run_cli("calibrate").status, 2);
  EXPECT_EQ(run_cli("calibrate --fit a.jsonl --method isotonic").status, 2);
  EXPECT_EQ(run_cli("no-such-command").status, 2);
  EXPECT_EQ(run_cli("").status, 2);
}

TEST_F(CliE2E, MissingAndEmptyFilesExitOne) {
  const auto missing = run_cli("metrics " + (dir_ / "none.jsonl").string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos);
  const auto empty = run_cli("metrics " + write("empty.jsonl", ""));
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.err.find("holds no predictions"), std::string::npos);
}

TEST_F(CliE2E, CalibrateFitAndApply) {
  // Fit split: logits (2, 0), three of four labelled 0 -> T = 2 / log 3 (see temperature_test).
  std::string cal;
  for (int i = 0; i < 4; ++i) {
    cal += "{\"id\":\"c" + std::to_string(i) +
           "\",\"logits\":[2,0],\"label\":" + (i < 3 ? "0" : "1") + "}\n";
  }
  const auto r = run_cli("calibrate --fit " + write("cal.jsonl", cal) + " --apply " +
                         write("test.jsonl", kFour) + " --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["method"], "temperature");
  EXPECT_NEAR(j["temperature"].get<double>(), 2.0 / std::log(3.0), 1e-9);
  for (const char* set : {"fit", "apply"}) {
    ASSERT_TRUE(j.contains(set)) << set;
    EXPECT_TRUE(j[set]["before"].contains("ece"));
    EXPECT_TRUE(j[set]["after"].contains("ece"));
  }
  // Temperature scaling never changes accuracy.
  EXPECT_EQ(j["apply"]["before"]["accuracy"], j["apply"]["after"]["accuracy"]);
  EXPECT_LT(j["fit"]["after"]["nll"].get<double>(), j["fit"]["before"]["nll"].get<double>());
  const auto text = run_cli("calibrate --fit " + (dir_ / "cal.jsonl").string());
  ASSERT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("over-confident"), std::string::npos);
}

TEST_F(CliE2E, TextOutputNamesEveryMetric) {
  const auto r = run_cli("metrics " + write("p.jsonl", kFour));
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* k : {"accuracy", "ece", "ace", "brier", "nll", "auroc", "aurc"}) {
    EXPECT_NE(r.out.find(k), std::string::npos) << k;
  }
}
