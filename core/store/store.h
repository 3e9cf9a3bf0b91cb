// The experiment store: one SQLite file per project (*.unveil) holding datasets and their items,
// models, runs, predictions, calibrations and prompt searches.
//
// Every public function returns a value or an Error; SQLite failures never escape as exceptions.
// One Store is one connection: use one per thread (the UI reads on its own connection while a
// PredictionWriter writes on another; WAL lets both proceed).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "calib/prediction_formats.h"
#include "calib/prediction_set.h"
#include "data/item.h"
#include "util/result.h"

namespace unveil::store {

class Db;

/// The schema version this build writes (PRAGMA user_version).
constexpr int kSchemaVersion = 6;
/// The oldest version this build reads without upgrading it (a read-only file): later versions
/// only added what reading can do without (an index).
constexpr int kOldestReadableSchemaVersion = 5;

enum class OpenMode {
  kOpenOrCreate,  ///< create the file when missing or empty (commands that make projects)
  kOpenExisting,  ///< fail when missing, empty or not a project
  kReadOnly,      ///< never write; fail when missing, empty or not a project
};

enum class RunStatus { kRunning, kInterrupted, kComplete, kCancelled, kFailed, kImported };
const char* to_string(RunStatus s);
std::optional<RunStatus> parse_run_status(std::string_view s);

struct DatasetInfo {
  std::int64_t id = 0;
  std::string name, source, format, root, created_at;
  std::size_t items = 0, problems = 0;
  /// Item count per split ("" for items without one), splits in name order.
  std::vector<std::pair<std::string, std::size_t>> splits;
};

struct ModelInfo {
  std::int64_t id = 0;
  std::string name, path, sha256, card, created_at;
};

/// What a run is: model x dataset split x prompt x condition x device, plus any settings.
struct RunSpec {
  std::string name;
  std::optional<std::int64_t> model_id;
  std::int64_t dataset_id = 0;
  std::string split;
  std::string prompt;
  std::string condition = "image";
  std::string device;
  std::string settings = "{}";  ///< JSON: seeds, batch size, binning, anything needed to reproduce
  std::size_t expected = 0;     ///< items the run will predict
  RunStatus status = RunStatus::kRunning;
};

struct RunInfo {
  std::int64_t id = 0;
  RunSpec spec;
  std::string model_name, dataset_name;
  RunStatus status = RunStatus::kRunning;
  std::string started_at, finished_at;
  std::size_t predictions = 0;
  std::string summary;  ///< cached headline metrics (JSON), empty when not computed yet
  /// The run's model reads no image (its card lists modalities without "image"): a run "with the
  /// image" of it was given the text alone.
  bool model_text_only = false;
};

/// Whether a run holds fewer predictions than it was to make and is not complete (running,
/// interrupted, cancelled or failed): every number of it is of part of its items.
bool is_partial(const RunInfo& run);

/// For a partial run, the sentence that says so ("run 5 is interrupted: it holds 3072 of its 20000
/// items, and every number below is of those only"); empty otherwise.
std::string partial_run_note(const RunInfo& run);

/// One stored prediction (the per-option logits keep every metric recomputable).
struct PredictionRecord {
  std::int64_t item_id = 0;
  int label = -1;
  std::vector<double> logits;
  int answer = -1;                   ///< the option read as the answer
  std::optional<double> conf_vocab;  ///< the letter's probability over the whole vocabulary
  double conf_options = 0;           ///< the answer's probability renormalised over the options
  /// The answer step's whole-vocabulary logits (empty when not kept; see ModelOutput).
  std::vector<double> vocab_logits;
  bool correct = false;
  std::optional<double> latency_ms;
  std::string
      extra;  ///< unknown keys of an imported prediction (raw JSON members), kept for export
};

struct CalibrationInfo {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  std::string method, params, fit_split;
  std::optional<std::int64_t> fit_run_id;
  double nll_before = 0, nll_after = 0;
  std::string created_at;
};

struct ImportSummary {
  std::int64_t dataset_id = 0;
  std::size_t items = 0, problems = 0;
};

/// How predictions made elsewhere are imported (Store::import_predictions).
struct PredictionImportOptions {
  /// Skip (and count) predictions that disagree with the dataset or repeat an id, instead of
  /// importing nothing.
  bool skip_invalid = false;
  /// Where each prediction is in its file ("line 9"), for messages; without it they name the
  /// prediction's place in the set.
  const calib::PredictionSource* source = nullptr;
};

struct PredictionImport {
  std::int64_t run_id = 0;
  std::size_t imported = 0, skipped = 0;
  std::vector<std::string> problems;  ///< why the first skipped predictions were skipped
};

class Store {
 public:
  /// Opens a project file. A file that is not SQLite, is damaged, or has a newer schema is refused
  /// untouched; a file that cannot be written is opened read-only (see notice()).
  static Result<Store> open(const std::filesystem::path& file,
                            OpenMode mode = OpenMode::kOpenOrCreate);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& file() const;
  bool read_only() const { return read_only_; }
  /// Something the user should know about how the file was opened ("" when nothing).
  const std::string& notice() const { return notice_; }
  /// The notice as a catalog message (util/message.h), for a front end to say in its language.
  const Message& notice_detail() const { return notice_detail_; }

