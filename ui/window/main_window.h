// The main window: menus, tool bar and status bar around two pages (the empty state and the
// analysis workspace). It wires user actions to the session and the session's results to the
// views; the work itself happens in CalibrationSession, the drawing in the views.
#pragma once

#include <QMainWindow>

#include "calib/metrics.h"

class QLabel;
class QProgressBar;
class QStackedWidget;

namespace unveil::ui {

class BinningControls;
class CalibrationSession;
class EmptyStateView;
class MessageBanner;
class PlotView;
class WorkspaceView;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  CalibrationSession* session() const { return session_; }
  WorkspaceView* workspace() const { return workspace_; }
  BinningControls* binningControls() const { return binning_; }
  MessageBanner* messageBanner() const { return banner_; }
  bool showsWorkspace() const;

  /// Opens the set to analyse, and a calibration split to fit a temperature on (optional).
  void openFiles(const QString& test, const QString& calibration = QString());
  void openExample();
  /// Sets the bin count and binning (controls and analysis).
  void setMetricsOptions(const calib::MetricsOptions& options);

  /// Renders the window as it is now, plots redrawn first.
  QImage renderImage();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createActions();
  void chooseTestFile();
  void chooseCalibrationFile();
  void exportPlot(PlotView* plot);
  void showResult();
  void showActivity(const QString& activity);
  void showError(const QString& message);
  void updateActions();
  void showAbout();

  CalibrationSession* session_ = nullptr;
  QStackedWidget* pages_ = nullptr;
  EmptyStateView* empty_ = nullptr;
  WorkspaceView* workspace_ = nullptr;
  MessageBanner* banner_ = nullptr;
  BinningControls* binning_ = nullptr;
  QLabel* activity_ = nullptr;
  QProgressBar* busy_ = nullptr;

  QAction* loadCalibration_ = nullptr;
  QAction* fitTemperature_ = nullptr;
  QAction* clearTemperature_ = nullptr;
  QAction* exportReliability_ = nullptr;
  QAction* exportHistogram_ = nullptr;
};

}  // namespace unveil::ui
