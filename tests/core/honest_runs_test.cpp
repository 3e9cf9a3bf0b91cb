// Runs whose numbers stay honest on the paths real models take: unanswered items scored as the
// model answered, model output checked before it is stored, resumes that cannot mix models, and
// the study's recipe on a stored run (docs/METRICS.md, docs/MODELS.md).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "analysis/compare.h"
#include "analysis/compare_report.h"
#include "analysis/eval_job.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/recipe.h"
#include "cli/commands.h"
#include "model/torch_model.h"
#include "report/report.h"
#include "report/report_doc.h"
#include "store/store.h"
#include "tiny_demo_project.h"

namespace fs = std::filesystem;

namespace unveil {
namespace {

class HonestRuns : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { test::tiny_demo_suite_dir("unveil_honest_runs", &dir_); }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override { test::tiny_demo_project(dir_, &db_); }

  analysis::EvalSpec spec(const std::string& model) const {
    analysis::EvalSpec s;
    s.db = db_;
    s.card = dir_ / "models" / (model + ".json");
    s.dataset = "shapes";
    s.split = "test";
    s.device = model::DeviceChoice::kCpu;
    return s;
  }
  // A copy of a demo card with some fields changed, written beside the original.
  fs::path card_with(const std::string& model, const nlohmann::json& changes,
                     const std::string& name) const {
    std::ifstream in(dir_ / "models" / (model + ".json"));
    nlohmann::json card = nlohmann::json::parse(in);
    card.merge_patch(changes);
    const fs::path out = dir_ / "models" / (name + ".json");
    std::ofstream(out) << card.dump(2);
    return out;
  }

