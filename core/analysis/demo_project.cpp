#include "analysis/demo_project.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <system_error>

#include "analysis/eval_job.h"
#include "calib/temperature.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "store/store.h"
#include "util/atomic_file.h"

namespace unveil::analysis {

namespace fs = std::filesystem;

namespace {

// Shares of the whole build, measured on the 2-core reference machine: the world ~4 s, the
// training ~55 s, the nine runs ~15 s, the temperatures well under a second.
constexpr double kWorldShare = 0.05, kTrainShare = 0.72, kRunShare = 0.22;

std::string stage_name(const std::string& model) {
  if (model == "shapes-base") return "the text-only base model";
  if (model == "shapes-mm") return "the multimodal model";
  if (model == "shapes-mm-ft") return "the visually fine-tuned model";
  return model;
}

}  // namespace

fs::path demo_project_path(const fs::path& dir) {
  return dir / "demo.unveil";
}

Result<DemoProjectSummary> build_demo_project(const fs::path& dir,
                                              const DemoProjectOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
  const auto report = [&](const std::string& stage, double fraction) {
    if (options.progress) options.progress(stage, std::min(1.0, std::max(0.0, fraction)));
  };
  DemoProjectSummary summary;
  // Everything is built in a temporary folder beside `dir` and swapped in when complete, so that a
  // kill or a cancel leaves the earlier demo (or nothing) and never new images beside an old
  // project; a folder that holds anything else is refused, never emptied.
  auto staged = StagedFolder::create(dir, "demo", data::is_demo_folder);
  if (!staged) return staged.error();
  const fs::path build = staged->path();
  if (auto marked = data::mark_demo_folder(build); !marked) return marked.error();

  // 1. The shapes world.
  report("Drawing the shapes world", 0);
  data::ShapesWorldOptions wopt;
  wopt.seed = options.seed;
  wopt.train = options.train;
  wopt.cancel = options.cancel;
  wopt.progress = [&](int done, int total) {
    report("Drawing the shapes world", kWorldShare * done / std::max(1, total));
  };
  auto world = data::write_shapes_world(build / "world", wopt);
  if (!world) return world.error();
  if (cancelled()) return DemoProjectSummary{{}, 0, {}, 0, true};

  // 2. The demo model family.
  model::DemoTrainOptions topt;
  topt.seed = options.seed;
  topt.base_epochs = options.base_epochs;
  topt.mm_epochs = options.mm_epochs;
  topt.ft_epochs = options.ft_epochs;
  topt.cancel = options.cancel;
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
    report("Training " + stage_name(stage) + ": epoch " + std::to_string(done) + " of " +
               std::to_string(total),
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
  {
    auto st = store::Store::open(partial);
    if (!st) return st.error();
    auto added = st->add_dataset(*dataset, world->json.string(), "llava");
    if (!added) return added.error();
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
      const std::string stage = "Running " + (*models)[m].name + " on the " + splits[s] + " split";
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
  report("Fitting temperatures on the calibration split", kWorldShare + kTrainShare + kRunShare);
  {
    auto st = store::Store::open(partial, store::OpenMode::kOpenExisting);
    if (!st) return st.error();
    for (const ModelRuns& runs : made) {
      auto cal = st->prediction_set(runs.calibration);
      if (!cal) return cal.error();
      auto fit = calib::fit_temperature(*cal);
      if (!fit) return fit.error();
      store::CalibrationInfo c;
      c.run_id = runs.test;
      c.method = "temperature";
      c.params = nlohmann::json{{"temperature", fit->temperature}}.dump();
      c.fit_split = "calibration";
      c.fit_run_id = runs.calibration;
      c.nll_before = fit->nll_before;
      c.nll_after = fit->nll_after;
      if (auto added = st->add_calibration(c); !added) return added.error();
    }
    // The project names its world and models where they will be once the folder is in place.
    if (auto moved = st->relocate_paths(build, staged->target()); !moved) return moved.error();
  }  // closed: SQLite folds its log into the file and removes it
  if (auto placed = staged->commit(); !placed) return placed.error();
  summary.project = demo_project_path(dir);
  summary.featured_run = made.back().test;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  report("Done", 1);
  return summary;
}

}  // namespace unveil::analysis
