#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

#include "analyses/analyses_page.h"
#include "analyses/compare_view.h"
#include "analyses/modality_view.h"
#include "analyses/prompt_search_view.h"
#include "analyses/report_writer.h"
#include "app/run_names.h"
#include "app/session_log.h"
#include "app/settings.h"
#include "app/wheel_guard.h"
#include "browser/dataset_browser.h"
#include "browser/dataset_filter_proxy.h"
#include "browser/dataset_loading.h"
#include "browser/dataset_table_model.h"
#include "browser/run_overlay.h"
#include "calib/bin_members.h"
#include "calib/outcomes.h"
#include "item/item_view.h"
#include "item/stored_run_bars.h"
#include "metrics/metrics_panel.h"
#include "metrics/shown_numbers.h"
#include "plots/bin_layout.h"
#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"
#include "plots/risk_coverage_plot.h"
#include "presentation/presentation_window.h"
#include "problems/problems_panel.h"
#include "project/demo_setup.h"
#include "project/project_session.h"
#include "project/project_tree.h"
#include "project/runs_panel.h"
#include "run/batch_run.h"
#include "run/batch_run_panel.h"
#include "run/model_library.h"
#include "run/run_item_panel.h"
#include "run/server_model_dialog.h"
#include "session/calibration_session.h"
#include "store/temperature_params.h"
#include "window/binning_controls.h"
#include "window/dataset_page.h"
#include "window/dataset_session.h"
#include "window/empty_state_view.h"
#include "window/message_banner.h"
#include "window/project_actions.h"
#include "window/recent_files.h"
#include "window/workspace_view.h"

