#include "analysis/demo_project.h"

#include <chrono>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <system_error>

#include "analysis/eval_job.h"
#include "calib/temperature.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "store/store.h"
#include "store/temperature_params.h"
#include "util/atomic_file.h"

namespace unveil::analysis {

namespace fs = std::filesystem;

namespace {

// Shares of the whole build, measured on the 2-core reference machine: the world ~4 s, the
// training ~55 s, the nine runs ~15 s, the temperatures well under a second.
constexpr double kWorldShare = 0.05, kTrainShare = 0.72, kRunShare = 0.22;

// In the build folder: the recipe a build follows (a stopped build is gone on with only by a
// build of the same recipe), and the mark of a finished world, with its counts.
constexpr const char* kResumeFile = "build-recipe.json";
constexpr const char* kWorldDone = "world.done";

Result<data::ShapesWorldSummary> read_world_done(const fs::path& build) {
  std::ifstream in(build / kWorldDone);
  if (!in) return Error{"no finished world"};
  const auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("json") || !j["json"].is_string())
    return Error{"no finished world"};
  data::ShapesWorldSummary w;
  w.json = build / "world" / j["json"].get<std::string>();
  w.items = j.value("items", 0);
  w.train = j.value("train", 0);
  w.calibration = j.value("calibration", 0);
  w.test = j.value("test", 0);
  w.idk = j.value("idk", 0);
  std::error_code e;
  if (!fs::exists(w.json, e) || w.calibration <= 0 || w.test <= 0)
    return Error{"no finished world"};
  return w;
}

std::string stage_name(const std::string& model) {
  if (model == "shapes-base") return "the text-only base model";
  if (model == "shapes-mm") return "the multimodal model";
  if (model == "shapes-mm-ft") return "the visually fine-tuned model";
  return model;
}

}  // namespace

std::string describe(const DemoStage& stage) {
  switch (stage.kind) {
    case DemoStage::Kind::kResuming:
      return "Going on with the build that stopped";
    case DemoStage::Kind::kWorld:
      return "Drawing the shapes world";
    case DemoStage::Kind::kTraining:
      return "Training " + stage_name(stage.model) + ": epoch " + std::to_string(stage.epoch) +
             " of " + std::to_string(stage.epochs);
    case DemoStage::Kind::kRunning:
      return "Running " + stage.model + " on the " + stage.split + " split";
    case DemoStage::Kind::kFitting:
      return "Fitting temperatures on the calibration split";
    case DemoStage::Kind::kDone:
      return "Done";
  }
  return {};
}

fs::path demo_project_path(const fs::path& dir) {
  return dir / "demo.unveil";
}

