// The demo project a first launch builds: the shapes world, three models, a run of each
// on the calibration, test and idk splits, and a temperature per model fitted on its calibration
// run. Built tiny here (96 training items, one epoch per model): the same code path, seconds long.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/demo_project.h"
#include "calib/temperature.h"
#include "data/shapes_world.h"
#include "store/store.h"

using namespace unveil;
namespace fs = std::filesystem;

namespace {

analysis::DemoProjectOptions tiny() {
  analysis::DemoProjectOptions o;
  o.train = 96;
  o.base_epochs = o.mm_epochs = o.ft_epochs = 1;
  return o;
}

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  return d;
}

}  // namespace

TEST(DemoProject, HasRunsOfEveryModelAndStoredTemperatures) {
  const fs::path dir = fresh_dir("unveil_demo_project");
  analysis::DemoProjectOptions o = tiny();
  double last = -1;
  bool monotone = true;
  o.progress = [&](const std::string& stage, double fraction) {
    EXPECT_FALSE(stage.empty());
    monotone = monotone && fraction >= last - 1e-12;
    last = fraction;
  };
  auto built = analysis::build_demo_project(dir, o);
  ASSERT_TRUE(built.ok()) << built.error().message;
  EXPECT_FALSE(built->cancelled);
  EXPECT_TRUE(monotone);
  EXPECT_DOUBLE_EQ(last, 1.0);
  EXPECT_EQ(built->project, analysis::demo_project_path(dir));
  EXPECT_TRUE(fs::exists(built->project));
  EXPECT_FALSE(fs::exists(dir / "demo.unveil.partial"));

  auto st = store::Store::open(built->project, store::OpenMode::kOpenExisting);
  ASSERT_TRUE(st.ok());
  const auto runs = st->runs();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 9u);  // 3 models x (calibration, test, idk)
  // The shapes world with 96 training items: calibration and test 16 each, idk 8.
  for (const auto& r : *runs) {
    EXPECT_EQ(r.status, store::RunStatus::kComplete) << r.spec.name;
    const std::size_t expected = r.spec.split == "idk" ? 8u : 16u;
    EXPECT_EQ(r.predictions, expected) << r.spec.name;
  }
  // Built beside `dir` and moved in: the project names the world and the models where they are.
  const auto datasets = st->datasets();
  ASSERT_TRUE(datasets.ok());
  ASSERT_EQ(datasets->size(), 1u);
  EXPECT_EQ((*datasets)[0].root, (dir / "world").string());
  const auto models = st->models();
  ASSERT_TRUE(models.ok());
  ASSERT_EQ(models->size(), 3u);
  for (const auto& m : *models)
    EXPECT_EQ(fs::path(m.path).parent_path(), dir / "models") << m.path;
  EXPECT_TRUE(data::is_demo_folder(dir));
  for (const auto& e : fs::directory_iterator(dir.parent_path()))
    EXPECT_NE(e.path().filename().string().rfind("." + dir.filename().string() + ".staging-", 0),
              0u)
        << e.path();
  const auto featured = st->run(built->featured_run);
  ASSERT_TRUE(featured.ok());
  EXPECT_EQ(featured->model_name, "shapes-mm-ft");
  EXPECT_EQ(featured->spec.split, "test");

  // One temperature per model, stored with its test run, equal to a fit on its calibration run.
  const auto cals = st->calibrations();
  ASSERT_TRUE(cals.ok());
  ASSERT_EQ(cals->size(), 3u);
  for (const auto& c : *cals) {
    EXPECT_EQ(c.method, "temperature");
    EXPECT_EQ(c.fit_split, "calibration");
    ASSERT_TRUE(c.fit_run_id.has_value());
    EXPECT_EQ(st->run(c.run_id)->spec.split, "test");
    EXPECT_EQ(st->run(*c.fit_run_id)->spec.split, "calibration");
    EXPECT_EQ(st->run(*c.fit_run_id)->spec.model_id, st->run(c.run_id)->spec.model_id);
    auto cal = st->prediction_set(*c.fit_run_id);
    ASSERT_TRUE(cal.ok());
    auto fit = calib::fit_temperature(*cal);
    ASSERT_TRUE(fit.ok());
    const double stored = nlohmann::json::parse(c.params).at("temperature").get<double>();
    EXPECT_DOUBLE_EQ(stored, fit->temperature);
    EXPECT_LE(c.nll_after, c.nll_before + 1e-12);
  }
  fs::remove_all(dir);
}

