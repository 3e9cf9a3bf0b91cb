// The open project (*.unveil): its runs with their headline metrics and its datasets, and the
// background jobs that open, create, copy and add to it. Each job opens its own connection on a
// worker thread; the UI thread never touches SQLite.
#pragma once

#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

#include "project/project_jobs.h"

namespace unveil::ui {

class ProjectSession : public QObject {
  Q_OBJECT

 public:
  explicit ProjectSession(QObject* parent = nullptr);
  ~ProjectSession() override;

  void open(const QString& path);
  /// Creates an empty project at `path` (replacing any file there) and opens it.
  void create(const QString& path);
  /// Copies the open project to `target` and continues on the copy.
  void saveAs(const QString& target);
  void close();
  /// Reads the runs again (after another program added some).
  void refresh();
  /// Saves prediction sets (a test split, and its calibration split) as runs.
  void savePredictions(const std::vector<RunToSave>& runs);
  void importDataset(const std::shared_ptr<const data::Dataset>& dataset, const QString& source,
                     const QString& format);
  /// Reads a run's predictions; runLoaded() hands them over.
  void loadRun(std::int64_t runId);
  /// The run's stored calibrations: list them, store a new one, remove one, or put a removed one
  /// back exactly (undo); calibrationsChanged() follows with the run's list.
  void changeCalibrations(CalibrationChange change, const store::CalibrationInfo& c);

  bool isOpen() const { return state_.has_value(); }
  const std::optional<ProjectState>& state() const { return state_; }
  QString path() const { return state_ ? state_->path : QString(); }
  bool isReadOnly() const { return state_ && state_->readOnly; }
  bool isBusy() const { return !activities_.isEmpty(); }
  const QString& lastError() const { return lastError_; }

 signals:
  void activityChanged(const QString& activity);
  /// A project was opened or created (or saved under a new name); changed() came just before.
  void opened();
  void closed();
  /// The runs or datasets changed (also after opened()).
  void changed();
  /// Something was done that the status bar should say.
  void message(const QString& text);
  /// A run's predictions, and the calibration split of its stored temperature when it has one.
  void runLoaded(const unveil::ui::LoadedPredictions& predictions,
                 const std::optional<unveil::ui::LoadedPredictions>& calibration);
  void failed(const QString& message);
  void idle();
  void calibrationsChanged(qint64 runId, const std::vector<unveil::store::CalibrationInfo>& list);
  /// A calibration was stored (with its id and time).
  void calibrationStored(const unveil::store::CalibrationInfo& stored);

 private:
  template <typename T>
  void runJob(const QString& activity, std::function<T()> work, std::function<void(T)> done);
  /// Takes in a project result; `reopened` when it is a (possibly other) file just opened.
  void accept(ProjectResult result, bool reopened);
  void fail(const QString& message);

  std::optional<ProjectState> state_;
  quint64 openGeneration_ = 0, runGeneration_ = 0;
  QStringList activities_;
  QString lastError_;
};

}  // namespace unveil::ui
