// A run: a model over a dataset split of a project, under one condition and prompt, streamed into
// the store in batches, with cancel, progress and ETA; a cancelled or killed run resumes where it
// stopped (the store ignores items already predicted).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "calib/metrics.h"
#include "calib/prediction_set.h"
#include "model/model.h"
#include "store/store.h"
#include "util/result.h"

namespace unveil::analysis {

/// The models of an analysis that makes many runs (a prompt search, the IDK prompts, the
/// modality conditions), each card loaded once on its device: a TorchScript load and its dry run
/// cost tens of milliseconds on a CPU and more on a GPU. Not thread-safe; one per analysis.
class ModelCache {
 public:
  /// The model of `card` on `device`, loaded at the first call (a failed load is not kept).
  Result<model::Model> get(const std::filesystem::path& card, model::DeviceChoice device);
  std::size_t loads() const { return loads_; }

 private:
  struct Entry {
    std::filesystem::path card;
    model::DeviceChoice device;
    model::Model model;
  };
  std::vector<Entry> entries_;
  std::size_t loads_ = 0;
};

struct EvalSpec {
  std::filesystem::path db;
  std::filesystem::path card;  ///< the model card (JSON)
  std::string dataset;         ///< dataset name in the project
  std::string split;           ///< empty: all items
  std::string condition =
      "image";         ///< image, text, blank, noise:S, blur:S, occlude:F, grey, jpeg:Q
  std::string prompt;  ///< template; empty: the card's
  model::DeviceChoice device = model::DeviceChoice::kAuto;
  int batch = 32;
  std::uint64_t seed = 0;  ///< for seeded perturbations
  std::optional<std::int64_t> resume_run;
  std::string run_name;          ///< empty: "<model> · <dataset>/<split> · <condition>"
  ModelCache* models = nullptr;  ///< where the model comes from; null: loaded for this run only
};

struct EvalProgress {
  std::int64_t run_id = 0;  ///< the run being made (or resumed)
  std::size_t done = 0, total = 0;
  double items_per_second = 0;
  double eta_seconds = 0;
  /// Requests, retries, errors and requests in flight of an endpoint model (zero otherwise).
  model::BackendCounters backend;
};

struct EvalResult {
  std::int64_t run_id = 0;
  std::size_t predicted = 0;  ///< predictions written by this call
  std::size_t skipped = 0;    ///< items without a gold answer, or whose input could not be made
  /// Items whose model output could not be stored (non-finite or wrongly shaped logits): the
  /// run is then marked failed, resumable; predicted + failed + skipped = items this call saw.
  std::size_t failed = 0;
  std::string device;
  double seconds = 0;
  bool cancelled = false;
  std::optional<calib::Metrics> metrics;  ///< over all of the run's predictions
  std::vector<std::string> problems;      ///< per-item problems (first few)
};

/// The project's row of a model as runs key it (the card's absolute path and the SHA-256 of the
/// model file), nullopt when the project has none yet.
Result<std::optional<std::int64_t>> find_model_row(store::Store& st, const model::ModelCard& card,
                                                   const std::filesystem::path& card_file);

/// Receives predictions as they are stored, as a set (item key as id, logits, label, IDK option,
/// category, split): a resumed run's earlier predictions first, then each batch. Called on the
/// thread that runs run_eval.
using PredictionSink = std::function<void(const calib::PredictionSet& batch)>;

/// What is wrong with a model's output for an item with `options` options: a wrong number of
/// option logits, a non-finite logit or vocabulary logit, an answer out of range, a vocabulary
/// confidence outside [0, 1]. "" when it can be stored.
std::string check_model_output(const model::ModelOutput& o, std::size_t options);

/// Runs (or resumes) the evaluation. Progress is reported for the first batch and then at most
/// ~8 times a second.
Result<EvalResult> run_eval(const EvalSpec& spec, const std::atomic<bool>* cancel = nullptr,
                            const std::function<void(const EvalProgress&)>& progress = {},
                            const PredictionSink& on_predictions = {});

}  // namespace unveil::analysis
