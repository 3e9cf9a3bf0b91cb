// End-to-end: the real unveil-cli binary on files written here; checks exit codes, stderr lines,
// and that the JSON output is JSON with the documented keys (and never NaN).
#include <gtest/gtest.h>

#include <unistd.h>
#include <cctype>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace fs = std::filesystem;

namespace {

// A NaN written as a value ("nan", "-nan", "NaN"), not the letters inside a key such as
// "n_unanswered".
bool has_nan_value(const std::string& out) {
  for (std::size_t at = out.find("nan"); at != std::string::npos; at = out.find("nan", at + 1)) {
    const char before = at == 0 ? ' ' : out[at - 1];
    if (!std::isalpha(static_cast<unsigned char>(before)) && before != '_') return true;
  }
  return out.find("NaN") != std::string::npos;
}

using unveil::e2e::Run;

Run run_cli(const std::string& args) {
  return unveil::e2e::run_cli(args, "unveil_e2e_stderr_");
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
  EXPECT_FALSE(has_nan_value(r.out)) << r.out;
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

// The store commands end to end — import a dataset, import predictions as a run, list
// runs, metrics of a stored run equal the file's, export round-trips.
TEST_F(CliE2E, ProjectImportRunsMetricsExportRoundTrip) {
  const std::string db = (dir_ / "p.unveil").string();
  const std::string data = write(
      "d.json",
      R"([{"id": "a", "conversations": [{"from": "human", "value": "Q?\nA. x\nB. y\nC. I don't know"}, {"from": "gpt", "value": "A"}]},
                                     {"id": "b", "conversations": [{"from": "human", "value": "Q?\nA. x\nB. y"}, {"from": "gpt", "value": "Z"}]}])");
  const auto imp = run_cli("import " + data + " --db " + db + " --name demo --format json");
  ASSERT_EQ(imp.status, 0) << imp.err;
  const auto ij = nlohmann::json::parse(imp.out);
  EXPECT_EQ(ij["items"], 1);
  EXPECT_EQ(ij["skipped"], 1);  // item b's answer is not an option: reported, not fatal
  EXPECT_NE(ij["problems"][0].get<std::string>().find("item 2"), std::string::npos);

  const std::string pred = write("p.jsonl", kFour);
  const auto ip = run_cli("import-predictions " + pred + " --db " + db +
                          " --dataset ext --name \"cluster; run\" --format json");
  ASSERT_EQ(ip.status, 0) << ip.err;
  const int run = nlohmann::json::parse(ip.out)["run_id"];

  const auto runs = run_cli("runs --db " + db + " --format json");
  ASSERT_EQ(runs.status, 0) << runs.err;
  const auto rj = nlohmann::json::parse(runs.out);
  ASSERT_EQ(rj.size(), 1u);
  EXPECT_EQ(rj[0]["name"], "cluster; run");
  EXPECT_EQ(rj[0]["status"], "imported");
  EXPECT_NEAR(rj[0]["metrics"]["accuracy"].get<double>(), 0.75, 1e-12);

  const auto from_file = nlohmann::json::parse(run_cli("metrics " + pred + " --format json").out);
  const auto from_db = nlohmann::json::parse(
      run_cli("metrics --db " + db + " --run " + std::to_string(run) + " --format json").out);
  for (const char* k : {"n", "accuracy", "ece", "brier", "nll", "aurc"})
    EXPECT_EQ(from_file[k], from_db[k]) << k;

  const auto exported = run_cli("export --db " + db + " --run " + std::to_string(run));
  ASSERT_EQ(exported.status, 0);
  const std::string back = write("back.jsonl", exported.out);
  const auto again = nlohmann::json::parse(run_cli("metrics " + back + " --format json").out);
  for (const char* k : {"n", "accuracy", "ece", "nll"})
    EXPECT_EQ(again[k], from_file[k]) << k;
  EXPECT_NE(exported.out.find("\"note\":\"kept\""), std::string::npos);  // unknown keys survive

  const auto csv = run_cli("export --db " + db + " --run " + std::to_string(run) + " --format csv");
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 5);  // header + 4 rows

  EXPECT_EQ(run_cli("runs --db " + pred).status, 1);  // not a project
  EXPECT_EQ(run_cli("metrics --db " + db + " --run 99").status, 1);
  EXPECT_EQ(run_cli("export --db " + db).status, 2);
}

