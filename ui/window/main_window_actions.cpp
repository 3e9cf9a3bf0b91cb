// MainWindow's menus and tool bar.
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QToolBar>
#include <QUndoStack>

#include "analyses/analyses_page.h"
#include "app/line_icon.h"
#include "app/session_log.h"
#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"
#include "project/project_session.h"
#include "run/batch_run.h"
#include "run/batch_run_panel.h"
#include "session/calibration_session.h"
#include "window/binning_controls.h"
#include "window/dataset_page.h"
#include "window/dataset_session.h"
#include "window/main_window.h"
#include "window/preferences.h"
#include "window/project_actions.h"
#include "window/reading_guide.h"
#include "window/workspace_view.h"

namespace unveil::ui {

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  // The menu says what each Open opens (predictions, example, demo, dataset, project read
  // alike); the toolbar keeps its short words.
  QAction* open = file->addAction(lineIcon(QStringLiteral(":/icons/open.svg")),
                                  tr("&Open predictions…"), this, &MainWindow::chooseTestFile);
  open->setIconText(tr("Open…"));
  open->setShortcut(QKeySequence::Open);
  open->setToolTip(tr("Open a predictions JSONL file to analyse (Ctrl+O)"));
  QAction* example = file->addAction(lineIcon(QStringLiteral(":/icons/example.svg")),
                                     tr("Open synthetic &example"), this, &MainWindow::openExample);
  example->setIconText(tr("Open example"));
  example->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  example->setToolTip(
      tr("Open the synthetic example (not a real model): a test split and a calibration split"));
  QAction* demo = file->addAction(tr("Open demo pro&ject"), this, [this] {
    DemoSetupOptions o;
    o.dir = DemoSetup::defaultDir();
    openDemo(o);
  });
  demo->setToolTip(
      tr("The demo project: three small models trained here on the shapes world, their runs and "
         "temperatures (built the first time, about a minute and a half)"));
  QAction* dataset = file->addAction(lineIcon(QStringLiteral(":/icons/dataset.svg")),
                                     tr("Open &dataset…"), this, &MainWindow::chooseDataset);
  dataset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  dataset->setToolTip(
      tr("Browse a dataset's items and images: LLaVA conversation JSON, LLaVA "
         "questions JSONL or MMBench TSV (Ctrl+D). Files can be dropped on the "
         "window too."));
  loadCalibration_ =
      file->addAction(lineIcon(QStringLiteral(":/icons/calibration.svg")),
                      tr("Load &calibration split…"), this, &MainWindow::chooseCalibrationFile);
  loadCalibration_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  loadCalibration_->setToolTip(
      tr("Load a second predictions file, from the same model on other items, to fit a "
         "temperature on (Ctrl+L)"));
  file->addSeparator();
  projectActions_->addToMenu(file);
  file->addSeparator();
  exportReliability_ = file->addAction(lineIcon(QStringLiteral(":/icons/export.svg")),
                                       tr("&Export reliability diagram…"), this,
                                       [this] { exportPlot(workspace_->reliabilityDiagram()); });
  exportReliability_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportReliability_->setToolTip(tr("Save the reliability diagram as PNG, SVG or PDF (Ctrl+E)"));
  exportHistogram_ = file->addAction(tr("Export confidence &histogram…"), this,
                                     [this] { exportPlot(workspace_->confidenceHistogram()); });
  exportHistogram_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  exportHistogram_->setToolTip(
      tr("Save the confidence histogram as PNG, SVG or PDF (Ctrl+Shift+E)"));
  writeReport_ = file->addAction(tr("Write &report…"), this, &MainWindow::chooseReportFile);
  // W for "write": Ctrl+Shift+P opens a project (project_actions.cpp).
  writeReport_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
  writeReport_->setToolTip(
      tr("A self-contained HTML report of the shown run for readers who have never seen the "
         "tool: diagrams, metrics with intervals, the temperature, the worst failures with "
         "their images and how to reproduce it (Ctrl+Shift+W)"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  QAction* preferences =
      edit->addAction(tr("&Preferences…"), this, [this] { editPreferences(this); });
  // The platform's key (none on most Linux desktops) and Ctrl+, everywhere.
  QList<QKeySequence> preferenceKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
  if (!preferenceKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
    preferenceKeys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
  preferences->setShortcuts(preferenceKeys);
  preferences->setMenuRole(QAction::PreferencesRole);
  preferences->setToolTip(
      tr("Language, light or dark look, binning, bootstrap and the defaults of new runs "
         "(Ctrl+,)"));

  QMenu* calibration = menuBar()->addMenu(tr("&Calibration"));
  calibration->addAction(loadCalibration_);
  fitTemperature_ =
      calibration->addAction(lineIcon(QStringLiteral(":/icons/temperature.svg")),
                             tr("&Fit temperature"), this, [this] { fitAndStoreTemperature(); });
  fitTemperature_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
  fitTemperature_->setToolTip(
      tr("Fit temperature scaling on the calibration split and show before/after (Ctrl+T)"));
  clearTemperature_ = calibration->addAction(tr("&Remove temperature"), this,
                                             [this] { session_->clearTemperature(); });
  clearTemperature_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
  clearTemperature_->setToolTip(tr("Show the model's own confidences only"));
  calibration->addSeparator();
  storedMenu_ = calibration->addMenu(tr("&Stored temperatures"));
  storedMenu_->setToolTip(
      tr("The temperatures fitted for the shown run and stored in the project; remove one here "
         "(Edit ▸ Undo puts it back)"));
  connect(storedMenu_, &QMenu::aboutToShow, this, &MainWindow::fillStoredMenu);

  // Models: a TorchScript card of the contract, or a model served elsewhere.
  QMenu* models = menuBar()->addMenu(tr("&Models"));
  QAction* openModel = models->addAction(tr("Open &model…"), this, &MainWindow::chooseModel);
  openModel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
  openModel->setToolTip(
      tr("Add a model card (JSON next to its TorchScript file, or a server's card) to run items "
         "with (Ctrl+M)"));
  QAction* serverModel =
      models->addAction(tr("Add &server model…"), this, &MainWindow::addServerModel);
  serverModel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
  serverModel->setToolTip(
      tr("A model served by vLLM, SGLang, llama.cpp or unveil-cli serve through the OpenAI API: "
         "its URL, its model id and the variable that holds its key (Ctrl+Shift+M)"));

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  // Nothing runs without the user's say: Ctrl+B shows what a run would do (model, items,
  // condition, prompt) in the New run panel, with its Start button focused.
  startBatch_ = run->addAction(tr("&New run…"), this, [this] {
    batchDock_->show();
    batchDock_->raise();
    batchPanel_->startButton()->setFocus();
  });
  startBatch_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
  startBatch_->setToolTip(
      tr("Open the New run panel: choose the model, the items and the condition, then Start "
         "(Ctrl+B)"));
  resumeBatch_ = run->addAction(tr("&Resume chosen run"), this, [this] { batchPanel_->resume(); });
  resumeBatch_->setToolTip(
      tr("Continue the cancelled or interrupted run chosen in the runs panel"));
  cancelBatch_ = run->addAction(tr("&Cancel batch run"), this, [this] { batchPanel_->cancel(); });
  cancelBatch_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  cancelBatch_->setToolTip(
      tr("Stop the batch run after the batch in hand; what is stored stays (Ctrl+.)"));

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* calibrationPage =
      view->addAction(tr("&Calibration page"), this, [this] { showPage(pages_); });
  calibrationPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  calibrationPage->setToolTip(tr("Show the reliability diagram, histogram and metrics (Ctrl+1)"));
  QAction* datasetPage =
      view->addAction(tr("&Dataset page"), this, [this] { showPage(datasetPage_); });
  datasetPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
  datasetPage->setToolTip(tr("Show the dataset browser and the item view (Ctrl+2)"));
  analysesPage_ = view->addAction(tr("&Analyses page"), this, [this] { showPage(analyses_); });
  analysesPage_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
  analysesPage_->setToolTip(
      tr("Compare runs, and text versus image uncertainty, on the open project (Ctrl+3)"));
  view->addSeparator();
  QAction* runs = runsDock_->toggleViewAction();
  // Ctrl+R is Run in the item view, as in most workbenches.
  runs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  runs->setToolTip(tr("Show or hide the project's runs (Ctrl+Shift+R)"));
  view->addAction(runs);
  QAction* problems = problemsDock_->toggleViewAction();
  problems->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
  problems->setToolTip(tr("Show or hide the items the dataset import skipped (Ctrl+P)"));
  view->addAction(problems);
  QAction* newRun = batchDock_->toggleViewAction();
  newRun->setToolTip(tr("Show or hide the panel that runs a model over a dataset split"));
  view->addAction(newRun);
  QAction* projectPanel = projectDock_->toggleViewAction();
  projectPanel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  view->addAction(projectPanel);
  view->addAction(itemDock_->toggleViewAction());
  view->addAction(distributionDock_->toggleViewAction());
  view->addAction(metricsDock_->toggleViewAction());
  view->addSeparator();
  QAction* present =
      view->addAction(tr("&Presentation mode"), this, &MainWindow::startPresentation);
  present->setShortcut(QKeySequence(Qt::Key_F5));
  present->setToolTip(
      tr("Full screen, large type: the demo's story — calibration, the over-confident model, the "
         "questions it cannot know, temperature scaling — step by step with the arrow keys (F5; "
         "Esc leaves)"));
  view->addAction(tr("Reset &layout"), this, &MainWindow::resetLayout)
      ->setToolTip(tr("Put every panel back where it was at the first start"));

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* guide =
      help->addAction(tr("&Reading the diagrams"), this, [this] { showReadingGuide(this); });
  guide->setShortcut(QKeySequence::HelpContents);
  guide->setToolTip(
      tr("What the reliability diagram, the histogram, temperature scaling and the numbers say, "
         "in plain words, with examples (F1)"));
  QAction* log = help->addAction(tr("Session &log"), this, [this] { showSessionLog(this); });
  log->setToolTip(
      tr("What happened in this session: messages, errors and finished jobs, with "
         "their times (to copy into a bug report)"));
  help->addAction(tr("&About Unveil"), this, &MainWindow::showAbout);

  QToolBar* tools = addToolBar(tr("Main"));
  tools_ = tools;
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

void MainWindow::updateActions() {
  const bool hasResult = session_->result().has_value();
  fitTemperature_->setEnabled(session_->calibration().has_value());
  clearTemperature_->setEnabled(session_->temperatureFit().has_value());
  exportReliability_->setEnabled(hasResult);
  exportHistogram_->setEnabled(hasResult);
  writeReport_->setEnabled(hasResult && project_->isOpen() && session_->test() &&
                           session_->test()->runId >= 0);
  analysesPage_->setEnabled(project_->isOpen());
  projectActions_->updateActions();
  const bool batchRunning = batchRun_->isRunning();
  startBatch_->setEnabled(!batchRunning);
  resumeBatch_->setEnabled(!batchRunning && batchPanel_->resumeButton()->isEnabled());
  cancelBatch_->setEnabled(batchRunning);
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

void MainWindow::fitToolBar() {
  if (!tools_) return;
  if (tools_->toolButtonStyle() == Qt::ToolButtonTextBesideIcon)
    toolsWidthWithText_ = tools_->sizeHint().width();
  const Qt::ToolButtonStyle style =
      toolsWidthWithText_ <= width() ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
  if (style != tools_->toolButtonStyle()) tools_->setToolButtonStyle(style);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  fitToolBar();
}

}  // namespace unveil::ui
