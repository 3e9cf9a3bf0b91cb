// Projects in the window: the runs panel lists the runs of a project made here with core's Store;
// choosing one shows the metrics core computes for the same set; save-as makes a copy the window
// continues on; a new project starts empty; the opened predictions (test and calibration split) are
// saved as two runs.
#include <unistd.h>
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "app/settings.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/predictions_jsonl.h"
#include "dataset_fixtures.h"
#include "metrics/metrics_panel.h"
#include "metrics/metrics_table_model.h"
#include "project/project_session.h"
#include "project/runs_panel.h"
#include "project/runs_table_model.h"
#include "session/calibration_session.h"
#include "store/store.h"
#include "test_support.h"
#include "window/main_window.h"
#include "window/project_actions.h"
#include "window/workspace_view.h"

using namespace unveil;
using namespace unveil::ui;

namespace {
const QString kTest = QStringLiteral(UNVEIL_SOURCE_DIR "/resources/examples/synthetic_test.jsonl");
const QString kCalibration =
    QStringLiteral(UNVEIL_SOURCE_DIR "/resources/examples/synthetic_calibration.jsonl");

calib::PredictionSet read(const QString& path) {
  auto r = calib::read_predictions_jsonl(path.toStdString());
  if (!r.ok()) qFatal("%s", r.error().message.c_str());
  return std::move(r).value();
}

/// A project with two imported runs: "test" (id 1) and "calibration" (id 2).
QString makeProject(const QTemporaryDir& dir) {
  const QString path = dir.filePath(QStringLiteral("made.unveil"));
  auto st = store::Store::open(path.toStdString());
  if (!st.ok()) qFatal("%s", st.error().message.c_str());
  if (!st->import_predictions(read(kTest), "synth", "test").ok()) qFatal("import test");
  if (!st->import_predictions(read(kCalibration), "synth-cal", "calibration").ok())
    qFatal("import calibration");
  return path;
}

bool waitForIdle(MainWindow& window) {
  QElapsedTimer timer;
  timer.start();
  // Jobs hand over to each other (project -> run -> metrics): wait until all are through.
  while (timer.elapsed() < 60'000) {
    if (!window.isBusy()) {
      QTest::qWait(20);
      if (!window.isBusy()) return true;
    }
    QTest::qWait(10);
  }
  return false;
}

double shown(MainWindow& window, const char* key) {
  const MetricsTableModel* model = window.workspace()->metricsPanel()->model();
  const int row = model->rowOf(QString::fromLatin1(key));
  return row < 0 ? std::nan("")
                 : model->index(row, MetricsTableModel::kBefore)
                       .data(MetricsTableModel::kValueRole)
                       .toDouble();
}

QStringList runNames(const RunsTableModel& model) {
  QStringList names;
  for (int r = 0; r < model.rowCount(); ++r)
    names << model.index(r, RunsTableModel::kName).data().toString();
  return names;
}
}  // namespace

class ProjectTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(test::installEnglish());
  }

  void runsPanelListsRunsAndChoosingOneShowsItsMetrics() {
    QTemporaryDir dir;
    const QString path = makeProject(dir);
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.setRemembersSettings(false);
    window.show();
    window.openProject(path);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.project()->isOpen());
    QVERIFY(!window.runsDock()->isHidden());

    RunsTableModel* model = window.runsPanel()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(runNames(*model),
             (QStringList{QStringLiteral("test"), QStringLiteral("calibration")}));
    QCOMPARE(model->index(0, RunsTableModel::kDataset).data().toString(), QStringLiteral("synth"));
    QCOMPARE(model->index(0, RunsTableModel::kStatus).data().toString(),
             QStringLiteral("imported"));
    QCOMPARE(model->index(0, RunsTableModel::kCondition).data().toString(),
             QStringLiteral("imported"));

    const calib::Metrics testMetrics = calib::compute_metrics(calib::compute_outcomes(read(kTest)));
    QCOMPARE(model->index(0, RunsTableModel::kN).data(RunsTableModel::kValueRole).toDouble(),
             2000.0);
    QCOMPARE(model->index(0, RunsTableModel::kAccuracy).data(RunsTableModel::kValueRole).toDouble(),
             testMetrics.accuracy);
    QCOMPARE(model->index(0, RunsTableModel::kEce).data(RunsTableModel::kValueRole).toDouble(),
             testMetrics.ece);

    // Choosing the calibration run shows what core computes on the store's set for it.
    const qint64 runId = model->index(1, 0).data(RunsTableModel::kRunIdRole).toLongLong();
    QVERIFY(window.runsPanel()->selectRun(runId));
    QVERIFY(waitForIdle(window));
    QVERIFY(window.showsWorkspace());
    auto st = store::Store::open(path.toStdString(), store::OpenMode::kReadOnly);
    QVERIFY(st.ok());
    auto set = st->prediction_set(runId);
    QVERIFY(set.ok());
    const calib::Metrics expected = calib::compute_metrics(calib::compute_outcomes(*set));
    QCOMPARE(shown(window, "n"), static_cast<double>(expected.n));
    QCOMPARE(shown(window, "accuracy"), expected.accuracy);
    QCOMPARE(shown(window, "ece"), expected.ece);
    QCOMPARE(shown(window, "mce"), expected.mce);
    QCOMPARE(shown(window, "brier"), expected.brier);
    QCOMPARE(shown(window, "nll"), expected.nll);
    QVERIFY(window.workspace()->datasetText().contains(QStringLiteral("calibration")));
    // The independent reference: the file the run was imported from gives the same numbers.
    QCOMPARE(expected.ece, calib::compute_metrics(calib::compute_outcomes(read(kCalibration))).ece);
    QVERIFY(!window.session()->calibration().has_value());
  }

  void theRunsPanelShowsSeveralRunsOnEveryScreen() {
    // It showed one and a half runs at 1280x720. The diagrams above keep their minimum height,
    // which leaves three runs there; a taller window shows more.
    for (const auto& [size, wanted] : {std::pair{QSize(1280, 720), 3}, {QSize(1920, 1080), 5}}) {
      QTemporaryDir dir;
      const QString path = makeProject(dir);
      MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
      window.setRemembersSettings(false);
      window.resize(size);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      window.openProject(path);
      QVERIFY(waitForIdle(window));
      QTest::qWait(50);  // the docks take their sizes once laid out
      auto* view = window.runsPanel()->findChild<QTableView*>(QStringLiteral("runsTable"));
      QVERIFY(view);
      const int row = view->verticalHeader()->defaultSectionSize();
      QVERIFY2(view->viewport()->height() >= wanted * row,
               qPrintable(QStringLiteral("%1x%2: viewport %3 px, rows of %4 px")
                              .arg(size.width())
                              .arg(size.height())
                              .arg(view->viewport()->height())
                              .arg(row)));
      // The numbers are in view without a horizontal scroll bar; on a narrow panel the
      // columns the run's name already says give way.
      const bool narrow = window.runsPanel()->width() < 1000;
      QCOMPARE(view->isColumnHidden(RunsTableModel::kModel), narrow);
      QVERIFY2(view->horizontalHeader()->length() <= view->viewport()->width(),
               qPrintable(QStringLiteral("%1x%2: columns %3 px in %4 px")
                              .arg(size.width())
                              .arg(size.height())
                              .arg(view->horizontalHeader()->length())
                              .arg(view->viewport()->width())));
      // The diagrams above keep most of the window.
      QVERIFY2(window.runsDock()->height() <= window.height() / 3,
               qPrintable(QString::number(window.runsDock()->height())));
    }
  }

  void openWithNewestRunShowsIt() {
    QTemporaryDir dir;
    const QString path = makeProject(dir);
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.setRemembersSettings(false);
    window.openProject(path, true);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.showsWorkspace());
    QCOMPARE(window.runsPanel()->currentRun(), 2);
    QCOMPARE(shown(window, "ece"),
             calib::compute_metrics(calib::compute_outcomes(read(kCalibration))).ece);
  }

  void lastProjectIsRememberedAndReopened() {
    QTemporaryDir dir;
    const QString path = makeProject(dir);
    Settings::setRecentProjects({});
    Settings::setLastProject(QString());
    {
      MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
      QVERIFY(!window.restoreLastProject(true));  // nothing to reopen yet
      window.openProject(path);
      QVERIFY(waitForIdle(window));
    }
    QCOMPARE(Settings::lastProject(), path);
    QCOMPARE(Settings::recentProjects(), QStringList{path});

    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    QVERIFY(window.restoreLastProject(true));
    QVERIFY(waitForIdle(window));
    QCOMPARE(window.project()->path(), path);
    QVERIFY(window.showsWorkspace());  // its newest run, not the example
    QVERIFY(!window.session()->test()->synthetic);
    window.project()->close();
    QCOMPARE(Settings::lastProject(), QString());
  }

  void saveAsCopiesAndContinuesOnTheCopy() {
    QTemporaryDir dir;
    const QString path = makeProject(dir);
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.setRemembersSettings(false);
    window.openProject(path);
    QVERIFY(waitForIdle(window));
    const QString copy = dir.filePath(QStringLiteral("copy.unveil"));
    window.project()->saveAs(copy);
    QVERIFY(waitForIdle(window));
    QCOMPARE(window.project()->path(), copy);
    QCOMPARE(window.runsPanel()->model()->rowCount(), 2);
    QVERIFY(window.windowTitle().contains(QStringLiteral("copy.unveil")));
    // The copy is a project of its own, with the same runs and predictions.
    auto st = store::Store::open(copy.toStdString(), store::OpenMode::kOpenExisting);
    QVERIFY(st.ok());
    auto runs = st->runs();
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), std::size_t{2});
    QCOMPARE(runs->at(0).predictions, std::size_t{2000});
    // The same path again is refused readably.
    QSignalSpy failed(window.project(), &ProjectSession::failed);
    window.project()->saveAs(copy);
    QCOMPARE(failed.size(), 1);
  }

  void newProjectThenSavePredictionsGivesTwoRuns() {
    QTemporaryDir dir;
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.setRemembersSettings(false);
    const QString path = dir.filePath(QStringLiteral("new.unveil"));
    window.project()->create(path);
    window.openFiles(kTest, kCalibration);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.project()->isOpen());
    QCOMPARE(window.runsPanel()->model()->rowCount(), 0);
    QVERIFY(window.session()->calibration().has_value());

    QVERIFY(window.projectActions()->savePredictionsAction()->isEnabled());
    window.project()->savePredictions(
        {{window.session()->test()->set, QStringLiteral("synthetic"), QStringLiteral("model A")},
         {window.session()->calibration()->set, QStringLiteral("synthetic"),
          QStringLiteral("model A (calibration)")}});
    QVERIFY(waitForIdle(window));
    QVERIFY2(window.project()->lastError().isEmpty(), qPrintable(window.project()->lastError()));
    RunsTableModel* model = window.runsPanel()->model();
    QCOMPARE(runNames(*model),
             (QStringList{QStringLiteral("model A"), QStringLiteral("model A (calibration)")}));
    QCOMPARE(model->index(0, RunsTableModel::kN).data(RunsTableModel::kValueRole).toDouble(),
             2000.0);
    QCOMPARE(model->index(1, RunsTableModel::kEce).data(RunsTableModel::kValueRole).toDouble(),
             calib::compute_metrics(calib::compute_outcomes(read(kCalibration))).ece);
  }

  void aBrowsedDatasetIsImportedIntoTheProject() {
    QTemporaryDir dir;
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.setRemembersSettings(false);
    window.project()->create(dir.filePath(QStringLiteral("d.unveil")));
    window.openDataset(test::writeLlavaDataset(dir.path(), 20, 4));
    QVERIFY(waitForIdle(window));
    QAction* import = window.projectActions()->importDatasetAction();
    QVERIFY(import->isEnabled());
    import->trigger();
    QVERIFY(waitForIdle(window));
    QVERIFY2(window.project()->lastError().isEmpty(), qPrintable(window.project()->lastError()));
    const auto& datasets = window.project()->state()->datasets;
    QCOMPARE(datasets.size(), std::size_t{1});
    QCOMPARE(datasets.front().items, std::size_t{20});
    QVERIFY(window.runsPanel()->headerText().contains(QStringLiteral("1 dataset")));
  }

  void readOnlyProjectSaysSo() {
    if (::geteuid() == 0) QSKIP("root can write any file: no read-only project to test with");
    QTemporaryDir dir;
    const QString path = makeProject(dir);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.setRemembersSettings(false);
    window.openProject(path);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.project()->isReadOnly());
    QVERIFY(window.runsPanel()->noticeText().contains(QStringLiteral("read-only")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));
  }

  void aMissingProjectIsReportedReadably() {
    QTemporaryDir dir;
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.setRemembersSettings(false);
    const QString missing = dir.filePath(QStringLiteral("nowhere.unveil"));
    window.openProject(missing);
    QVERIFY(waitForIdle(window));
    QVERIFY(!window.project()->isOpen());
    QVERIFY2(window.project()->lastError().contains(QStringLiteral("nowhere.unveil")),
             qPrintable(window.project()->lastError()));
  }
};

QTEST_MAIN(ProjectTest)
#include "project_test.moc"
