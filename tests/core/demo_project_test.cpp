// The demo project a first launch builds: the shapes world, three models, a run of each
// on the calibration, test and idk splits, and a temperature per model fitted on its calibration
// run. Built tiny here (96 training items, one epoch per model): the same code path, seconds long.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
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