  static fs::path dir_;
  fs::path db_;
};
fs::path HonestRuns::dir_;

TEST_F(HonestRuns, ACardThatNeverAnswersGivesAccuracyZeroEverywhere) {
  // One new token and a prompt that does not end in "Answer: (": the model's first token is
  // never an option letter, so every stored answer is -1. Every metric must agree.
  auto s = spec("shapes-mm-ft");
  s.card = card_with("shapes-mm-ft", {{"max_new_tokens", 1}}, "never-answers");
  s.prompt = "{image}{question}";
  auto res = analysis::run_eval(s);
  ASSERT_TRUE(res) << res.error().message;
  auto st = store::Store::open(db_);
  ASSERT_TRUE(st);
  auto stored = st->predictions(res->run_id);
  ASSERT_TRUE(stored);
  std::size_t unanswered = 0, right = 0;
  for (const auto& p : *stored) {
    unanswered += p.answer < 0;
    right += p.correct;
  }
  ASSERT_GT(unanswered, 0u);
  auto set = st->prediction_set(res->run_id);
  ASSERT_TRUE(set);
  const calib::Metrics m = calib::compute_metrics(calib::compute_outcomes(*set));
  EXPECT_EQ(m.n, stored->size());
  EXPECT_EQ(m.n_unanswered, unanswered);
  // The accuracy is the stored answers' (right / n), not the argmax of the stored logits.
  EXPECT_DOUBLE_EQ(m.accuracy, static_cast<double>(right) / static_cast<double>(stored->size()));
  ASSERT_TRUE(res->metrics);
  EXPECT_EQ(res->metrics->n_unanswered, unanswered);
}

TEST_F(HonestRuns, EveryMetricAgreesWithTheStoredAnswers) {
  auto res = analysis::run_eval(spec("shapes-mm-ft"));
  ASSERT_TRUE(res) << res.error().message;
  auto st = store::Store::open(db_);
  auto stored = st->predictions(res->run_id);
  auto set = st->prediction_set(res->run_id);
  ASSERT_TRUE(stored && set);
  const calib::Outcomes o = calib::compute_outcomes(*set);
  ASSERT_EQ(o.size(), stored->size());
  for (std::size_t i = 0; i < o.size(); ++i) {
    EXPECT_EQ(o.predicted[i], (*stored)[i].answer) << i;
    EXPECT_EQ(o.correct[i] != 0, (*stored)[i].correct) << i;
    // The demo's vocabulary is small: the answer step's whole logits are kept, and the stored
    // vocabulary confidence is their softmax at the answer (or top option) letter.
    ASSERT_FALSE((*stored)[i].vocab_logits.empty());
    ASSERT_TRUE((*stored)[i].conf_vocab.has_value());
    EXPECT_NEAR(calib::vocab_confidence(*set, i, 1.0 + 1e-15), *(*stored)[i].conf_vocab, 1e-9);
  }
}

TEST_F(HonestRuns, TheStudysRecipeAppliesToAStoredRunWithoutTheModel) {
  auto cal = spec("shapes-mm-ft");
  cal.split = "calibration";
  cal.condition = "text";  // the study fits without the image
  auto fit_run = analysis::run_eval(cal);
  ASSERT_TRUE(fit_run) << fit_run.error().message;
  auto test_run = analysis::run_eval(spec("shapes-mm-ft"));
  ASSERT_TRUE(test_run) << test_run.error().message;
  auto st = store::Store::open(db_);
  auto fit_set = st->prediction_set(fit_run->run_id);
  auto test_set = st->prediction_set(test_run->run_id);
  ASSERT_TRUE(fit_set && test_set);
  const calib::Recipe study = calib::study_recipe();
  auto t = calib::fit_recipe_temperature(*fit_set, study);
  ASSERT_TRUE(t) << t.error().message;
  // A grid point: t/100 for a whole t in 1..999.
  EXPECT_EQ(std::round(t->temperature * 100) / 100, t->temperature);
  EXPECT_GE(t->temperature, 0.01);
  EXPECT_LE(t->temperature, 9.99);
  // Its NLL is no worse than at T = 1 (which is on the grid).
  EXPECT_LE(t->nll_after, calib::mean_vocab_nll(*fit_set, 1.0));
  auto after = calib::score(*test_set, study, t->temperature);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(after->metrics.table.bins.size(), 10u);
  EXPECT_EQ(after->metrics.confidence, calib::ConfidenceKind::kVocab);
}

TEST_F(HonestRuns, AResumeWithAnotherModelOrSeedIsRefusedSayingWhatDiffers) {
  std::atomic<bool> cancel{false};
  auto first = spec("shapes-mm-ft");
  first.batch = 8;
  auto res = analysis::run_eval(first, &cancel, [&](const analysis::EvalProgress&) {
    cancel = true;  // stop after the first batch
  });
  ASSERT_TRUE(res) << res.error().message;
  ASSERT_TRUE(res->cancelled);

  auto other = spec("shapes-mm");
  other.resume_run = res->run_id;
  auto mixed = analysis::run_eval(other);
  ASSERT_FALSE(mixed);
  EXPECT_NE(mixed.error().message.find("model (another card or another model file)"),
            std::string::npos)
      << mixed.error().message;

  auto seeded = spec("shapes-mm-ft");
  seeded.seed = 7;
  seeded.resume_run = res->run_id;
  auto reseeded = analysis::run_eval(seeded);
  ASSERT_FALSE(reseeded);
  EXPECT_NE(reseeded.error().message.find("its seed differs"), std::string::npos)
      << reseeded.error().message;

  // Nothing was added to the run by the refused resumes; the right resume completes it.
  auto st = store::Store::open(db_);
  const auto before = st->predictions(res->run_id)->size();
  // Until then every view says it is partial.
  auto cancelled = st->run(res->run_id);
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(store::partial_run_note(*cancelled),
            "run " + std::to_string(res->run_id) + " is cancelled: it holds " +
                std::to_string(before) + " of its " + std::to_string(cancelled->spec.expected) +
                " items, and every number below is of those only");
  auto same = spec("shapes-mm-ft");
  same.resume_run = res->run_id;
  auto done = analysis::run_eval(same);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(st->predictions(res->run_id)->size(), before + done->predicted);
  EXPECT_EQ(st->run(res->run_id)->status, store::RunStatus::kComplete);
  EXPECT_EQ(store::partial_run_note(*st->run(res->run_id)), "");
}

TEST(ModelOutput, NonFiniteOrMisshapenOutputIsNamedNotStored) {
  model::ModelOutput o;
  o.answer = 0;
  o.option_logits = {1.0, std::numeric_limits<double>::quiet_NaN(), 0.0};
  EXPECT_EQ(analysis::check_model_output(o, 3),
            "the model's logit of option B is NaN (not stored)");
  o.option_logits = {1.0, 0.0};
  EXPECT_EQ(analysis::check_model_output(o, 3), "the model returned 2 option logits for 3 options");
  o.option_logits = {1.0, 0.0, -std::numeric_limits<double>::infinity()};
  EXPECT_EQ(analysis::check_model_output(o, 3),
            "the model's logit of option C is infinite (not stored)");
  o.option_logits = {1.0, 0.0, 0.5};
  o.conf_vocab = 1.5;
  EXPECT_EQ(analysis::check_model_output(o, 3),
            "the model's vocabulary confidence is not a probability (not stored)");
  o.conf_vocab = 0.5;
  EXPECT_EQ(analysis::check_model_output(o, 3), "");
}

TEST(ModelOutput, TheWriterRefusesNaNInsteadOfDroppingTheRow) {
  const fs::path dir = fs::temp_directory_path() / ("unveil_nan_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "p.unveil";
  {
    auto st = store::Store::open(file);
    ASSERT_TRUE(st);
    data::Dataset ds;
    ds.name = "d";
    data::Item it;
    it.id = "a";
    it.options = {{'A', "x"}, {'B', "y"}};
    it.answer = 0;
    ds.items.push_back(it);
    ASSERT_TRUE(st->add_dataset(ds, "s", "llava"));
    store::RunSpec rs;
    rs.name = "r";
    rs.dataset_id = 1;
    rs.expected = 1;
    ASSERT_TRUE(st->create_run(rs));
  }
  auto w = store::PredictionWriter::open(file, 1, 4);
  ASSERT_TRUE(w);
  store::PredictionRecord p;
  p.item_id = 1;
  p.label = 0;
  p.logits = {std::numeric_limits<double>::quiet_NaN(), 0.0};
  p.answer = 0;
  p.conf_options = std::numeric_limits<double>::quiet_NaN();
  auto s = w->add(p);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("a prediction with NaN values cannot be stored"),
            std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace unveil

namespace unveil {
namespace {

TEST(ModelErrors, AScriptedModelsOwnErrorIsShownNotTheInterpretersFirstLine) {
  // The layout of a TorchScript interpreter error (libtorch 1.13): a fixed first line, the
  // serialized traceback, and the exception the model raised last.
  const std::string what =
      "The following operation failed in the TorchScript interpreter.\n"
      "Traceback of TorchScript, serialized code (most recent call last):\n"
      "  File \"code/__torch__.py\", line 12, in forward\n"
      "    x = torch.matmul(pixel_values, self.w)\n"
      "        ~~~~~~~~~~~~ <--- HERE\n"
      "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x10 and 20x5)\n";
  EXPECT_EQ(model::summarise_torch_error(what),
            "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x10 and 20x5)");
  // Other errors keep their first line (c10's "Exception raised from ..." follows it).
  EXPECT_EQ(model::summarise_torch_error("open file failed because of errno 2\nException raised "
                                         "from RAII at ../caffe2/serialize/file_adapter.cc:21"),
            "open file failed because of errno 2");
  EXPECT_EQ(model::summarise_torch_error(""), "(no message)");
}

}  // namespace
// A partial run (cancelled here) says how many of how many items it holds wherever its numbers
// are read: the run report (HTML and PDF share one document), the comparison's text and JSON.
TEST_F(HonestRuns, APartialRunSaysHowMuchOfItThereIsInReportsAndComparisons) {
  std::atomic<bool> cancel{false};
  auto first = spec("shapes-mm-ft");
  first.batch = 10;  // one batch: the comparison's minimum of shared items
  auto part =
      analysis::run_eval(first, &cancel, [&](const analysis::EvalProgress&) { cancel = true; });
  ASSERT_TRUE(part) << part.error().message;
  ASSERT_TRUE(part->cancelled);
  auto whole = analysis::run_eval(spec("shapes-mm"));
  ASSERT_TRUE(whole) << whole.error().message;

  auto st = store::Store::open(db_);
  ASSERT_TRUE(st);
  const auto run = st->run(part->run_id);
  ASSERT_TRUE(run);
  ASSERT_TRUE(store::is_partial(*run));
  ASSERT_LT(run->predictions, run->spec.expected);
  EXPECT_FALSE(store::is_partial(*st->run(whole->run_id)));
  const std::string holds =
      std::to_string(run->predictions) + " of its " + std::to_string(run->spec.expected) + " items";

  report::ReportOptions ro;
  ro.replicates = 20;
  auto doc = report::run_report(*st, part->run_id, ro);
  ASSERT_TRUE(doc) << doc.error().message;
  const std::string html = report::to_html(*doc);
  EXPECT_NE(html.find("Partial run."), std::string::npos);
  EXPECT_NE(html.find("is cancelled: it holds " + holds), std::string::npos);
  EXPECT_NE(html.find(std::to_string(run->predictions) + " of " +
                      std::to_string(run->spec.expected) + " (partial)"),
            std::string::npos);
  // The whole run's report says nothing of the kind.
  auto whole_doc = report::run_report(*st, whole->run_id, ro);
  ASSERT_TRUE(whole_doc);
  EXPECT_EQ(report::to_html(*whole_doc).find("Partial run."), std::string::npos);

  const std::int64_t ids[] = {whole->run_id, part->run_id};
  analysis::CompareOptions co;
  co.replicates = 20;
  auto c = analysis::compare_runs(*st, ids, co);
  ASSERT_TRUE(c) << c.error().message;
  const auto j = analysis::to_json(*c);
  EXPECT_EQ(j["runs"][0]["partial"], false);
  EXPECT_EQ(j["runs"][1]["partial"], true);
  EXPECT_EQ(j["runs"][1]["status"], "cancelled");
  EXPECT_EQ(j["runs"][1]["expected"], run->spec.expected);
  EXPECT_NE(analysis::to_text(*c).find("cancelled: " + holds), std::string::npos);
  auto compared = report::compare_report(*st, ids, ro);
  ASSERT_TRUE(compared) << compared.error().message;
  EXPECT_NE(report::to_html(*compared).find("is cancelled: it holds " + holds), std::string::npos);
}

}  // namespace unveil
