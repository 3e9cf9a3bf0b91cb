#include "browser/dataset_session.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace unveil::ui {

DatasetSession::DatasetSession(QObject* parent) : QObject(parent) {}

DatasetSession::~DatasetSession() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

void DatasetSession::open(const QString& path) {
  const quint64 generation = ++generation_;
  ++busy_;
  emit activityChanged(tr("Reading dataset %1…").arg(QFileInfo(path).fileName()));
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
  watcher->setFuture(QtConcurrent::run([path] { return loadDataset(path); }));
}

}  // namespace unveil::ui
