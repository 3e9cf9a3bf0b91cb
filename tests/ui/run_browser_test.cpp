// Issue 6, "The main window": a project run's predictions appear in the browser next to its items
// (answer, confidence, right or wrong), and clicking a bar of the reliability diagram or of the
// histogram lists exactly the items of that bin — checked against bins worked out here from the
// softmax by the DESIGN.md rules, not by the code under test. Also: right/wrong filter and
// "confidently wrong first".
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>
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
#include "metrics/metrics_panel.h"
#include "metrics/metrics_table_model.h"
#include "plots/bin_layout.h"
#include "plots/reliability_diagram.h"
#include "project/runs_panel.h"
#include "session/calibration_session.h"
#include "store/store.h"
#include "test_support.h"
#include "window/dataset_page.h"
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

 private:
  void openInWindow(MainWindow& window);
  std::set<std::string> shownIds(MainWindow& window) const;

  QTemporaryDir dir_;
  QString project_;
  std::vector<Truth> truth_;  // per prediction, in the run's order
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

QTEST_MAIN(RunBrowserTest)
#include "run_browser_test.moc"
