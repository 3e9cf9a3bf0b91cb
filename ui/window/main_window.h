// The main window: menus, tool bar and status bar around the pages (the calibration page —
// empty state or reliability diagram — and, once a dataset is open, the dataset browser), with
// every other panel in a dock: project, item view, confidence plots, metrics, runs, new run,
// problems. It wires user actions to the sessions and the sessions'
// results to the views; the work happens in the sessions, the drawing in the views.
#pragma once

#include <QMainWindow>

#include "calib/metrics.h"
#include "project/demo_setup.h"
#include "store/store.h"

class QDockWidget;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTabBar;
class QToolBar;
class QMenu;
class QUndoStack;

namespace unveil::ui {

class AnalysesPage;
class BatchRun;
class ReportWriter;
class BatchRunPanel;
class BinningControls;
class CalibrationSession;
class DatasetPage;
class DatasetSession;
class EmptyStateView;
class MessageBanner;
class ModelLibrary;
class RunItemPanel;
class StoredRunBars;
class PlotView;
class ProblemsPanel;
class ProjectActions;
class ProjectSession;
class PresentationWindow;
class ProjectTree;
class RunsPanel;
class WorkspaceView;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  /// What --screenshot --view shows.
  enum class View { kCalibration, kBrowser, kItem, kRuns, kProblems, kCompare };

  /// `thumbnailDir` empty: the user's cache folder.
  explicit MainWindow(QWidget* parent = nullptr, const QString& thumbnailDir = QString());

  CalibrationSession* session() const { return session_; }
  ProjectSession* project() const { return project_; }
  DatasetSession* datasets() const { return datasets_; }
  WorkspaceView* workspace() const { return workspace_; }
  DatasetPage* datasetPage() const { return datasetPage_; }
  RunsPanel* runsPanel() const { return runs_; }
  ProblemsPanel* problemsPanel() const { return problems_; }
  QDockWidget* runsDock() const { return runsDock_; }
  QDockWidget* problemsDock() const { return problemsDock_; }
  ProjectActions* projectActions() const { return projectActions_; }
  BinningControls* binningControls() const { return binning_; }
  MessageBanner* messageBanner() const { return banner_; }
  ModelLibrary* models() const { return models_; }
  RunItemPanel* runItemPanel() const { return runItem_; }
  BatchRun* batchRun() const { return batchRun_; }
  BatchRunPanel* batchRunPanel() const { return batchPanel_; }
  QDockWidget* batchRunDock() const { return batchDock_; }
  QDockWidget* projectDock() const { return projectDock_; }
  QDockWidget* itemDock() const { return itemDock_; }
  QDockWidget* distributionDock() const { return distributionDock_; }
  QDockWidget* metricsDock() const { return metricsDock_; }
  ProjectTree* projectTree() const { return projectTree_; }
  StoredRunBars* storedRuns() const { return storedRuns_; }
  AnalysesPage* analysesPage() const { return analyses_; }
  ReportWriter* reportWriter() const { return reports_; }
  bool showsAnalysesPage() const;
  /// Presentation mode (F5): reads the demo project's story in the background, then shows it full
  /// screen; a message says why when the open project is not the demo.
  void startPresentation();
  /// The presentation window while it is open.
  PresentationWindow* presentation() const { return presentation_; }
  /// Version of the saved dock layout; a layout saved by an older version is not restored.
  static constexpr int kLayoutVersion = 2;
  /// Adds a model card to the models the item view can run (loaded in the background).
  void openModel(const QString& cardPath);
  bool showsWorkspace() const;
  bool showsDatasetPage() const;
  QString problemsBadgeText() const;

