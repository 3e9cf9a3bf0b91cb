// A project run's predictions appear in the browser next to its items (answer, confidence, right
// or wrong), and clicking a bar of the reliability diagram or of the histogram lists exactly the
// items of that bin — checked against bins worked out here from the softmax by the rules of
// docs/METRICS.md, not by the code under test. Also: right/wrong filter and "confidently wrong
// first".
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "browser/dataset_browser.h"
#include "browser/dataset_filter_proxy.h"
#include "browser/dataset_table_model.h"
#include "calib/bootstrap.h"
#include "calib/predictions_jsonl.h"
#include "calib/temperature.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "item/item_view.h"
#include "item/stored_run_bars.h"
#include "metrics/metrics_panel.h"
#include "metrics/metrics_table_model.h"
#include "plots/bin_layout.h"
#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"
#include "project/project_session.h"
#include "project/project_tree.h"
#include "project/runs_panel.h"
#include "run/probability_bars.h"
#include "session/calibration_session.h"
#include "store/store.h"
#include "test_support.h"
#include "window/binning_controls.h"
#include "window/dataset_page.h"
#include "window/dataset_session.h"
#include "window/main_window.h"
#include "window/workspace_view.h"

using namespace unveil;
using namespace unveil::ui;

namespace {

struct Truth {
  std::string id;
  double confidence = 0;
  bool correct = false;
};

}  // namespace

class RunBrowserTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void runAppearsInTheBrowser();
  void temperatureIsStoredAndRemovalUndone();
  void clickedBinListsExactlyItsItems_data();
  void clickedBinListsExactlyItsItems();
  void histogramBinListsItsItems();
  void histogramAfterScalingBarListsItsItems();
  void aClickOnTheChosenRunBringsItBackAfterAFile();
  void aRelaunchShowsTheRunThatWasOnScreen();
  void underTheStudysRecipeABinListsItsAnsweredItems();
  void draggedRangeListsItsBins();
  void panelsAreDocks();
  void theProjectTreeKeepsItsWidthBesideTheItem();
  void projectTreeOpensDatasetAndRun();
  void itemShowsStoredAndComparedRuns();

 private:
  void openInWindow(MainWindow& window);
  std::set<std::string> shownIds(MainWindow& window) const;

  QTemporaryDir dir_;
  QString project_;
  // A second project: the same items, every seventh unanswered, with vocabulary confidences.
  QString partlyAnswered_;
  std::vector<Truth> answeredTruth_;  // its answered items, confidence = conf_vocab
  std::vector<Truth> truth_;          // per prediction, in the run's order
  std::vector<data::Item> items_;
};

void RunBrowserTest::initTestCase() {
  QVERIFY(test::installEnglish());
  QVERIFY(dir_.isValid());
  data::ShapesWorldOptions w;
  w.train = 300;  // 425 items
  const auto world = data::write_shapes_world(dir_.path().toStdString(), w);
  QVERIFY(world.ok());
  auto dataset = data::read_llava_json(world->json);
  QVERIFY(dataset.ok());
  dataset->name = "shapes";
  items_ = dataset->items;
  // An over-confident model of our own: seeded logits, the gold option favoured.
  std::mt19937_64 rng(7);
  std::normal_distribution<double> z(0, 1);
  calib::PredictionSet set;
  calib::PredictionInput in;
  for (const data::Item& item : dataset->items) {
    in.clear();
    in.id = item.id;
    in.label = item.answer;
    in.idk_index = item.idk_index;
    for (std::size_t k = 0; k < item.options.size(); ++k)
      in.scores.push_back(3.0 * z(rng) + (static_cast<int>(k) == item.answer ? 2.5 : 0));
    set.add(in);
    // The truth, from the definitions: p = softmax(z); confidence = max p; the answer is the
    // first largest; right when it is the label.
    const double m = *std::max_element(in.scores.begin(), in.scores.end());
    double sum = 0;
    for (double s : in.scores)
      sum += std::exp(s - m);
    const auto top = std::max_element(in.scores.begin(), in.scores.end()) - in.scores.begin();
    truth_.push_back({item.id, 1.0 / sum, top == item.answer});
  }
  project_ = dir_.filePath(QStringLiteral("browse.unveil"));
  auto st = store::Store::open(project_.toStdString());
  QVERIFY(st.ok());
  QVERIFY(st->add_dataset(*dataset, world->json.string(), "llava").ok());
  QVERIFY(st->import_predictions(set, "shapes", "over-confident").ok());

  calib::PredictionSet partly;
  for (std::size_t i = 0; i < dataset->items.size(); ++i) {
    const data::Item& item = dataset->items[i];
    in.clear();
    in.id = item.id;
    in.label = item.answer;
    in.idk_index = item.idk_index;
    for (std::size_t k = 0; k < item.options.size(); ++k)
      in.scores.push_back(3.0 * z(rng) + (static_cast<int>(k) == item.answer ? 2.5 : 0));
    const int top =
        static_cast<int>(std::max_element(in.scores.begin(), in.scores.end()) - in.scores.begin());
    in.answer = i % 7 == 3 ? calib::kUnanswered : top;
    in.conf_vocab = 0.05 + 0.9 * std::fmod(0.37 * static_cast<double>(i), 1.0);
    partly.add(in);
    if (in.answer >= 0) answeredTruth_.push_back({item.id, in.conf_vocab, top == item.answer});
  }
  partlyAnswered_ = dir_.filePath(QStringLiteral("partly.unveil"));
  auto other = store::Store::open(partlyAnswered_.toStdString());
  QVERIFY(other.ok());
  QVERIFY(other->add_dataset(*dataset, world->json.string(), "llava").ok());
  QVERIFY(other->import_predictions(partly, "shapes", "partly answered").ok());
}