TEST_F(CliE2E, InspectCountsAndCustomIdkPhrases) {
  const std::string data = write(
      "d.json",
      R"([{"id": "a", "conversations": [{"from": "human", "value": "Q?\nA. x\nB. Pass"}, {"from": "gpt", "value": "B"}]}])");
  const auto plain = nlohmann::json::parse(run_cli("inspect " + data + " --format json").out);
  EXPECT_EQ(plain["items"], 1);
  EXPECT_EQ(plain["idk_questions"], 0);
  const auto custom = run_cli("inspect " + data + " --idk-phrases \"Pass;No idea\" --format json");
  ASSERT_EQ(custom.status, 0) << custom.err;
  EXPECT_EQ(nlohmann::json::parse(custom.out)["idk_questions"], 1);
  EXPECT_EQ(run_cli("inspect " + (dir_ / "missing.json").string()).status, 1);
}

// `compare` end to end — two imported runs on the same 30 items, the second with its
// wrong answers made hesitant; JSON keys, text verdicts, and exit codes 0/1/2.
TEST_F(CliE2E, CompareRunsJsonTextAndExitCodes) {
  std::string over, hesitant;
  for (int i = 0; i < 30; ++i) {
    const std::string id = "\"id\":\"q" + std::to_string(i) + "\"";
    const int label = i % 3 == 0 ? 1 : 0;  // always answering A is right on 2/3 of the items
    over += "{" + id + ",\"probs\":[0.99,0.01],\"label\":" + std::to_string(label) + "}\n";
    hesitant += "{" + id + ",\"probs\":[" + (label == 0 ? "0.99,0.01" : "0.5,0.5") +
                "],\"label\":" + std::to_string(label) + "}\n";
  }
  // By hand: ECE 0.99 - 2/3 = 0.323 against 2/3 * 0.01 + 1/3 * 0.5 = 0.173.
  const std::string db = (dir_ / "p.unveil").string();
  const auto import = [&](const std::string& file, const std::string& text) {
    return run_cli("import-predictions " + write(file, text) + " --db " + db +
                   " --dataset ext --name " + file);
  };
  ASSERT_EQ(import("over.jsonl", over).status, 0);
  ASSERT_EQ(import("hesitant.jsonl", hesitant).status, 0);
  const auto r =
      run_cli("compare --db " + db + " --runs 1,2 --bootstrap 200 --seed 3 --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(has_nan_value(r.out)) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* k : {"runs", "shared_items", "differences", "bootstrap", "seed"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["shared_items"], 30);
  EXPECT_EQ(j["bootstrap"], 200);
  EXPECT_EQ(j["seed"], 3);
  ASSERT_EQ(j["runs"].size(), 2u);
  for (const char* k :
       {"id", "name", "model", "dataset", "split", "condition", "n_run", "metrics", "ci"})
    EXPECT_TRUE(j["runs"][0].contains(k)) << k;
  for (const char* k : {"n", "accuracy", "ece", "mce", "rmsce", "ace", "brier", "nll", "auroc",
                        "aurc", "binning", "bins"})
    EXPECT_TRUE(j["runs"][1]["metrics"].contains(k)) << k;
  EXPECT_TRUE(j["runs"][1]["ci"]["ece"].is_array());
  ASSERT_EQ(j["differences"].size(), 9u);  // one per metric; no IDK option known
  for (const auto& d : j["differences"]) {
    for (const char* k :
         {"run", "against", "metric", "difference", "ci", "significant", "better", "verdict"})
      EXPECT_TRUE(d.contains(k)) << k;
    EXPECT_EQ(d["run"], 2);
    EXPECT_EQ(d["against"], 1);
  }
  const auto& ece = j["differences"][1];
  EXPECT_EQ(ece["metric"], "ece");
  EXPECT_NEAR(ece["difference"].get<double>(), 0.5 / 3 + 0.02 / 3 - 0.99 + 2.0 / 3, 1e-9);
  EXPECT_EQ(ece["better"], "run");
  EXPECT_NE(ece["verdict"].get<std::string>().find("run 2 is better (lower)"), std::string::npos);

  const auto text = run_cli("compare --db " + db + " --runs 1,2 --bootstrap 200 --seed 3");
  ASSERT_EQ(text.status, 0) << text.err;
  for (const char* s : {"run 1", "run 2", "ECE", "Brier score", "run 2 is better (lower)"})
    EXPECT_NE(text.out.find(s), std::string::npos) << s;

  const auto unknown = run_cli("compare --db " + db + " --runs 1,9");
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.err.find("no run 9"), std::string::npos) << unknown.err;
  const auto missing = run_cli("compare --db " + (dir_ / "none.unveil").string() + " --runs 1,2");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("none.unveil: no such project file"), std::string::npos);
  EXPECT_EQ(run_cli("compare --db " + db + " --runs 1").status, 2);
  EXPECT_EQ(run_cli("compare --db " + db + " --runs 1,2,3,4,5").status, 2);
  EXPECT_EQ(run_cli("compare --db " + db + " --runs 1,x").status, 2);
  EXPECT_EQ(run_cli("compare --runs 1,2").status, 2);
  EXPECT_EQ(run_cli("compare --db " + db + " --runs 1,2 --format xml").status, 2);
}