TEST(DemoProject, CancelledBuildLeavesNoProject) {
  const fs::path dir = fresh_dir("unveil_demo_cancel");
  analysis::DemoProjectOptions o = tiny();
  std::atomic<bool> cancel{false};
  o.cancel = &cancel;
  o.progress = [&](const std::string& stage, double) {
    if (stage.rfind("Running", 0) == 0) cancel = true;  // stop during the runs
  };
  auto built = analysis::build_demo_project(dir, o);
  ASSERT_TRUE(built.ok()) << built.error().message;
  EXPECT_TRUE(built->cancelled);
  EXPECT_FALSE(fs::exists(analysis::demo_project_path(dir)));
  EXPECT_FALSE(fs::exists(dir / "demo.unveil.partial"));
  fs::remove_all(dir);
}

namespace {
// Every stored prediction's logits of a demo project, by model and split.
std::map<std::string, std::vector<std::vector<double>>> all_logits(const fs::path& project) {
  std::map<std::string, std::vector<std::vector<double>>> out;
  auto st = store::Store::open(project, store::OpenMode::kReadOnly);
  EXPECT_TRUE(st.ok());
  if (!st) return out;
  auto runs = st->runs();
  EXPECT_TRUE(runs.ok());
  for (const store::RunInfo& r : *runs) {
    auto set = st->prediction_set(r.id);
    EXPECT_TRUE(set.ok());
    auto& rows = out[r.model_name + "/" + r.spec.split];
    for (std::size_t i = 0; i < set->size(); ++i) {
      const auto z = set->logits(i);
      rows.emplace_back(z.begin(), z.end());
    }
  }
  return out;
}

// The folder a stopped build of `dir` left beside it, or "".
fs::path kept_build(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir.parent_path()))
    if (e.path().filename().string().rfind("." + dir.filename().string() + ".staging-", 0) == 0)
      return e.path();
  return {};
}
}  // namespace