  // Datasets and items.
  Result<ImportSummary> add_dataset(const data::Dataset& dataset, const std::string& source,
                                    const std::string& format);
  Result<std::vector<DatasetInfo>> datasets();
  Result<std::optional<DatasetInfo>> dataset_by_name(const std::string& name);
  /// Items of a dataset (one split, or all when split is empty), in import order. With
  /// load_images, embedded image bytes are loaded too.
  Result<std::vector<data::Item>> items(std::int64_t dataset_id, const std::string& split = {},
                                        bool load_images = false);
  /// Database ids of the items, parallel to items(dataset_id, split).
  Result<std::vector<std::int64_t>> item_ids(std::int64_t dataset_id,
                                             const std::string& split = {});
  Result<std::vector<data::Problem>> problems(std::int64_t dataset_id);

  // Models.
  Result<std::int64_t> add_model(const ModelInfo& model);
  Result<std::vector<ModelInfo>> models();

  // Runs and predictions.
  Result<std::int64_t> create_run(const RunSpec& spec);
  Status set_run_status(std::int64_t run_id, RunStatus status);
  Status set_run_summary(std::int64_t run_id, const std::string& summary_json);
  Result<std::vector<RunInfo>> runs();
  Result<RunInfo> run(std::int64_t run_id);
  Status delete_run(std::int64_t run_id);
  /// Ids of items already predicted in a run (to resume without duplicates).
  Result<std::vector<std::int64_t>> predicted_items(std::int64_t run_id);
  Result<std::vector<PredictionRecord>> predictions(std::int64_t run_id);
  /// A run's predictions as a prediction set (ids = item ids of the dataset, labels, IDK option,
  /// category and split from the items), ready for the calibration engine.
  Result<calib::PredictionSet> prediction_set(std::int64_t run_id);
  /// Predictions made elsewhere become a run of `dataset_name`. When the dataset does not exist,
  /// a predictions-only dataset is created from the prediction ids; when it does, every prediction
  /// id must name one of its items, with the item's number of options and its answer as label.
  /// A prediction that breaks this, or repeats an id, is an error naming it, and nothing is
  /// imported (with skip_invalid it is skipped and counted). A set of answers only (VLMEvalKit)
  /// is stored with score_kind 2 and the run's settings say "scores": "none".
  Result<PredictionImport> import_predictions(const calib::PredictionSet& set,
                                              const std::string& dataset_name,
                                              const std::string& run_name,
                                              const PredictionImportOptions& options);
  /// The same without options; the new run's id.
  Result<std::int64_t> import_predictions(const calib::PredictionSet& set,
                                          const std::string& dataset_name,
                                          const std::string& run_name);

  // Calibrations.
  Result<std::int64_t> add_calibration(const CalibrationInfo& c);
  Result<std::vector<CalibrationInfo>> calibrations(
      std::optional<std::int64_t> run_id = std::nullopt);
  Status delete_calibration(std::int64_t id);
  /// Puts back a calibration exactly as it was (same id and creation time): undoing a removal.
  Status restore_calibration(const CalibrationInfo& c);

  /// A consistent copy of the whole project while it may be in use (SQLite's backup API), written
  /// to a new temporary file in the target's folder (O_EXCL|O_NOFOLLOW, a random name), synced
  /// and renamed over the target.
  Status save_as(const std::filesystem::path& target);

  /// Paths the project keeps under the folder `from` (dataset roots and files, model cards) are
  /// rewritten to lie under `to`, in one transaction: for a project built in one folder, with
  /// what it refers to, and then moved to another. Both are absolute, without "." or "..".
  Status relocate_paths(const std::filesystem::path& from, const std::filesystem::path& to);

  /// Runs marked running whose writing process is gone are shown (and stored) as interrupted.
  Status mark_orphaned_runs_interrupted();

  Db& db();  ///< for the PredictionWriter and tests

 private:
  Store() = default;
  std::unique_ptr<Db> db_;
  bool read_only_ = false;
  std::string notice_;
  Message notice_detail_;

  Error read_only_error() const;
};

/// Writes predictions of one run in batched transactions on its own connection, so that readers
/// are never blocked for long. A run killed at any moment loses at most the uncommitted batch;
/// rows already stored for the run are ignored on re-insert (resume without duplicates).
class PredictionWriter {
 public:
  static Result<PredictionWriter> open(const std::filesystem::path& file, std::int64_t run_id,
                                       std::size_t batch = 512);
  PredictionWriter(PredictionWriter&&) noexcept;
  PredictionWriter& operator=(PredictionWriter&&) noexcept;
  ~PredictionWriter();  ///< flushes what is pending

  Status add(const PredictionRecord& p);
  Status flush();
  std::size_t written() const { return written_; }

 private:
  PredictionWriter() = default;
  std::unique_ptr<Db> db_;
  std::int64_t run_id_ = 0;
  std::size_t batch_ = 512;
  std::vector<PredictionRecord> pending_;
  std::size_t written_ = 0;
};

/// The schema as of an older version, for migration tests: creates `file` at `version`.
Status create_schema_version_for_tests(const std::filesystem::path& file, int version);

}  // namespace unveil::store