namespace unveil::ui {

MainWindow::MainWindow(QWidget* parent, const QString& thumbnailDir) : QMainWindow(parent) {
  setWindowTitle(tr("Unveil"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/unveil.svg")));
  WheelGuard::install();
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
  batchRun_ = new BatchRun(this);
  undo_ = new QUndoStack(this);
  demo_ = new DemoSetup(this);
  runItem_ = new RunItemPanel(models_, datasetPage_);
  datasetPage_->itemView()->setRunPanel(runItem_);
  storedRuns_ = new StoredRunBars(datasetPage_);
  datasetPage_->itemView()->setStoredRuns(storedRuns_);
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

  analyses_ = new AnalysesPage(project_, models_, this);
  analyses_->hide();
  reports_ = new ReportWriter(this);

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
  projectActions_->setRecentFiles(new RecentFiles(session_, datasets_, models_, this));
  connect(projectActions_->recentFiles(), &RecentFiles::openRequested, this,
          &MainWindow::openDropped);
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
  connect(statusBar(), &QStatusBar::messageChanged, this,
          [](const QString& text) { SessionLog::instance().add(SessionLog::Level::kInfo, text); });
  statusBar()->addPermanentWidget(problemsBadge_);
  statusBar()->addPermanentWidget(readOnlyBadge_);
  statusBar()->addPermanentWidget(busy_);

  connectSessions();
  connectBatchRun();
  connectDemo();
  connectBrowserToRuns();
  connectCalibrations();
  session_->setOptions(binning_->options());
  updateActions();
  resize(1400, 900);
  defaultLayout_ = saveState(kLayoutVersion);
}

void MainWindow::resetLayout() {
  restoreState(defaultLayout_, kLayoutVersion);
  layoutRestored_ = false;
  // The panels with something to show come back.
  projectDock_->setVisible(project_->isOpen());
  itemDock_->setVisible(datasets_->dataset().has_value());
  distributionDock_->setVisible(session_->result().has_value());
  metricsDock_->setVisible(session_->result().has_value());
  applyDefaultDockSizes();
  showPage(tabs_->currentWidget());
}

void MainWindow::applyDefaultDockSizes() {
  // Sizes apply once the docks are laid out (after they are shown); a restored layout keeps the
  // user's.
  if (layoutRestored_) return;
  QTimer::singleShot(0, this, [this] {
    if (distributionDock_->isVisible() || itemDock_->isVisible())
      sizeSideColumns(distributionDock_->isVisible() ? distributionDock_ : itemDock_,
                      std::clamp(width() * 2 / 5, 360, 640));
    else
      sizeSideColumns(nullptr, 0);
    // The metrics share the right column with the histogram half and half, so that on a
    // 1280x720 screen the temperature and the headline rows are in view.
    if (distributionDock_->isVisible() && metricsDock_->isVisible() &&
        !distributionDock_->isFloating() && !metricsDock_->isFloating() &&
        dockWidgetArea(distributionDock_) == dockWidgetArea(metricsDock_)) {
      resizeDocks({distributionDock_, metricsDock_}, {height() / 2, height() / 2}, Qt::Vertical);
    }
  });
  // The runs below the diagram, again: the diagram's page took its room when it appeared.
  if (runsDock_->isVisible()) sizeRunsDock();
}

void MainWindow::sizeSideColumns(QDockWidget* right, int wanted) {
  // The project's tree keeps a readable width; the right column takes what it wants, less what
  // the page in the middle needs at least (the browser's filters), so that the middle never
  // takes its room from the tree.
  const int w = width();
  const int tree = projectDock_->isVisible() ? std::clamp(w / 6, 180, 260) : 0;
  const int middle = centralWidget()->minimumSizeHint().width();
  QList<QDockWidget*> docks;
  QList<int> widths;
  if (tree > 0) {
    docks << projectDock_;
    widths << tree;
  }
  if (right) {
    docks << right;
    widths << std::max(300, std::min(wanted, w - tree - middle - 16));
  }
  if (!docks.isEmpty()) resizeDocks(docks, widths, Qt::Horizontal);
}

void MainWindow::sizeRunsDock() {
  // Four runs below the table's header (six on a tall window), but never more than a third of
  // the window; the diagrams above keep their minimum (on a 1280x720 screen that leaves three).
  // Measured once the dock is laid out: its title bar is what the dock has beyond its panel.
  QTimer::singleShot(0, this, [this] {
    if (!runsDock_->isVisible() || runsDock_->isFloating()) return;
    const int title = runsDock_->height() > runs_->height()
                          ? runsDock_->height() - runs_->height()
                          : runsDock_->fontMetrics().height() + 10;
    const int rows = height() >= 900 ? 6 : 4;
    resizeDocks({runsDock_}, {std::min(runs_->heightShowing(rows) + title, height() / 3)},
                Qt::Vertical);
  });
}

QDockWidget* MainWindow::makeDock(const QString& title, const char* name, QWidget* content,
                                  const QString& tip) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(QString::fromLatin1(name));
  dock->setWidget(content);
  dock->setToolTip(tip);
  dock->toggleViewAction()->setToolTip(tr("Show or hide: %1").arg(tip));
  return dock;
}

QWidget* MainWindow::scrolling(QWidget* content) {
  // A panel made short scrolls rather than pushing the window taller than the screen.
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  return scroll;
}

void MainWindow::createDocks() {
  // Every panel is a dock the user can move, tab, float or close; the layout is remembered
  // (saveState, kLayoutVersion). The reliability diagram (or the browser) stays in the middle.
  projectTree_ = new ProjectTree(project_, this);
  projectDock_ = makeDock(tr("Project"), "projectDock", projectTree_,
                          tr("The open project's datasets, models and runs"));
  addDockWidget(Qt::LeftDockWidgetArea, projectDock_);
  // The side columns run the full height; the runs and problems take the bottom of the middle.
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

  distributionDock_ =
      makeDock(tr("Confidence"), "distributionDock", workspace_->plotTabs(),
               tr("The confidence histogram and the risk–coverage curve of the shown predictions"));
  // The metrics panel scrolls its own table: its header and the temperature above it stay in view.
  metricsDock_ = makeDock(tr("Metrics"), "metricsDock", workspace_->metricsPanel(),
                          tr("Accuracy, calibration errors and their intervals"));
  // The item view scrolls when its panel is short (its image, options and Run now need height).
  itemDock_ = makeDock(tr("Item"), "itemDock", scrolling(datasetPage_->itemView()),
                       tr("The browser's current item: image, question, options and Run now"));
  addDockWidget(Qt::RightDockWidgetArea, distributionDock_);
  splitDockWidget(distributionDock_, metricsDock_, Qt::Vertical);
  tabifyDockWidget(distributionDock_, itemDock_);
  distributionDock_->raise();

  runs_ = new RunsPanel(project_, this);
  runsDock_ = new QDockWidget(tr("Runs"), this);
  runsDock_->setObjectName(QStringLiteral("runsDock"));
  runsDock_->setWidget(runs_);
  runsDock_->setToolTip(tr("The project's runs; choose one to see its diagrams"));
  addDockWidget(Qt::BottomDockWidgetArea, runsDock_);

  // "New run" is a tab beside the runs: the diagrams above show a run as it fills up, and the
  // bottom area stays low enough for them.
  batchPanel_ = new BatchRunPanel(models_, project_, batchRun_, this);
  batchDock_ = new QDockWidget(tr("New run"), this);
  batchDock_->setObjectName(QStringLiteral("batchRunDock"));
  batchDock_->setWidget(batchPanel_);
  batchDock_->setToolTip(tr("Run a model over a dataset split of the project"));
  addDockWidget(Qt::BottomDockWidgetArea, batchDock_);
  tabifyDockWidget(runsDock_, batchDock_);

  problems_ = new ProblemsPanel(this);
  problemsDock_ = new QDockWidget(tr("Problems"), this);
  problemsDock_->setObjectName(QStringLiteral("problemsDock"));
  problemsDock_->setWidget(problems_);
  addDockWidget(Qt::BottomDockWidgetArea, problemsDock_);
  tabifyDockWidget(runsDock_, problemsDock_);
  hideConditionalDocks();

  connect(projectTree_, &ProjectTree::datasetActivated, this,
          [this](const QString& name) { datasets_->openFromProject(project_->path(), name); });
  connect(projectTree_, &ProjectTree::modelActivated, this, [this](const QString& card) {
    openModel(card);
    statusBar()->showMessage(tr("%1 offered to Run now and New run").arg(card), 5000);
  });
  connect(projectTree_, &ProjectTree::runActivated, this, [this](qint64 id) {
    if (!runs_->selectRun(id)) project_->loadRun(id);
  });
}

void MainWindow::hideConditionalDocks() {
  // Panels open only with something to show, whatever the saved layout says.
  for (QDockWidget* dock : {runsDock_, problemsDock_, batchDock_, projectDock_, itemDock_,
                            distributionDock_, metricsDock_})
    dock->hide();
  analysisDocksShown_ = itemDockShown_ = false;
}

void MainWindow::openDemo(const DemoSetupOptions& options) {
  const QString path = DemoSetup::projectPath(options.dir);
  if (QFileInfo::exists(path)) {
    showFeaturedRun_ = true;
    project_->open(path);
    return;
  }
  if (!demo_->start(options)) return;
  pages_->setCurrentWidget(empty_);
  showPage(pages_);
  updateTitle();
}

void MainWindow::connectDemo() {
  connect(empty_, &EmptyStateView::buildDemoRequested, this, [this] {
    DemoSetupOptions o;
    o.dir = DemoSetup::defaultDir();
    openDemo(o);
  });
  connect(empty_, &EmptyStateView::cancelDemoRequested, demo_, &DemoSetup::cancel);
  connect(demo_, &DemoSetup::progressed, this, [this](const QString& stage, double fraction) {
    empty_->showDemoProgress(stage, fraction);
    demoActivity_ = tr("Building the demo project: %1 %").arg(std::lround(100 * fraction));
    showActivity();
  });
  connect(demo_, &DemoSetup::finished, this, [this](const QString& path, qint64) {
    demoActivity_.clear();
    empty_->showDemoStopped(QString());
    showFeaturedRun_ = true;
    project_->open(path);
  });
  connect(demo_, &DemoSetup::cancelled, this, [this] {
    demoActivity_.clear();
    showActivity();
    empty_->showDemoStopped(
        tr("The demo build was stopped. Open a file, or build the demo another time: it goes on "
           "from where it stopped."));
  });
  connect(demo_, &DemoSetup::failed, this, [this](const QString& message) {
    demoActivity_.clear();
    showActivity();
    empty_->showDemoStopped(tr("The demo project could not be built: %1").arg(message), true);
    showError(message);
  });
}

namespace {

/// Removing a stored calibration; undo puts the same row back.
class RemoveCalibration : public QUndoCommand {
 public:
  RemoveCalibration(ProjectSession* project, store::CalibrationInfo c, const QString& text)
      : QUndoCommand(text), project_(project), c_(std::move(c)) {}
  void redo() override { project_->changeCalibrations(CalibrationChange::kRemove, c_); }
  void undo() override { project_->changeCalibrations(CalibrationChange::kRestore, c_); }

 private:
  ProjectSession* project_;
  store::CalibrationInfo c_;
};

/// The stored temperature of `c` as shown ("1.27"), or "?" when its parameters do not read.
QString storedTemperature(const store::CalibrationInfo& c) {
  const Result<store::TemperatureParams> p = store::TemperatureParams::parse(c.params);
  return p.ok() ? QString::number(p->temperature, 'f', 2) : QStringLiteral("?");
}

}  // namespace

void MainWindow::fitAndStoreTemperature() {
  storeNextFit_ = session_->calibration().has_value();  // without one the session says why
  session_->fitTemperature();
}

bool MainWindow::removeStoredCalibration(qint64 id) {
  for (const store::CalibrationInfo& c : calibrations_) {
    if (c.id != id) continue;
    undo_->push(new RemoveCalibration(project_, c,
                                      tr("Remove temperature T = %1").arg(storedTemperature(c))));
    return true;
  }
  return false;
}

void MainWindow::fillStoredMenu() {
  storedMenu_->clear();
  if (calibrations_.empty()) {
    storedMenu_->addAction(tr("None stored for the shown run"))->setEnabled(false);
    return;
  }
  for (const store::CalibrationInfo& c : calibrations_) {
    QAction* remove =
        storedMenu_->addAction(tr("Remove T = %1 (fitted on %2, %3)")
                                   .arg(storedTemperature(c), splitName(c.fit_split),
                                        QString::fromStdString(c.created_at)),
                               this, [this, id = c.id] { removeStoredCalibration(id); });
    remove->setEnabled(!project_->isReadOnly());
  }
}

void MainWindow::connectCalibrations() {
  connect(project_, &ProjectSession::calibrationsChanged, this,
          [this](qint64 runId, const std::vector<store::CalibrationInfo>& list) {
            if (session_->test() && session_->test()->runId == runId) calibrations_ = list;
          });
  connect(project_, &ProjectSession::calibrationStored, this,
          [this](const store::CalibrationInfo& c) {
            statusBar()->showMessage(
                tr("Temperature T = %1 stored with run %2").arg(storedTemperature(c)).arg(c.run_id),
                8000);
          });
  connect(session_, &CalibrationSession::testLoaded, this, [this] {
    calibrations_.clear();
    const auto& test = session_->test();
    if (test && test->runId >= 0 && project_->isOpen()) {
      store::CalibrationInfo c;
      c.run_id = test->runId;
      project_->changeCalibrations(CalibrationChange::kList, c);
    }
  });
  connect(session_, &CalibrationSession::temperatureChanged, this, [this] {
    const auto& fit = session_->temperatureFit();
    if (!fit || !std::exchange(storeNextFit_, false)) return;
    const auto& test = session_->test();
    const auto& cal = session_->calibration();
    if (!test || test->runId < 0 || !cal || !project_->isOpen() || project_->isReadOnly()) return;
    store::CalibrationInfo c;
    c.run_id = test->runId;
    c.method = store::kTemperatureMethod;
    c.params = store::TemperatureParams{fit->temperature}.to_json();
    c.fit_split = cal->displayName.toStdString();
    if (cal->runId >= 0 && cal->path == project_->path()) c.fit_run_id = cal->runId;
    c.nll_before = fit->nll_before;
    c.nll_after = fit->nll_after;
    project_->changeCalibrations(CalibrationChange::kAdd, c);
  });
  // Undo belongs to one project.
  connect(project_, &ProjectSession::opened, undo_, &QUndoStack::clear);
  connect(project_, &ProjectSession::closed, undo_, &QUndoStack::clear);
}

void MainWindow::connectBrowserToRuns() {
  connect(workspace_->reliabilityDiagram(), &PlotView::binClicked, this,
          [this](int bin) { showBinItems(bin, false); });
  connect(workspace_->confidenceHistogram(), &PlotView::binClicked, this,
          [this](int bin) { showBinItems(bin, true); });
  connect(workspace_->confidenceHistogram(), &PlotView::comparisonBinClicked, this,
          [this](int bin) { showBinItems(bin, true, /*afterScaling=*/true); });
  connect(workspace_->reliabilityDiagram(), &PlotView::binRangeSelected, this,
          [this](int first, int last) { showBinRangeItems(first, last, false); });
  connect(workspace_->confidenceHistogram(), &PlotView::binRangeSelected, this,
          [this](int first, int last) { showBinRangeItems(first, last, true); });
  connect(workspace_->riskCoveragePlot(), &RiskCoveragePlot::coverageClicked, this,
          [this](double threshold, double coverage) { showAnsweredItems(threshold, coverage); });
  connect(session_, &CalibrationSession::resultChanged, this, &MainWindow::refreshRunOverlay);
  connect(project_, &ProjectSession::changed, this, &MainWindow::updateComparisonChoices);
  connect(storedRuns_, &StoredRunBars::comparisonRequested, this, &MainWindow::readComparisonRun);
  connect(analyses_->compareView(), &CompareView::reportRequested, this, &MainWindow::writeReport);
  connect(analyses_->modalityView(), &ModalityView::itemRequested, this,
          &MainWindow::openProjectItem);
  connect(analyses_->promptSearchView(), &PromptSearchView::promptChosen, this,
          [this](const QString& prompt) {
            batchPanel_->setPrompt(prompt);
            batchDock_->show();
            batchDock_->raise();
            statusBar()->showMessage(
                tr("The best prompt is in the New run panel; choose the split and press Start"),
                8000);
          });
  connect(reports_, &ReportWriter::finished, this,
          [this](const QString& file, const QString& error) {
            if (!error.isEmpty()) return showError(tr("The report was not written: %1").arg(error));
            const QString written = tr("Report written to %1").arg(QDir::toNativeSeparators(file));
            statusBar()->showMessage(written, 10000);
            SessionLog::instance().add(SessionLog::Level::kInfo, written);
            // Opened in the desktop's viewer for HTML or PDF, on request.
            banner_->showNotice(written, tr("Open"),
                                [file] { QDesktopServices::openUrl(QUrl::fromLocalFile(file)); });
            banner_->actionButton()->setToolTip(tr("Open the report in the desktop's viewer"));
          });
  connect(binning_, &BinningControls::optionsChanged, this,
          [this] { analyses_->compareView()->setMetricsOptions(binning_->options()); });
  connect(datasetPage_->browser(), &DatasetBrowser::exportFinished, this,
          [this](const QString& path, int count, const QString& error) {
            if (!error.isEmpty()) return showError(error);
            statusBar()->showMessage(tr("Saved %n prediction(s) to %1", nullptr, count).arg(path),
                                     8000);
          });
  connect(session_, &CalibrationSession::intervalsChanged, this, [this] {
    workspace_->metricsPanel()->setIntervals(session_->intervalsBefore(),
                                             session_->intervalsAfter());
  });
}

void MainWindow::updateComparisonChoices() {
  std::vector<std::pair<qint64, QString>> choices;
  const auto& open = datasets_->dataset();
  const auto& test = session_->test();
  if (project_->isOpen() && open && open->dataset && open->path == project_->path()) {
    const std::string name = open->dataset->name;
    for (const RunRow& r : project_->state()->runs)
      if (r.info.dataset_name == name && r.info.predictions > 0 &&
          !(test && test->runId == r.info.id))
        choices.emplace_back(r.info.id, runTitle(r.info));
  }
  storedRuns_->setChoices(choices);
}

void MainWindow::readComparisonRun(qint64 runId) {
  const auto& open = datasets_->dataset();
  if (runId < 0 || !project_->isOpen() || !open || !open->dataset) {
    storedRuns_->setComparison(runId, nullptr);
    return;
  }
  auto* watcher = new QFutureWatcher<std::pair<std::shared_ptr<const RunOverlay>, QString>>(this);
  ++comparisonsReading_;
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, runId] {
    watcher->deleteLater();
    --comparisonsReading_;
    const auto& [overlay, error] = watcher->result();
    if (!error.isEmpty()) showError(error);
    storedRuns_->setComparison(runId, overlay);
  });
  watcher->setFuture(QtConcurrent::run([path = project_->path(), runId, dataset = open->dataset] {
    RunLoadResult loaded = loadRun(path, runId);
    if (!loaded.error.isEmpty() || !loaded.data.set)
      return std::pair<std::shared_ptr<const RunOverlay>, QString>{nullptr, loaded.error};
    const calib::Outcomes outcomes = calib::compute_outcomes(*loaded.data.set);
    return std::pair<std::shared_ptr<const RunOverlay>, QString>{
        std::make_shared<const RunOverlay>(
            makeRunOverlay(*dataset, loaded.data.set, outcomes, loaded.data.displayName)),
        QString()};
  }));
}