// Text versus image uncertainty: the real binary makes the runs once, then reuses them.
TEST_F(CliE2E, ModalityJsonKeysReuseAndExitCodes) {
  unveil::e2e::DemoProject demo;
  ASSERT_NO_FATAL_FAILURE(unveil::e2e::make_demo_project(dir_, run_cli, &demo));
  const std::string &out = demo.out, &db = demo.db;
  const std::string base = "modality --db " + db + " --model " + out +
                           "/models/shapes-mm.json --dataset shapes --split test --device cpu";

  const auto r = run_cli(base + " --conditions image,text,blank,noise:0.3,blur:2 --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("[1/5 image]"), std::string::npos) << r.err;  // progress per condition
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"model", "dataset", "split", "prompt", "reference", "ece_bins",
                          "cancelled", "seconds", "conditions"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["reference"], "image");
  ASSERT_EQ(j["conditions"].size(), 5u);
  EXPECT_EQ(j["conditions"][3]["condition"], "noise:0.3");
  for (const auto& c : j["conditions"]) {
    for (const char* key :
         {"condition", "run_id", "run", "n", "accuracy", "ece", "mean_confidence", "mean_entropy",
          "confidence_histogram", "entropy_histogram", "versus_reference"}) {
      EXPECT_TRUE(c.contains(key)) << key;
    }
    EXPECT_EQ(c["run"], "created");
  }
  EXPECT_TRUE(j["conditions"][0]["versus_reference"].is_null());
  const auto& v = j["conditions"][1]["versus_reference"];
  for (const char* key : {"kept_right", "kept_wrong", "changed_to_right", "changed_to_wrong"})
    EXPECT_TRUE(v["transitions"].contains(key)) << key;
  EXPECT_EQ(v["pairs"].size(), v["shared"].get<std::size_t>());

  const auto again = run_cli(base + " --conditions image,text --format json --quiet");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_TRUE(again.err.empty()) << again.err;
  const auto j2 = nlohmann::json::parse(again.out);
  EXPECT_EQ(j2["conditions"][1]["run"], "reused");
  EXPECT_EQ(j2["conditions"][1]["run_id"], j["conditions"][1]["run_id"]);
  const auto text = run_cli(base + " --conditions image,text --quiet");
  EXPECT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("kept right"), std::string::npos) << text.out;

  const auto fog = run_cli(base + " --conditions image,fog");
  EXPECT_EQ(fog.status, 1);
  EXPECT_NE(fog.err.find("condition \"fog\""), std::string::npos) << fog.err;
  const auto noise = run_cli(base + " --conditions noise:abc");
  EXPECT_EQ(noise.status, 1);
  EXPECT_NE(noise.err.find("noise:abc"), std::string::npos) << noise.err;
  EXPECT_EQ(run_cli("modality --db " + db + " --model " + out +
                    "/models/shapes-mm.json --dataset nope --split test --conditions image")
                .status,
            1);
  const auto missing = run_cli("modality --db " + db + " --model " + out +
                               "/missing.json --dataset shapes --split test --conditions image");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("missing.json"), std::string::npos) << missing.err;
  EXPECT_EQ(run_cli(base).status, 2);  // no --conditions
  EXPECT_EQ(run_cli(base + " --conditions image --bins 0").status, 2);
  EXPECT_EQ(run_cli(base + " --conditions image --format xml").status, 2);
}

