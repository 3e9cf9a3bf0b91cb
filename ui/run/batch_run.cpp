#include "run/batch_run.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "analysis/eval_job.h"
#include "app/core_messages.h"
#include "store/store.h"

namespace unveil::ui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

/// A resumed run keeps its own model, dataset, split, condition and prompt: read them from the
/// project. Empty on success, else why the run cannot be resumed, in the window's language
/// (QCoreApplication::translate may be called from any thread).
QString resumeSettings(analysis::EvalSpec& spec) {
  auto st = store::Store::open(spec.db, store::OpenMode::kOpenExisting);
  if (!st) return coreText(st.error());
  auto run = st->run(*spec.resume_run);
  if (!run) return coreText(run.error());
  const auto id = static_cast<qint64>(run->id);
  if (run->status == store::RunStatus::kComplete)
    return BatchRun::tr("Run %1 is complete: there is nothing to resume").arg(id);
  if (run->status == store::RunStatus::kImported)
    return BatchRun::tr("Run %1 was imported: there is nothing to resume").arg(id);
  if (!run->spec.model_id)
    return BatchRun::tr("Run %1 names no model: it cannot be resumed").arg(id);
  auto models = st->models();
  if (!models) return coreText(models.error());
  const auto m = std::find_if(models->begin(), models->end(), [&](const store::ModelInfo& i) {
    return i.id == *run->spec.model_id;
  });
  if (m == models->end())
    return BatchRun::tr("The model of run %1 is no longer in the project").arg(id);
  if (spec.card.empty()) spec.card = m->path;
  spec.dataset = run->dataset_name;
  spec.split = run->spec.split;
  spec.condition = run->spec.condition;
  spec.prompt = run->spec.prompt;
  return {};
}

}  // namespace

BatchRun::BatchRun(QObject* parent) : QObject(parent) {
  qRegisterMetaType<BatchRunProgress>();
  qRegisterMetaType<BatchRunOutcome>();
  liveTimer_.setInterval(kLiveIntervalMs);
  connect(&liveTimer_, &QTimer::timeout, this, &BatchRun::takeArrived);
}

BatchRun::~BatchRun() {
  if (shared_) shared_->cancel = true;
  // The worker holds only `shared_` and posts to this object through a QPointer; waiting keeps
  // the project file's writer from outliving the window (the run stops after its batch in hand
  // and resumes another time).
  future_.waitForFinished();
}

bool BatchRun::start(const BatchRunRequest& request) {
  if (running_) return false;
  request_ = request;
  progress_ = {};
  running_ = true;
  liveUpdates_ = 0;
  live_ = std::make_shared<const calib::PredictionSet>();
  shared_ = std::make_shared<Shared>();

  analysis::EvalSpec spec;
  spec.db = request.project.toStdString();
  spec.card = request.card.toStdString();
  spec.dataset = request.dataset.toStdString();
  spec.split = request.split.toStdString();
  spec.condition = request.condition.toStdString();
  spec.prompt = request.prompt.toStdString();
  spec.batch = request.batch;
  spec.resume_run = request.resumeRun;
  spec.run_name = request.runName.toStdString();
  const auto device = model::parse_device(request.device.toStdString());
  spec.device = device ? *device : model::DeviceChoice::kAuto;

  QPointer<BatchRun> self(this);
  std::shared_ptr<Shared> shared = shared_;
  future_ = QtConcurrent::run([self, shared, spec, deviceOk = device.ok(),
                               deviceError = device.ok() ? QString() : coreText(device.error())] {
    BatchRunOutcome outcome;
    analysis::EvalSpec eval = spec;
    const QString resumeError = eval.resume_run ? resumeSettings(eval) : QString();
    if (!deviceOk) {
      outcome.error = deviceError;
    } else if (!resumeError.isEmpty()) {
      outcome.error = resumeError;
    } else {
      const auto progress = [self](const analysis::EvalProgress& p) {
        BatchRunProgress q{p.run_id, p.done, p.total, p.items_per_second, p.eta_seconds};
        q.inFlight = p.backend.in_flight;
        q.retries = p.backend.retries;
        q.errors = p.backend.errors;
        q.endpoint = p.backend.requests > 0 || p.backend.in_flight > 0;
        QMetaObject::invokeMethod(
            self,
            [self, q] {
              if (!self || !self->running_) return;
              self->progress_ = q;
              emit self->progressed(q);
            },
            Qt::QueuedConnection);
      };
      const auto sink = [shared](const calib::PredictionSet& batch) {
        const std::lock_guard lock(shared->mutex);
        shared->arrived.append(batch);
      };
      auto r = analysis::run_eval(eval, &shared->cancel, progress, sink);
      if (!r) {
        outcome.error = coreText(r.error());
      } else {
        outcome.runId = r->run_id;
        outcome.cancelled = r->cancelled;
        outcome.predicted = r->predicted;
        outcome.skipped = r->skipped;
        outcome.device = qs(r->device);
        outcome.seconds = r->seconds;
        for (const std::string& p : r->problems)
          outcome.problems << qs(p);
      }
    }
    QMetaObject::invokeMethod(
        self,
        [self, outcome] {
          if (!self) return;
          self->takeArrived();
          self->liveTimer_.stop();
          self->running_ = false;
          self->shared_.reset();
          emit self->finished(outcome);
        },
        Qt::QueuedConnection);
  });
  liveTimer_.start();
  emit started();
  return true;
}

void BatchRun::cancel() {
  if (running_ && shared_) shared_->cancel = true;
}

void BatchRun::takeArrived() {
  if (!shared_) return;
  calib::PredictionSet arrived;
  {
    const std::lock_guard lock(shared_->mutex);
    if (shared_->arrived.empty()) return;
    std::swap(arrived, shared_->arrived);
  }
  auto grown = std::make_shared<calib::PredictionSet>(*live_);
  grown->append(arrived);
  live_ = std::move(grown);
  ++liveUpdates_;
  LoadedPredictions loaded;
  loaded.set = live_;
  loaded.path = request_.project;
  loaded.displayName = displayName();
  emit predictionsChanged(loaded);
}

QString BatchRun::displayName() const {
  if (!request_.runName.isEmpty()) return request_.runName;
  QString name =
      QFileInfo(request_.card).completeBaseName() + QStringLiteral(" · ") + request_.dataset;
  if (!request_.split.isEmpty()) name += QLatin1Char('/') + request_.split;
  return name + QStringLiteral(" · ") + request_.condition;
}

}  // namespace unveil::ui
