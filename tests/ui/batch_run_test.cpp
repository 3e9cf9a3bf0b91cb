// The batch-run panel runs a model over a split into the project off the UI thread. The diagrams
// grow live (at least 4 hand-overs a second), the UI thread never stalls for 100 ms, the run lands
// in the project and the runs panel with the numbers core computes from the store, a cancelled run
// resumes to completion without duplicates, and a broken model card is a message, not a crash and
// not a half-made run.
#include <QDockWidget>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>
#include <vector>

#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "model/torch_model.h"
#include "project/project_session.h"
#include "project/runs_panel.h"
#include "project/runs_table_model.h"
#include "run/batch_run.h"
#include "run/batch_run_panel.h"
#include "run/model_library.h"
#include "session/calibration_session.h"
#include "store/store.h"
#include "test_support.h"
#include "util/parallel.h"
#include "window/main_window.h"

using namespace unveil;
using namespace unveil::ui;

namespace {

std::vector<store::RunInfo> runsOf(const QString& project) {
  auto st = store::Store::open(project.toStdString(), store::OpenMode::kOpenExisting);
  if (!st.ok()) qFatal("%s", st.error().message.c_str());
  auto runs = st->runs();
  if (!runs.ok()) qFatal("%s", runs.error().message.c_str());
  return *runs;
}

calib::Metrics storedMetrics(const QString& project, qint64 run) {
  auto st = store::Store::open(project.toStdString(), store::OpenMode::kOpenExisting);
  auto set = st->prediction_set(run);
  if (!set.ok()) qFatal("%s", set.error().message.c_str());
  return calib::compute_metrics(calib::compute_outcomes(*set));
}

}  // namespace

class BatchRunTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void liveRunLandsInTheProject();
  void cancelledRunResumes();
  void brokenCardIsAMessage();
  void newRunShowsWhatItWouldDoAndStartsNothing();

 private:
  /// A fresh project with the shapes world as dataset "shapes", opened in `window`.
  QString openProject(MainWindow& window, const QString& name);
  QString card(const char* name) const {
    return QFileInfo(dir_.filePath(QStringLiteral("models/%1.json").arg(QLatin1String(name))))
        .absoluteFilePath();
  }
  QTemporaryDir dir_;
  std::shared_ptr<const data::Dataset> dataset_;
  std::size_t trainItems_ = 0, allItems_ = 0;
};

void BatchRunTest::initTestCase() {
  QVERIFY(test::installEnglish());
  // As the application sets them at start-up: the run uses both cores beside the UI thread.
  const int threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  set_worker_threads(threads);
  model::init_torch_threads(threads);
  QVERIFY(dir_.isValid());
  // 2,400 training items (3,400 in all): a run of a few seconds over all items, long enough to
  // measure the live updates; one epoch per model keeps the training short (real, if weak, models).
  data::ShapesWorldOptions w;
  w.train = 2400;
  const auto world = data::write_shapes_world(dir_.path().toStdString(), w);
  QVERIFY2(world.ok(), world.ok() ? "" : world.error().message.c_str());
  trainItems_ = static_cast<std::size_t>(world->train);
  allItems_ = static_cast<std::size_t>(world->items);
  model::DemoTrainOptions t;
  t.base_epochs = t.mm_epochs = t.ft_epochs = 1;
  const auto trained = model::train_demo_models(
      world->json, dir_.filePath(QStringLiteral("models")).toStdString(), t);
  QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
  auto dataset = data::read_llava_json(world->json);
  QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().message.c_str());
  dataset->name = "shapes";
  dataset_ = std::make_shared<const data::Dataset>(std::move(*dataset));
}