  /// Opens the set to analyse, and a calibration split to fit a temperature on (optional).
  void openFiles(const QString& test, const QString& calibration = QString());
  void openExample();
  /// Reads a dataset (LLaVA JSON, LLaVA questions JSONL, MMBench TSV) into the browser.
  void openDataset(const QString& path);
  /// Opens a project; with showNewestRun, its newest run is analysed (the example when it has
  /// none or cannot be opened).
  void openProject(const QString& path, bool showNewestRun = false);
  /// Reopens the project open when the window last closed (showing its newest run when asked);
  /// false when there is none.
  bool restoreLastProject(bool showNewestRun);
  /// Opens the demo project in `options.dir`, building it first (with progress and Cancel in the
  /// window) when it is not there; it opens on the fine-tuned model's test run.
  void openDemo(const DemoSetupOptions& options);
  DemoSetup* demoSetup() const { return demo_; }
  EmptyStateView* emptyState() const { return empty_; }
  /// Sets the bin count and binning (controls and analysis).
  void setMetricsOptions(const calib::MetricsOptions& options);
  /// Whether the window keeps projects and its layout in the settings (not for --screenshot).
  void setRemembersSettings(bool remembers);
  /// Puts the docks where the user left them.
  void restoreLayout();
  /// Puts every dock back where it was at the first start (View ▸ Reset layout).
  void resetLayout();

  /// Lists the items of a bin of the reliability diagram (or of the histogram) in the browser;
  /// false (with the reason in the status bar) when the shown predictions have no dataset open.
  /// With `afterScaling` (the histogram only): the bin of the histogram after scaling.
  bool showBinItems(int bin, bool histogram = false, bool afterScaling = false);
  /// The same for bins first..last (dragged across on the plot).
  bool showBinRangeItems(int first, int last, bool histogram = false, bool afterScaling = false);
  /// Fits a temperature on the calibration split (Ctrl+T) and, when the shown predictions are a
  /// run of the open project, stores it with the run.
  void fitAndStoreTemperature();
  /// The stored calibrations of the shown run.
  const std::vector<store::CalibrationInfo>& storedCalibrations() const { return calibrations_; }
  /// Removes a stored calibration of the shown run (undoable: Edit ▸ Undo puts it back).
  bool removeStoredCalibration(qint64 id);
  QUndoStack* undoStack() const { return undo_; }

  /// Lists the items a point of the risk–coverage curve answers (confidence >= threshold).
  bool showAnsweredItems(double threshold, double coverage);

  /// Brings a view to the front (for --screenshot --view).
  void showView(View view);
  /// Some background work (reading, computing, thumbnails, an image) is still running.
  bool isBusy() const;
  /// The last error of any session ("" when the last steps succeeded).
  QString lastError() const;

  /// Renders the window as it is now, plots redrawn first.
  QImage renderImage();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  /// Sizes the first window (no saved geometry) to the screen's free area.
  void fitToScreen();
  // The tool bar's buttons lose their text when the window is too narrow for it with the text:
  // the bins, binning, confidence and recipe controls stay in reach (their tooltips and the menus
  // name the buttons).
  void fitToolBar();
  QToolBar* tools_ = nullptr;
  int toolsWidthWithText_ = 0;  ///< measured while the buttons had their text; 0: not yet

  void createDocks();
  QDockWidget* makeDock(const QString& title, const char* name, QWidget* content,
                        const QString& tip);
  void hideConditionalDocks();
  /// Asks where to write the report of the shown run (or of `runIds`) and writes it.
  void chooseReportFile();
  void writeReport(const std::vector<qint64>& runIds);
  /// Opens item `itemId` of the project's dataset `dataset` in the browser (reading the
  /// dataset first when another one is open).
  void openProjectItem(const QString& dataset, const QString& itemId);
  /// The runs of the project on the browsed dataset, offered for comparison in the item view.
  void updateComparisonChoices();
  /// Reads a run to compare with in the item view (in the background).
  void readComparisonRun(qint64 runId);
  QWidget* scrolling(QWidget* content);
  /// Gives the side panels their default widths (unless a saved layout was restored).
  void applyDefaultDockSizes();
  void sizeRunsDock();
  /// The project's tree at a readable width and `right` (a dock of the right column) at
  /// `wanted` pixels or what the page in the middle leaves it.
  void sizeSideColumns(QDockWidget* right, int wanted);
  void createActions();
  void connectSessions();
  void chooseTestFile();
  void chooseCalibrationFile();
  void chooseDataset();
  void chooseModel();
  void addServerModel();
  void exportPlot(PlotView* plot);
  void showResult();
  void showActivity();
  void showError(const QString& message);
  void showDataset();
  void showProject();
  void updateActions();
  void updateTitle();
  void showAbout();
  void openDropped(const QString& path);
  void showPage(QWidget* page);
  void connectBatchRun();
  void connectDemo();
  void connectBrowserToRuns();
  void connectCalibrations();
  void fillStoredMenu();
  /// Lays the shown run's predictions over the browser's items when both belong together.
  void refreshRunOverlay();