void MainWindow::refreshRunOverlay() {
  const auto& test = session_->test();
  const auto& open = datasets_->dataset();
  const auto outcomes = session_->outcomesBefore();
  const bool belong =
      test && test->runId >= 0 && open && open->dataset && open->path == test->path &&
      QString::fromStdString(open->dataset->name) == test->datasetName && outcomes &&
      // every item, or the answered ones when the recipe leaves the rest out
      (outcomes->size() == test->set->size() || !outcomes->index.empty());
  DatasetBrowser* browser = datasetPage_->browser();
  if (!belong) {
    if (browser->model()->runOverlay()) browser->setRunOverlay(nullptr);
    storedRuns_->setShownRun(nullptr);
    overlaySet_ = overlayDataset_ = nullptr;
    updateComparisonChoices();
    return;
  }
  if (overlaySet_ == test->set.get() && overlayDataset_ == open->dataset.get()) return;
  overlaySet_ = test->set.get();
  overlayDataset_ = open->dataset.get();
  const quint64 generation = ++overlayGeneration_;
  auto* watcher = new QFutureWatcher<std::shared_ptr<const RunOverlay>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation != overlayGeneration_) return;
    datasetPage_->browser()->setRunOverlay(watcher->result());
    storedRuns_->setShownRun(watcher->result());
    updateComparisonChoices();
  });
  watcher->setFuture(
      QtConcurrent::run([dataset = open->dataset, set = test->set, outcomes,
                         name = test->displayName, confidence = session_->options().confidence] {
        if (outcomes->size() == set->size())
          return std::make_shared<const RunOverlay>(makeRunOverlay(*dataset, set, *outcomes, name));
        // The browser lists every item: with the unanswered left out of the numbers, they are all
        // scored again (the same confidence, every item kept) for its columns.
        calib::Scoring every;
        every.confidence = confidence;
        auto all = calib::compute_outcomes(*set, 1.0, every);
        return std::make_shared<const RunOverlay>(
            makeRunOverlay(*dataset, set, all.ok() ? *all : calib::compute_outcomes(*set), name));
      }));
}

