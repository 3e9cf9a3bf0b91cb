// The demo project a first launch opens: the shapes world as dataset "shapes", the demo model
// family trained on it, a run of each model on the calibration, test and idk splits, and for each
// model a temperature fitted on its calibration run and stored with its test run. Built by the
// same functions a user's work goes through (shapes world, demo trainer, run_eval, the store), so
// that the first picture a newcomer sees is real.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "util/result.h"

namespace unveil::analysis {

/// Where a build is, as data: the window words it in its own language, describe() in English.
struct DemoStage {
  enum class Kind { kResuming, kWorld, kTraining, kRunning, kFitting, kDone };
  Kind kind = Kind::kWorld;
  std::string model;          ///< kTraining, kRunning: "shapes-base", "shapes-mm", "shapes-mm-ft"
  std::string split;          ///< kRunning: "calibration", "test", "idk"
  int epoch = 0, epochs = 0;  ///< kTraining
};

/// "Training the multimodal model: epoch 3 of 12", "Running shapes-mm on the test split", ...
std::string describe(const DemoStage& stage);

struct DemoProjectOptions {
  std::uint64_t seed = 1;
  int train = 6000;  ///< training items of the shapes world (the other splits follow from it)
  int base_epochs = 8, mm_epochs = 12, ft_epochs = 4;
  const std::atomic<bool>* cancel = nullptr;
  /// The stage in words ("Training the multimodal model: epoch 3 of 12") and the fraction of the
  /// whole build done (0..1). Called on the building thread.
  std::function<void(const std::string& stage, double fraction)> progress;
  /// The same, as data (for a window that words it in its own language).
  std::function<void(const DemoStage& stage, double fraction)> on_stage;
};

struct DemoProjectSummary {
  std::filesystem::path project;   ///< DIR/demo.unveil
  std::int64_t featured_run = 0;   ///< the fine-tuned model's test run: what a first launch shows
  std::vector<std::int64_t> runs;  ///< every run, in the order made
  double seconds = 0;
  bool cancelled = false;  ///< nothing usable was left (no project file)
};

/// The project file a build in `dir` makes.
std::filesystem::path demo_project_path(const std::filesystem::path& dir);

/// Builds the demo project in `dir` (world in DIR/world, models in DIR/models). Everything is
/// built in a temporary folder beside `dir` and swapped in when complete, so that a cancelled,
/// failed or killed build leaves the earlier demo (or no folder) and never a half-made or mixed
/// one. A stopped build's folder is kept with what it finished (the world, each model, each run,
/// each temperature), and the next build of the same options goes on from there and ends with
/// the same demo a build in one go makes. A `dir` that holds anything but an earlier demo is
/// refused (data::is_demo_folder).
Result<DemoProjectSummary> build_demo_project(const std::filesystem::path& dir,
                                              const DemoProjectOptions& options = {});

}  // namespace unveil::analysis