// A build stopped in the training and again in a run goes on where it stopped, keeps what was
// finished (the base model's file is not written again), and ends with exactly the demo a build in
// one go makes: every logit of every run the same.
TEST(DemoProject, AStoppedBuildGoesOnWhereItStoppedAndMakesTheSameDemo) {
  const fs::path whole = fresh_dir("unveil_demo_whole");
  auto once = analysis::build_demo_project(whole, tiny());
  ASSERT_TRUE(once.ok()) << once.error().message;
  const auto expected = all_logits(once->project);
  ASSERT_EQ(expected.size(), 9u);

  const fs::path dir = fresh_dir("unveil_demo_resumed");
  std::atomic<bool> cancel{false};
  analysis::DemoProjectOptions o = tiny();
  o.cancel = &cancel;
  std::string stop_at = "Training the multimodal model";
  std::vector<std::string> stages;
  o.progress = [&](const std::string& stage, double) {
    stages.push_back(stage);
    if (!stop_at.empty() && stage.rfind(stop_at, 0) == 0) cancel = true;
  };
  auto first = analysis::build_demo_project(dir, o);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(first->cancelled);
  EXPECT_FALSE(fs::exists(analysis::demo_project_path(dir)));
  const fs::path kept = kept_build(dir);
  ASSERT_FALSE(kept.empty()) << "the stopped build's folder was not kept";
  ASSERT_TRUE(fs::exists(kept / "models" / "shapes-base.done"));
  EXPECT_FALSE(fs::exists(kept / "models" / "shapes-mm.pt"));  // cut short: nothing written
  const auto base_written = fs::last_write_time(kept / "models" / "shapes-base.pt");

  // Second start: goes on, and is stopped again in a run.
  cancel = false;
  stages.clear();
  stop_at = "Running shapes-mm on the test split";
  auto second = analysis::build_demo_project(dir, o);
  ASSERT_TRUE(second.ok()) << second.error().message;
  ASSERT_TRUE(second->cancelled);
  ASSERT_FALSE(stages.empty());
  EXPECT_EQ(stages.front(), "Going on with the build that stopped");
  EXPECT_EQ(fs::last_write_time(kept / "models" / "shapes-base.pt"), base_written);

  // Third start: finishes.
  cancel = false;
  stop_at.clear();
  auto third = analysis::build_demo_project(dir, o);
  ASSERT_TRUE(third.ok()) << third.error().message;
  ASSERT_FALSE(third->cancelled);
  EXPECT_TRUE(kept_build(dir).empty());  // committed: nothing left beside it
  EXPECT_EQ(fs::last_write_time(dir / "models" / "shapes-base.pt"), base_written);
  const auto resumed = all_logits(third->project);
  ASSERT_EQ(resumed.size(), expected.size());
  for (const auto& [run, rows] : expected) {
    ASSERT_TRUE(resumed.count(run)) << run;
    EXPECT_EQ(resumed.at(run), rows) << run << " differs from the build made in one go";
  }
  auto st = store::Store::open(third->project, store::OpenMode::kReadOnly);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->runs()->size(), 9u);  // the stopped run went on; no second run of it
  fs::remove_all(whole);
  fs::remove_all(dir);
}

// A build of another recipe does not take up a stopped one: it starts afresh.
TEST(DemoProject, AStoppedBuildOfAnotherRecipeIsNotGoneOnWith) {
  const fs::path dir = fresh_dir("unveil_demo_other_recipe");
  std::atomic<bool> cancel{false};
  analysis::DemoProjectOptions o = tiny();
  o.cancel = &cancel;
  o.progress = [&](const std::string& stage, double) {
    if (stage.rfind("Training the multimodal", 0) == 0) cancel = true;
  };
  ASSERT_TRUE(analysis::build_demo_project(dir, o).ok());
  ASSERT_FALSE(kept_build(dir).empty());
  analysis::DemoProjectOptions other = tiny();
  other.seed = 2;
  std::vector<std::string> stages;
  other.progress = [&](const std::string& stage, double) { stages.push_back(stage); };
  auto built = analysis::build_demo_project(dir, other);
  ASSERT_TRUE(built.ok()) << built.error().message;
  ASSERT_FALSE(stages.empty());
  EXPECT_NE(stages.front(), "Going on with the build that stopped");
  fs::remove_all(dir);
  for (const auto& e : fs::directory_iterator(dir.parent_path()))
    if (e.path().filename().string().rfind("." + dir.filename().string(), 0) == 0)
      fs::remove_all(e.path());
}

// A folder of someone else's is refused before anything is built, and left as it was.
TEST(DemoProject, AFolderThatIsNotADemoIsRefusedUntouched) {
  const fs::path dir = fresh_dir("unveil_demo_refused");
  fs::create_directories(dir);
  std::ofstream(dir / "thesis.tex") << "mine";
  const auto built = analysis::build_demo_project(dir, tiny());
  ASSERT_FALSE(built.ok());
  EXPECT_NE(built.error().message.find("not empty"), std::string::npos) << built.error().message;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"thesis.tex"});
  fs::remove_all(dir);
}

TEST(DemoProject, UnwritableFolderIsAMessage) {
  const auto built = analysis::build_demo_project("/proc/unveil-cannot-be-here", tiny());
  ASSERT_FALSE(built.ok());
  EXPECT_NE(built.error().message.find("/proc/unveil-cannot-be-here"), std::string::npos)
      << built.error().message;
}
