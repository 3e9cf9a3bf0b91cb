// The dataset browser's filter proxy gives exactly the rows worked out by hand for a five-item
// dataset (tests/ui/dataset_fixtures.h); the browser's controls drive it; a real file opened in
// the window fills the browser off the UI thread.
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

#include "browser/dataset_browser.h"
#include "browser/dataset_filter_proxy.h"
#include "browser/dataset_table_model.h"
#include "browser/run_overlay.h"
#include "browser/thumbnail_loader.h"
#include "calib/outcomes.h"
#include "dataset_fixtures.h"
#include "metrics/shown_numbers.h"
#include "test_support.h"
#include "window/dataset_page.h"
#include "window/dataset_session.h"
#include "window/main_window.h"

using namespace unveil;
using namespace unveil::ui;
using IdkFilter = DatasetFilterProxy::IdkFilter;

namespace {
/// The ids of the rows the proxy shows, in order.
QStringList shownIds(const QAbstractItemModel& proxy) {
  QStringList ids;
  for (int r = 0; r < proxy.rowCount(); ++r)
    ids << proxy.index(r, DatasetTableModel::kId).data().toString();
  return ids;
}
QStringList ids(std::initializer_list<const char*> list) {
  QStringList out;
  for (const char* s : list)
    out << QString::fromLatin1(s);
  return out;
}
/// The model showing `dataset` with `set` laid over it as a run, as the browser shows it.
void showRun(DatasetTableModel& model, const std::shared_ptr<const data::Dataset>& dataset,
             const calib::PredictionSet& set) {
  auto shared = std::make_shared<const calib::PredictionSet>(set);
  const calib::Outcomes o = calib::compute_outcomes(set);
  model.setDataset(dataset);
  model.setRunOverlay(
      std::make_shared<const RunOverlay>(makeRunOverlay(*dataset, shared, o, QStringLiteral("r"))));
}
}  // namespace

class DatasetBrowserTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(test::installEnglish());
  }

  void modelShowsTheItems() {
    DatasetTableModel model(nullptr);
    model.setDataset(test::fiveItems());
    QCOMPARE(model.rowCount(), 5);
    // Six columns of the dataset, three of a run (empty, and hidden, until one is laid over).
    QCOMPARE(model.columnCount(), 9);
    QVERIFY(!model.index(0, DatasetTableModel::kConfidence).data().isValid());
    QCOMPARE(model.index(1, DatasetTableModel::kQuestion).data().toString(),
             QStringLiteral("How many cats are there?"));
    QCOMPARE(model.index(1, DatasetTableModel::kAnswer).data().toString(),
             QStringLiteral("C · I don't know"));
    QCOMPARE(model.index(2, DatasetTableModel::kAnswer).data().toString(),
             QStringLiteral("A · Blue sky"));
    QCOMPARE(model.index(3, DatasetTableModel::kSplit).data().toString(),
             QStringLiteral("unanswerable (IDK)"));  // in words
    QCOMPARE(model.index(4, DatasetTableModel::kCategory).data().toString(),
             QStringLiteral("count"));
    QVERIFY(model.index(1, 0).data(DatasetTableModel::kIsIdkRole).toBool());
    QVERIFY(!model.index(0, 0).data(DatasetTableModel::kIsIdkRole).toBool());
    QCOMPARE(model.splits(), ids({"idk", "test", "train"}));
    QCOMPARE(model.categories(), ids({"absent", "colour", "count"}));
  }

  void anUnansweredItemSaysNoAnswerNotANumber() {
    // Items a1 (answered A, right) and b3 (no option letter: wrong) of a run over fiveItems().
    const auto ds = test::fiveItems();
    calib::PredictionSet set;
    calib::PredictionInput in;
    for (const char* id : {"a1", "b3"}) {
      in.clear();
      in.id = id;
      in.scores = {2.0, 0.0, 0.0};
      in.label = 0;
      in.answer = std::string(id) == "a1" ? 0 : calib::kUnanswered;
      set.add(in);
    }
    DatasetTableModel model(nullptr);
    showRun(model, ds, set);
    QCOMPARE(model.index(0, DatasetTableModel::kRunAnswer).data().toString(),
             QStringLiteral("A · red"));
    QCOMPARE(model.index(2, DatasetTableModel::kRunAnswer).data().toString(),
             QStringLiteral("No answer"));
    QVERIFY(model.index(2, DatasetTableModel::kRunAnswer)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("wrong answer")));
    // The browser's "No answer only" filter lists exactly b3; "Wrong only" lists it too.
    DatasetFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kUnanswered);
    QCOMPARE(shownIds(proxy), ids({"b3"}));
    proxy.setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kWrong);
    QCOMPARE(shownIds(proxy), ids({"b3"}));
    proxy.setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kRight);
    QCOMPARE(shownIds(proxy), ids({"a1"}));
  }

  void aConfidenceIsNeverRoundedToACertaintyTheModelDidNotState() {
    // Logits that give a1 0.9997, b3 0.5 (a tie of two, the third far behind) and c5 exactly 1
    // in double precision (one option 800 ahead).
    const auto ds = test::fiveItems();
    calib::PredictionSet set;
    calib::PredictionInput in;
    const std::vector<std::pair<const char*, std::vector<double>>> rows = {
        {"a1", {std::log(0.9997), std::log(0.00015), std::log(0.00015)}},
        {"b3", {0.0, 0.0, -1000.0}},
        {"c5", {800.0, 0.0, 0.0}},
    };
    for (const auto& [id, scores] : rows) {
      in.clear();
      in.id = id;
      in.scores = scores;
      in.label = 0;
      set.add(in);
    }
    DatasetTableModel model(nullptr);
    showRun(model, ds, set);
    const auto row = [&](const char* id) {
      for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, DatasetTableModel::kId).data().toString() == QLatin1String(id)) return r;
      return -1;
    };
    const auto shown = [&](const char* id, int role = Qt::DisplayRole) {
      return model.index(row(id), DatasetTableModel::kConfidence).data(role).toString();
    };
    QCOMPARE(shown("a1"), QStringLiteral("> 99.9 %"));
    QCOMPARE(shown("b3"), QStringLiteral("50.0 %"));
    QCOMPARE(shown("c5"), QStringLiteral("100.0 %"));
    // The exact value, and that it is the model's own (before any scaling), in the tooltip.
    QVERIFY2(shown("a1", Qt::ToolTipRole).startsWith(QStringLiteral("99.97 %")),
             qPrintable(shown("a1", Qt::ToolTipRole)));
    QVERIFY(
        shown("a1", Qt::ToolTipRole).contains(QStringLiteral("before any temperature scaling")));
    QCOMPARE(confidenceText(0.0003), QStringLiteral("< 0.1 %"));
    QCOMPARE(confidenceText(0.0), QStringLiteral("0.0 %"));
    QCOMPARE(confidenceText(0.8566), QStringLiteral("85.7 %"));
  }

  void proxyFiltersGiveTheExpectedRows() {
    DatasetTableModel model(nullptr);
    model.setDataset(test::fiveItems());
    DatasetFilterProxy proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(shownIds(proxy), ids({"a1", "a2", "b3", "b4", "c5"}));

    proxy.setSplit(QStringLiteral("test"));
    QCOMPARE(shownIds(proxy), ids({"a2", "b3"}));
    proxy.setIdkFilter(IdkFilter::kIdkOnly);
    QCOMPARE(shownIds(proxy), ids({"a2"}));
    proxy.clearFilters();

    proxy.setCategory(QStringLiteral("colour"));
    QCOMPARE(shownIds(proxy), ids({"a1", "b3"}));
    proxy.setCategory(QString());

    proxy.setIdkFilter(IdkFilter::kIdkOnly);
    QCOMPARE(shownIds(proxy), ids({"a2", "b4"}));
    proxy.setIdkFilter(IdkFilter::kAnswerableOnly);
    QCOMPARE(shownIds(proxy), ids({"a1", "b3", "c5"}));
    proxy.setIdkFilter(IdkFilter::kAll);

    // Text: options ("blue" in a1, "Blue sky" in b3), not case-sensitive...
    proxy.setSearchText(QStringLiteral("BLUE"));
    QCOMPARE(shownIds(proxy), ids({"a1", "b3"}));
    // ...ids...
    proxy.setSearchText(QStringLiteral("b3"));
    QCOMPARE(shownIds(proxy), ids({"b3"}));
    // ...and the question.
    proxy.setSearchText(QStringLiteral("how many"));
    QCOMPARE(shownIds(proxy), ids({"a2", "c5"}));
    proxy.setCategory(QStringLiteral("count"));
    proxy.setSplit(QStringLiteral("train"));
    QCOMPARE(shownIds(proxy), ids({"c5"}));
    proxy.setSearchText(QStringLiteral("nothing like this"));
    QCOMPARE(proxy.rowCount(), 0);

    proxy.clearFilters();
    QCOMPARE(proxy.rowCount(), 5);
    QCOMPARE(proxy.rowOfItem(3), 3);
    QCOMPARE(proxy.itemIndex(4), 4);
  }

  void browserControlsDriveTheFilters() {
    QTemporaryDir cache;
    DatasetBrowser browser(nullptr, cache.path());
    LoadedDataset loaded;
    loaded.dataset = test::fiveItems();
    loaded.displayName = QStringLiteral("five.json");
    QSignalSpy current(&browser, &DatasetBrowser::currentItemChanged);
    browser.setDataset(loaded);
    QCOMPARE(browser.currentItem(), 0);  // the first item is shown at once
    QVERIFY(!current.isEmpty());

    QComboBox* split = browser.splitBox();
    split->setCurrentIndex(split->findData(QStringLiteral("test")));
    QCOMPARE(shownIds(*browser.proxy()), ids({"a2", "b3"}));
    QCOMPARE(browser.currentItem(), 1);  // a1 was filtered out: the first shown is chosen
    QComboBox* idk = browser.idkBox();
    idk->setCurrentIndex(idk->findData(static_cast<int>(IdkFilter::kAnswerableOnly)));
    QCOMPARE(shownIds(*browser.proxy()), ids({"b3"}));
    QCOMPARE(browser.findChild<QLabel*>(QStringLiteral("browserCount"))->text(),
             QStringLiteral("Showing 1 of the dataset's 5 items"));

    split->setCurrentIndex(0);
    idk->setCurrentIndex(0);
    browser.searchBox()->setText(QStringLiteral("sky"));
    QTRY_COMPARE(shownIds(*browser.proxy()), ids({"b3"}));  // after the typing pause

    browser.searchBox()->clear();
    QTRY_COMPARE(browser.proxy()->rowCount(), 5);
    browser.selectRow(1);
    browser.moveSelection(+1);
    QCOMPARE(browser.currentItem(), 2);
    browser.moveSelection(-2);
    QCOMPARE(browser.currentItem(), 0);
  }

  void theRunsColumnsStayInViewBesideTheId() {
    // A run's answer, confidence and result come right after the id; the question takes the
    // width that is left, so a narrow browser still shows them.
    const auto ds = test::fiveItems();
    calib::PredictionSet set;
    calib::PredictionInput in;
    in.id = "a1";
    in.scores = {2.0, 0.0, 0.0};
    in.label = 0;
    set.add(in);
    auto shared = std::make_shared<const calib::PredictionSet>(set);
    auto overlay = std::make_shared<const RunOverlay>(
        makeRunOverlay(*ds, shared, calib::compute_outcomes(set), QStringLiteral("r")));
    QTemporaryDir cache;
    DatasetBrowser browser(nullptr, cache.path());
    LoadedDataset loaded;
    loaded.dataset = ds;
    loaded.displayName = QStringLiteral("five.json");
    browser.setDataset(loaded);
    browser.setRunOverlay(overlay);
    browser.resize(640, 400);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QHeaderView* header = browser.view()->horizontalHeader();
    for (int c : {int(DatasetTableModel::kRunAnswer), int(DatasetTableModel::kConfidence),
                  int(DatasetTableModel::kCorrect)}) {
      QVERIFY(header->visualIndex(c) < header->visualIndex(DatasetTableModel::kQuestion));
      QVERIFY(!browser.view()->isColumnHidden(c));
      const int right = header->sectionViewportPosition(c) + header->sectionSize(c);
      QVERIFY2(right <= browser.view()->viewport()->width(),
               qPrintable(QStringLiteral("column %1 ends at %2 of %3")
                              .arg(c)
                              .arg(right)
                              .arg(browser.view()->viewport()->width())));
    }
  }

  void keysMoveBetweenItems() {
    QTemporaryDir cache;
    DatasetPage page(nullptr, cache.path());
    LoadedDataset loaded;
    loaded.dataset = test::fiveItems();
    page.setDataset(loaded);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.browser()->view()->setFocus();
    QTest::keyClick(page.browser()->view(), Qt::Key_J);
    QCOMPARE(page.browser()->currentItem(), 1);
    QTest::keyClick(page.browser()->view(), Qt::Key_J);
    QTest::keyClick(page.browser()->view(), Qt::Key_K);
    QCOMPARE(page.browser()->currentItem(), 1);
    QTest::keyClick(page.browser()->view(), Qt::Key_Down);
    QCOMPARE(page.browser()->currentItem(), 2);
  }

  void droppedFilesAreToldApart() {
    QTemporaryDir dir;
    auto write = [&dir](const char* name, const char* text) {
      QFile f(dir.filePath(QString::fromLatin1(name)));
      if (f.open(QIODevice::WriteOnly)) f.write(text);
      return f.fileName();
    };
    QCOMPARE(classifyFile(write("p.jsonl", "{\"id\": \"a\", \"logits\": [1, 0], \"label\": 0}\n")),
             FileKind::kPredictions);
    QCOMPARE(classifyFile(write("q.jsonl",
                                "{\"question_id\": 1, \"image\": \"a.png\", "
                                "\"text\": \"Q?\\nA. x\\nB. y\"}\n")),
             FileKind::kDataset);
    QCOMPARE(classifyFile(write("d.json", "[]")), FileKind::kDataset);
    QCOMPARE(classifyFile(write("m.tsv", "index\tquestion\n")), FileKind::kDataset);
    QCOMPARE(classifyFile(write("x.unveil", "")), FileKind::kProject);
    QCOMPARE(classifyFile(write("card.json",
                                "{\"name\": \"m\", \"file\": \"m.pt\", "
                                "\"option_token_ids\": {\"A\": 3, \"B\": 4}}")),
             FileKind::kModel);
    QCOMPARE(classifyFile(write("obj.json", "{\"not\": \"a card\"}")), FileKind::kDataset);
    QCOMPARE(classifyFile(write("n.txt", "")), FileKind::kUnknown);
  }

  void windowOpensADatasetFileInTheBackground() {
    QTemporaryDir dir;
    const QString path = test::writeLlavaDataset(dir.path(), 40, 10);
    QVERIFY(!path.isEmpty());
    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    window.show();
    QSignalSpy loaded(window.datasets(), &DatasetSession::loaded);
    window.openDataset(path);
    QVERIFY(window.datasets()->isBusy());  // read on a worker thread
    QVERIFY(loaded.wait(30'000));
    QVERIFY(window.showsDatasetPage());
    DatasetBrowser* browser = window.datasetPage()->browser();
    QCOMPARE(browser->model()->rowCount(), 40);
    QCOMPARE(browser->model()->splits(), ids({"calibration", "test"}));
    // Items 0, 7, 14, 21, 28, 35 are IDK questions (gold D).
    browser->proxy()->setIdkFilter(IdkFilter::kIdkOnly);
    QCOMPARE(shownIds(*browser->proxy()), ids({"q0", "q7", "q14", "q21", "q28", "q35"}));
    // Thumbnails of the rows on screen arrive from the background.
    QTRY_VERIFY_WITH_TIMEOUT(browser->thumbnails()->isReady(0), 20'000);
    QVERIFY(!QDir(dir.filePath(QStringLiteral("thumbs"))).isEmpty());

    // A file that is not a dataset gives a readable message, and the browser keeps its data.
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"not\": \"a list\"}");
    file.close();
    QSignalSpy failed(window.datasets(), &DatasetSession::failed);
    window.openDataset(bad);
    QVERIFY(failed.wait(30'000));
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("bad.json")));
    QCOMPARE(browser->model()->rowCount(), 40);
  }
};

QTEST_MAIN(DatasetBrowserTest)
#include "dataset_browser_test.moc"
