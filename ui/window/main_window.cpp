#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QVBoxLayout>

#include "app/settings.h"
#include "browser/dataset_browser.h"
#include "browser/dataset_loading.h"
#include "browser/dataset_session.h"
#include "item/item_view.h"
#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"
#include "problems/problems_panel.h"
#include "project/project_session.h"
#include "project/runs_panel.h"
#include "run/model_library.h"
#include "run/run_item_panel.h"
#include "session/calibration_session.h"
#include "window/binning_controls.h"
#include "window/dataset_page.h"
#include "window/empty_state_view.h"
#include "window/message_banner.h"
#include "window/project_actions.h"
#include "window/workspace_view.h"

namespace unveil::ui {

MainWindow::MainWindow(QWidget* parent, const QString& thumbnailDir) : QMainWindow(parent) {
  setWindowTitle(tr("Unveil"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/unveil.svg")));
  setAcceptDrops(true);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

  session_ = new CalibrationSession(this);
  project_ = new ProjectSession(this);
  datasets_ = new DatasetSession(this);
  empty_ = new EmptyStateView(this);
  workspace_ = new WorkspaceView(this);
  banner_ = new MessageBanner(this);
  pages_ = new QStackedWidget(this);
  pages_->addWidget(empty_);
  pages_->addWidget(workspace_);
  datasetPage_ = new DatasetPage(this, thumbnailDir);
  datasetPage_->hide();
  models_ = new ModelLibrary(this);
  runItem_ = new RunItemPanel(models_, datasetPage_);
  datasetPage_->itemView()->setRunPanel(runItem_);
  connect(runItem_, &RunItemPanel::openModelRequested, this, &MainWindow::chooseModel);

  // The dataset page becomes a second tab once a dataset is open; until then the tab bar hides
  // itself and the window looks as it always did.
  // (A QTabBar over a QStackedWidget rather than a QTabWidget, whose frame would add a few
  // pixels around the page even with its tab bar hidden.)
  tabBar_ = new QTabBar(this);
  tabBar_->setObjectName(QStringLiteral("pageTabs"));
  tabBar_->setDocumentMode(true);
  tabBar_->setAutoHide(true);
  tabBar_->setDrawBase(false);
  tabBar_->setExpanding(false);
  tabs_ = new QStackedWidget(this);
  tabs_->addWidget(pages_);
  tabBar_->addTab(tr("Calibration"));
  tabBar_->setTabToolTip(0, tr("Reliability diagram, confidence histogram and metrics (Ctrl+1)"));
  connect(tabBar_, &QTabBar::currentChanged, tabs_, &QStackedWidget::setCurrentIndex);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(banner_);
  layout->addWidget(tabBar_);
  layout->addWidget(tabs_, 1);
  setCentralWidget(central);

  binning_ = new BinningControls(this);
  projectActions_ = new ProjectActions(this, project_, session_, datasets_);
  createDocks();
  createActions();

  activity_ = new QLabel(tr("Ready"), this);
  problemsBadge_ = new QLabel(this);
  problemsBadge_->setObjectName(QStringLiteral("problemsBadge"));
  problemsBadge_->setToolTip(tr("Items of the dataset that could not be read, and why"));
  problemsBadge_->hide();
  connect(problemsBadge_, &QLabel::linkActivated, this, [this] {
    problemsDock_->show();
    problemsDock_->raise();
  });
  readOnlyBadge_ = new QLabel(tr("Read-only project"), this);
  readOnlyBadge_->setObjectName(QStringLiteral("readOnlyBadge"));
  readOnlyBadge_->hide();
  busy_ = new QProgressBar(this);
  busy_->setRange(0, 0);  // indeterminate: the jobs report no fraction
  busy_->setMaximumWidth(140);
  busy_->setMaximumHeight(14);
  busy_->setTextVisible(false);
  busy_->hide();
  statusBar()->addWidget(activity_, 1);
  statusBar()->addPermanentWidget(problemsBadge_);
  statusBar()->addPermanentWidget(readOnlyBadge_);
  statusBar()->addPermanentWidget(busy_);

  connectSessions();
  session_->setOptions(binning_->options());
  updateActions();
  resize(1400, 900);
}

void MainWindow::createDocks() {
  runs_ = new RunsPanel(project_, this);
  runsDock_ = new QDockWidget(tr("Runs"), this);
  runsDock_->setObjectName(QStringLiteral("runsDock"));
  runsDock_->setWidget(runs_);
  runsDock_->setToolTip(tr("The project's runs; choose one to see its diagrams"));
  addDockWidget(Qt::BottomDockWidgetArea, runsDock_);
  runsDock_->hide();

  problems_ = new ProblemsPanel(this);
  problemsDock_ = new QDockWidget(tr("Problems"), this);
  problemsDock_->setObjectName(QStringLiteral("problemsDock"));
  problemsDock_->setWidget(problems_);
  addDockWidget(Qt::BottomDockWidgetArea, problemsDock_);
  tabifyDockWidget(runsDock_, problemsDock_);
  problemsDock_->hide();
}

void MainWindow::connectSessions() {
  connect(empty_, &EmptyStateView::openFileRequested, this, &MainWindow::chooseTestFile);
  connect(empty_, &EmptyStateView::openExampleRequested, this, &MainWindow::openExample);
  connect(binning_, &BinningControls::optionsChanged, this,
          [this](const calib::MetricsOptions& options) {
            session_->setOptions(options);
            if (remembers_) Settings::setMetricsOptions(options);
          });
  connect(session_, &CalibrationSession::resultChanged, this, &MainWindow::showResult);
  connect(session_, &CalibrationSession::failed, this, &MainWindow::showError);
  connect(session_, &CalibrationSession::testLoaded, this, [this] {
    banner_->hide();
    updateActions();
  });
  connect(session_, &CalibrationSession::calibrationLoaded, this, &MainWindow::updateActions);
  connect(session_, &CalibrationSession::temperatureChanged, this, &MainWindow::updateActions);

  // Activities of every session feed the one status line.
  connect(session_, &CalibrationSession::activityChanged, this, [this](const QString& a) {
    calibrationActivity_ = a;
    showActivity();
  });
  connect(project_, &ProjectSession::activityChanged, this, [this](const QString& a) {
    projectActivity_ = a;
    showActivity();
  });
  connect(datasets_, &DatasetSession::activityChanged, this, [this](const QString& a) {
    datasetActivity_ = a;
    showActivity();
  });

  connect(datasets_, &DatasetSession::loaded, this, &MainWindow::showDataset);
  connect(datasets_, &DatasetSession::failed, this, &MainWindow::showError);
  connect(project_, &ProjectSession::failed, this, [this](const QString& message) {
    showError(message);
    if (std::exchange(showNewestRun_, false)) openExample();
  });
  connect(project_, &ProjectSession::changed, this, &MainWindow::showProject);
  connect(project_, &ProjectSession::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(project_, &ProjectSession::opened, this, [this] {
    banner_->hide();
    runsDock_->show();
    runsDock_->raise();
    if (!std::exchange(showNewestRun_, false)) return;
    const auto& runs = project_->state()->runs;
    if (runs.empty()) return openExample();
    qint64 newest = runs.front().info.id;
    for (const RunRow& run : runs)
      newest = std::max<qint64>(newest, run.info.id);
    runs_->selectRun(newest);
  });
  connect(runs_, &RunsPanel::runChosen, project_, &ProjectSession::loadRun);
  connect(project_, &ProjectSession::runLoaded, this, [this](const LoadedPredictions& run) {
    session_->showPredictions(run);
    showPage(pages_);
  });
}

void MainWindow::showPage(QWidget* page) {
  const int index = tabs_->indexOf(page);
  if (index >= 0) tabBar_->setCurrentIndex(index);  // the stack follows the tab bar
}

bool MainWindow::showsWorkspace() const {
  return pages_->currentWidget() == workspace_;
}
bool MainWindow::showsDatasetPage() const {
  return tabs_->currentWidget() == datasetPage_;
}
QString MainWindow::problemsBadgeText() const {
  return problemsBadge_->isHidden() ? QString() : problemsBadge_->text();
}

void MainWindow::openFiles(const QString& test, const QString& calibration) {
  session_->openTest(test);
  if (!calibration.isEmpty()) session_->openCalibration(calibration, true);
}

void MainWindow::openExample() {
  session_->openExample();
}

void MainWindow::openDataset(const QString& path) {
  datasets_->open(path);
}

void MainWindow::openProject(const QString& path, bool showNewestRun) {
  showNewestRun_ = showNewestRun;
  project_->open(path);
}

bool MainWindow::restoreLastProject(bool showNewestRun) {
  const QString last = Settings::lastProject();
  if (last.isEmpty() || !QFileInfo::exists(last)) return false;
  openProject(last, showNewestRun);
  return true;
}

void MainWindow::setMetricsOptions(const calib::MetricsOptions& options) {
  binning_->setOptions(options);
  session_->setOptions(binning_->options());
}

void MainWindow::setRemembersSettings(bool remembers) {
  remembers_ = remembers;
  models_->setRemembers(remembers);
  projectActions_->setRemembers(remembers);
}

void MainWindow::restoreLayout() {
  restoreGeometry(Settings::windowGeometry());
  restoreState(Settings::windowState());
  // Panels open only with something to show, whatever the saved layout says.
  runsDock_->hide();
  problemsDock_->hide();
  datasetPage_->splitter()->restoreState(Settings::datasetSplitterState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (remembers_) {
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    Settings::setDatasetSplitterState(datasetPage_->splitter()->saveState());
  }
  QMainWindow::closeEvent(event);
}

void MainWindow::chooseTestFile() {
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open predictions"), Settings::lastDirectory(),
                                   tr("Predictions (*.jsonl *.json *.ndjson);;All files (*)"));
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  session_->openTest(path);
}

void MainWindow::chooseCalibrationFile() {
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Load calibration split"), Settings::lastDirectory(),
                                   tr("Predictions (*.jsonl *.json *.ndjson);;All files (*)"));
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  session_->openCalibration(path, false);
}

void MainWindow::chooseDataset() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open dataset"), Settings::lastDirectory(),
      tr("Datasets (*.json *.jsonl *.tsv);;LLaVA conversations (*.json);;LLaVA questions "
         "(*.jsonl);;MMBench (*.tsv);;All files (*)"));
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  openDataset(path);
}

void MainWindow::chooseModel() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open model"), Settings::lastDirectory(), tr("Model cards (*.json);;All files (*)"));
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  openModel(path);
}