// Reports: the real binary writes a self-contained HTML report; exit codes 0/1/2.
TEST_F(CliE2E, ReportWritesHtmlOrPdfAndRefusesBadInput) {
  std::string a, b;
  for (int i = 0; i < 20; ++i) {
    const std::string id = "\"id\":\"q" + std::to_string(i) + "\"";
    const int label = i % 4 == 0 ? 1 : 0;
    a += "{" + id + ",\"probs\":[0.9,0.1],\"label\":" + std::to_string(label) + "}\n";
    b += "{" + id + ",\"probs\":[0.7,0.3],\"label\":" + std::to_string(label) + "}\n";
  }
  const std::string db = (dir_ / "p.unveil").string();
  ASSERT_EQ(run_cli("import-predictions " + write("a.jsonl", a) + " --db " + db +
                    " --dataset ext --name first")
                .status,
            0);
  ASSERT_EQ(run_cli("import-predictions " + write("b.jsonl", b) + " --db " + db +
                    " --dataset ext --name second")
                .status,
            0);
  const fs::path out = dir_ / "r.html";
  const auto r =
      run_cli("report --db " + db + " --run 1 --out " + out.string() + " --bootstrap 100 --seed 2");
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream f(out);
  const std::string html((std::istreambuf_iterator<char>(f)), {});
  EXPECT_NE(html.find("<svg class=\"reliability\""), std::string::npos);
  EXPECT_NE(html.find("first"), std::string::npos);
  EXPECT_EQ(html.find("nan"), std::string::npos);
  // Its own command line names the file it was written to.
  EXPECT_NE(html.find("--out " + out.string() + " --bins"), std::string::npos);

  const fs::path cmp = dir_ / "c.html";
  const auto c =
      run_cli("report --db " + db + " --compare 1,2 --out " + cmp.string() + " --bootstrap 100");
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_TRUE(fs::exists(cmp));

  const auto unknown = run_cli("report --db " + db + " --run 9 --out " + out.string());
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.err.find("no run 9"), std::string::npos) << unknown.err;
  const auto missing =
      run_cli("report --db " + (dir_ / "none.unveil").string() + " --run 1 --out " + out.string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("none.unveil: no such project file"), std::string::npos);
  const auto unwritable = run_cli("report --db " + db + " --run 1 --bootstrap 10 --out " +
                                  (dir_ / "no" / "dir" / "x.html").string());
  EXPECT_EQ(unwritable.status, 1);
  EXPECT_NE(unwritable.err.find("x.html: cannot write"), std::string::npos) << unwritable.err;

  EXPECT_EQ(run_cli("report --db " + db + " --out " + out.string()).status, 2);
  EXPECT_EQ(run_cli("report --db " + db + " --run 1 --compare 1,2 --out " + out.string()).status,
            2);
  // A recipe: the report is of it and its own command line repeats it; a comparison refuses it
  // (its runs are paired item by item); the study's recipe fixes the bins.
  const auto dropped = run_cli("report --db " + db + " --run 1 --unanswered drop --bootstrap 10 " +
                               "--out " + out.string());
  ASSERT_EQ(dropped.status, 0) << dropped.err;
  std::ifstream df(out);
  const std::string dropped_html((std::istreambuf_iterator<char>(df)), {});
  EXPECT_NE(dropped_html.find("--unanswered drop"), std::string::npos);
  EXPECT_NE(dropped_html.find("items without an option letter: left out"), std::string::npos);
  const auto paired =
      run_cli("report --db " + db + " --compare 1,2 --recipe study --out " + cmp.string());
  EXPECT_EQ(paired.status, 1);
  EXPECT_NE(paired.err.find("a comparison pairs its runs item by item"), std::string::npos)
      << paired.err;
  EXPECT_EQ(run_cli("report --db " + db + " --run 1 --recipe study --bins 5 --out " + out.string())
                .status,
            2);
  // The same reports as PDF, chosen by the file's ending (any case).
  const fs::path pdf = dir_ / "R.PDF";
  const auto p =
      run_cli("report --db " + db + " --compare 1,2 --bootstrap 100 --out " + pdf.string());
  ASSERT_EQ(p.status, 0) << p.err;
  std::ifstream pf(pdf, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(pf)), {});
  EXPECT_EQ(bytes.rfind("%PDF-1.4", 0), 0u);
  EXPECT_NE(bytes.find("(Calibration) Tj"), std::string::npos);
  EXPECT_EQ(bytes.substr(bytes.size() - 6), "%%EOF\n");
  const auto txt = run_cli("report --db " + db + " --run 1 --out r.txt");
  EXPECT_EQ(txt.status, 2);
  EXPECT_NE(txt.err.find("--out must name a .html or .pdf file; found \"r.txt\""),
            std::string::npos)
      << txt.err;
  EXPECT_EQ(run_cli("report --db " + db + " --compare 1,x --out " + out.string()).status, 2);
}

// `inspect` decodes every image: a PNG cut short passes reading (the file exists) but is reported
// as a problem naming the dataset file, the item and the image; whole images are not.
#include "data/image.h"

