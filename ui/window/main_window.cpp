#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/settings.h"
#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"
#include "session/calibration_session.h"
#include "window/binning_controls.h"
#include "window/empty_state_view.h"
#include "window/message_banner.h"
#include "window/workspace_view.h"

namespace unveil::ui {

namespace {
QString predictionsFilter() {
  return MainWindow::tr("Predictions (*.jsonl *.json *.ndjson);;All files (*)");
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Unveil"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/unveil.svg")));
  setAcceptDrops(true);

  session_ = new CalibrationSession(this);
  empty_ = new EmptyStateView(this);
  workspace_ = new WorkspaceView(this);
  banner_ = new MessageBanner(this);
  pages_ = new QStackedWidget(this);
  pages_->addWidget(empty_);
  pages_->addWidget(workspace_);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(banner_);
  layout->addWidget(pages_, 1);
  setCentralWidget(central);

  binning_ = new BinningControls(this);
  createActions();

  activity_ = new QLabel(tr("Ready"), this);
  busy_ = new QProgressBar(this);
  busy_->setRange(0, 0);  // indeterminate: the jobs report no fraction
  busy_->setMaximumWidth(140);
  busy_->setMaximumHeight(14);
  busy_->setTextVisible(false);
  busy_->hide();
  statusBar()->addWidget(activity_, 1);
  statusBar()->addPermanentWidget(busy_);

  connect(empty_, &EmptyStateView::openFileRequested, this, &MainWindow::chooseTestFile);
  connect(empty_, &EmptyStateView::openExampleRequested, this, &MainWindow::openExample);
  connect(binning_, &BinningControls::optionsChanged, this,
          [this](const calib::MetricsOptions& options) {
            session_->setOptions(options);
            Settings::setMetricsOptions(options);
          });
  connect(session_, &CalibrationSession::resultChanged, this, &MainWindow::showResult);
  connect(session_, &CalibrationSession::activityChanged, this, &MainWindow::showActivity);
  connect(session_, &CalibrationSession::failed, this, &MainWindow::showError);
  connect(session_, &CalibrationSession::testLoaded, this, [this] {
    banner_->hide();
    updateActions();
  });
  connect(session_, &CalibrationSession::calibrationLoaded, this, &MainWindow::updateActions);
  connect(session_, &CalibrationSession::temperatureChanged, this, &MainWindow::updateActions);

  session_->setOptions(binning_->options());
  updateActions();
  resize(1400, 900);
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open…"), this,
                                  &MainWindow::chooseTestFile);
  open->setShortcut(QKeySequence::Open);
  open->setToolTip(tr("Open a predictions JSONL file to analyse (Ctrl+O)"));
  QAction* example = file->addAction(QIcon(QStringLiteral(":/icons/example.svg")),
                                     tr("Open &example"), this, &MainWindow::openExample);
  example->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  example->setToolTip(
      tr("Open the synthetic example (not a real model): a test split and a calibration split"));
  loadCalibration_ =
      file->addAction(QIcon(QStringLiteral(":/icons/calibration.svg")),
                      tr("Load &calibration split…"), this, &MainWindow::chooseCalibrationFile);
  loadCalibration_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  loadCalibration_->setToolTip(
      tr("Load a second predictions file, from the same model on other items, to fit a "
         "temperature on (Ctrl+L)"));
  file->addSeparator();
  exportReliability_ = file->addAction(QIcon(QStringLiteral(":/icons/export.svg")),
                                       tr("&Export reliability diagram…"), this,
                                       [this] { exportPlot(workspace_->reliabilityDiagram()); });
  exportReliability_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportReliability_->setToolTip(tr("Save the reliability diagram as PNG, SVG or PDF (Ctrl+E)"));
  exportHistogram_ = file->addAction(tr("Export confidence &histogram…"), this,
                                     [this] { exportPlot(workspace_->confidenceHistogram()); });
  exportHistogram_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  exportHistogram_->setToolTip(
      tr("Save the confidence histogram as PNG, SVG or PDF (Ctrl+Shift+E)"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* calibration = menuBar()->addMenu(tr("&Calibration"));
  calibration->addAction(loadCalibration_);
  fitTemperature_ =
      calibration->addAction(QIcon(QStringLiteral(":/icons/temperature.svg")),
                             tr("&Fit temperature"), this, [this] { session_->fitTemperature(); });
  fitTemperature_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
  fitTemperature_->setToolTip(
      tr("Fit temperature scaling on the calibration split and show before/after (Ctrl+T)"));
  clearTemperature_ = calibration->addAction(tr("&Remove temperature"), this,
                                             [this] { session_->clearTemperature(); });
  clearTemperature_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
  clearTemperature_->setToolTip(tr("Show the model's own confidences only"));

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Unveil"), this, &MainWindow::showAbout);

  QToolBar* tools = addToolBar(tr("Main"));
  tools->setObjectName(QStringLiteral("mainToolBar"));
  tools->setMovable(false);
  tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  tools->setIconSize(QSize(18, 18));
  tools->addAction(open);
  tools->addAction(example);
  tools->addSeparator();
  tools->addAction(loadCalibration_);
  tools->addAction(fitTemperature_);
  tools->addSeparator();
  tools->addWidget(binning_);
  tools->addSeparator();
  tools->addAction(exportReliability_);
}

bool MainWindow::showsWorkspace() const {
  return pages_->currentWidget() == workspace_;
}

void MainWindow::openFiles(const QString& test, const QString& calibration) {
  session_->openTest(test);
  if (!calibration.isEmpty()) session_->openCalibration(calibration, true);
}

void MainWindow::openExample() {
  session_->openExample();
}

void MainWindow::setMetricsOptions(const calib::MetricsOptions& options) {
  binning_->setOptions(options);
  session_->setOptions(binning_->options());
}

void MainWindow::chooseTestFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open predictions"),
                                                    Settings::lastDirectory(), predictionsFilter());
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  session_->openTest(path);
}

