#include "analyses/analysis_job.h"

#include <QtConcurrent/QtConcurrentRun>

namespace unveil::ui {

AnalysisJob::AnalysisJob(QObject* parent) : QObject(parent) {}

AnalysisJob::~AnalysisJob() {
  if (cancel_) cancel_->store(true);
  future_.waitForFinished();
}

bool AnalysisJob::start(Work work) {
  if (running_) return false;
  running_ = true;
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  QPointer<AnalysisJob> self(this);
  Post post = [self](std::function<void()> fn) {
    if (!self) return;
    QMetaObject::invokeMethod(
        self.data(),
        [self, fn = std::move(fn)] {
          if (self) fn();
        },
        Qt::QueuedConnection);
  };
  emit started();
  future_ = QtConcurrent::run([self, post, work = std::move(work), cancel = cancel_] {
    std::function<void()> done = work(*cancel, post);
    post([self, done = std::move(done)] {
      self->running_ = false;
      if (done) done();
      emit self->finished();
    });
  });
  return true;
}

void AnalysisJob::cancel() {
  if (cancel_) cancel_->store(true);
}

}  // namespace unveil::ui