void RunBrowserTest::openInWindow(MainWindow& window) {
  window.setRemembersSettings(false);
  window.openProject(project_, /*showNewestRun=*/true);
  // The run, then its dataset, then the overlay joining them.
  QTRY_VERIFY_WITH_TIMEOUT(window.datasetPage()->browser()->model()->runOverlay() != nullptr,
                           60'000);
  QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30'000);
}

std::set<std::string> RunBrowserTest::shownIds(MainWindow& window) const {
  const DatasetBrowser* browser = window.datasetPage()->browser();
  std::set<std::string> ids;
  for (int row = 0; row < browser->proxy()->rowCount(); ++row)
    ids.insert(browser->model()->item(browser->proxy()->itemIndex(row))->id);
  return ids;
}

void RunBrowserTest::runAppearsInTheBrowser() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  openInWindow(window);
  QVERIFY(window.showsWorkspace());  // the diagrams stay in front while the dataset is read
  DatasetBrowser* browser = window.datasetPage()->browser();
  const auto* model = browser->model();
  QCOMPARE(model->rowCount(), static_cast<int>(truth_.size()));
  QVERIFY(!browser->view()->isColumnHidden(DatasetTableModel::kConfidence));
  std::size_t wrong = 0;
  for (int row = 0; row < model->rowCount(); ++row) {
    const Truth& t = truth_[static_cast<std::size_t>(row)];  // import order = item order
    QCOMPARE(model->item(row)->id, t.id);
    const double shown = model->index(row, DatasetTableModel::kConfidence)
                             .data(DatasetTableModel::kSortRole)
                             .toDouble();
    QVERIFY(std::abs(shown - t.confidence) < 1e-12);
    const QString result = model->index(row, DatasetTableModel::kCorrect).data().toString();
    QCOMPARE(result.contains(QStringLiteral("right")), t.correct);
    wrong += t.correct ? 0 : 1;
  }
  QVERIFY(wrong > 0 && wrong < truth_.size());

  // The metrics panel shows the engine's bootstrap intervals of this run (same options, seed and
  // replicates as the window's).
  QTRY_VERIFY_WITH_TIMEOUT(window.session()->intervalsBefore().has_value(), 30'000);
  calib::BootstrapOptions bo;
  bo.replicates = CalibrationSession::kBootstrapReplicates;
  bo.seed = CalibrationSession::kBootstrapSeed;
  bo.metrics = window.session()->result()->options;
  const calib::BootstrapResult expected = calib::bootstrap(*window.session()->outcomesBefore(), bo);
  const auto ece = expected.ci.at("ece");
  QVERIFY(ece.has_value());
  const auto* metrics = window.workspace()->metricsPanel()->model();
  const QPointF shownCi = metrics->index(metrics->rowOf(QStringLiteral("ece")), 1)
                              .data(MetricsTableModel::kIntervalRole)
                              .toPointF();
  QCOMPARE(shownCi.x(), ece->lo);
  QCOMPARE(shownCi.y(), ece->hi);

  // Wrong only: exactly the wrong items.
  browser->outcomeBox()->setCurrentIndex(
      browser->outcomeBox()->findData(static_cast<int>(DatasetFilterProxy::OutcomeFilter::kWrong)));
  QCOMPARE(static_cast<std::size_t>(browser->proxy()->rowCount()), wrong);
  // Exporting what is shown writes exactly those predictions, readable again.
  QSignalSpy exported(browser, &DatasetBrowser::exportFinished);
  const QString jsonl = dir_.filePath(QStringLiteral("wrong.jsonl"));
  browser->exportShown(jsonl);
  QVERIFY(exported.wait(30'000));
  QVERIFY2(exported.at(0).at(2).toString().isEmpty(), qPrintable(exported.at(0).at(2).toString()));
  QCOMPARE(static_cast<std::size_t>(exported.at(0).at(1).toInt()), wrong);
  const auto back = calib::read_predictions_jsonl(jsonl.toStdString());
  QVERIFY(back.ok());
  std::set<std::string> backIds, wrongIds;
  for (std::size_t i = 0; i < back->size(); ++i)
    backIds.insert(std::string(back->id(i)));
  for (const Truth& t : truth_)
    if (!t.correct) wrongIds.insert(t.id);
  QCOMPARE(backIds, wrongIds);
  const QString csv = dir_.filePath(QStringLiteral("wrong.csv"));
  browser->exportShown(csv);
  QVERIFY(exported.wait(30'000));
  QFile csvFile(csv);
  QVERIFY(csvFile.open(QIODevice::ReadOnly));
  QCOMPARE(static_cast<std::size_t>(csvFile.readAll().count('\n')), wrong + 1);  // + header
  // Wrong and at least 90 % sure: the confidence range applies on top.
  browser->confidenceFromBox()->setValue(90);
  std::size_t wrongAndSure = 0;
  for (const Truth& t : truth_)
    wrongAndSure += !t.correct && t.confidence >= 0.9 ? 1 : 0;
  QCOMPARE(static_cast<std::size_t>(browser->proxy()->rowCount()), wrongAndSure);
  browser->confidenceFromBox()->setValue(0);
  QCOMPARE(static_cast<std::size_t>(browser->proxy()->rowCount()), wrong);
  // Confidently wrong first: the top row is the most confident wrong answer.
  browser->proxy()->sortConfidentlyWrongFirst();
  double best = -1;
  std::string bestId;
  for (const Truth& t : truth_)
    if (!t.correct && t.confidence > best) best = t.confidence, bestId = t.id;
  QCOMPARE(model->item(browser->proxy()->itemIndex(0))->id, bestId);
}

void RunBrowserTest::temperatureIsStoredAndRemovalUndone() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  openInWindow(window);
  // A calibration split from a file (the same kind of model on other items).
  std::mt19937_64 rng(99);
  std::normal_distribution<double> z(0, 1);
  calib::PredictionSet cal;
  calib::PredictionInput in;
  for (int i = 0; i < 300; ++i) {
    in.clear();
    in.id = "c" + std::to_string(i);
    in.label = i % 4;
    for (int k = 0; k < 4; ++k)
      in.scores.push_back(3.0 * z(rng) + (k == in.label ? 2.5 : 0));
    cal.add(in);
  }
  const QString calFile = dir_.filePath(QStringLiteral("cal.jsonl"));
  {
    std::ofstream out(calFile.toStdString());
    calib::write_predictions_jsonl(out, cal);
  }
  window.session()->openCalibration(calFile, false);
  QTRY_VERIFY_WITH_TIMEOUT(window.session()->calibration().has_value(), 30'000);

  window.fitAndStoreTemperature();
  QTRY_COMPARE_WITH_TIMEOUT(window.storedCalibrations().size(), std::size_t{1}, 30'000);
  const store::CalibrationInfo stored = window.storedCalibrations()[0];
  const auto fit = calib::fit_temperature(cal);  // the engine on the same split
  QVERIFY(fit.ok());
  QVERIFY(stored.params.find("temperature") != std::string::npos);
  QCOMPARE(window.session()->temperatureFit()->temperature, fit->temperature);
  QVERIFY(!stored.fit_run_id.has_value());  // fitted on a file, not a run of the project
  auto storedIn = [this] {
    auto st = store::Store::open(project_.toStdString(), store::OpenMode::kReadOnly);
    return st->calibrations()->size();
  };
  QCOMPARE(storedIn(), std::size_t{1});

  // Remove, undo, redo.
  QVERIFY(window.removeStoredCalibration(stored.id));
  QTRY_VERIFY_WITH_TIMEOUT(window.storedCalibrations().empty(), 30'000);
  QCOMPARE(storedIn(), std::size_t{0});
  QVERIFY(window.undoStack()->canUndo());
  window.undoStack()->undo();
  QTRY_COMPARE_WITH_TIMEOUT(window.storedCalibrations().size(), std::size_t{1}, 30'000);
  QCOMPARE(window.storedCalibrations()[0].id, stored.id);
  QCOMPARE(window.storedCalibrations()[0].created_at, stored.created_at);
  window.undoStack()->redo();
  QTRY_VERIFY_WITH_TIMEOUT(window.storedCalibrations().empty(), 30'000);
  QCOMPARE(storedIn(), std::size_t{0});
}

void RunBrowserTest::clickedBinListsExactlyItsItems_data() {
  QTest::addColumn<int>("bins");
  QTest::addColumn<bool>("equalMass");
  QTest::newRow("10 equal-width") << 10 << false;
  QTest::newRow("7 equal-width") << 7 << false;
  QTest::newRow("8 equal-mass") << 8 << true;
}

void RunBrowserTest::clickedBinListsExactlyItsItems() {
  QFETCH(int, bins);
  QFETCH(bool, equalMass);
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setMetricsOptions(
      {bins, equalMass ? calib::Binning::kEqualMass : calib::Binning::kEqualWidth});
  openInWindow(window);
  const auto& table = window.session()->result()->before.table;
  QCOMPARE(static_cast<int>(table.bins.size()), bins);

  // The bins by the definitions. Equal width: min(floor(c B), B - 1). Equal mass: stable sort by
  // confidence, sorted position p in bin k when floor(k N / B) <= p < floor((k + 1) N / B).
  const std::size_t n = truth_.size();
  std::vector<int> binOf(n);
  if (!equalMass) {
    for (std::size_t i = 0; i < n; ++i)
      binOf[i] = std::min(static_cast<int>(std::floor(truth_[i].confidence * bins)), bins - 1);
  } else {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return truth_[a].confidence < truth_[b].confidence;
    });
    for (std::size_t p = 0; p < n; ++p) {
      int k = 0;
      while (k + 1 < bins && static_cast<std::size_t>(k + 1) * n / bins <= p)
        ++k;
      binOf[order[p]] = k;
    }
  }
  int checked = 0;
  for (int b = 0; b < bins; ++b) {
    std::set<std::string> expected;
    for (std::size_t i = 0; i < n; ++i)
      if (binOf[i] == b) expected.insert(truth_[i].id);
    QCOMPARE(table.bins[static_cast<std::size_t>(b)].count, expected.size());
    if (expected.empty()) continue;
    QVERIFY(window.showBinItems(b));
    QVERIFY(window.showsDatasetPage());
    QCOMPARE(shownIds(window), expected);
    QVERIFY(!window.datasetPage()->browser()->subsetText().isEmpty());
    // The count says what it is of: the dataset's items, not the run's or the bin's.
    QCOMPARE(window.datasetPage()->browser()->countText(),
             QStringLiteral("Showing %1 of the dataset's %2 items")
                 .arg(QLocale().toString(static_cast<qulonglong>(expected.size())),
                      QLocale().toString(static_cast<qulonglong>(items_.size()))));
    ++checked;
  }
  QVERIFY(checked >= 3);

  // A click on a bar does the same: the middle of the fullest bin.
  const auto fullest =
      std::max_element(table.bins.begin(), table.bins.end(),
                       [](const calib::Bin& a, const calib::Bin& b) { return a.count < b.count; }) -
      table.bins.begin();
  QSignalSpy clicked(window.workspace()->reliabilityDiagram(), &PlotView::binClicked);
  const calib::Bin& f = table.bins[static_cast<std::size_t>(fullest)];
  // Where the bar is drawn: the middle of an equal-width bin; equal-mass bars sit where the
  // layout puts them (at the bin's mean confidence, narrowed to keep neighbours apart).
  const BinLayout layout = layoutBins(table);
  const double key = layout.keys[layout.bins.indexOf(static_cast<int>(fullest))];
  window.workspace()->reliabilityDiagram()->clickAt(key);
  QCOMPARE(clicked.count(), 1);
  QCOMPARE(clicked.at(0).at(0).toInt(), static_cast<int>(fullest));
  QCOMPARE(static_cast<std::size_t>(window.datasetPage()->browser()->proxy()->rowCount()), f.count);

  // Showing all items again.
  window.datasetPage()->browser()->clearItemSubset();
  QCOMPARE(static_cast<std::size_t>(window.datasetPage()->browser()->proxy()->rowCount()), n);
}

void RunBrowserTest::histogramBinListsItsItems() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setMetricsOptions({6, calib::Binning::kEqualMass});  // the histogram stays equal-width
  openInWindow(window);
  const auto& histogram = window.session()->result()->histogramBefore;
  const int bins = static_cast<int>(histogram.bins.size());
  QCOMPARE(histogram.binning, calib::Binning::kEqualWidth);
  for (int b = 0; b < bins; ++b) {
    std::set<std::string> expected;
    for (const Truth& t : truth_)
      if (std::min(static_cast<int>(std::floor(t.confidence * bins)), bins - 1) == b)
        expected.insert(t.id);
    if (expected.empty()) continue;
    QVERIFY(window.showBinItems(b, /*histogram=*/true));
    QCOMPARE(shownIds(window), expected);
  }
}

// With a temperature the histogram shows two bars per bin: a click on the right one (after
// scaling) lists the items whose confidence at T falls in that bin, max softmax(z / T) by hand;
// the left one still lists the bin before scaling.
void RunBrowserTest::histogramAfterScalingBarListsItsItems() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  openInWindow(window);
  const LoadedPredictions run = *window.session()->test();
  LoadedPredictions fitOn = run;  // fitted on the run itself: any temperature will do here
  fitOn.displayName = QStringLiteral("itself");
  window.session()->showPredictions(run, fitOn);
  QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30'000);
  const auto& result = window.session()->result();
  QVERIFY(result->histogramAfter.has_value());
  const double t = *result->temperature;
  QVERIFY(std::abs(t - 1.0) > 0.05);  // the bars differ
  const calib::PredictionSet& set = *run.set;
  const int bins = static_cast<int>(result->histogramAfter->bins.size());
  std::map<int, std::set<std::string>> after;
  for (std::size_t i = 0; i < set.size(); ++i) {
    const auto z = set.logits(i);
    const double m = *std::max_element(z.begin(), z.end());
    double sum = 0;
    for (double v : z)
      sum += std::exp((v - m) / t);
    const double c = 1.0 / sum;
    after[std::min(static_cast<int>(std::floor(c * bins)), bins - 1)].insert(
        std::string(set.id(i)));
  }
  ConfidenceHistogram* histogram = window.workspace()->confidenceHistogram();
  QSignalSpy clicked(histogram, &PlotView::comparisonBinClicked);
  int checked = 0;
  for (const auto& [b, ids] : after) {
    const calib::Bin& bin = result->histogramAfter->bins[static_cast<std::size_t>(b)];
    histogram->clickAt(bin.lo + 0.75 * (bin.hi - bin.lo));  // the right half: the after bar
    QCOMPARE(clicked.count(), ++checked);
    QCOMPARE(shownIds(window), ids);
    QVERIFY(window.datasetPage()->browser()->subsetText().contains(QStringLiteral("after")));
  }
  QVERIFY(checked >= 3);
  // The left half of a bin is the bar before scaling.
  const auto before = window.session()->result()->histogramBefore;
  const auto fullest =
      std::max_element(before.bins.begin(), before.bins.end(),
                       [](const calib::Bin& a, const calib::Bin& b) { return a.count < b.count; });
  histogram->clickAt(fullest->lo + 0.25 * (fullest->hi - fullest->lo));
  QCOMPARE(clicked.count(), checked);
  QCOMPARE(static_cast<std::size_t>(window.datasetPage()->browser()->proxy()->rowCount()),
           fullest->count);
}

// After File ▸ Open of another file, the run chosen in the runs panel is no longer shown; a click
// on its row brings it back (the row did not change, so nothing else would ask for it).
void RunBrowserTest::aClickOnTheChosenRunBringsItBackAfterAFile() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.show();
  openInWindow(window);
  const qint64 run = window.session()->test()->runId;
  QVERIFY(run >= 0);
  window.openFiles(QStringLiteral(UNVEIL_SOURCE_DIR "/resources/examples/synthetic_test.jsonl"));
  QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.session()->test()->runId < 0, 30'000);
  QTableView* view = window.runsPanel()->view();
  const QModelIndex chosen = view->currentIndex();
  QVERIFY(chosen.isValid());
  view->scrollTo(chosen);
  const QRect cell = view->visualRect(chosen);
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
  QTRY_VERIFY_WITH_TIMEOUT(window.session()->test()->runId == run, 30'000);
  QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30'000);
}

// A relaunch opens the project on the run that was on screen, not on the newest one.
void RunBrowserTest::aRelaunchShowsTheRunThatWasOnScreen() {
  QStandardPaths::setTestModeEnabled(true);  // the user's own settings stay out of it
  QCoreApplication::setOrganizationName(QStringLiteral("UnveilRunBrowserTest"));
  QSettings().clear();
  // A project of two runs: the newest is run 2.
  const QString path = dir_.filePath(QStringLiteral("relaunch.unveil"));
  QVERIFY(QFile::copy(project_, path));
  {
    auto st = store::Store::open(path.toStdString());
    QVERIFY(st.ok());
    auto first = st->prediction_set(1);
    QVERIFY(first.ok());
    QVERIFY(st->import_predictions(*first, "shapes", "second").ok());
  }
  {
    MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
    window.openProject(path, /*showNewestRun=*/true);
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->test() && window.session()->test()->runId == 2,
                             30'000);
    QVERIFY(window.runsPanel()->selectRun(1));
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->test()->runId == 1, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30'000);
  }
  MainWindow again(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  again.openProject(path, /*showNewestRun=*/true);
  QTRY_VERIFY_WITH_TIMEOUT(again.session()->test().has_value(), 30'000);
  QCOMPARE(again.session()->test()->runId, qint64{1});
  QTRY_VERIFY_WITH_TIMEOUT(!again.isBusy(), 30'000);
  QSettings().clear();
}

// Under the study's recipe the unanswered items are out of the numbers: a bin of the diagram
// lists the answered items whose vocabulary confidence falls in it (min(floor(10 c), 9)), by the
// items' own ids, although the outcomes no longer line up with the run's predictions.
void RunBrowserTest::underTheStudysRecipeABinListsItsAnsweredItems() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setRemembersSettings(false);
  window.openProject(partlyAnswered_, /*showNewestRun=*/true);
  QTRY_VERIFY_WITH_TIMEOUT(window.datasetPage()->browser()->model()->runOverlay() != nullptr,
                           60'000);
  QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30'000);
  QComboBox* recipe = window.binningControls()->recipeBox();
  recipe->setCurrentIndex(recipe->findData(true));
  QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30'000);
  QTRY_VERIFY_WITH_TIMEOUT(window.datasetPage()->browser()->model()->runOverlay() != nullptr,
                           60'000);
  const auto& table = window.session()->result()->before.table;
  QCOMPARE(table.bins.size(), std::size_t{10});
  QCOMPARE(window.session()->result()->before.n, answeredTruth_.size());
  int checked = 0;
  for (int b = 0; b < 10; ++b) {
    std::set<std::string> expected;
    for (const Truth& t : answeredTruth_)
      if (std::min(static_cast<int>(std::floor(t.confidence * 10)), 9) == b) expected.insert(t.id);
    QCOMPARE(table.bins[static_cast<std::size_t>(b)].count, expected.size());
    if (expected.empty()) continue;
    QVERIFY(window.showBinItems(b));
    QCOMPARE(shownIds(window), expected);
    ++checked;
  }
  QVERIFY(checked >= 5);
}

void RunBrowserTest::draggedRangeListsItsBins() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  openInWindow(window);
  const auto& table = window.session()->result()->before.table;
  const int bins = static_cast<int>(table.bins.size());
  QCOMPARE(bins, 10);
  // Bins 6..8 by hand: 0.6 <= confidence < 0.9 (equal width, the bin rule of docs/METRICS.md).
  std::set<std::string> expected;
  for (const Truth& t : truth_) {
    const int b = std::min(static_cast<int>(std::floor(t.confidence * bins)), bins - 1);
    if (b >= 6 && b <= 8) expected.insert(t.id);
  }
  QVERIFY(!expected.empty());
  QSignalSpy range(window.workspace()->reliabilityDiagram(), &PlotView::binRangeSelected);
  QSignalSpy clicked(window.workspace()->reliabilityDiagram(), &PlotView::binClicked);
  // Dragged from right to left, ending just inside bin 6.
  window.workspace()->reliabilityDiagram()->dragBetween(0.85, 0.61);
  QCOMPARE(range.count(), 1);
  QCOMPARE(clicked.count(), 0);
  QCOMPARE(range.at(0).at(0).toInt(), 6);
  QCOMPARE(range.at(0).at(1).toInt(), 8);
  QVERIFY(window.showsDatasetPage());
  QCOMPARE(shownIds(window), expected);
  QVERIFY(window.datasetPage()->browser()->subsetText().contains(QStringLiteral("60–90 %")));
  // A drag inside one bin is a click.
  window.workspace()->reliabilityDiagram()->dragBetween(0.71, 0.79);
  QCOMPARE(clicked.count(), 1);
  QCOMPARE(clicked.at(0).at(0).toInt(), 7);
  // The histogram's range: bins 0..4 of its 10, i.e. confidence < 0.5.
  expected.clear();
  for (const Truth& t : truth_)
    if (t.confidence < 0.5) expected.insert(t.id);
  QVERIFY(!expected.empty());
  QVERIFY(window.showBinRangeItems(0, 4, /*histogram=*/true));
  QCOMPARE(shownIds(window), expected);
  QVERIFY(!window.showBinRangeItems(4, 2));  // not a range
}

void RunBrowserTest::theProjectTreeKeepsItsWidthBesideTheItem() {
  // The item view at 1400 pixels squeezed the project's tree to about 110 pixels, its run names
  // cut to "shapes-b…": the item dock took half the window and the browser what it needs.
  for (const auto view : {MainWindow::View::kItem, MainWindow::View::kBrowser}) {
    MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
    window.resize(1400, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openInWindow(window);
    window.showView(view);
    QTest::qWait(50);
    QVERIFY2(window.projectDock()->width() >= 180,
             qPrintable(QString::number(window.projectDock()->width())));
    QVERIFY(window.itemDock()->width() >= 300);
  }
}

void RunBrowserTest::panelsAreDocks() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  openInWindow(window);
  window.show();
  // Every panel lives in a dock of its own, shown once it has something to show.
  const std::pair<QDockWidget*, QWidget*> panels[] = {
      {window.projectDock(), window.projectTree()},
      {window.itemDock(), window.datasetPage()->itemView()},
      {window.distributionDock(), window.workspace()->plotTabs()},
      {window.metricsDock(), window.workspace()->metricsPanel()},
      {window.runsDock(), window.runsPanel()}};
  for (const auto& [dock, content] : panels) {
    QVERIFY(dock->widget()->isAncestorOf(content) || dock->widget() == content);
    QVERIFY(!dock->objectName().isEmpty());  // saveState needs it
  }
  for (QDockWidget* dock :
       {window.projectDock(), window.itemDock(), window.distributionDock(), window.metricsDock()})
    QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
  // A layout change survives saveState/restoreState; a state of another version is refused.
  window.removeDockWidget(window.metricsDock());
  window.addDockWidget(Qt::LeftDockWidgetArea, window.metricsDock());
  window.metricsDock()->show();
  const QByteArray state = window.saveState(MainWindow::kLayoutVersion);
  window.resetLayout();
  QCOMPARE(window.dockWidgetArea(window.metricsDock()), Qt::RightDockWidgetArea);
  QVERIFY(!window.restoreState(state, MainWindow::kLayoutVersion - 1));
  QVERIFY(window.restoreState(state, MainWindow::kLayoutVersion));
  QCOMPARE(window.dockWidgetArea(window.metricsDock()), Qt::LeftDockWidgetArea);
  window.resetLayout();
  QCOMPARE(window.dockWidgetArea(window.metricsDock()), Qt::RightDockWidgetArea);
  QVERIFY(window.metricsDock()->isVisible());
}

void RunBrowserTest::projectTreeOpensDatasetAndRun() {
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  window.setRemembersSettings(false);
  window.openProject(project_, /*showNewestRun=*/false);
  QTRY_VERIFY_WITH_TIMEOUT(window.project()->isOpen() && !window.isBusy(), 30'000);
  QTreeWidget* tree = window.projectTree()->tree();
  QCOMPARE(tree->topLevelItemCount(), 3);
  QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Datasets (1)"));
  QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("shapes"));
  QVERIFY(tree->topLevelItem(2)->text(0).startsWith(QStringLiteral("Runs (")));
  QVERIFY(!window.datasets()->dataset().has_value());
  QVERIFY(window.projectTree()->activate(ProjectTree::Kind::kDataset, QStringLiteral("shapes")));
  QTRY_VERIFY_WITH_TIMEOUT(window.datasets()->dataset().has_value(), 30'000);
  QCOMPARE(window.datasets()->dataset()->dataset->items.size(), truth_.size());
  // One click on a run shows it (a highlighted run that shows nothing looked broken).
  window.resize(1400, 900);
  window.show();
  for (QWidget* w = window.projectTree(); w; w = w->parentWidget())
    w->show();
  tree->expandAll();
  QTreeWidgetItem* runItem = tree->topLevelItem(2)->child(0);
  tree->scrollToItem(runItem);
  const QRect cell = tree->visualItemRect(runItem);
  QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                    QPoint(cell.left() + 4, cell.center().y()));
  QTRY_VERIFY_WITH_TIMEOUT(window.session()->result().has_value(), 30'000);
  QVERIFY(window.session()->test()->runId > 0);
  QVERIFY(window.projectTree()->activate(ProjectTree::Kind::kRun, QString()));
  QVERIFY(!window.projectTree()->activate(ProjectTree::Kind::kModel, QStringLiteral("none")));
}

void RunBrowserTest::itemShowsStoredAndComparedRuns() {
  // A second run on the same items (it becomes the newest, so the window shows it); the first
  // run is the one to compare with.
  std::mt19937_64 rng(11);
  std::normal_distribution<double> z(0, 1);
  calib::PredictionSet second;
  calib::PredictionInput in;
  std::map<std::string, std::vector<double>> logits;
  std::map<std::string, Truth> firstRun;
  for (const Truth& t : truth_)
    firstRun[t.id] = t;
  for (const data::Item& item : items_) {
    in.clear();
    in.id = item.id;
    in.label = item.answer;
    in.idk_index = item.idk_index;
    for (std::size_t k = 0; k < item.options.size(); ++k)
      in.scores.push_back(z(rng));
    logits[item.id] = in.scores;
    second.add(in);
  }
  {
    auto st = store::Store::open(project_.toStdString());
    QVERIFY(st.ok());
    QVERIFY(st->import_predictions(second, "shapes", "second").ok());
  }
  MainWindow window(nullptr, dir_.filePath(QStringLiteral("thumbs")));
  openInWindow(window);
  StoredRunBars* bars = window.storedRuns();
  DatasetBrowser* browser = window.datasetPage()->browser();
  browser->clearItemSubset();
  const auto& items = window.datasets()->dataset()->dataset->items;
  browser->view()->selectRow(3);
  const data::Item& item = items[static_cast<std::size_t>(browser->proxy()->itemIndex(3))];
  QCOMPARE(bars->shownBars()->rows().size(), item.options.size());
  // The shown (second) run's probabilities, by hand: softmax of its logits.
  const std::vector<double>& z3 = logits.at(item.id);
  double m = *std::max_element(z3.begin(), z3.end()), sum = 0;
  for (double v : z3)
    sum += std::exp(v - m);
  for (std::size_t k = 0; k < z3.size(); ++k)
    QVERIFY(std::abs(bars->shownBars()->rows()[k].probability - std::exp(z3[k] - m) / sum) < 1e-12);
  // Comparing with the first run: its bars, its answer's confidence from the truth table.
  QVERIFY(bars->comparisonBars()->rows().empty());
  qint64 first = -1;
  for (const RunRow& r : window.project()->state()->runs)
    if (r.info.spec.name == "over-confident") first = r.info.id;
  QVERIFY(first > 0);
  bars->chooseComparison(first);
  QTRY_VERIFY_WITH_TIMEOUT(!bars->comparisonBars()->rows().empty(), 30'000);
  const Truth& t = firstRun.at(item.id);
  double top = 0;
  for (const auto& r : bars->comparisonBars()->rows())
    top = std::max(top, r.probability);
  QVERIFY(std::abs(top - t.confidence) < 1e-12);
  QVERIFY(bars->comparisonSummary().contains(t.correct ? QStringLiteral("right")
                                                       : QStringLiteral("wrong")));
  // The next item: both follow.
  browser->view()->selectRow(4);
  const data::Item& next = items[static_cast<std::size_t>(browser->proxy()->itemIndex(4))];
  QCOMPARE(bars->shownBars()->rows().size(), next.options.size());
  const Truth& t4 = firstRun.at(next.id);
  top = 0;
  for (const auto& r : bars->comparisonBars()->rows())
    top = std::max(top, r.probability);
  QVERIFY(std::abs(top - t4.confidence) < 1e-12);
}

QTEST_MAIN(RunBrowserTest)
#include "run_browser_test.moc"
