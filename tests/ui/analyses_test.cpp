// The study's analyses in the window: the analyses page. Comparing runs shows core's comparison
// (metrics that match a hand count of the shared items, the overlay's points, the verdicts); the
// modality view runs a real model under several conditions, fills its table from the stored runs
// and a click on the scatter opens the item; a report of a run and of a comparison is written to
// disk.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <random>
#include <thread>
#include <tuple>

#include "../core/test_util.h"
#include "analyses/analyses_page.h"
#include "analyses/compare_summary.h"
#include "analyses/compare_view.h"
#include "analyses/condition_list.h"
#include "analyses/idk_prompt_list.h"
#include "analyses/idk_view.h"
#include "analyses/modality_view.h"
#include "analyses/prompt_search_view.h"
#include "analyses/report_writer.h"
#include "analyses/run_setup.h"
#include "calib/outcomes.h"
#include "data/readers.h"
#include "metrics/shown_numbers.h"
#include "model/prompt.h"
#include "model/torch_model.h"
#include "plots/confidence_scatter.h"
#include "plots/overlaid_reliability.h"
#include "plots/prompt_search_chart.h"
#include "plots/reliability_diagram.h"
#include "project/project_session.h"
#include "report/report.h"
#include "run/condition_picker.h"
#include "run/model_library.h"
#include "store/store.h"
#include "test_support.h"
#include "util/parallel.h"

using namespace unveil;
using namespace unveil::ui;

class AnalysesTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void compareShowsTheComparison();
  void compareRefusesTooFewRuns();
  void compareSpeaksEachLanguageWithItsOwnSpacing();
  void promptSearchChartShowsTheEceInPoints();
  void modalityRunsConditionsAndOpensItems();
  void textVsImageConditionsAreChosenInWords();
  void textVsImageStartsFromAModelThatReadsImages();
  void reportsAreWritten();
  void idkComparesPrompts();
  void idkPromptsAreChosenByNameWithTheirWordsOneClickAway();
  void promptSearchRunsLiveAndIsStored();

 private:
  /// Opens the test project and loads the tiny shapes-mm model; its card's path ("" on failure).
  QString openWithModel(ProjectSession& project, ModelLibrary& models);

  QTemporaryDir dir_;
  QString project_;
  std::vector<qint64> runs_;
  std::vector<double> accuracy_;  // per run, on the shared items, counted here
};

void AnalysesTest::initTestCase() {
  QVERIFY(ui::test::installEnglish());
  const int threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  set_worker_threads(threads);
  model::init_torch_threads(threads);
  QVERIFY(dir_.isValid());
  auto world = unveil::test::tiny_demo_models(dir_.path().toStdString());
  QVERIFY2(world.ok(), world.ok() ? "" : world.error().message.c_str());
  auto dataset = data::read_llava_json(world->json);
  QVERIFY(dataset.ok());
  dataset->name = "shapes";
  project_ = dir_.filePath(QStringLiteral("analyses.unveil"));
  auto st = store::Store::open(project_.toStdString());
  QVERIFY(st.ok());
  QVERIFY(st->add_dataset(*dataset, world->json.string(), "llava").ok());
  // Two imported runs on the same items: one favours the gold answer strongly, one weakly.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> z(0, 1);
  for (const double boost : {3.0, 0.8}) {
    calib::PredictionSet set;
    calib::PredictionInput in;
    std::size_t right = 0;
    for (const data::Item& item : dataset->items) {
      if (item.answer < 0) continue;
      in.clear();
      in.id = item.id;
      in.label = item.answer;
      in.idk_index = item.idk_index;
      for (std::size_t k = 0; k < item.options.size(); ++k)
        in.scores.push_back(z(rng) + (static_cast<int>(k) == item.answer ? boost : 0));
      const auto top = std::max_element(in.scores.begin(), in.scores.end()) - in.scores.begin();
      right += top == item.answer ? 1 : 0;
      set.add(in);
    }
    accuracy_.push_back(static_cast<double>(right) / static_cast<double>(set.size()));
    auto id = st->import_predictions(set, "shapes", boost > 1 ? "strong" : "weak");
    QVERIFY(id.ok());
    runs_.push_back(*id);
  }
}

