// The work on a project file, as plain functions that never throw, for worker threads. Each opens
// its own Store (one connection per thread) and closes it before returning.
#pragma once

#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "browser/dataset_loading.h"
#include "calib/prediction_set.h"
#include "data/item.h"
#include "session/prediction_loading.h"
#include "store/store.h"

namespace unveil::ui {

/// A run with its headline metrics (store::run_headline); an accuracy-only run has no ECE.
struct RunRow {
  store::RunInfo info;
  std::optional<double> n, accuracy, ece;
};

/// What the window shows of a project.
struct ProjectState {
  QString path;
  bool readOnly = false;
  QString notice;  ///< Store::notice(): why the file was opened read-only, "" when not
  std::vector<RunRow> runs;
  std::vector<store::DatasetInfo> datasets;
  std::vector<store::ModelInfo> models;  ///< the models of its runs (card paths as recorded)
};

struct ProjectResult {
  std::optional<ProjectState> state;
  QString message;  ///< what was done ("3 runs"), shown in the status bar
  QString error;
};

/// Opens `path` (which must exist) and reads its runs and datasets, each run with its headline
/// metrics by store::run_headline (core/store/run_headline.h), the rule unveil-cli runs follows.
ProjectResult readProject(const QString& path);
/// Creates an empty project at `path`, replacing any file there.
ProjectResult createProject(const QString& path);
/// A consistent copy of `source` at `target` (SQLite's backup API); then reads the copy.
ProjectResult saveProjectAs(const QString& source, const QString& target);

/// A set of predictions to save as one run.
struct RunToSave {
  std::shared_ptr<const calib::PredictionSet> set;
  QString datasetName, runName;
};
/// Imports each set as a run, then reads the project again. A set whose ids are not items of the
/// named dataset goes to "<dataset> (<run>)" instead, created from its ids.
ProjectResult savePredictions(const QString& path, const std::vector<RunToSave>& runs);
/// Adds a dataset read by the browser to the project, then reads the project again.
ProjectResult importDataset(const QString& path, std::shared_ptr<const data::Dataset> dataset,
                            const QString& source, const QString& format);

struct RunLoadResult {
  LoadedPredictions data;
  /// The calibration split of the run's stored temperature scaling, when it has one.
  std::optional<LoadedPredictions> calibration;
  QString error;
};
/// The stored calibrations of a run, after a change to them.
struct CalibrationsResult {
  qint64 runId = -1;
  std::vector<store::CalibrationInfo> list;
  std::optional<store::CalibrationInfo> added;  ///< what addCalibration stored (with its id)
  QString error;
};
enum class CalibrationChange { kList, kAdd, kRemove, kRestore };
/// Lists, adds (c.id ignored), removes (by c.id) or restores (same id and time) a calibration of
/// run c.run_id, then lists the run's calibrations.
CalibrationsResult changeCalibrations(const QString& path, CalibrationChange change,
                                      const store::CalibrationInfo& c);

/// A dataset of the project, items and images, ready for the browser.
DatasetLoadResult loadProjectDataset(const QString& path, const QString& name);

/// A run's predictions, ready for CalibrationSession::showPredictions.
RunLoadResult loadRun(const QString& path, std::int64_t runId);

}  // namespace unveil::ui