TEST_F(CliE2E, InspectDecodesEveryImage) {
  auto image = unveil::data::RgbImage::filled(40, 30, {200, 30, 90});
  const auto png = unveil::data::encode_png(image);
  ASSERT_TRUE(png.ok()) << png.error().message;
  const auto jpg = unveil::data::encode_jpeg(image, 90);
  ASSERT_TRUE(jpg.ok()) << jpg.error().message;
  fs::create_directories(dir_ / "img");
  const auto put = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / "img" / name, std::ios::binary) << bytes;
  };
  put("whole.png", *png);
  put("whole.jpg", *jpg);
  put("cut.png", png->substr(0, png->size() / 2));
  const auto item = [](const std::string& id, const std::string& image_path) {
    return R"({"id": ")" + id + R"(", "image": ")" + image_path +
           R"(", "conversations": [{"from": "human", "value": "<image>\nQ?\nA. x\nB. y"}, )"
           R"({"from": "gpt", "value": "A"}]})";
  };
  const std::string good = write(
      "good.json", "[" + item("p", "img/whole.png") + ", " + item("j", "img/whole.jpg") + "]");
  const std::string bad =
      write("bad.json", "[" + item("p", "img/whole.png") + ", " + item("c", "img/cut.png") + "]");

  const auto ok = run_cli("inspect " + good + " --format json");
  ASSERT_EQ(ok.status, 0) << ok.err;
  const auto okj = nlohmann::json::parse(ok.out);
  EXPECT_EQ(okj["items"], 2);
  EXPECT_EQ(okj["undecodable_images"], 0);
  EXPECT_TRUE(okj["problems"].empty());

  const auto r = run_cli("inspect " + bad + " --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["items"], 2);
  EXPECT_EQ(j["skipped"], 0);
  EXPECT_EQ(j["undecodable_images"], 1);
  ASSERT_EQ(j["problems"].size(), 1u);
  EXPECT_EQ(j["problems"][0]["file"], bad);
  EXPECT_EQ(j["problems"][0]["where"], "item 2 (id \"c\")");
  const std::string message = j["problems"][0]["message"];
  EXPECT_NE(message.find((dir_ / "img" / "cut.png").string() + ": corrupt or truncated PNG"),
            std::string::npos)
      << message;

  const auto text = run_cli("inspect " + bad);
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("images that cannot be decoded: 1"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(bad + ": item 2 (id \"c\"): the image cannot be decoded: "),
            std::string::npos)
      << text.out;
}