QString AnalysesTest::openWithModel(ProjectSession& project, ModelLibrary& models) {
  project.open(project_);
  if (!QTest::qWaitFor([&] { return project.isOpen() && !project.isBusy(); }, 30'000)) return {};
  const QString card =
      QFileInfo(dir_.filePath(QStringLiteral("models/shapes-mm.json"))).absoluteFilePath();
  models.add(card);
  if (!QTest::qWaitFor([&] { return !models.isLoading(); }, 30'000)) return {};
  return card;
}

void AnalysesTest::compareShowsTheComparison() {
  ProjectSession project;
  project.open(project_);
  QTRY_VERIFY_WITH_TIMEOUT(project.isOpen() && !project.isBusy(), 30'000);
  CompareView view(&project);
  view.show();
  // Before a comparison the page says what it will show; after one, it shows it.
  auto* hint = view.findChild<QLabel*>(QStringLiteral("compareHint"));
  QVERIFY(hint && hint->isVisible());
  QVERIFY(hint->text().contains(QStringLiteral("Tick two to four runs")));
  auto* results = view.findChild<QScrollArea*>(QStringLiteral("compareResults"));
  QVERIFY(results && !results->isVisible());  // no empty grey area under the hint
  view.chooseRuns(runs_);
  QCOMPARE(view.chosenRuns(), runs_);
  view.setReplicates(1000);
  QSignalSpy finished(&view, &CompareView::finished);
  QVERIFY(view.compare());
  // Counts as the window writes them, with the locale's grouping.
  QVERIFY2(view.statusText().contains(QStringLiteral("1,000 bootstrap resamples")),
           qPrintable(view.statusText()));
  QVERIFY(finished.wait(60'000));
  QVERIFY(!hint->isVisible());
  QVERIFY(results->isVisible());
  QVERIFY2(view.comparison().has_value(), qPrintable(view.statusText()));
  const analysis::Comparison& c = *view.comparison();
  QCOMPARE(c.runs.size(), std::size_t{2});
  QCOMPARE(c.runs[0].info.id, runs_[0]);
  // Accuracy of each run as counted here from the logits, on all (= the shared) items.
  for (std::size_t r = 0; r < 2; ++r)
    QVERIFY(std::abs(c.runs[r].metrics.accuracy - accuracy_[r]) < 1e-12);
  // The table: a row per metric, a column per run and one for the difference; accuracy's row
  // shows the hand count. Its units are the metrics panel's: accuracy in percent with the
  // interval as "(62.3–68.1)", calibration errors and differences of shares in points.
  QTableWidget* table = view.metricsTable();
  QCOMPARE(table->columnCount(), 4);
  int accuracyRow = -1, eceRow = -1;
  for (int row = 0; row < table->rowCount(); ++row) {
    if (table->item(row, 0)->text() == QStringLiteral("Accuracy")) accuracyRow = row;
    if (table->item(row, 0)->text() == QStringLiteral("ECE")) eceRow = row;
  }
  QVERIFY(accuracyRow >= 0 && eceRow >= 0);
  const QRegularExpression panelInterval(QStringLiteral("  \\(\\d+\\.\\d–\\d+\\.\\d\\)$"));
  for (int r = 0; r < 2; ++r) {
    const QString cell = table->item(accuracyRow, 1 + r)->text();
    QVERIFY2(cell.startsWith(QString::number(100 * accuracy_[r], 'f', 1) + QStringLiteral(" %  (")),
             qPrintable(cell));
    QVERIFY2(panelInterval.match(cell).hasMatch(), qPrintable(cell));
    const QString ece = table->item(eceRow, 1 + r)->text();
    QVERIFY2(ece.startsWith(QString::number(100 * c.runs[r].metrics.ece, 'f', 1) +
                            QStringLiteral(" pts  (")),
             qPrintable(ece));
  }
  const QString gain = table->item(accuracyRow, 3)->text();
  QVERIFY2(gain.startsWith(QString::number(100 * (accuracy_[1] - accuracy_[0]), 'f', 1) +
                           QStringLiteral(" pts  (")),
           qPrintable(gain));
  // Small multiples and overlay: one per run; the overlay's points are the non-empty bins.
  QCOMPARE(view.smallMultiples().size(), std::size_t{2});
  // Each small multiple is a diagram that can be read, not a strip: its axes at least 150 px tall.
  view.resize(1400, 900);
  QCoreApplication::processEvents();
  for (ReliabilityDiagram* d : view.smallMultiples()) {
    d->replot();
    QVERIFY2(d->axisRect(0)->rect().height() >= 150,
             qPrintable(QString::number(d->axisRect(0)->rect().height())));
  }
  QCOMPARE(view.overlaid()->seriesCount(), 2);
  std::size_t nonEmpty = 0;
  for (const calib::Bin& b : c.runs[0].metrics.table.bins)
    nonEmpty += b.count > 0 ? 1 : 0;
  QCOMPARE(view.overlaid()->points(0).size(), nonEmpty);
  // The strong run is far more accurate: a significant accuracy difference in the verdicts.
  QVERIFY(view.verdictText().contains(QStringLiteral("Accuracy")));
  // The window writes each verdict itself, in its language: in English in the words of core's
  // (the CLI and the reports print those, with fractions), with the numbers in the window's
  // units; in Chinese, Chinese.
  const auto words = [](QString s) {
    static const QRegularExpression number(QStringLiteral("-?\\d[\\d.,]*(e-?\\d+)?( ?%| pts)?"));
    return s.replace(number, QStringLiteral("#"));
  };
  for (const analysis::MetricDifference& d : c.differences) {
    const QString said = verdictSentence(d, c.level);
    QCOMPARE(words(said), words(QString::fromStdString(d.verdict)));
    QCOMPARE(metricLabel(d.metric), QString::fromStdString(analysis::metric_label(d.metric)));
    if (d.metric == "accuracy" || d.metric == "ece") {
      QVERIFY2(said.contains(QStringLiteral(" pts (95 % interval ")), qPrintable(said));
    }
  }
  // One way of writing a percent in the paragraph, the window's ("95 %"), and counts grouped.
  QVERIFY2(view.verdictText().contains(QStringLiteral("1,000 resamples, 95 % intervals")),
           qPrintable(view.verdictText()));
  QVERIFY2(!view.verdictText().contains(QStringLiteral("95%")), qPrintable(view.verdictText()));
  {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    for (const analysis::MetricDifference& d : c.differences) {
      const QString said = verdictSentence(d, c.level);
      QVERIFY2(said.contains(QStringLiteral("运行")), qPrintable(said));
      QVERIFY2(!said.contains(QStringLiteral("differs")) && !said.contains(QStringLiteral("run ")),
               qPrintable(said));
    }
    QCOMPARE(metricLabel("brier"), QStringLiteral("Brier 分数"));
    QCoreApplication::removeTranslator(&chinese);
  }
  // Above it all, in plain words: the models by name, which is right more often, both
  // accuracies as the metrics panel writes them, and the calibration errors in points.
  const QString summary = view.summaryText();
  for (const analysis::ComparedRun& r : c.runs) {
    // Imported runs have no model: the run's name stands for it.
    const std::string& name = r.info.model_name.empty() ? r.info.spec.name : r.info.model_name;
    QVERIFY2(summary.contains(QString::fromStdString(name)), qPrintable(summary));
    QVERIFY(
        summary.contains(QString::number(100 * r.metrics.accuracy, 'f', 1) + QStringLiteral(" %")));
    QVERIFY(summary.contains(pointsText(r.metrics.ece)));
  }
  const bool secondIsBetter = accuracy_[1] > accuracy_[0];
  QVERIFY2(summary.contains(secondIsBetter ? QStringLiteral("is right more often than")
                                           : QStringLiteral("is right less often than")),
           qPrintable(summary));
  QVERIFY(!summary.contains(QStringLiteral("run %1 /").arg(c.runs[0].info.id)));
}

namespace {

analysis::MetricDifference difference(const char* metric, double observed, double lo, double hi,
                                      analysis::Better better) {
  analysis::MetricDifference d;
  d.run = 5;
  d.against = 2;
  d.metric = metric;
  d.difference.observed = observed;
  d.difference.ci = calib::Interval{lo, hi};
  d.better = better;
  return d;
}

QString withoutMarkup(QString html) {
  static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
  return html.remove(tag);
}

}  // namespace

// The verdicts and the "In short" summary are put together from whole templates, so that each
// language spaces them its own way: English with spaces, Chinese with none between Chinese words,
// "、" between the items of a list, and a space only where Chinese meets Latin letters or digits.
void AnalysesTest::compareSpeaksEachLanguageWithItsOwnSpacing() {
  using analysis::Better;
  analysis::Comparison c;
  c.shared_items = 1000;
  c.replicates = 1000;
  for (const auto& [id, name, accuracy, ece] :
       {std::tuple{2, "shapes", 0.610, 0.092}, std::tuple{5, "shapes-mm", 0.652, 0.050}}) {
    analysis::ComparedRun r;
    r.info.id = id;
    r.info.model_name = name;
    r.metrics.accuracy = accuracy;
    r.metrics.ece = ece;
    c.runs.push_back(r);
  }
  const analysis::MetricDifference accuracy =
      difference("accuracy", 0.042, 0.021, 0.063, Better::kRun);
  const analysis::MetricDifference ece = difference("ece", 0.05, 0.03, 0.07, Better::kAgainst);
  c.differences = {difference("accuracy", 0.042, 0.021, 0.063, Better::kRun),
                   difference("ece", -0.042, -0.063, -0.021, Better::kRun),
                   difference("brier", -0.05, -0.07, -0.03, Better::kRun),
                   difference("nll", -0.2, -0.3, -0.1, Better::kRun),
                   difference("aurc", -0.02, -0.03, -0.01, Better::kRun)};

  // English, in the metrics panel's units (hand-written: 0.042 is 4.2 points).
  QCOMPARE(verdictSentence(accuracy, 0.95),
           QStringLiteral("Accuracy of run 5 differs from run 2 by 4.2 pts (95 % interval 2.1 to "
                          "6.3 pts): run 5 is better (higher)"));
  QCOMPARE(verdictSentence(ece, 0.95),
           QStringLiteral("ECE of run 5 differs from run 2 by 5.0 pts (95 % interval 3.0 to 7.0 "
                          "pts): run 2 is better (run 5 is higher)"));
  const QString english = withoutMarkup(comparisonSummary(c));
  QVERIFY2(english.contains(QStringLiteral(
               "shapes-mm (run 5) is right more often than shapes (run 2): 65.2 % of the time "
               "against 61.0 %. Its confidence can be trusted more: its calibration error is 5.0 "
               "pts against 9.2 pts. Also clearly better for shapes-mm (run 5): Brier score, NLL, "
               "and risk–coverage (AURC).")),
           qPrintable(english));

  QTranslator chinese;
  QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
  QCoreApplication::installTranslator(&chinese);
  QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));  // as the window in Chinese
  const QString accuracyZh = verdictSentence(accuracy, 0.95);
  const QString eceZh = verdictSentence(ece, 0.95);
  const QString summaryZh = withoutMarkup(comparisonSummary(c));
  QCoreApplication::removeTranslator(&chinese);
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

  QCOMPARE(accuracyZh, QStringLiteral("运行 5 的准确率与运行 2 相差 4.2 个百分点（95 % 区间 2.1 "
                                      "至 6.3 个百分点）：运行 5 更好（更高）"));
  QCOMPARE(eceZh, QStringLiteral("运行 5 的 ECE 与运行 2 相差 5.0 个百分点（95 % 区间 3.0 至 "
                                 "7.0 个百分点）：运行 2 更好（运行 5 更高）"));
  QVERIFY2(summaryZh.contains(QStringLiteral("shapes-mm（运行 5）比 shapes（运行 2）更常答对")),
           qPrintable(summaryZh));
  QVERIFY2(summaryZh.contains(QStringLiteral("。它的置信度更可信")), qPrintable(summaryZh));
  QVERIFY2(summaryZh.contains(QStringLiteral("Brier 分数、NLL")), qPrintable(summaryZh));
  // No space between two Chinese characters or after Chinese punctuation, no Latin comma.
  static const QRegularExpression chineseSpace(
      QStringLiteral("[\\p{Han}（）。，：、] [\\p{Han}（）。，：、]|[（。，：、] | [）。，：、]"));
  for (const QString& zh : {accuracyZh, eceZh, summaryZh}) {
    QVERIFY2(!chineseSpace.match(zh).hasMatch(), qPrintable(zh));
    QVERIFY2(!zh.contains(QStringLiteral(", ")), qPrintable(zh));
  }
}

// The search's chart writes its ECE axis in percentage points, as the metrics panel does.
void AnalysesTest::promptSearchChartShowsTheEceInPoints() {
  PromptSearchChart chart;
  chart.resize(500, 300);
  chart.setRounds({{1, 0.60, 0.042, "a"}, {2, 0.65, 0.081, "b"}}, 2);
  const QCPAxis* ece = chart.axisRect(0)->axis(QCPAxis::atRight);
  QVERIFY2(ece->label().contains(QStringLiteral("percentage points")), qPrintable(ece->label()));
  QCOMPARE(chart.graph(1)->valueAxis(), ece);
  QCOMPARE(chart.graph(1)->data()->at(0)->value, 4.2);
  QCOMPARE(chart.graph(1)->data()->at(1)->value, 8.1);
  QVERIFY2(ece->range().upper >= 8.1 && ece->range().upper <= 20,
           qPrintable(QString::number(ece->range().upper)));
}

void AnalysesTest::compareRefusesTooFewRuns() {
  ProjectSession project;
  project.open(project_);
  QTRY_VERIFY_WITH_TIMEOUT(project.isOpen() && !project.isBusy(), 30'000);
  CompareView view(&project);
  view.chooseRuns({runs_[0]});
  QVERIFY(!view.compare());
  QVERIFY(view.statusText().contains(QStringLiteral("two")));
  QVERIFY(!view.comparison().has_value());
}

// Text vs image with a text-only model would store one run four times: the view chooses a model
// that reads images first, and refuses a text-only one the user picks, saying why.
void AnalysesTest::textVsImageStartsFromAModelThatReadsImages() {
  ProjectSession project;
  ModelLibrary models;
  const QString mm = openWithModel(project, models);
  QVERIFY(!mm.isEmpty());
  const QString base =
      QFileInfo(dir_.filePath(QStringLiteral("models/shapes-base.json"))).absoluteFilePath();
  models.add(base);  // listed first now
  QTRY_VERIFY_WITH_TIMEOUT(!models.isLoading(), 30'000);
  ModalityView view(&project, &models);
  QCOMPARE(view.card(), mm);
  QVERIFY(view.choose(base, QStringLiteral("shapes"), QStringLiteral("test")));
  const std::size_t before = project.state()->runs.size();
  QVERIFY(!view.run());
  QVERIFY2(view.statusText().contains(QStringLiteral("reads no images")),
           qPrintable(view.statusText()));
  QTest::qWait(200);
  QCOMPARE(project.state()->runs.size(), before);  // nothing was added
}

void AnalysesTest::modalityRunsConditionsAndOpensItems() {
  ProjectSession project;
  ModelLibrary models;
  const QString card = openWithModel(project, models);
  QVERIFY(!card.isEmpty());
  ModalityView view(&project, &models);
  QVERIFY(view.choose(card, QStringLiteral("shapes"), QStringLiteral("test")));
  // The splits in words ("unanswerable (IDK)", not "idk") with their counts.
  QComboBox* splits = view.findChild<RunSetup*>()->splitBox();
  QVERIFY(splits->currentText().startsWith(QStringLiteral("test (")));
  const int idk = splits->findData(QStringLiteral("idk"));
  QVERIFY(idk >= 0);
  QVERIFY2(splits->itemText(idk).startsWith(QStringLiteral("unanswerable (IDK) (")),
           qPrintable(splits->itemText(idk)));
  view.setConditions(QStringLiteral("image, text, blank"));
  view.show();
  auto* results = view.findChild<QScrollArea*>(QStringLiteral("modalityResults"));
  QVERIFY(results && !results->isVisible());  // nothing to show yet: no empty area
  QSignalSpy finished(&view, &ModalityView::finished);
  QVERIFY(view.run());
  QVERIFY(finished.wait(120'000));
  QVERIFY(results->isVisible());
  QVERIFY2(view.result().has_value(), qPrintable(view.statusText()));
  const analysis::ModalityResult& r = *view.result();
  QCOMPARE(r.conditions.size(), std::size_t{3});
  QCOMPARE(view.table()->rowCount(), 3);
  // Conditions in words, the stored spec in the tooltip.
  QCOMPARE(view.table()->item(0, 0)->text(), QStringLiteral("with the image"));
  QCOMPARE(view.table()->item(1, 0)->text(), QStringLiteral("text only"));
  QVERIFY(view.table()->item(1, 0)->toolTip().contains(QStringLiteral("“text”")));
  QCOMPARE(view.scatterCondition()->itemText(0), QStringLiteral("text only"));
  // Each row's accuracy is the stored run's, recomputed here from its predictions.
  auto st = store::Store::open(project_.toStdString(), store::OpenMode::kReadOnly);
  QVERIFY(st.ok());
  for (int row = 0; row < 3; ++row) {
    const analysis::ConditionSummary& c = r.conditions[static_cast<std::size_t>(row)];
    auto set = st->prediction_set(c.run_id);
    QVERIFY(set.ok());
    const calib::Outcomes o = calib::compute_outcomes(*set);
    std::size_t right = 0;
    for (std::size_t i = 0; i < o.size(); ++i)
      right += o.correct[i] ? 1 : 0;
    const double acc = static_cast<double>(right) / static_cast<double>(o.size());
    QCOMPARE(view.table()->item(row, 3)->text(),
             QString::number(100 * acc, 'f', 1) + QStringLiteral(" %"));
  }
  // The scatter: text against image, one point per shared item; a click reports the item.
  QCOMPARE(view.scatterCondition()->count(), 2);
  QVERIFY(!view.scatter()->pairs().empty());
  QSignalSpy opened(&view, &ModalityView::itemRequested);
  view.scatter()->activatePair(0);
  QCOMPARE(opened.count(), 1);
  QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("shapes"));
  QCOMPARE(opened.at(0).at(1).toString(), QString::fromStdString(view.scatter()->pairs()[0].item));
  // A second analysis reuses the stored runs.
  QVERIFY(view.run());
  QVERIFY(finished.wait(120'000));
  for (const analysis::ConditionSummary& c : view.result()->conditions)
    QCOMPARE(c.origin, analysis::RunOrigin::kReused);
}

void AnalysesTest::textVsImageConditionsAreChosenInWords() {
  // No syntax to type: each condition is a check box in words ("noise σ 0.3", not "noise:0.3"),
  // the study's five ticked, a few more offered, another added from the picker; "with the image"
  // is always in, since the others are compared with it.
  ProjectSession project;
  ModelLibrary models;
  ModalityView view(&project, &models);
  ConditionList* conditions = view.conditionList();
  QListWidget* list = conditions->list();
  QStringList shown;
  for (int i = 0; i < list->count(); ++i)
    shown << list->item(i)->text();
  QVERIFY2(shown.contains(QStringLiteral("with the image (the reference)")),
           qPrintable(shown.join(QLatin1Char('|'))));
  QVERIFY(shown.contains(QStringLiteral("noise σ 0.3")));
  QVERIFY(shown.contains(QStringLiteral("blur 2 px")));
  for (const QString& s : shown)
    QVERIFY2(!s.contains(QLatin1Char(':')), qPrintable(s));
  QCOMPARE(view.conditions(),
           QStringList({QStringLiteral("image"), QStringLiteral("text"), QStringLiteral("blank"),
                        QStringLiteral("noise:0.3"), QStringLiteral("blur:2")}));
  // The reference cannot be unticked.
  QVERIFY(!(list->item(0)->flags() & Qt::ItemIsUserCheckable));
  // Unticking "text only" leaves it out; ticking "greyscale" puts it in.
  for (int i = 0; i < list->count(); ++i) {
    QListWidgetItem* item = list->item(i);
    if (item->text() == QStringLiteral("text only")) item->setCheckState(Qt::Unchecked);
    if (item->toolTip().contains(QStringLiteral("“grey”"))) item->setCheckState(Qt::Checked);
  }
  QVERIFY(!view.conditions().contains(QStringLiteral("text")));
  QVERIFY(view.conditions().contains(QStringLiteral("grey")));
  // Another one from the picker: JPEG at quality 30, added ticked and named in words.
  conditions->picker()->setCondition(QStringLiteral("jpeg"), 30);
  conditions->addPicked();
  QCOMPARE(view.conditions().last(), QStringLiteral("jpeg:30"));
  QCOMPARE(list->item(list->count() - 1)->text(), QStringLiteral("JPEG quality 30"));
  // Adding it again ticks it rather than listing it twice.
  const int count = list->count();
  conditions->addPicked();
  QCOMPARE(list->count(), count);
  // Only the reference ticked: nothing to compare, and it says so without running.
  view.setConditions(QStringLiteral("image"));
  QCOMPARE(view.conditions(), QStringList({QStringLiteral("image")}));
}

void AnalysesTest::idkPromptsAreChosenByNameWithTheirWordsOneClickAway() {
  ProjectSession project;
  ModelLibrary models;
  IdkView view(&project, &models);
  view.show();
  IdkPromptList* prompts = view.promptList();
  QListWidget* list = prompts->list();
  QVERIFY(list->count() >= 3);
  QCOMPARE(list->item(0)->text(), QStringLiteral("The model's own prompt (the reference)"));
  QCOMPARE(list->item(1)->text(), QStringLiteral("Inviting “I don't know” 1"));
  for (int i = 0; i < list->count(); ++i)
    QVERIFY2(!list->item(i)->text().contains(QLatin1Char('{')), qPrintable(list->item(i)->text()));
  // No template on screen until asked for; then the selected prompt's words, with real lines.
  QVERIFY(!prompts->wordingBox()->isVisible());
  list->setCurrentRow(1);
  prompts->showWording(true);
  QVERIFY(prompts->wordingBox()->isVisible());
  QCOMPARE(prompts->wordingBox()->toPlainText(),
           QString::fromStdString(model::uncertainty_inviting_templates().front()));
  QVERIFY(!prompts->wordingBox()->toPlainText().contains(QStringLiteral("\\n")));
  // Unticking the first makes the next the reference.
  list->item(0)->setCheckState(Qt::Unchecked);
  QCOMPARE(list->item(1)->text(), QStringLiteral("Inviting “I don't know” 1 (the reference)"));
  QCOMPARE(prompts->prompts().front().name, std::string("inviting-1"));
  // A prompt of one's own: the study's words to start from, changed in the wording box.
  prompts->addPrompt();
  QCOMPARE(list->currentItem()->text(), QStringLiteral("Your prompt 1"));
  prompts->wordingBox()->setPlainText(QStringLiteral("Say E when unsure.\n{question}\n{options}"));
  QCOMPARE(prompts->prompts().back().name, std::string("Your prompt 1"));
  QCOMPARE(prompts->prompts().back().tmpl,
           std::string("Say E when unsure.\n{question}\n{options}"));
  const int count = list->count();
  prompts->removeSelected();
  QCOMPARE(list->count(), count - 1);
  // A built-in prompt stays listed.
  list->setCurrentRow(0);
  prompts->removeSelected();
  QCOMPARE(list->count(), count - 1);
  // Nothing ticked, nothing to run.
  for (int i = 0; i < list->count(); ++i)
    list->item(i)->setCheckState(Qt::Unchecked);
  QVERIFY(prompts->prompts().empty());
}

void AnalysesTest::reportsAreWritten() {
  ReportWriter writer;
  QSignalSpy done(&writer, &ReportWriter::finished);
  // Writes a report in the background; its error message, empty when it was written.
  const auto write = [&](const std::vector<qint64>& ids, const QString& file) {
    if (!writer.write(project_, ids, file, {}) || !done.wait(60'000))
      return QStringLiteral("not written");
    return done.takeLast().at(1).toString();
  };
  const auto read = [](const QString& file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
  };
  const QString one = dir_.filePath(QStringLiteral("run.html"));
  QCOMPARE(write({runs_[0]}, one), QString());
  const QByteArray html = read(one);
  QVERIFY(html.startsWith("<!DOCTYPE html>"));
  QVERIFY(html.contains("<svg"));
  const QString two = dir_.filePath(QStringLiteral("compare.html"));
  QCOMPARE(write(runs_, two), QString());
  QVERIFY(QFileInfo(two).size() > 1000);
  // The same report as PDF (core's writer): every thumbnail of the HTML is an image of the PDF,
  // the pictures are drawn in it (their titles are its text).
  const qsizetype thumbnails = html.count("src=\"data:image/jpeg;base64,");
  QVERIFY(thumbnails > 0);
  const QString pdf = dir_.filePath(QStringLiteral("run.pdf"));
  QCOMPARE(write({runs_[0]}, pdf), QString());
  const QByteArray bytes = read(pdf);
  QVERIFY(bytes.startsWith("%PDF-"));
  QCOMPARE(bytes.count("/Subtype /Image"), thumbnails);
  QVERIFY(bytes.contains("(Reliability: "));
  QVERIFY(bytes.trimmed().endsWith("%%EOF"));
  // An unknown run is a message, and no file.
  const QString bad = dir_.filePath(QStringLiteral("bad.html"));
  QVERIFY(!write({9999}, bad).isEmpty());
  QVERIFY(!QFileInfo::exists(bad));
}

void AnalysesTest::idkComparesPrompts() {
  ProjectSession project;
  ModelLibrary models;
  const QString card = openWithModel(project, models);
  QVERIFY(!card.isEmpty());
  IdkView view(&project, &models);
  QVERIFY(view.setup()->choose(card, QStringLiteral("shapes"), QStringLiteral("idk")));
  // A line without a name is refused, naming the line.
  const QString prompts = view.promptsText();
  QVERIFY(!view.setPrompts(QStringLiteral("no name here")));
  QVERIFY(view.statusText().contains(QStringLiteral("line 1")));
  QCOMPARE(view.promptsText(), prompts);  // the list is left as it was
  view.setReplicates(100);
  view.show();
  // Before a result the page says what it will show (no empty half page); after, it shows it.
  auto* hint = view.findChild<QLabel*>(QStringLiteral("idkHint"));
  QVERIFY(hint && hint->isVisible());
  QSignalSpy finished(&view, &IdkView::finished);
  QVERIFY(view.run());
  QVERIFY(finished.wait(180'000));
  QVERIFY(!hint->isVisible());
  QVERIFY2(view.result().has_value(), qPrintable(view.statusText()));
  const analysis::IdkResult& r = *view.result();
  QCOMPARE(view.table()->rowCount(), static_cast<int>(r.prompts.size()));
  QVERIFY(r.prompts.size() >= 2);
  // The verdicts name the prompts in words (not "inviting-1"), in the window's language.
  QVERIFY2(view.verdictText().contains(QStringLiteral("Inviting “I don't know” 1")),
           qPrintable(view.verdictText()));
  QVERIFY2(!view.verdictText().contains(QStringLiteral("inviting-1")),
           qPrintable(view.verdictText()));
  // Percents as the rest of the window writes them: "95 %", not "95%".
  QVERIFY2(view.verdictText().contains(QStringLiteral("95 % ")), qPrintable(view.verdictText()));
  QVERIFY2(!view.verdictText().contains(QRegularExpression(QStringLiteral("\\d%"))),
           qPrintable(view.verdictText()));
  {
    const analysis::IdkPromptResult& second = r.prompts[1];
    QVERIFY(second.versus_reference.has_value());
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString overall =
        IdkView::overallVerdict(*second.versus_reference, second.prompt.name, r.level);
    const QString admit =
        IdkView::rateVerdict(second.versus_reference->admit_rate, true, second.prompt.name,
                             r.prompts[0].prompt.name, r.level);
    QCoreApplication::removeTranslator(&chinese);
    // A difference of two rates in percentage points, as the metrics panel writes a gap, not
    // as a fraction ("+0.123").
    const QString english =
        IdkView::rateVerdict(second.versus_reference->admit_rate, true, second.prompt.name,
                             r.prompts[0].prompt.name, r.level);
    QVERIFY2(english.contains(QStringLiteral(" pts")), qPrintable(english));
    QVERIFY2(!english.contains(QRegularExpression(QStringLiteral("[-+]?0\\.\\d\\d\\d"))),
             qPrintable(english));
    QVERIFY2(admit.contains(QStringLiteral("个百分点")), qPrintable(admit));
    for (const QString& said : {overall, admit}) {
      QVERIFY2(said.contains(QStringLiteral("我不知道")), qPrintable(said));
      QVERIFY2(
          !said.contains(QStringLiteral("differs")) && !said.contains(QStringLiteral("admits")),
          qPrintable(said));
    }
  }
  // Prompts by name, the words in the tooltip.
  QCOMPARE(view.table()->item(0, 0)->text(), QStringLiteral("The model's own prompt"));
  QCOMPARE(view.table()->item(1, 0)->text(), QStringLiteral("Inviting “I don't know” 1"));
  QVERIFY(view.table()->item(1, 0)->toolTip().contains(QStringLiteral("{question}")));
  // The reference prompt's admit rate, counted here from its stored idk run: the share of IDK
  // items whose most probable option is the IDK option.
  auto st = store::Store::open(project_.toStdString(), store::OpenMode::kReadOnly);
  QVERIFY(st.ok());
  auto set = st->prediction_set(r.prompts[0].runs[0].run_id);
  QVERIFY(set.ok());
  std::size_t n = 0, admitted = 0;
  for (std::size_t i = 0; i < set->size(); ++i) {
    if (set->idk_index(i) < 0 || set->label(i) != set->idk_index(i)) continue;
    ++n;
    const auto z = set->logits(i);
    const auto top = std::max_element(z.begin(), z.end()) - z.begin();
    admitted += top == set->idk_index(i) ? 1 : 0;
  }
  QVERIFY(n > 0);
  QCOMPARE(view.table()->item(0, 1)->text(),
           QString::number(100.0 * static_cast<double>(admitted) / static_cast<double>(n), 'f', 1) +
               QStringLiteral(" %"));
  QCOMPARE(view.table()->item(0, 5)->text(), QStringLiteral("reference"));
  QVERIFY(view.verdictText().contains(QStringLiteral("Verdicts")));
}

void AnalysesTest::promptSearchRunsLiveAndIsStored() {
  ProjectSession project;
  ModelLibrary models;
  const QString card = openWithModel(project, models);
  QVERIFY(!card.isEmpty());
  PromptSearchView view(&project, &models);
  QVERIFY(view.setup()->choose(card, QStringLiteral("shapes"), QStringLiteral("calibration")));
  view.setSizes(2, 2, 2);
  // One wording of the user's: scored in the first round, before the built-in bank.
  view.setVariants(QStringLiteral("My own guess is"));
  QSignalSpy finished(&view, &PromptSearchView::finished);
  QVERIFY(view.run());
  QVERIFY(finished.wait(180'000));
  QVERIFY2(view.result().has_value(), qPrintable(view.statusText()));
  const analysis::PromptSearchResult& r = *view.result();
  QCOMPARE(r.rounds_done, 2);
  QVERIFY(std::any_of(r.scored.begin(), r.scored.end(), [](const analysis::PromptScore& p) {
    return p.suffix == "My own guess is" && p.round == 1;
  }));
  QVERIFY(view.liveUpdates() >= 2);  // at least each round's end was shown as it came
  QCOMPARE(view.chart()->pointCount(), 2);
  QCOMPARE(view.topTable()->rowCount(), 2);
  // The table's first row is the best by the study's rule: no scored prompt ranks before it.
  for (const analysis::PromptScore& s : r.scored)
    QVERIFY(!analysis::ranks_before(s, r.top[0]));
  QCOMPARE(view.topTable()->item(0, 0)->text(), QString::fromStdString(r.top[0].suffix));
  // "Use for a new run" hands over the best prompt's template.
  QSignalSpy chosen(&view, &PromptSearchView::promptChosen);
  for (QPushButton* b : view.findChildren<QPushButton*>())
    if (b->text().startsWith(QStringLiteral("Use the best"))) b->click();
  QCOMPARE(chosen.count(), 1);
  QCOMPARE(chosen.at(0).at(0).toString(), QString::fromStdString(r.best_template));
  // The search is stored: listed, and opened again with the same top prompts.
  QTRY_VERIFY_WITH_TIMEOUT(view.storedBox()->count() >= 2, 30'000);
  QTRY_VERIFY_WITH_TIMEOUT(!view.isRunning(), 30'000);
  const std::string best = r.top[0].suffix;
  view.openStored(view.storedBox()->itemData(1).toLongLong());
  QTRY_VERIFY_WITH_TIMEOUT(!view.isRunning(), 30'000);
  QCOMPARE(view.result()->top[0].suffix, best);
}

QTEST_MAIN(AnalysesTest)
#include "analyses_test.moc"
