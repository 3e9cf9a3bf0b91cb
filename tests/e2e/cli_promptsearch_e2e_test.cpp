// End-to-end, "Iterative prompt optimisation": the real unveil-cli runs a small search,
// prints JSON with the documented keys and a text table, reuses every run when asked again, and
// exits 1 on bad input and 2 on usage errors.
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
  return unveil::e2e::run_cli(args, "unveil_e2e_ps_stderr_");
}

}  // namespace

TEST(CliPromptSearchE2E, JsonTextReuseAndExitCodes) {
  const fs::path dir = fs::temp_directory_path() / ("unveil_e2e_ps_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  unveil::e2e::DemoProject demo;
  ASSERT_NO_FATAL_FAILURE(unveil::e2e::make_demo_project(dir, run_cli, &demo));
  const std::string &out = demo.out, &db = demo.db;
  const std::string card = out + "/models/shapes-mm.json";
  const std::string base = "promptsearch --db " + db + " --model " + card +
                           " --dataset shapes --split test --device cpu";
  const fs::path variants = dir / "variants.txt";
  std::ofstream(variants) << "# my own wordings\nIf you are not sure, choose I don't know. "
                             "Answer\n\nThe answer is clearly\n";

  const auto r = run_cli(base + " --k 2 --m 2 --rounds 2 --seed 3 --variants @" +
                         variants.string() + " --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("[round 1/2]"), std::string::npos) << r.err;  // progress on stderr
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key :
       {"search_id", "model",    "dataset", "split",     "condition",   "template",
        "k",         "m",        "rounds",  "seed",      "seeds",       "variants",
        "use_bank",  "ece_bins", "status",  "cancelled", "rounds_done", "seconds",
        "runs",      "best",     "top",     "per_round", "scored"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["status"], "complete");
  EXPECT_EQ(j["k"], 2);
  EXPECT_EQ(j["seeds"][0], "The answer might be");
  EXPECT_EQ(j["variants"].size(), 2u);
  ASSERT_EQ(j["per_round"].size(), 2u);
  EXPECT_EQ(j["per_round"][0]["scored"], 6);  // 2 seeds + 2 variants each (the user's first)
  EXPECT_EQ(j["scored"][2]["suffix"], "If you are not sure, choose I don't know. Answer");
  EXPECT_EQ(j["top"].size(), 2u);
  for (const char* key : {"suffix", "parent", "round", "n", "correct", "accuracy", "band", "ece",
                          "run_id", "run", "kept_through"}) {
    EXPECT_TRUE(j["scored"][0].contains(key)) << key;
  }
  const std::string tmpl = j["best"]["prompt_template"];
  EXPECT_NE(tmpl.find(j["best"]["suffix"].get<std::string>() + ": ("), std::string::npos) << tmpl;
  EXPECT_EQ(j["runs"]["created"], j["scored"].size());

  const auto text = run_cli(base + " --k 2 --m 2 --rounds 2 --seed 3 --variants @" +
                            variants.string() + " --quiet");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(text.err.empty()) << text.err;
  EXPECT_NE(text.out.find("Round 2:"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Best prompt: \"" + j["best"]["suffix"].get<std::string>() + "\""),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("runs: 0 created, " + std::to_string(j["scored"].size()) + " reused"),
            std::string::npos)
      << text.out;

  // Bad input: exit 1 with the reason.
  const auto ds =
      run_cli("promptsearch --db " + db + " --model " + card + " --dataset nope --split test");
  EXPECT_EQ(ds.status, 1);
  EXPECT_NE(ds.err.find("no dataset named \"nope\""), std::string::npos) << ds.err;
  const auto split =
      run_cli("promptsearch --db " + db + " --model " + card + " --dataset shapes --split tset");
  EXPECT_EQ(split.status, 1);
  EXPECT_NE(split.err.find("no split \"tset\""), std::string::npos) << split.err;
  const auto missing = run_cli("promptsearch --db " + db + " --model " + out +
                               "/missing.json --dataset shapes --split test");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("missing.json"), std::string::npos) << missing.err;
  const auto nofile = run_cli(base + " --variants @" + (dir / "none.txt").string());
  EXPECT_EQ(nofile.status, 1);
  EXPECT_NE(nofile.err.find("none.txt"), std::string::npos) << nofile.err;
  // Usage errors: exit 2.
  EXPECT_EQ(run_cli("promptsearch --db " + db + " --model " + card + " --dataset shapes").status,
            2);
  EXPECT_EQ(run_cli(base + " --k 0").status, 2);
  EXPECT_EQ(run_cli(base + " --m 0").status, 2);
  EXPECT_EQ(run_cli(base + " --rounds x").status, 2);
  EXPECT_EQ(run_cli(base + " --format xml").status, 2);
  fs::remove_all(dir);
}