Result<DemoProjectSummary> build_demo_project(const fs::path& dir,
                                              const DemoProjectOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
  const auto report = [&](const DemoStage& stage, double fraction) {
    fraction = std::min(1.0, std::max(0.0, fraction));
    if (options.progress) options.progress(describe(stage), fraction);
    if (options.on_stage) options.on_stage(stage, fraction);
  };
  using Kind = DemoStage::Kind;
  DemoProjectSummary summary;
  // Everything is built in a temporary folder beside `dir` and swapped in when complete, so that a
  // kill or a cancel leaves the earlier demo (or nothing) and never new images beside an old
  // project; a folder that holds anything else is refused, never emptied. A build that stopped
  // (cancelled, failed or killed) leaves its folder with what it finished, and the next build
  // with the same options goes on from there: the world, each model and each run are kept.
  const std::string recipe = nlohmann::json{
      {"seed", options.seed},
      {"train", options.train},
      {"epochs", {options.base_epochs, options.mm_epochs, options.ft_epochs}},
      {"format", 1}}.dump();
  const auto same_recipe = [&recipe](const fs::path& folder) {
    std::ifstream in(folder / kResumeFile);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
      text.pop_back();
    return text == recipe;
  };
  auto staged = StagedFolder::create(dir, "demo", data::is_demo_folder, same_recipe);
  if (!staged) return staged.error();
  staged->keep();  // until it is committed
  const fs::path build = staged->path();
  if (!staged->resumed()) {
    if (auto marked = data::mark_demo_folder(build); !marked) return marked.error();
    if (auto st = write_file_atomically(build / kResumeFile, recipe + "\n", "the build's recipe");
        !st)
      return st.error();
  } else {
    report({Kind::kResuming, {}, {}, 0, 0}, 0);
  }

  // 1. The shapes world (drawn again unless an earlier build finished it).
  report({Kind::kWorld, {}, {}, 0, 0}, 0);
  data::ShapesWorldOptions wopt;
  wopt.seed = options.seed;
  wopt.train = options.train;
  wopt.cancel = options.cancel;
  wopt.progress = [&](int done, int total) {
    report({Kind::kWorld, {}, {}, 0, 0}, kWorldShare * done / std::max(1, total));
  };
  Result<data::ShapesWorldSummary> world = read_world_done(build);
  if (!world) {
    std::error_code ignored;
    fs::remove_all(build / "world", ignored);  // half drawn: drawn again
    world = data::write_shapes_world(build / "world", wopt);
    if (!world) return world.error();
    if (cancelled()) return DemoProjectSummary{{}, 0, {}, 0, true};
    const std::string done = nlohmann::json{{"items", world->items},
                                            {"train", world->train},
                                            {"calibration", world->calibration},
                                            {"test", world->test},
                                            {"idk", world->idk},
                                            {"json", world->json.filename().string()}}
                                 .dump();
    if (auto st = write_file_atomically(build / kWorldDone, done + "\n", "the stage mark"); !st)
      return st.error();
  }

  // 2. The demo model family.
  model::DemoTrainOptions topt;
  topt.seed = options.seed;
  topt.base_epochs = options.base_epochs;
  topt.mm_epochs = options.mm_epochs;
  topt.ft_epochs = options.ft_epochs;
  topt.cancel = options.cancel;
  topt.reuse_finished = true;  // the models an earlier build of this recipe finished
  const int total_epochs = std::max(1, topt.base_epochs + topt.mm_epochs + topt.ft_epochs);
  int finished_epochs = 0;
  std::string last_stage;
  int last_done = 0;
  topt.progress = [&](const std::string& stage, int done, int total, double) {
    if (stage != last_stage) {
      finished_epochs += last_done;
      last_stage = stage;
    }
    last_done = done;
    report({Kind::kTraining, stage, {}, done, total},
           kWorldShare + kTrainShare * (finished_epochs + done) / total_epochs);
  };
  auto models = model::train_demo_models(world->json, build / "models", topt);
  if (!models) {
    if (cancelled()) return DemoProjectSummary{{}, 0, {}, 0, true};
    return models.error();
  }

  // 3. The project, in the temporary folder with the rest.
  const fs::path partial = demo_project_path(build);
  auto dataset = data::read_llava_json(world->json);
  if (!dataset) return dataset.error();
  dataset->name = "shapes";
  std::vector<store::RunInfo> earlier;  // runs an earlier build of this recipe made
  {
    auto st = store::Store::open(partial);
    if (!st) return st.error();
    auto datasets = st->datasets();
    if (!datasets) return datasets.error();
    if (datasets->empty()) {
      auto added = st->add_dataset(*dataset, world->json.string(), "llava");
      if (!added) return added.error();
    }
    auto runs = st->runs();
    if (!runs) return runs.error();
    earlier = std::move(*runs);
  }

  const char* splits[] = {"calibration", "test", "idk"};
  const double split_items[] = {static_cast<double>(world->calibration),
                                static_cast<double>(world->test), static_cast<double>(world->idk)};
  double items_total = 0;
  for (double n : split_items)
    items_total += n * static_cast<double>(models->size());
  double items_done = 0;
  struct ModelRuns {
    std::int64_t calibration = 0, test = 0;
  };
  std::vector<ModelRuns> made(models->size());
  for (std::size_t m = 0; m < models->size(); ++m) {
    for (std::size_t s = 0; s < 3; ++s) {
      EvalSpec spec;
      spec.db = partial;
      spec.card = (*models)[m].card;
      spec.dataset = "shapes";
      spec.split = splits[s];
      spec.device = model::DeviceChoice::kCpu;  // the same numbers on every machine
      spec.seed = options.seed;
      // A run an earlier build finished is kept; one it started goes on where it stopped.
      const store::RunInfo* before = nullptr;
      for (const store::RunInfo& r : earlier)
        if (r.model_name == (*models)[m].name && r.spec.split == splits[s]) before = &r;
      if (before && before->status == store::RunStatus::kComplete) {
        items_done += split_items[s];
        summary.runs.push_back(before->id);
        if (s == 0) made[m].calibration = before->id;
        if (s == 1) made[m].test = before->id;
        continue;
      }
      if (before) spec.resume_run = before->id;
      const DemoStage stage{Kind::kRunning, (*models)[m].name, splits[s], 0, 0};
      auto r = run_eval(spec, options.cancel, [&](const EvalProgress& p) {
        report(stage, kWorldShare + kTrainShare +
                          kRunShare * (items_done + static_cast<double>(p.done)) / items_total);
      });
      if (!r) return r.error();
      if (r->cancelled) return DemoProjectSummary{{}, 0, {}, 0, true};
      items_done += split_items[s];
      summary.runs.push_back(r->run_id);
      if (s == 0) made[m].calibration = r->run_id;
      if (s == 1) made[m].test = r->run_id;
    }
  }

  // 4. A temperature per model, fitted on its calibration run, stored with its test run.
  report({Kind::kFitting, {}, {}, 0, 0}, kWorldShare + kTrainShare + kRunShare);
  {
    auto st = store::Store::open(partial, store::OpenMode::kOpenExisting);
    if (!st) return st.error();
    for (const ModelRuns& runs : made) {
      auto stored = st->calibrations(runs.test);
      if (!stored) return stored.error();
      if (!stored->empty()) continue;  // an earlier build got this far
      auto cal = st->prediction_set(runs.calibration);
      if (!cal) return cal.error();
      auto fit = calib::fit_temperature(*cal);
      if (!fit) return fit.error();
      store::CalibrationInfo c;
      c.run_id = runs.test;
      c.method = store::kTemperatureMethod;
      c.params = store::TemperatureParams{fit->temperature}.to_json();
      c.fit_split = "calibration";
      c.fit_run_id = runs.calibration;
      c.nll_before = fit->nll_before;
      c.nll_after = fit->nll_after;
      if (auto added = st->add_calibration(c); !added) return added.error();
    }
    // The project names its world and models where they will be once the folder is in place.
    if (auto moved = st->relocate_paths(build, staged->target()); !moved) return moved.error();
  }  // closed: SQLite folds its log into the file and removes it
  // What only a stopped build needs goes before the folder is put in place.
  {
    std::error_code ignored;
    fs::remove(build / kResumeFile, ignored);
    fs::remove(build / kWorldDone, ignored);
    for (const auto& m : *models)
      fs::remove(build / "models" / (m.name + ".done"), ignored);
  }
  if (auto placed = staged->commit(); !placed) return placed.error();
  summary.project = demo_project_path(dir);
  summary.featured_run = made.back().test;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  report({Kind::kDone, {}, {}, 0, 0}, 1);
  return summary;
}

}  // namespace unveil::analysis