bool MainWindow::showBinItems(int bin, bool histogram, bool afterScaling) {
  return showBinRangeItems(bin, bin, histogram, afterScaling);
}

bool MainWindow::showBinRangeItems(int first, int last, bool histogram, bool afterScaling) {
  const auto& result = session_->result();
  afterScaling = afterScaling && histogram;  // the diagram's bars are before scaling
  const auto outcomes = afterScaling ? session_->outcomesAfter() : session_->outcomesBefore();
  if (afterScaling && (!result || !result->histogramAfter)) return false;
  const auto overlay = datasetPage_->browser()->model()->runOverlay();
  if (!result || !outcomes || !overlay || !session_->test() ||
      overlaySet_ != session_->test()->set.get()) {
    statusBar()->showMessage(
        tr("The items of a bin can be listed for the runs of a project, whose dataset is open"),
        8000);
    return false;
  }
  const calib::BinTable& table = afterScaling ? *result->histogramAfter
                                 : histogram  ? result->histogramBefore
                                              : result->before.table;
  if (first < 0 || last < first || static_cast<std::size_t>(last) >= table.bins.size())
    return false;
  std::vector<int> items;
  std::size_t n = 0, right = 0;
  for (int bin = first; bin <= last; ++bin) {
    const std::vector<std::size_t> members = calib::bin_members(
        outcomes->confidence, static_cast<int>(table.bins.size()), table.binning, bin);
    for (const std::size_t p : members) {
      const std::size_t prediction = outcomes->item(p);  // differs when unanswered are left out
      if (prediction < overlay->itemOfPrediction.size() &&
          overlay->itemOfPrediction[prediction] >= 0)
        items.push_back(overlay->itemOfPrediction[prediction]);
    }
    const calib::Bin& b = table.bins[static_cast<std::size_t>(bin)];
    n += b.count;
    right += b.correct;
  }
  std::sort(items.begin(), items.end());
  calib::Bin span = table.bins[static_cast<std::size_t>(first)];
  span.hi = table.bins[static_cast<std::size_t>(last)].hi;
  const double accuracy = n > 0 ? static_cast<double>(right) / static_cast<double>(n) : 0.0;
  const QString label =
      afterScaling
          ? tr("confidence %1 after scaling (histogram, T = %2)")
                .arg(binRangeText(span), QString::number(result->temperature.value_or(1.0), 'f', 2))
      : histogram ? tr("confidence %1 (histogram)").arg(binRangeText(span))
                  : tr("confidence %1 (reliability diagram: accuracy %2 %)")
                        .arg(binRangeText(span), QString::number(100 * accuracy, 'f', 1));
  datasetPage_->browser()->showItemSubset(items, label);
  showPage(datasetPage_);
  return true;
}

