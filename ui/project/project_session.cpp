#include "project/project_session.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace unveil::ui {

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) {}

ProjectSession::~ProjectSession() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

template <typename T>
void ProjectSession::runJob(const QString& activity, std::function<T()> work,
                            std::function<void(T)> done) {
  activities_.append(activity);
  emit activityChanged(activity);
  auto* watcher = new QFutureWatcher<T>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, activity, done] {
    done(watcher->result());
    watcher->deleteLater();
    activities_.removeOne(activity);
    emit activityChanged(activities_.isEmpty() ? QString() : activities_.constLast());
    if (activities_.isEmpty()) emit idle();
  });
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void ProjectSession::fail(const QString& message) {
  lastError_ = message;
  emit failed(message);
}

void ProjectSession::accept(ProjectResult result, bool reopened) {
  if (!result.state) return fail(result.error);
  lastError_.clear();
  state_ = std::move(result.state);
  emit changed();  // the runs panel lists the runs before opened() chooses one
  if (reopened) emit opened();
  if (!result.message.isEmpty()) emit message(result.message);
}

void ProjectSession::open(const QString& path) {
  const quint64 generation = ++openGeneration_;
  const QString file = QFileInfo(path).absoluteFilePath();
  runJob<ProjectResult>(
      tr("Opening project %1…").arg(QFileInfo(path).fileName()),
      [file] { return readProject(file); },
      [this, generation](ProjectResult r) {
        if (generation == openGeneration_) accept(std::move(r), true);
      });
}

void ProjectSession::create(const QString& path) {
  const quint64 generation = ++openGeneration_;
  const QString file = QFileInfo(path).absoluteFilePath();
  runJob<ProjectResult>(
      tr("Creating project %1…").arg(QFileInfo(path).fileName()),
      [file] { return createProject(file); },
      [this, generation](ProjectResult r) {
        if (generation == openGeneration_) accept(std::move(r), true);
      });
}

void ProjectSession::saveAs(const QString& target) {
  if (!state_) return fail(tr("Open or create a project first."));
  const quint64 generation = ++openGeneration_;
  const QString source = state_->path;
  const QString file = QFileInfo(target).absoluteFilePath();
  if (file == source) return fail(tr("%1 is the project already open.").arg(file));
  runJob<ProjectResult>(
      tr("Saving a copy as %1…").arg(QFileInfo(target).fileName()),
      [source, file] { return saveProjectAs(source, file); },
      [this, generation](ProjectResult r) {
        if (generation == openGeneration_) accept(std::move(r), true);
      });
}

void ProjectSession::close() {
  ++openGeneration_;
  ++runGeneration_;
  if (!state_) return;
  state_.reset();
  emit closed();
  emit changed();
}

void ProjectSession::refresh() {
  if (!state_) return;
  const quint64 generation = openGeneration_;
  const QString path = state_->path;
  runJob<ProjectResult>(
      tr("Reading the runs…"), [path] { return readProject(path); },
      [this, generation](ProjectResult r) {
        if (generation == openGeneration_) accept(std::move(r), false);
      });
}

void ProjectSession::savePredictions(const std::vector<RunToSave>& runs) {
  if (!state_) return fail(tr("Open or create a project first."));
  const quint64 generation = openGeneration_;
  const QString path = state_->path;
  runJob<ProjectResult>(
      tr("Saving predictions to the project…"),
      [path, runs] { return ui::savePredictions(path, runs); },
      [this, generation](ProjectResult r) {
        if (generation == openGeneration_) accept(std::move(r), false);
      });
}

void ProjectSession::importDataset(const std::shared_ptr<const data::Dataset>& dataset,
                                   const QString& source, const QString& format) {
  if (!state_) return fail(tr("Open or create a project first."));
  const quint64 generation = openGeneration_;
  const QString path = state_->path;
  runJob<ProjectResult>(
      tr("Importing the dataset into the project…"),
      [path, dataset, source, format] { return ui::importDataset(path, dataset, source, format); },
      [this, generation](ProjectResult r) {
        if (generation == openGeneration_) accept(std::move(r), false);
      });
}

void ProjectSession::changeCalibrations(CalibrationChange change, const store::CalibrationInfo& c) {
  if (!state_) return;
  if (change != CalibrationChange::kList && state_->readOnly)
    return fail(tr("%1 is read-only: calibrations cannot be changed").arg(state_->path));
  const QString path = state_->path;
  const quint64 generation = openGeneration_;
  runJob<CalibrationsResult>(
      change == CalibrationChange::kList ? tr("Reading the stored temperatures…")
                                         : tr("Updating the stored temperatures…"),
      [path, change, c] { return ui::changeCalibrations(path, change, c); },
      [this, generation](CalibrationsResult r) {
        if (generation != openGeneration_) return;
        if (!r.error.isEmpty()) return fail(r.error);
        if (r.added) emit calibrationStored(*r.added);
        emit calibrationsChanged(r.runId, r.list);
      });
}

void ProjectSession::loadRun(std::int64_t runId) {
  if (!state_) return;
  const quint64 generation = ++runGeneration_;
  const QString path = state_->path;
  runJob<RunLoadResult>(
      tr("Reading run %1…").arg(runId), [path, runId] { return ui::loadRun(path, runId); },
      [this, generation](const RunLoadResult& r) {
        if (generation != runGeneration_) return;
        if (!r.error.isEmpty()) return fail(r.error);
        emit runLoaded(r.data, r.calibration);
      });
}

}  // namespace unveil::ui