void MainWindow::openModel(const QString& cardPath) {
  models_->add(cardPath);
  runItem_->setModelCard(QFileInfo(cardPath).absoluteFilePath());
}

void MainWindow::exportPlot(PlotView* plot) {
  if (!showsWorkspace()) return;
  plot->exportWithDialog(PlotFormat::kPng);  // the dialog offers SVG and PDF as well
}

void MainWindow::showResult() {
  workspace_->showSession(*session_);
  pages_->setCurrentWidget(workspace_);
  updateTitle();
  updateActions();
}

void MainWindow::showDataset() {
  const auto& loaded = datasets_->dataset();
  if (!loaded) return;
  banner_->hide();
  if (tabs_->indexOf(datasetPage_) < 0) {
    tabs_->addWidget(datasetPage_);
    tabBar_->addTab(tr("Dataset"));
    tabBar_->setTabToolTip(1, tr("Browse the dataset's items, images and options (Ctrl+2)"));
  }
  datasetPage_->setDataset(*loaded);
  showPage(datasetPage_);
  tabBar_->setTabText(tabs_->indexOf(datasetPage_), loaded->displayName);
  const auto& problems = loaded->dataset->problems;
  problems_->setProblems(problems, loaded->displayName);
  const int n = static_cast<int>(problems.size());
  problemsBadge_->setText(tr("⚠ %n item(s) skipped — <a href=\"show\">show</a>", nullptr, n));
  problemsBadge_->setVisible(n > 0);
  if (n == 0) problemsDock_->hide();
  updateActions();
}