bool MainWindow::showAnsweredItems(double threshold, double coverage) {
  const auto overlay = datasetPage_->browser()->model()->runOverlay();
  if (!overlay || !session_->test() || overlaySet_ != session_->test()->set.get()) {
    statusBar()->showMessage(
        tr("The items can be listed for the runs of a project, whose dataset is open"), 8000);
    return false;
  }
  // The curve's point answers the items ranked at or above it; with ties at the threshold the
  // filter shows all items of that confidence.
  std::vector<int> items;
  for (std::size_t i = 0; i < overlay->confidence.size(); ++i)
    if (overlay->hasPrediction(i) && overlay->confidence[i] >= threshold)
      items.push_back(static_cast<int>(i));
  datasetPage_->browser()->showItemSubset(
      items, tr("the answered %1 % (confidence ≥ %2)")
                 .arg(QString::number(100 * coverage, 'f', 1), QString::number(threshold, 'f', 3)));
  showPage(datasetPage_);
  return true;
}

void MainWindow::connectBatchRun() {
  connect(batchPanel_, &BatchRunPanel::openModelRequested, this, &MainWindow::chooseModel);
  connect(runs_, &RunsPanel::runChosen, this, [this](qint64 id) {
    // Another run chosen: the diagrams show that one now, not the batch run's growing set.
    if (!batchRun_->isRunning() || id != batchRun_->progress().runId) followBatchRun_ = false;
    std::optional<RunRow> chosen;
    if (project_->isOpen())
      for (const RunRow& row : project_->state()->runs)
        if (row.info.id == id) chosen = row;
    batchPanel_->setResumable(chosen);
  });
  connect(batchRun_, &BatchRun::started, this, [this] {
    followBatchRun_ = true;
    batchRunListed_ = false;
    batchActivity_ = tr("Starting the run…");
    showActivity();
    updateActions();
  });
  connect(batchRun_, &BatchRun::progressed, this, [this](const BatchRunProgress& p) {
    batchActivity_ = tr("Running %1: %2 of %3 items")
                         .arg(batchRun_->request().runName.isEmpty()
                                  ? QFileInfo(batchRun_->request().card).completeBaseName()
                                  : batchRun_->request().runName)
                         .arg(p.done)
                         .arg(p.total);
    showActivity();
    // The run exists in the project now: list it (as running) once.
    if (!std::exchange(batchRunListed_, true)) project_->refresh();
  });
  connect(batchRun_, &BatchRun::predictionsChanged, this, [this](const LoadedPredictions& p) {
    if (!followBatchRun_) return;
    if (!session_->test() || session_->test()->path != p.path ||
        session_->test()->displayName != p.displayName)
      showPage(pages_);  // the first hand-over brings the diagrams forward
    session_->showPredictions(p);
  });
  connect(batchRun_, &BatchRun::finished, this, [this](const BatchRunOutcome& o) {
    batchActivity_.clear();
    showActivity();
    updateActions();
    if (!o.error.isEmpty()) return showError(o.error);
    // Read the project again and show the run from the store (with its final numbers).
    if (followBatchRun_) selectAfterRefresh_ = o.runId;
    project_->refresh();
    statusBar()->showMessage(
        o.cancelled ? tr("Run %1 cancelled").arg(o.runId) : tr("Run %1 finished").arg(o.runId),
        8000);
  });
  connect(project_, &ProjectSession::changed, this, [this] {
    if (selectAfterRefresh_ >= 0) {
      // The finished run, as stored (it may be chosen already, from while it ran).
      const qint64 id = std::exchange(selectAfterRefresh_, -1);
      runs_->selectRun(id);
      project_->loadRun(id);
    }
    // Keep Resume in step with the chosen run's new status.
    const qint64 id = runs_->currentRun();
    std::optional<RunRow> chosen;
    if (project_->isOpen() && id >= 0)
      for (const RunRow& row : project_->state()->runs)
        if (row.info.id == id) chosen = row;
    batchPanel_->setResumable(chosen);
  });
}

