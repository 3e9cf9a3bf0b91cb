// Building the demo project in the background (core's build_demo_project): what a first launch
// does when there is no project yet. Reports the stage and the fraction done, can be cancelled,
// and hands over the finished project's path and the run to show first.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

namespace unveil::ui {

struct DemoSetupOptions {
  QString dir;       ///< where the world, the models and demo.unveil go
  int train = 6000;  ///< training items of the shapes world
  int epochs = -1;   ///< epochs of every training stage; -1: the demo's own (8, 12, 4)
};

class DemoSetup : public QObject {
  Q_OBJECT

 public:
  explicit DemoSetup(QObject* parent = nullptr);
  /// Cancels a build still going and waits for it to stop.
  ~DemoSetup() override;

  /// The demo project file in `dir` (whether or not it exists yet).
  static QString projectPath(const QString& dir);
  /// The folder a first launch uses (under the user's application data).
  static QString defaultDir();

  /// Starts a build; false when one is already going.
  bool start(const DemoSetupOptions& options);
  void cancel();
  bool isRunning() const { return running_; }
  const QString& stage() const { return stage_; }
  double fraction() const { return fraction_; }

 signals:
  void progressed(const QString& stage, double fraction);
  void finished(const QString& projectPath, qint64 featuredRun);
  void cancelled();
  void failed(const QString& message);

 private:
  bool running_ = false;
  QString stage_;
  double fraction_ = 0;
  std::shared_ptr<std::atomic<bool>> cancel_;
  QFuture<void> future_;
};

}  // namespace unveil::ui