// import-predictions into an existing dataset: each prediction must have the item's number of
// options and its answer as label; a mismatch or an id twice refuses the whole file with one line
// naming the line, and nothing is imported; --skip-invalid skips and counts instead.
TEST_F(CliE2E, ImportPredictionsChecksAgainstTheDataset) {
  const std::string db = (dir_ / "p.unveil").string();
  // Creates dataset "ext": items a..d with two options and answers 0, 1, 1, 0.
  ASSERT_EQ(run_cli("import-predictions " + write("first.jsonl", kFour) + " --db " + db +
                    " --dataset ext --name first")
                .status,
            0);
  const auto runs = [&] {
    return nlohmann::json::parse(run_cli("runs --db " + db + " --format json").out).size();
  };
  const std::string options = write("options.jsonl",
                                    "{\"id\":\"a\",\"logits\":[1,0],\"label\":0}\n{\"id\":\"b\","
                                    "\"logits\":[1,0,2],\"label\":1}\n");
  const auto o =
      run_cli("import-predictions " + options + " --db " + db + " --dataset ext --name x");
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.err,
            "unveil-cli: " + options +
                ": line 2: prediction \"b\" has 3 options, but item \"b\" of dataset \"ext\" "
                "has 2\n");
  const std::string label =
      write("label.jsonl",
            "{\"id\":\"a\",\"logits\":[1,0],\"label\":0}\n\n{\"id\":\"c\",\"logits\":"
            "[1,0],\"label\":\"A\"}\n");
  const auto l = run_cli("import-predictions " + label + " --db " + db + " --dataset ext --name x");
  EXPECT_EQ(l.status, 1);
  EXPECT_EQ(l.err,
            "unveil-cli: " + label +
                ": line 3: prediction \"c\" has label 0 (A), but item \"c\" of dataset \"ext\" "
                "has answer 1 (B)\n");
  const std::string twice = write("twice.jsonl",
                                  "{\"id\":\"a\",\"logits\":[1,0],\"label\":0}\n"
                                  "{\"id\":\"b\",\"logits\":[1,0],\"label\":1}\n"
                                  "{\"id\":\"a\",\"logits\":[0,1],\"label\":0}\n");
  const auto t = run_cli("import-predictions " + twice + " --db " + db + " --dataset ext --name x");
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(t.err,
            "unveil-cli: " + twice + ": prediction id \"a\" appears twice (lines 1 and 3)\n");
  // Into a new dataset as well: no SQLite message, and no dataset left behind.
  const auto t2 =
      run_cli("import-predictions " + twice + " --db " + db + " --dataset new --name x");
  EXPECT_EQ(t2.status, 1);
  EXPECT_EQ(t2.err,
            "unveil-cli: " + twice + ": prediction id \"a\" appears twice (lines 1 and 3)\n");
  EXPECT_EQ(runs(), 1u);

  // --skip-invalid: the three refused lines are skipped and counted, the good one imported.
  const std::string mixed = write("mixed.jsonl",
                                  "{\"id\":\"a\",\"logits\":[1,0],\"label\":0}\n"
                                  "{\"id\":\"b\",\"logits\":[1,0,2],\"label\":1}\n"
                                  "{\"id\":\"a\",\"logits\":[0,1],\"label\":0}\n"
                                  "{\"id\":\"c\",\"logits\":[1,0],\"label\":0}\n"
                                  "{\"id\":\"d\",\"logits\":[1,\"x\"],\"label\":0}\n");
  const auto s = run_cli("import-predictions " + mixed + " --db " + db +
                         " --dataset ext --name skipped --skip-invalid");
  ASSERT_EQ(s.status, 0) << s.err;
  EXPECT_NE(s.out.find("imported 1 predictions as run"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("skipped 4 invalid prediction(s)\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find(mixed + ": prediction id \"a\" appears twice (lines 1 and 3)"),
            std::string::npos)
      << s.out;
  const auto sj = run_cli("import-predictions " + mixed + " --db " + db +
                          " --dataset ext --name skipped2 --skip-invalid --format json");
  ASSERT_EQ(sj.status, 0) << sj.err;
  const auto j = nlohmann::json::parse(sj.out);
  EXPECT_EQ(j["predictions"], 1);
  EXPECT_EQ(j["skipped"], 4);
  EXPECT_EQ(j["problems"].size(), 4u);
  EXPECT_EQ(j["format"], "predictions-jsonl");
  EXPECT_EQ(runs(), 3u);
}