void MainWindow::connectSessions() {
  connect(empty_, &EmptyStateView::openFileRequested, this, &MainWindow::chooseTestFile);
  connect(empty_, &EmptyStateView::openExampleRequested, this, &MainWindow::openExample);
  connect(binning_, &BinningControls::optionsChanged, this,
          [this](const calib::MetricsOptions& options) {
            session_->setOptions(options);
            // The study's recipe fixes the bins for a while; they are not the user's own.
            if (remembers_ && !binning_->studyRecipe()) Settings::setMetricsOptions(options);
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
    batchDock_->show();
    runsDock_->raise();
    sizeRunsDock();
    // The project's models can be run at once (Run now, New run).
    for (const store::ModelInfo& m : project_->state()->models)
      models_->offer(QString::fromStdString(m.path));
    const bool featured = std::exchange(showFeaturedRun_, false);
    if (!std::exchange(showNewestRun_, false) && !featured) return;
    const auto& runs = project_->state()->runs;
    if (runs.empty()) return openExample();
    // The demo opens on the fine-tuned model's test run: the study's over-confident case.
    if (featured) {
      for (const RunRow& run : runs) {
        if (run.info.model_name != "shapes-mm-ft" || run.info.spec.split != "test") continue;
        for (const store::ModelInfo& m : project_->state()->models) {
          if (!run.info.spec.model_id || m.id != *run.info.spec.model_id) continue;
          const QString card = QFileInfo(QString::fromStdString(m.path)).absoluteFilePath();
          runItem_->setModelCard(card);
          batchPanel_->setModelCard(card);
        }
        if (runs_->selectRun(run.info.id)) return;
      }
    }
    // A relaunch shows the run that was on screen; else the newest.
    if (remembers_) {
      const qint64 last = Settings::lastRun(project_->path());
      if (last >= 0 && runs_->selectRun(last)) return;
    }
    qint64 newest = runs.front().info.id;
    for (const RunRow& run : runs)
      newest = std::max<qint64>(newest, run.info.id);
    runs_->selectRun(newest);
  });
  connect(runs_, &RunsPanel::runChosen, this, [this](qint64 id) {
    // The run shown already is not read again (its temperature and overlay stay as they are).
    const auto& shown = session_->test();
    if (shown && shown->runId == id && shown->path == project_->path()) return;
    project_->loadRun(id);
  });
  connect(project_, &ProjectSession::runLoaded, this,
          [this](const LoadedPredictions& run, const std::optional<LoadedPredictions>& cal) {
            session_->showPredictions(run, cal);
            if (remembers_ && run.runId >= 0) Settings::setLastRun(project_->path(), run.runId);
            showPage(pages_);
            // The run's items, for the browser: read the project's dataset unless it is open.
            if (run.runId >= 0 && !run.datasetName.isEmpty()) {
              const auto& open = datasets_->dataset();
              const bool same = open && open->path == run.path && open->dataset &&
                                QString::fromStdString(open->dataset->name) == run.datasetName;
              if (!same) {
                projectDatasetPending_ = true;
                datasets_->openFromProject(run.path, run.datasetName);
              }
            }
          });
}

bool MainWindow::showsAnalysesPage() const {
  return tabs_->currentWidget() == analyses_;
}

void MainWindow::startPresentation() {
  if (presentation_) {
    presentation_->raise();
    presentation_->activateWindow();
    return;
  }
  if (!project_->isOpen()) {
    statusBar()->showMessage(
        tr("Presentation mode tells the demo project's story: open it first (File ▸ Open demo "
           "project)"),
        8000);
    return;
  }
  if (std::exchange(presentationLoading_, true)) return;
  auto* watcher = new QFutureWatcher<Deck>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    watcher->deleteLater();
    presentationLoading_ = false;
    Deck deck = watcher->result();
    if (!deck.error.isEmpty()) {
      statusBar()->showMessage(deck.error, 10000);
      return;
    }
    presentation_ = new PresentationWindow(std::move(deck));
    connect(presentation_, &PresentationWindow::closed, this, [this] { presentation_ = nullptr; });
    presentation_->showFullScreen();
  });
  watcher->setFuture(QtConcurrent::run([path = project_->path()] { return buildDemoDeck(path); }));
}

void MainWindow::chooseReportFile() {
  const auto& test = session_->test();
  if (!project_->isOpen() || !test || test->runId < 0) {
    statusBar()->showMessage(tr("A report is written for a run of the open project"), 8000);
    return;
  }
  writeReport({test->runId});
}