QString BatchRunTest::openProject(MainWindow& window, const QString& name) {
  const QString path = dir_.filePath(name);
  {
    auto st = store::Store::open(path.toStdString());
    if (!st.ok()) qFatal("%s", st.error().message.c_str());
    if (!st->add_dataset(*dataset_, "shapes_world.json", "llava").ok()) qFatal("add dataset");
  }
  QSignalSpy opened(window.project(), &ProjectSession::opened);
  window.openProject(path);
  if (!opened.wait(30'000)) qFatal("the project did not open");
  window.openModel(card("shapes-mm"));
  return path;
}

void BatchRunTest::liveRunLandsInTheProject() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setRemembersSettings(false);
  window.show();
  const QString project = openProject(window, QStringLiteral("live.unveil"));
  BatchRunPanel* panel = window.batchRunPanel();
  QVERIFY(window.batchRunDock()->isVisible());
  panel->setModelCard(card("shapes-mm"));
  QVERIFY(panel->setDataset(QStringLiteral("shapes"), QString()));  // all items
  QVERIFY(panel->startButton()->isEnabled());
  QVERIFY(!panel->cancelButton()->isEnabled());

  // Hand-overs to the diagrams, with the time each arrived.
  QElapsedTimer clock;
  std::vector<double> handovers;
  std::vector<std::size_t> sizes;
  connect(window.batchRun(), &BatchRun::predictionsChanged, this, [&](const LoadedPredictions& p) {
    handovers.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e9);
    sizes.push_back(p.set->size());
  });
  QSignalSpy finished(window.batchRun(), &BatchRun::finished);
  test::StallProbe probe;
  // The model loaded, as it is once the user has chosen it and presses Start. (A start while the
  // model it names is still loading slept the UI thread ~80 ms in the first event-loop turn,
  // with ~10 ms of its own work: seen, not yet explained; this test is of the live run.)
  QTRY_VERIFY_WITH_TIMEOUT(window.models()->model(card("shapes-mm")) != nullptr, 30'000);
  clock.start();
  probe.start();
  QVERIFY(panel->start());
  QVERIFY(panel->cancelButton()->isEnabled());
  QVERIFY(!panel->startButton()->isEnabled());
  QVERIFY(finished.wait(120'000));
  const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
  probe.stop();

  const auto outcome = finished.takeFirst().at(0).value<BatchRunOutcome>();
  QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
  QVERIFY(!outcome.cancelled);
  QCOMPARE(outcome.predicted, allItems_);
  qInfo(
      "batch run: %zu items in %.2f s, %zu hand-overs, longest UI stall %.1f ms (%.1f ms its own)",
      outcome.predicted, seconds, handovers.size(), probe.longestMs(), probe.longestOwnMs());

  // Live: the set only grows, ends complete, and the hand-overs come at least 4 times a second.
  QVERIFY(handovers.size() >= 2);
  for (std::size_t i = 1; i < sizes.size(); ++i)
    QVERIFY(sizes[i] > sizes[i - 1]);
  QCOMPARE(sizes.back(), allItems_);
  const double span = handovers.back() - handovers.front();
  if (span > 0.5) {
    const double rate = static_cast<double>(handovers.size() - 1) / span;
    QVERIFY2(rate >= 4.0, qPrintable(QStringLiteral("%1 hand-overs a second").arg(rate)));
  }
  // The window's own stalls: time the machine's other work took from the UI thread (ctest runs
  // two tests at once on two cores) is not the window's.
  QVERIFY2(probe.longestOwnMs() < 100.0,
           qPrintable(QStringLiteral("UI stalled for %1 ms (%2 ms with other processes' turns)")
                          .arg(probe.longestOwnMs())
                          .arg(probe.longestMs())));

  // In the project, complete; the panel says so; the runs panel lists it and shows it.
  const auto runs = runsOf(project);
  QCOMPARE(runs.size(), std::size_t{1});
  QCOMPARE(runs[0].status, store::RunStatus::kComplete);
  QCOMPARE(runs[0].predictions, allItems_);
  QCOMPARE(runs[0].id, outcome.runId);
  QCOMPARE(panel->progressBar()->value(), panel->progressBar()->maximum());
  QVERIFY2(panel->statusText().contains(QStringLiteral("finished")),
           qPrintable(panel->statusText()));
  QTRY_VERIFY_WITH_TIMEOUT(window.runsPanel()->currentRun() == outcome.runId, 30'000);
  QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30'000);
  const auto& result = window.session()->result();
  QVERIFY(result.has_value());
  const calib::Metrics expected = storedMetrics(project, outcome.runId);
  QCOMPARE(result->before.n, expected.n);
  QCOMPARE(result->before.ece, expected.ece);
  QCOMPARE(result->before.accuracy, expected.accuracy);
}

void BatchRunTest::cancelledRunResumes() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setRemembersSettings(false);
  const QString project = openProject(window, QStringLiteral("resume.unveil"));
  BatchRunPanel* panel = window.batchRunPanel();
  panel->setModelCard(card("shapes-mm"));
  QVERIFY(panel->setDataset(QStringLiteral("shapes"), QStringLiteral("train")));
  panel->setCondition(QStringLiteral("noise:0.3"));
  panel->setBatchSize(16);

  // Cancel as soon as some predictions are stored.
  connect(window.batchRun(), &BatchRun::progressed, this, [&](const BatchRunProgress& p) {
    if (p.done > 0) panel->cancel();
  });
  QSignalSpy finished(window.batchRun(), &BatchRun::finished);
  QVERIFY(panel->start());
  QVERIFY(finished.wait(120'000));
  const auto first = finished.takeFirst().at(0).value<BatchRunOutcome>();
  QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
  QVERIFY(first.cancelled);
  QVERIFY(first.predicted > 0 && first.predicted < trainItems_);
  disconnect(window.batchRun(), &BatchRun::progressed, this, nullptr);
  auto runs = runsOf(project);
  QCOMPARE(runs.size(), std::size_t{1});
  QCOMPARE(runs[0].status, store::RunStatus::kCancelled);
  QCOMPARE(runs[0].predictions, first.predicted);

  // Choosing the stopped run in the runs panel offers Resume; it continues with the run's own
  // settings (noise 0.3) whatever the panel now says.
  panel->setCondition(QStringLiteral("image"));
  QTRY_VERIFY_WITH_TIMEOUT(window.runsPanel()->selectRun(first.runId), 30'000);
  QTRY_VERIFY_WITH_TIMEOUT(panel->resumeButton()->isEnabled(), 30'000);
  QVERIFY(panel->resume());
  QVERIFY(finished.wait(120'000));
  const auto rest = finished.takeFirst().at(0).value<BatchRunOutcome>();
  QVERIFY2(rest.error.isEmpty(), qPrintable(rest.error));
  QVERIFY(!rest.cancelled);
  QCOMPARE(rest.runId, first.runId);
  QCOMPARE(first.predicted + rest.predicted, trainItems_);
  // The live set held the earlier predictions too: the diagrams showed the whole run.
  QCOMPARE(window.batchRun()->predictions()->size(), trainItems_);
  runs = runsOf(project);
  QCOMPARE(runs.size(), std::size_t{1});
  QCOMPARE(runs[0].status, store::RunStatus::kComplete);
  QCOMPARE(runs[0].predictions, trainItems_);
  QCOMPARE(QString::fromStdString(runs[0].spec.condition), QStringLiteral("noise:0.3"));
  QTRY_VERIFY_WITH_TIMEOUT(!panel->resumeButton()->isEnabled(), 30'000);  // nothing left
}

void BatchRunTest::brokenCardIsAMessage() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setRemembersSettings(false);
  const QString project = openProject(window, QStringLiteral("broken.unveil"));
  // A card whose TorchScript file is cut short.
  const QString models = dir_.filePath(QStringLiteral("models"));
  QFile whole(models + QStringLiteral("/shapes-mm.pt"));
  QVERIFY(whole.open(QIODevice::ReadOnly));
  QFile cut(models + QStringLiteral("/cut.pt"));
  QVERIFY(cut.open(QIODevice::WriteOnly));
  cut.write(whole.read(whole.size() / 3));
  cut.close();
  QFile cardIn(card("shapes-mm"));
  QVERIFY(cardIn.open(QIODevice::ReadOnly));
  QByteArray text = cardIn.readAll();
  text.replace("shapes-mm.pt", "cut.pt");
  const QString broken = models + QStringLiteral("/cut.json");
  QFile cardOut(broken);
  QVERIFY(cardOut.open(QIODevice::WriteOnly));
  cardOut.write(text);
  cardOut.close();

  window.openModel(broken);
  BatchRunPanel* panel = window.batchRunPanel();
  panel->setModelCard(QFileInfo(broken).absoluteFilePath());
  QVERIFY(panel->setDataset(QStringLiteral("shapes"), QStringLiteral("test")));
  QSignalSpy finished(window.batchRun(), &BatchRun::finished);
  QVERIFY(panel->start());
  QVERIFY(finished.wait(60'000));
  const auto outcome = finished.takeFirst().at(0).value<BatchRunOutcome>();
  QVERIFY(!outcome.error.isEmpty());
  QVERIFY2(outcome.error.contains(QStringLiteral("cut.pt")), qPrintable(outcome.error));
  QVERIFY2(panel->statusText().contains(QStringLiteral("cut.pt")), qPrintable(panel->statusText()));
  QVERIFY(panel->startButton()->isEnabled());  // ready for another try
  QVERIFY(runsOf(project).empty());            // no half-made run
}

// Ctrl+B (Run ▸ New run…) shows the New run panel with its Start button focused and starts
// nothing: a project changes only when the user presses Start. The items default to the test
// split (what the study reports on), not every item of the dataset.
void BatchRunTest::newRunShowsWhatItWouldDoAndStartsNothing() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setRemembersSettings(false);
  window.show();
  openProject(window, QStringLiteral("ask.unveil"));
  BatchRunPanel* panel = window.batchRunPanel();
  QTRY_COMPARE(panel->split(), QStringLiteral("test"));
  QAction* newRun = nullptr;
  for (QAction* action : window.findChildren<QAction*>())
    if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_B)) newRun = action;
  QVERIFY(newRun);
  window.batchRunDock()->hide();
  QVERIFY(newRun->isEnabled());
  newRun->trigger();
  QVERIFY(window.batchRunDock()->isVisible());
  QTest::qWait(300);
  QVERIFY(!window.batchRun()->isRunning());
  QVERIFY(panel->startButton()->isEnabled());
  QCOMPARE(window.project()->state()->runs.size(), std::size_t{0});
}

QTEST_MAIN(BatchRunTest)
#include "batch_run_test.moc"