// Other tools' files through the same command: a VLMEvalKit prediction TSV (answers only) and
// lmms-eval samples; what they cannot give is refused with one line.
TEST_F(CliE2E, ImportsVlmEvalKitAndLmmsEvalFiles) {
  const std::string db = (dir_ / "p.unveil").string();
  // As vlmeval/inference.py writes it through vlmeval/smp/file.py dump (pandas, every field
  // quoted, a missing value as "").
  const std::string tsv = write(
      "model_MMBench.tsv",
      "\"index\"\t\"question\"\t\"A\"\t\"B\"\t\"C\"\t\"answer\"\t\"category\"\t\"prediction\"\n"
      "\"1\"\t\"q\"\t\"red\"\t\"blue\"\t\"\"\t\"B\"\t\"colour\"\t\"B\"\n"
      "\"2\"\t\"q\"\t\"1\"\t\"2\"\t\"3\"\t\"C\"\t\"count\"\t\"Answer: A\"\n"
      "\"3\"\t\"q\"\t\"yes\"\t\"no\"\t\"\"\t\"A\"\t\"colour\"\t\"I am not sure.\"\n");
  const auto v = run_cli("import-predictions " + tsv + " --db " + db +
                         " --dataset mmbench --name vlm --format json");
  ASSERT_EQ(v.status, 0) << v.err;
  const auto vj = nlohmann::json::parse(v.out);
  EXPECT_EQ(vj["predictions"], 3);
  EXPECT_EQ(vj["format"], "vlmevalkit");
  EXPECT_EQ(vj["scores"], "none");
  const auto vt =
      run_cli("import-predictions " + tsv + " --db " + db + " --dataset mmbench --name vlm2");
  ASSERT_EQ(vt.status, 0) << vt.err;
  EXPECT_NE(vt.out.find("answers only (no probabilities)"), std::string::npos) << vt.out;
  // Never read silently as a dataset.
  const auto asDataset = run_cli("import " + tsv + " --db " + db);
  EXPECT_EQ(asDataset.status, 1);
  EXPECT_EQ(asDataset.err,
            "unveil-cli: " + tsv +
                ": this TSV has a \"prediction\" column: it is a VLMEvalKit prediction file (a "
                "model's answers), not a dataset; import it as a run with `unveil-cli "
                "import-predictions " +
                tsv +
                " --db FILE --dataset NAME --name RUN`, or give --dataset-format mmbench to read "
                "its questions as a dataset\n");

  // lmms-eval samples of a multiple_choice task (lmms_eval/evaluator.py and
  // loggers/evaluation_tracker.py: the responses are the str() of (loss, is_greedy)).
  const std::string samples = write(
      "20250101_samples_shapes_mc.jsonl",
      "{\"doc_id\": 0, \"target\": \"0\", \"filtered_resps\": [\"(0.5, True)\", \"(1.5, False)\"], "
      "\"acc\": 1.0, \"input\": \"q\"}\n"
      "{\"doc_id\": 1, \"target\": \"1\", \"filtered_resps\": [\"(0.25, True)\", \"(2.5, "
      "False)\"], "
      "\"acc\": 0.0, \"input\": \"q\"}\n");
  const auto s = run_cli("import-predictions " + samples + " --db " + db +
                         " --dataset lmms --name lmms --format json");
  ASSERT_EQ(s.status, 0) << s.err;
  const auto sj = nlohmann::json::parse(s.out);
  EXPECT_EQ(sj["predictions"], 2);
  EXPECT_EQ(sj["format"], "lmms-eval");
  EXPECT_FALSE(sj.contains("scores"));
  const auto exported =
      run_cli("export --db " + db + " --run " + std::to_string(sj["run_id"].get<int>()));
  ASSERT_EQ(exported.status, 0) << exported.err;
  EXPECT_NE(exported.out.find("\"logits\":[-0.5,-1.5],\"label\":0"), std::string::npos)
      << exported.out;

  // generate_until samples hold text only: refused, saying how to get probabilities.
  const std::string generated =
      write("20250101_samples_shapes_gen.jsonl",
            "{\"doc_id\": 0, \"target\": \"B\", \"filtered_resps\": \"B\", \"input\": \"q\"}\n");
  const auto g = run_cli("import-predictions " + generated + " --db " + db +
                         " --dataset gen --name gen --skip-invalid");
  EXPECT_EQ(g.status, 1);
  EXPECT_EQ(std::count(g.err.begin(), g.err.end(), '\n'), 1) << g.err;
  EXPECT_NE(g.err.find(generated + ":1: doc_id 0: \"filtered_resps\" holds generated text"),
            std::string::npos)
      << g.err;
  EXPECT_NE(g.err.find("OpenAI-compatible endpoint or as a TorchScript model"), std::string::npos)
      << g.err;

  // An .xlsx is refused with the way to write TSV.
  const std::string xlsx = write("model_MMBench.xlsx", std::string("PK\x03\x04", 4));
  const auto x = run_cli("import-predictions " + xlsx + " --db " + db + " --dataset x --name x");
  EXPECT_EQ(x.status, 1);
  EXPECT_EQ(std::count(x.err.begin(), x.err.end(), '\n'), 1) << x.err;
  EXPECT_NE(x.err.find("pandas.read_excel(\"" + xlsx +
                       "\").to_csv(\"predictions.tsv\", sep=\"\\t\", index=False)"),
            std::string::npos)
      << x.err;
}

// A dataset that yields no item is refused, naming the file and the first problem, and no project
// is made; so is JSON nested too deep for any dataset.
TEST_F(CliE2E, ImportRefusesDatasetsWithoutItems) {
  const std::string db = (dir_ / "p.unveil").string();
  const std::string deep = write("deep.json", std::string(200000, '[') + std::string(200000, ']'));
  const auto d = run_cli("import " + deep + " --db " + db);
  EXPECT_EQ(d.status, 1);
  EXPECT_EQ(d.err, "unveil-cli: " + deep +
                       ": lists and objects nested deeper than 512 levels at line 1, column 513; "
                       "expected a JSON list of items, each an object a few levels deep\n");
  EXPECT_FALSE(fs::exists(db));

  const std::string tsv = write("bad.tsv", "index\tquestion\tA\tB\tanswer\n1\tQ?\tx\ty\tZ\n");
  const auto t = run_cli("import " + tsv + " --db " + db);
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(
      t.err.rfind("unveil-cli: " + tsv + ": no item could be read (1 problem; the first: ", 0), 0u)
      << t.err;
  EXPECT_EQ(std::count(t.err.begin(), t.err.end(), '\n'), 1) << t.err;
  EXPECT_FALSE(fs::exists(db));

  const std::string none = write("none.json", "[]");
  const auto n = run_cli("import " + none + " --db " + db);
  EXPECT_EQ(n.status, 1);
  EXPECT_EQ(n.err, "unveil-cli: " + none + ": the file holds no items\n");
  EXPECT_FALSE(fs::exists(db));
}