void MainWindow::writeReport(const std::vector<qint64>& runIds) {
  if (!project_->isOpen() || runIds.empty()) return;
  QString name = runIds.size() == 1 ? QStringLiteral("run-%1-report.html").arg(runIds.front())
                                    : QStringLiteral("comparison-report.html");
  const QString pdfFilter = tr("PDF report (*.pdf)");
  QString filter;
  QString file = QFileDialog::getSaveFileName(
      this, tr("Write report"), QDir(Settings::lastDirectory()).filePath(name),
      tr("HTML report (*.html)") + QStringLiteral(";;") + pdfFilter, &filter);
  if (file.isEmpty()) return;
  // A name typed without its ending takes the one of the chosen kind.
  const QString suffix = QFileInfo(file).suffix().toLower();
  if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") &&
      suffix != QLatin1String("pdf"))
    file += filter == pdfFilter ? QStringLiteral(".pdf") : QStringLiteral(".html");
  Settings::setLastDirectory(QFileInfo(file).absolutePath());
  if (!reports_->write(project_->path(), runIds, file, binning_->options()))
    statusBar()->showMessage(tr("A report is being written; try again in a moment"), 5000);
  else
    statusBar()->showMessage(tr("Writing the report…"));
}

void MainWindow::openProjectItem(const QString& dataset, const QString& itemId) {
  const auto& open = datasets_->dataset();
  if (open && open->dataset && QString::fromStdString(open->dataset->name) == dataset &&
      open->path == project_->path()) {
    const auto& items = open->dataset->items;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (QString::fromStdString(items[i].id) == itemId) {
        DatasetBrowser* browser = datasetPage_->browser();
        browser->clearItemSubset();
        int row = browser->proxy()->rowOfItem(static_cast<int>(i));
        if (row < 0) {  // hidden by a filter: show just this item
          browser->showItemSubset({static_cast<int>(i)}, tr("item %1").arg(itemId));
          row = browser->proxy()->rowOfItem(static_cast<int>(i));
        }
        browser->selectRow(row);
        showPage(datasetPage_);
        return;
      }
    statusBar()->showMessage(tr("Item %1 is not in %2").arg(itemId, dataset), 8000);
    return;
  }
  pendingItem_ = itemId;
  datasets_->openFromProject(project_->path(), dataset);
}

void MainWindow::showPage(QWidget* page) {
  const int index = tabs_->indexOf(page);
  if (index >= 0) tabBar_->setCurrentIndex(index);  // the stack follows the tab bar
  // The right-hand panel follows the page: the item beside the browser, the histogram beside
  // the diagram.
  if (page == datasetPage_ && itemDock_->isVisible()) itemDock_->raise();
  if (page == pages_ && distributionDock_->isVisible()) distributionDock_->raise();
  // The analyses need the width: the panels of the shown run (right column) step aside while
  // they are in front, and come back after.
  if (page == analyses_ && setAside_.isEmpty()) {
    for (QDockWidget* d : {distributionDock_, metricsDock_, itemDock_})
      if (d->isVisible() && !d->isFloating() && dockWidgetArea(d) == Qt::RightDockWidgetArea) {
        setAside_ << d;
        d->hide();
      }
  } else if (page != analyses_ && !setAside_.isEmpty()) {
    for (QDockWidget* d : std::exchange(setAside_, {}))
      d->show();
    if (page == datasetPage_ && itemDock_->isVisible()) itemDock_->raise();
    if (page == pages_ && distributionDock_->isVisible()) distributionDock_->raise();
  }
  // Below it, the metrics give the item room on the browser's page and take their room back
  // beside the diagrams.
  const auto docked = [this](QDockWidget* d) {
    return d->isVisible() && !d->isFloating() && dockWidgetArea(d) == Qt::RightDockWidgetArea;
  };
  if (!docked(metricsDock_)) return;
  const int h = height();
  if (page == datasetPage_ && docked(itemDock_))
    resizeDocks({itemDock_, metricsDock_}, {h * 4 / 5, h / 5}, Qt::Vertical);
  else if (page == pages_ && docked(distributionDock_))
    resizeDocks({distributionDock_, metricsDock_}, {h / 2, h / 2}, Qt::Vertical);
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
  if (!restoreGeometry(Settings::windowGeometry())) fitToScreen();
  // An older layout is ignored.
  layoutRestored_ = restoreState(Settings::windowState(), kLayoutVersion);
  hideConditionalDocks();
}