void MainWindow::showProject() {
  const bool readOnly = project_->isReadOnly();
  readOnlyBadge_->setVisible(readOnly);
  if (readOnly) readOnlyBadge_->setToolTip(project_->state()->notice);
  if (!project_->isOpen()) runsDock_->hide();
  updateTitle();
  updateActions();
}

void MainWindow::updateTitle() {
  QStringList parts;
  const auto& test = session_->test();
  if (test && session_->result()) parts << test->displayName;
  if (project_->isOpen()) {
    QString name = QFileInfo(project_->path()).fileName();
    if (project_->isReadOnly()) name += QStringLiteral(" ") + tr("[read-only]");
    parts << name;
  }
  parts << tr("Unveil");
  setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::showActivity() {
  const QString activity = !datasetActivity_.isEmpty()   ? datasetActivity_
                           : !projectActivity_.isEmpty() ? projectActivity_
                                                         : calibrationActivity_;
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

void MainWindow::showView(View view) {
  switch (view) {
    case View::kCalibration:
      showPage(pages_);
      break;
    case View::kRuns:
      showPage(pages_);
      runsDock_->show();
      runsDock_->raise();
      resizeDocks({runsDock_}, {height() / 5}, Qt::Vertical);
      runs_->selectRun(runs_->currentRun());  // keeps the chosen run in sight
      break;
    case View::kProblems:
      problemsDock_->show();
      problemsDock_->raise();
      resizeDocks({problemsDock_}, {height() / 3}, Qt::Vertical);
      [[fallthrough]];
    case View::kBrowser:
    case View::kItem: {
      showPage(datasetPage_);
      const int w = datasetPage_->splitter()->width();
      const int browser = view == View::kItem ? w / 2 : w * 62 / 100;
      datasetPage_->splitter()->setSizes({browser, w - browser});
      // With a model chosen, the item view shows its answer (once: a result stays).
      if (view == View::kItem && !runItem_->modelCard().isEmpty() && !runItem_->result() &&
          !runItem_->isRunning())
        runItem_->run();
      break;
    }
  }
}

bool MainWindow::isBusy() const {
  return session_->isBusy() || project_->isBusy() || datasets_->isBusy() ||
         datasetPage_->isBusy() || models_->isLoading() || runItem_->isRunning();
}

QString MainWindow::lastError() const {
  for (const QString* e : {&session_->lastError(), &project_->lastError(), &datasets_->lastError()})
    if (!e->isEmpty()) return *e;
  return {};
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
  openDropped(urls.constFirst().toLocalFile());
  event->acceptProposedAction();
}

void MainWindow::openDropped(const QString& path) {
  switch (classifyFile(path)) {
    case FileKind::kProject:
      return openProject(path);
    case FileKind::kDataset:
      return openDataset(path);
    case FileKind::kPredictions:
    case FileKind::kUnknown:
      return session_->openTest(path);  // its reader says what is wrong with the file
  }
}

}  // namespace unveil::ui