// Commands that only read a project refuse an empty file and leave it as it was; the commands
// that make projects may start one there.
TEST_F(CliE2E, ReadingCommandsRefuseAnEmptyFile) {
  const std::string empty = write("empty.unveil", "");
  const std::string out = (dir_ / "r.html").string();
  for (const std::string& args :
       {"runs --db " + empty, "metrics --db " + empty + " --run 1",
        "export --db " + empty + " --run 1", "report --db " + empty + " --run 1 --out " + out,
        "compare --db " + empty + " --runs 1,2"}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.status, 1) << args;
    EXPECT_NE(r.err.find(empty + ": not an Unveil project (the file is empty)"), std::string::npos)
        << args << ": " << r.err;
    EXPECT_EQ(fs::file_size(empty), 0u) << args;
    EXPECT_FALSE(fs::exists(empty + "-wal")) << args;
  }
  EXPECT_FALSE(fs::exists(out));
  const std::string pred = write("p.jsonl", kFour);
  const auto made =
      run_cli("import-predictions " + pred + " --db " + empty + " --dataset ext --name first");
  ASSERT_EQ(made.status, 0) << made.err;
  EXPECT_EQ(run_cli("runs --db " + empty).status, 0);
}

// Item text reaches the HTML report without NUL and without bidirectional controls that would
// reorder what the reader sees; the report is written through a new file, never through a link.
TEST_F(CliE2E, ReportShowsBidiControlsAndReplacesALinkAtItsName) {
  const std::string db = (dir_ / "p.unveil").string();
  const std::string data =
      write("d.json",
            "[{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"Open "
            "invoice\\u202Efdp.exe\\u202C now\\u0000?\\nA. yes\\u2066x\\u2069\\nB. no\"}, "
            "{\"from\": \"gpt\", \"value\": \"B\"}]}]");
  ASSERT_EQ(run_cli("import " + data + " --db " + db + " --name bidi").status, 0);
  const std::string pred = write("p.jsonl", "{\"id\":\"a\",\"probs\":[0.9,0.1],\"label\":1}\n");
  const auto ip = run_cli("import-predictions " + pred + " --db " + db +
                          " --dataset bidi --name \"run\xE2\x80\xAE"
                          "1\"");
  ASSERT_EQ(ip.status, 0) << ip.err;
  // A link at the report's name to a file that must not change.
  const fs::path victim = dir_ / "victim.txt";
  std::ofstream(victim) << "keep me\n";
  const fs::path out = dir_ / "r.html";
  fs::create_symlink(victim, out);
  const auto r = run_cli("report --db " + db + " --run 1 --bootstrap 10 --out " + out.string());
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream vf(victim);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(vf)), {}), "keep me\n");
  EXPECT_FALSE(fs::is_symlink(out));
  std::ifstream f(out, std::ios::binary);
  const std::string html((std::istreambuf_iterator<char>(f)), {});
  EXPECT_NE(html.find("Open invoice[U+202E]fdp.exe[U+202C] now?"), std::string::npos);
  EXPECT_NE(html.find("yes[U+2066]x[U+2069]"), std::string::npos);
  EXPECT_NE(html.find("run[U+202E]1"), std::string::npos);
  EXPECT_EQ(html.find('\0'), std::string::npos);
  for (const char* control :
       {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x80\xAE",
        "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9"}) {
    EXPECT_EQ(html.find(control), std::string::npos);
  }
  // Exports go the same way.
  const fs::path exported = dir_ / "e.jsonl";
  fs::create_symlink(victim, exported);
  ASSERT_EQ(run_cli("export --db " + db + " --run 1 --out " + exported.string()).status, 0);
  std::ifstream vf2(victim);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(vf2)), {}), "keep me\n");
  std::ifstream ef(exported);
  const std::string e((std::istreambuf_iterator<char>(ef)), {});
  EXPECT_EQ(e.rfind("{\"id\":\"a\"", 0), 0u) << e;
  const auto bad =
      run_cli("export --db " + db + " --run 1 --out " + (dir_ / "no" / "e.jsonl").string());
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.err, "unveil-cli: " + (dir_ / "no" / "e.jsonl").string() +
                         ": cannot write the export (the folder " + (dir_ / "no").string() +
                         " does not exist)\n");
}
