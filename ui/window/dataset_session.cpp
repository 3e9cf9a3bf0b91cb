#include "window/dataset_session.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "project/project_jobs.h"

namespace unveil::ui {

DatasetSession::DatasetSession(QObject* parent) : QObject(parent) {}

DatasetSession::~DatasetSession() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

void DatasetSession::open(const QString& path) {
  read(tr("Reading dataset %1…").arg(QFileInfo(path).fileName()),
       [path] { return loadDataset(path); });
}

void DatasetSession::openFromProject(const QString& projectPath, const QString& name) {
  read(tr("Reading dataset %1…").arg(name),
       [projectPath, name] { return loadProjectDataset(projectPath, name); });
}

void DatasetSession::read(const QString& activity, std::function<DatasetLoadResult()> work) {
  const quint64 generation = ++generation_;
  ++busy_;
  emit activityChanged(activity);
  auto* watcher = new QFutureWatcher<DatasetLoadResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    DatasetLoadResult r = watcher->result();
    if (generation == generation_) {
      if (r.ok()) {
        lastError_.clear();
        dataset_ = std::move(r.data);
        emit loaded();
      } else {
        lastError_ = r.error;
        emit failed(r.error);
      }
    }
    if (--busy_ == 0) {
      emit activityChanged(QString());
      emit idle();
    }
  });
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace unveil::ui
