// What the window shows before anything is open: what Unveil does and how to start — and, on a
// first launch, the demo project being built (stage, progress, Cancel).
#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace unveil::ui {

class EmptyStateView : public QWidget {
  Q_OBJECT

 public:
  explicit EmptyStateView(QWidget* parent = nullptr);

 public:
  /// Shows the demo build's stage and progress (0..1) with a Cancel button.
  /// `elapsedMs`: time since the build started (-1: measured here, from the first call).
  void showDemoProgress(const QString& stage, double fraction, qint64 elapsedMs = -1);
  /// The time left, estimated from the share done so far and the time it took on this machine:
  /// "About 4 minutes left", or "Estimating the time left…" until there is enough to go on.
  static QString timeLeftText(double fraction, qint64 elapsedMs);
  QString demoTimeLeftText() const;
  /// Back to the buttons; `message` (may be empty) says why the demo is not there.
  void showDemoStopped(const QString& message, bool error = false);
  bool showsDemoProgress() const;
  QString demoStageText() const;
  QPushButton* cancelDemoButton() const { return cancelDemo_; }

 signals:
  void openFileRequested();
  void openExampleRequested();
  void buildDemoRequested();
  void cancelDemoRequested();

 private:
  QPushButton* openFile_ = nullptr;
  QPushButton* openExample_ = nullptr;
  QPushButton* buildDemo_ = nullptr;
  QWidget* buttons_ = nullptr;
  QWidget* demoBox_ = nullptr;
  QLabel* demoStage_ = nullptr;
  QLabel* demoTimeLeft_ = nullptr;
  QElapsedTimer demoClock_;
  QProgressBar* demoProgress_ = nullptr;
  QPushButton* cancelDemo_ = nullptr;
  QLabel* demoMessage_ = nullptr;
};

}  // namespace unveil::ui