void MainWindow::fitToScreen() {
  // The first window: the default size where the screen has room, else the screen's free area
  // (a 1280x720 laptop gets the whole of it, never a window that runs off its edges).
  const QScreen* where = screen() ? screen() : QGuiApplication::primaryScreen();
  if (!where) return;
  const QRect free = where->availableGeometry();
  const QSize wanted(1400, 900);
  const QSize size = wanted.boundedTo(free.size());
  resize(size);
  move(free.topLeft() +
       QPoint((free.width() - size.width()) / 2, (free.height() - size.height()) / 2));
  if (size != wanted) setWindowState(windowState() | Qt::WindowMaximized);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (presentation_) presentation_->close();
  if (remembers_) {
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState(kLayoutVersion));
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

void MainWindow::addServerModel() {
  ServerModelDialog dialog(this);
  if (dialog.exec() == QDialog::Accepted && !dialog.cardPath().isEmpty())
    openModel(dialog.cardPath());
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
  // The analysis panels appear with the first result (later, a panel the user closed stays
  // closed).
  if (session_->result() && !std::exchange(analysisDocksShown_, true)) {
    distributionDock_->show();
    metricsDock_->show();
    applyDefaultDockSizes();
    if (showsWorkspace() && tabs_->currentWidget() == pages_) distributionDock_->raise();
  }
  if (const auto& test = session_->test()) projectTree_->setShownRun(test->runId);
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
  if (!pendingItem_.isEmpty()) {
    const QString item = std::exchange(pendingItem_, QString());
    projectDatasetPending_ = false;
    QTimer::singleShot(0, this, [this, item, name = QString::fromStdString(loaded->dataset->name)] {
      openProjectItem(name, item);
    });
  }
  if (!std::exchange(itemDockShown_, true)) {
    itemDock_->show();
    applyDefaultDockSizes();
  }
  overlaySet_ = overlayDataset_ = nullptr;
  // A dataset read for a run's items stays behind the diagrams; one the user opened comes forward.
  if (!std::exchange(projectDatasetPending_, false)) showPage(datasetPage_);
  refreshRunOverlay();
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
  if (!project_->isOpen()) {
    runsDock_->hide();
    batchDock_->hide();
    projectDock_->hide();
    projectDockShown_ = false;
  } else if (!std::exchange(projectDockShown_, true)) {
    projectDock_->show();
    applyDefaultDockSizes();
  }
  // The analyses need a project: their tab comes and goes with it.
  const int analysesTab = tabs_->indexOf(analyses_);
  if (project_->isOpen() && analysesTab < 0) {
    tabs_->addWidget(analyses_);
    tabBar_->addTab(tr("Analyses"));
    tabBar_->setTabToolTip(tabBar_->count() - 1,
                           tr("Compare runs, and text versus image uncertainty (Ctrl+3)"));
  } else if (!project_->isOpen() && analysesTab >= 0) {
    if (tabs_->currentWidget() == analyses_) showPage(pages_);
    tabBar_->removeTab(analysesTab);
    tabs_->removeWidget(analyses_);
    analyses_->hide();
  }
  updateTitle();
  updateActions();
}

void MainWindow::updateTitle() {
  QStringList parts;
  const auto& test = session_->test();
  if (test && session_->result()) {
    parts << (test->partial.isEmpty()
                  ? test->displayName
                  : tr("%1 (partial: %2)").arg(test->displayName, test->partial));
  }
  if (project_->isOpen()) {
    QString name = QFileInfo(project_->path()).fileName();
    if (project_->isReadOnly()) name += QStringLiteral(" ") + tr("[read-only]");
    parts << name;
  }
  parts << tr("Unveil");
  setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::showActivity() {
  const QString activity = !demoActivity_.isEmpty()      ? demoActivity_
                           : !batchActivity_.isEmpty()   ? batchActivity_
                           : !datasetActivity_.isEmpty() ? datasetActivity_
                           : !projectActivity_.isEmpty() ? projectActivity_
                                                         : calibrationActivity_;
  busy_->setVisible(!activity.isEmpty());
  if (!activity.isEmpty() && activity != lastLoggedActivity_) {
    lastLoggedActivity_ = activity;
    SessionLog::instance().add(SessionLog::Level::kInfo, activity);
  }
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
                     .arg(pointsText(result->before.ece),
                          QString::number(shownPercent(result->before.accuracy), 'f', 1));
  if (result->after)
    text += QStringLiteral(" · ") +
            tr("after temperature scaling: ECE %1").arg(pointsText(result->after->ece));
  if (!session_->calibration())
    text += QStringLiteral(" · ") + tr("Load a calibration split (Ctrl+L) to fit a temperature");
  else if (!session_->temperatureFit())
    text += QStringLiteral(" · ") + tr("Press Ctrl+T to fit a temperature");
  activity_->setText(text);
}

void MainWindow::showError(const QString& message) {
  SessionLog::instance().add(SessionLog::Level::kError, message);
  banner_->showError(tr("Could not complete the last step: %1").arg(message));
  statusBar()->showMessage(tr("Error — see the message at the top of the window"), 8000);
}

void MainWindow::showView(View view) {
  switch (view) {
    case View::kCalibration:
      showPage(pages_);
      break;
    case View::kCompare: {
      // The project's runs on its test split (the demo: the three models), compared.
      std::vector<qint64> ids;
      if (project_->isOpen())
        for (const RunRow& r : project_->state()->runs)
          if (r.info.spec.split == "test" && r.info.spec.condition == "image" && ids.size() < 4)
            ids.push_back(r.info.id);
      showPage(analyses_);
      analyses_->setCurrentWidget(analyses_->compareView());
      // Once: a comparison shown stays (--screenshot calls this again after the work it starts).
      if (analyses_->compareView()->comparison()) break;
      analyses_->compareView()->chooseRuns(ids);
      analyses_->compareView()->compare();
      break;
    }
    case View::kRuns:
      showPage(pages_);
      runsDock_->show();
      runsDock_->raise();
      sizeRunsDock();
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
      itemDock_->show();
      itemDock_->raise();
      sizeSideColumns(itemDock_, view == View::kItem ? width() / 2 : width() * 36 / 100);
      // Beside the shown run, the run before it on the same split (the demo: the model before
      // visual fine-tuning), once.
      const auto& test = session_->test();
      if (view == View::kItem && test && test->runId >= 0 && storedRuns_->comparisonRun() < 0 &&
          project_->isOpen()) {
        std::string split;
        for (const RunRow& r : project_->state()->runs)
          if (r.info.id == test->runId) split = r.info.spec.split;
        qint64 before = -1;
        for (const RunRow& r : project_->state()->runs)
          if (r.info.spec.split == split && r.info.id < test->runId && r.info.id > before)
            before = r.info.id;
        if (before >= 0) storedRuns_->chooseComparison(before);
      }
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
         datasetPage_->isBusy() || models_->isLoading() || runItem_->isRunning() ||
         batchRun_->isRunning() || demo_->isRunning() || analyses_->isBusy() ||
         comparisonsReading_ > 0 || presentationLoading_ || reports_->isRunning();
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
    case FileKind::kModel:
      return openModel(path);
    case FileKind::kPredictions:
    case FileKind::kUnknown:
      return session_->openTest(path);  // its reader says what is wrong with the file
  }
}

}  // namespace unveil::ui
