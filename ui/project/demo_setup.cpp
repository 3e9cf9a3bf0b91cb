#include "project/demo_setup.h"

#include <QDir>
#include <QMetaObject>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>

#include "analysis/demo_project.h"
#include "app/core_messages.h"
#include "app/run_names.h"

namespace unveil::ui {

namespace {

/// A build's stage in the window's language.
QString stageText(const analysis::DemoStage& s) {
  using Kind = analysis::DemoStage::Kind;
  const auto model = [](const std::string& name) {
    if (name == "shapes-base") return DemoSetup::tr("the text-only base model");
    if (name == "shapes-mm") return DemoSetup::tr("the multimodal model");
    if (name == "shapes-mm-ft") return DemoSetup::tr("the visually fine-tuned model");
    return QString::fromStdString(name);
  };
  switch (s.kind) {
    case Kind::kResuming:
      return DemoSetup::tr("Going on with the build that stopped");
    case Kind::kWorld:
      return DemoSetup::tr("Drawing the shapes world");
    case Kind::kTraining:
      return DemoSetup::tr("Training %1: epoch %2 of %3")
          .arg(model(s.model))
          .arg(s.epoch)
          .arg(s.epochs);
    case Kind::kRunning:
      return DemoSetup::tr("Running %1 on the %2 split")
          .arg(QString::fromStdString(s.model), splitName(s.split));
    case Kind::kFitting:
      return DemoSetup::tr("Fitting temperatures on the calibration split");
    case Kind::kDone:
      return DemoSetup::tr("Done");
  }
  return QString::fromStdString(analysis::describe(s));
}

}  // namespace

DemoSetup::DemoSetup(QObject* parent) : QObject(parent) {}

DemoSetup::~DemoSetup() {
  if (cancel_) *cancel_ = true;
  future_.waitForFinished();
}

QString DemoSetup::projectPath(const QString& dir) {
  return QString::fromStdString(analysis::demo_project_path(dir.toStdString()).string());
}

QString DemoSetup::defaultDir() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
         QStringLiteral("/demo");
}

bool DemoSetup::start(const DemoSetupOptions& options) {
  if (running_) return false;
  running_ = true;
  stage_ = tr("Preparing the demo project…");
  fraction_ = 0;
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  analysis::DemoProjectOptions o;
  o.train = options.train;
  if (options.epochs > 0) o.base_epochs = o.mm_epochs = o.ft_epochs = options.epochs;
  QPointer<DemoSetup> self(this);
  future_ = QtConcurrent::run([self, o, cancel = cancel_, dir = options.dir]() mutable {
    o.cancel = cancel.get();
    // Progress is posted at most ~10 times a second (and on every new stage).
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    std::string lastStage;
    o.on_stage = [self, &last, &lastStage](const analysis::DemoStage& stage, double fraction) {
      const auto now = std::chrono::steady_clock::now();
      const std::string said = analysis::describe(stage);
      if (said == lastStage && now - last < std::chrono::milliseconds(100)) return;
      last = now;
      lastStage = said;
      QMetaObject::invokeMethod(
          self,
          [self, stage, fraction] {
            const QString text = stageText(stage);
            if (!self || !self->running_) return;
            self->stage_ = text;
            self->fraction_ = fraction;
            emit self->progressed(text, fraction);
          },
          Qt::QueuedConnection);
    };
    auto built = analysis::build_demo_project(dir.toStdString(), o);
    QMetaObject::invokeMethod(
        self,
        [self, ok = built.ok(), error = built.ok() ? QString() : coreText(built.error()),
         wasCancelled = built.ok() && built->cancelled,
         path = built.ok() ? QString::fromStdString(built->project.string()) : QString(),
         featured = built.ok() ? built->featured_run : 0] {
          if (!self) return;
          self->running_ = false;
          if (!ok) return emit self->failed(error);
          if (wasCancelled) return emit self->cancelled();
          emit self->finished(path, featured);
        },
        Qt::QueuedConnection);
  });
  emit progressed(stage_, 0);
  return true;
}

void DemoSetup::cancel() {
  if (running_ && cancel_) *cancel_ = true;
}

}  // namespace unveil::ui