  CalibrationSession* session_ = nullptr;
  ProjectSession* project_ = nullptr;
  DatasetSession* datasets_ = nullptr;
  QTabBar* tabBar_ = nullptr;
  QStackedWidget* tabs_ = nullptr;  ///< the pages the tab bar chooses between
  QStackedWidget* pages_ = nullptr;
  EmptyStateView* empty_ = nullptr;
  WorkspaceView* workspace_ = nullptr;
  DatasetPage* datasetPage_ = nullptr;
  MessageBanner* banner_ = nullptr;
  ModelLibrary* models_ = nullptr;
  RunItemPanel* runItem_ = nullptr;
  BinningControls* binning_ = nullptr;
  RunsPanel* runs_ = nullptr;
  ProblemsPanel* problems_ = nullptr;
  QDockWidget* runsDock_ = nullptr;
  QDockWidget* projectDock_ = nullptr;
  QDockWidget* itemDock_ = nullptr;
  QDockWidget* distributionDock_ = nullptr;
  QDockWidget* metricsDock_ = nullptr;
  ProjectTree* projectTree_ = nullptr;
  StoredRunBars* storedRuns_ = nullptr;
  AnalysesPage* analyses_ = nullptr;
  ReportWriter* reports_ = nullptr;
  PresentationWindow* presentation_ = nullptr;
  bool presentationLoading_ = false;
  QAction* writeReport_ = nullptr;
  QAction* analysesPage_ = nullptr;
  QString pendingItem_;  ///< an item to select once its dataset is read
  QByteArray defaultLayout_;
  bool layoutRestored_ = false;
  int comparisonsReading_ = 0;    ///< second runs being read for the item view
  QList<QDockWidget*> setAside_;  ///< panels hidden while the analyses page is in front
  bool analysisDocksShown_ = false, itemDockShown_ = false, projectDockShown_ = false;
  QDockWidget* problemsDock_ = nullptr;
  BatchRun* batchRun_ = nullptr;
  DemoSetup* demo_ = nullptr;
  bool showFeaturedRun_ = false;
  QString lastLoggedActivity_;
  QUndoStack* undo_ = nullptr;
  std::vector<store::CalibrationInfo> calibrations_;  ///< of the shown run
  bool storeNextFit_ = false;
  QMenu* storedMenu_ = nullptr;
  BatchRunPanel* batchPanel_ = nullptr;
  QDockWidget* batchDock_ = nullptr;
  bool followBatchRun_ = false;  ///< the diagrams show the batch run's predictions as they come
  bool batchRunListed_ = false;  ///< the project was re-read once the run had begun
  qint64 selectAfterRefresh_ = -1;
  bool projectDatasetPending_ = false;  ///< the browser is reading a run's dataset: stay put
  const void* overlaySet_ = nullptr;    ///< the set and dataset the browser's overlay joins
  const void* overlayDataset_ = nullptr;
  quint64 overlayGeneration_ = 0;
  ProjectActions* projectActions_ = nullptr;
  QLabel* activity_ = nullptr;
  QLabel* problemsBadge_ = nullptr;
  QLabel* readOnlyBadge_ = nullptr;
  QProgressBar* busy_ = nullptr;
  QString calibrationActivity_, projectActivity_, datasetActivity_, batchActivity_, demoActivity_;
  bool remembers_ = true;
  bool showNewestRun_ = false;

  QAction* loadCalibration_ = nullptr;
  QAction* fitTemperature_ = nullptr;
  QAction* clearTemperature_ = nullptr;
  QAction* exportReliability_ = nullptr;
  QAction* exportHistogram_ = nullptr;
  QAction* startBatch_ = nullptr;
  QAction* resumeBatch_ = nullptr;
  QAction* cancelBatch_ = nullptr;
};

}  // namespace unveil::ui