void MainWindow::chooseCalibrationFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Load calibration split"),
                                                    Settings::lastDirectory(), predictionsFilter());
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  session_->openCalibration(path, false);
}

void MainWindow::exportPlot(PlotView* plot) {
  if (!showsWorkspace()) return;
  plot->exportWithDialog(PlotFormat::kPng);  // the dialog offers SVG and PDF as well
}

void MainWindow::showResult() {
  workspace_->showSession(*session_);
  pages_->setCurrentWidget(workspace_);
  const auto& test = session_->test();
  setWindowTitle(test ? test->displayName + QStringLiteral(" — ") + tr("Unveil") : tr("Unveil"));
  updateActions();
}

void MainWindow::showActivity(const QString& activity) {
  busy_->setVisible(!activity.isEmpty());
  if (!activity.isEmpty()) {
    activity_->setText(activity);
    return;
  }
  const auto& result = session_->result();
  if (!result) {
    activity_->setText(tr("Ready"));
    return;
  }
  QString text = tr("Ready · ECE %1 · accuracy %2 %")
                     .arg(QString::number(result->before.ece, 'f', 3),
                          QString::number(100 * result->before.accuracy, 'f', 1));
  if (result->after)
    text +=
        QStringLiteral(" · ") +
        tr("after temperature scaling: ECE %1").arg(QString::number(result->after->ece, 'f', 3));
  if (!session_->calibration())
    text += QStringLiteral(" · ") + tr("Load a calibration split (Ctrl+L) to fit a temperature");
  else if (!session_->temperatureFit())
    text += QStringLiteral(" · ") + tr("Press Ctrl+T to fit a temperature");
  activity_->setText(text);
}

void MainWindow::showError(const QString& message) {
  banner_->showError(tr("Could not complete the last step: %1").arg(message));
  statusBar()->showMessage(tr("Error — see the message at the top of the window"), 8000);
}

void MainWindow::updateActions() {
  const bool hasResult = session_->result().has_value();
  fitTemperature_->setEnabled(session_->calibration().has_value());
  clearTemperature_->setEnabled(session_->temperatureFit().has_value());
  exportReliability_->setEnabled(hasResult);
  exportHistogram_->setEnabled(hasResult);
}

QImage MainWindow::renderImage() {
  workspace_->replotNow();
  return grab().toImage();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.constFirst().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.constFirst().isLocalFile()) return;
  session_->openTest(urls.constFirst().toLocalFile());
  event->acceptProposedAction();
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About Unveil"),
      tr("<h3>Unveil %1</h3><p>A workbench for the calibration of multimodal language models: "
         "how far can a model's confidence be trusted?</p><p>Based on “Unveiling Uncertainty: A "
         "Deep Dive into Calibration and Performance of Multimodal Large Language Models” "
         "(COLING 2025).</p>")
          .arg(QApplication::applicationVersion()));
}

}  // namespace unveil::ui
