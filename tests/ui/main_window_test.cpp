// MainWindow, driven offscreen: opening a file ends with the metrics core computes for it; the
// bin controls recompute at once; a calibration split gives before/after; a bad file gives a
// readable message and no crash. Expected values come from calling core directly.
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include "analyses/report_writer.h"
#include "app/session_log.h"
#include "app/theme.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/predictions_jsonl.h"
#include "calib/recipe.h"
#include "calib/temperature.h"
#include "metrics/calibration_verdict.h"
#include "metrics/metrics_panel.h"
#include "metrics/metrics_table_model.h"
#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"
#include "plots/risk_coverage_plot.h"
#include "session/calibration_session.h"
#include "test_support.h"
#include "window/binning_controls.h"
#include "window/empty_state_view.h"
#include "window/main_window.h"
#include "window/message_banner.h"
#include "window/workspace_view.h"

using namespace unveil;
using namespace unveil::ui;

namespace {
const QString kTest = QStringLiteral(UNVEIL_SOURCE_DIR "/resources/examples/synthetic_test.jsonl");
const QString kCalibration =
    QStringLiteral(UNVEIL_SOURCE_DIR "/resources/examples/synthetic_calibration.jsonl");
// Four predictions with recorded answers (c gave no option letter), the vocabulary confidence
// and the answer step's vocabulary logits.
const char* const kUnansweredLines =
    "{\"id\":\"a\",\"logits\":[2,0],\"label\":0,\"answer\":0,\"conf_vocab\":0.7,"
    "\"vocab_logits\":[2,0,1]}\n"
    "{\"id\":\"b\",\"logits\":[0,2],\"label\":0,\"answer\":1,\"conf_vocab\":0.6,"
    "\"vocab_logits\":[0,2,1.5]}\n"
    "{\"id\":\"c\",\"logits\":[3,0],\"label\":0,\"answer\":null,\"conf_vocab\":0.5,"
    "\"vocab_logits\":[3,0,3]}\n"
    "{\"id\":\"d\",\"logits\":[0,1],\"label\":1,\"answer\":1,\"conf_vocab\":0.4,"
    "\"vocab_logits\":[0,1,1]}\n";

calib::PredictionSet read(const QString& path) {
  auto r = calib::read_predictions_jsonl(path.toStdString());
  if (!r.ok()) qFatal("%s", r.error().message.c_str());
  return std::move(r).value();
}

bool waitForIdle(MainWindow& window) {
  if (!window.session()->isBusy()) return true;
  QSignalSpy idle(window.session(), &CalibrationSession::idle);
  return idle.wait(60'000);
}

double shown(MainWindow& window, const char* key, int column = MetricsTableModel::kBefore) {
  const MetricsTableModel* model = window.workspace()->metricsPanel()->model();
  const int row = model->rowOf(QString::fromLatin1(key));
  if (row < 0) return std::nan("");
  return model->index(row, column).data(MetricsTableModel::kValueRole).toDouble();
}

void compareShownWith(MainWindow& window, const calib::Metrics& m, int column) {
  QCOMPARE(shown(window, "n", column), static_cast<double>(m.n));
  QCOMPARE(shown(window, "accuracy", column), m.accuracy);
  QCOMPARE(shown(window, "ece", column), m.ece);
  QCOMPARE(shown(window, "mce", column), m.mce);
  QCOMPARE(shown(window, "rmsce", column), m.rmsce);
  QCOMPARE(shown(window, "ace", column), m.ace);
  QCOMPARE(shown(window, "brier", column), m.brier);
  QCOMPARE(shown(window, "nll", column), m.nll);
  QVERIFY(m.auroc.has_value());
  QCOMPARE(shown(window, "auroc", column), *m.auroc);
  QCOMPARE(shown(window, "aurc", column), m.aurc);
  QVERIFY(m.has_idk);
  QCOMPARE(shown(window, "idk_rate", column), m.idk_rate);
}

int nonEmptyBins(const calib::BinTable& t) {
  int n = 0;
  for (const auto& b : t.bins)
    n += b.count > 0;
  return n;
}

// The window as on a 1280x720 screen, with the test split and its calibration split open.
bool openOnASmallScreen(MainWindow& window) {
  window.resize(1280, 720);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return false;
  window.openFiles(kTest, kCalibration);
  return waitForIdle(window);
}
}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // keep the user's settings out of it
    QVERIFY(test::installEnglish());
  }

  void errorsGoToTheSessionLog() {
    MainWindow window;
    window.show();
    const qsizetype before = SessionLog::instance().lines().size();
    window.openFiles(QStringLiteral("/nonexistent/predictions.jsonl"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.lastError().isEmpty(), 10'000);
    const QStringList& lines = SessionLog::instance().lines();
    QVERIFY(lines.size() > before);
    bool logged = false;
    for (qsizetype i = before; i < lines.size(); ++i)
      logged = logged || (lines[i].contains(QStringLiteral("error: ")) &&
                          lines[i].contains(QStringLiteral("/nonexistent/predictions.jsonl")));
    QVERIFY2(logged, qPrintable(SessionLog::instance().text()));
    // Help > Session log shows it.
    showSessionLog(&window);
    auto* text = window.findChild<QPlainTextEdit*>(QStringLiteral("sessionLogText"));
    QVERIFY(text);
    QVERIFY(text->toPlainText().contains(QStringLiteral("/nonexistent/predictions.jsonl")));
  }

  void bannerNoticesCarryOneAction() {
    MessageBanner banner;
    int opened = 0;
    banner.showNotice(QStringLiteral("Report written to r.pdf"), QStringLiteral("Open"),
                      [&] { ++opened; });
    QVERIFY(!banner.isHidden());
    QVERIFY(!banner.actionButton()->isHidden());
    QCOMPARE(banner.actionButton()->text(), QStringLiteral("Open"));
    QTest::mouseClick(banner.actionButton(), Qt::LeftButton);
    QCOMPARE(opened, 1);
    QVERIFY(banner.isHidden());  // the action dismisses the notice
    // An error after it has no action.
    banner.showError(QStringLiteral("broken"));
    QVERIFY(!banner.isHidden());
    QVERIFY(banner.actionButton()->isHidden());
    QCOMPARE(banner.text(), QStringLiteral("broken"));
    QCOMPARE(opened, 1);
  }

  void aWrittenReportDoesNotLookLikeAnError() {
    const QString before = qApp->styleSheet();
    qApp->setStyleSheet(Theme::styleSheet(false));
    MainWindow window;
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MessageBanner* banner = window.messageBanner();
    const auto background = [banner] {
      QCoreApplication::processEvents();
      return banner->grab().toImage().pixelColor(3, 3);
    };
    window.openFiles(QStringLiteral("/nonexistent/predictions.jsonl"));
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), 10'000);
    QVERIFY(banner->isError());
    const QColor error = background();
    QCOMPARE(error, QColor(QStringLiteral("#fef2f2")));
    // A report that was written is good news: said in the notice's colours, with its action.
    emit window.reportWriter()->finished(QStringLiteral("/tmp/report.html"), QString());
    QVERIFY(!banner->isError());
    QVERIFY(banner->text().contains(QStringLiteral("report.html")));
    QVERIFY(!banner->actionButton()->isHidden());
    QCOMPARE(background(), QColor(QStringLiteral("#e8f0fb")));
    // And a failed one is an error again.
    emit window.reportWriter()->finished(QStringLiteral("/tmp/report.html"),
                                         QStringLiteral("disk full"));
    QVERIFY(banner->isError());
    QCOMPARE(background(), error);
    qApp->setStyleSheet(before);
  }

  void f1OpensTheReadingGuideWithLivePictures() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    QWidget* guide = nullptr;
    QTRY_VERIFY((guide = [] {
      for (QWidget* w : QApplication::topLevelWidgets())
        if (w->objectName() == QStringLiteral("readingGuide") && w->isVisible()) return w;
      return static_cast<QWidget*>(nullptr);
    }()));
    auto* over = guide->findChild<ReliabilityDiagram*>(QStringLiteral("guideOverConfident"));
    auto* good = guide->findChild<ReliabilityDiagram*>(QStringLiteral("guideCalibrated"));
    auto* scaled = guide->findChild<ReliabilityDiagram*>(QStringLiteral("guideScaled"));
    QVERIFY(over && good && scaled);
    QVERIFY(guide->findChild<ConfidenceHistogram*>(QStringLiteral("guideHistogram")));
    // The pictures say what their sentences say: the over-confident example is mostly orange
    // gaps, the calibrated one has smaller gaps, the scaled one carries the after-scaling curve.
    const auto gapArea = [](ReliabilityDiagram* d) {
      double area = 0;
      for (auto* series : {d->overConfidenceGaps(), d->underConfidenceGaps()})
        for (auto it = series->data()->constBegin(); it != series->data()->constEnd(); ++it)
          area += std::abs(it->close - it->open);
      return area;
    };
    QVERIFY(over->overConfidenceGaps()->data()->size() >= 5);
    QVERIFY2(gapArea(good) < gapArea(over) / 3,
             qPrintable(QStringLiteral("%1 vs %2").arg(gapArea(good)).arg(gapArea(over))));
    QVERIFY(scaled->hasComparison());
    QVERIFY(scaled->comparisonCurve()->data()->size() >= 5);
    // The wheel over a picture scrolls the page (the plot kept it, and the page stood still).
    auto* page = guide->findChild<QScrollArea*>();
    QVERIFY(page);
    guide->resize(700, 500);
    QTRY_VERIFY(page->verticalScrollBar()->maximum() > 0);
    const int top = page->verticalScrollBar()->value();
    const QPointF at(over->width() / 2.0, over->height() / 2.0);
    QWheelEvent down(at, over->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(over, &down);
    QVERIFY2(
        page->verticalScrollBar()->value() > top,
        qPrintable(QStringLiteral("%1 -> %2").arg(top).arg(page->verticalScrollBar()->value())));
    // F1 again raises the same guide rather than opening a second one.
    QTest::keyClick(&window, Qt::Key_F1);
    int guides = 0;
    for (QWidget* w : QApplication::topLevelWidgets())
      guides += w->objectName() == QStringLiteral("readingGuide") ? 1 : 0;
    QCOMPARE(guides, 1);
    guide->close();
  }

  void theDemoBuildSaysHowLongItWillTakeFromWhatItMeasured() {
    // Half done in two minutes: about two more. A tenth in 30 s: 270 s, about 5 minutes.
    QCOMPARE(EmptyStateView::timeLeftText(0.5, 120'000), QStringLiteral("About 2 minutes left"));
    QCOMPARE(EmptyStateView::timeLeftText(0.1, 30'000), QStringLiteral("About 5 minutes left"));
    QCOMPARE(EmptyStateView::timeLeftText(0.9, 20'000), QStringLiteral("Less than a minute left"));
    // Too early to tell: no number is made up.
    QCOMPARE(EmptyStateView::timeLeftText(0.01, 10'000),
             QStringLiteral("Estimating the time left…"));
    QCOMPARE(EmptyStateView::timeLeftText(0.5, 1'000), QStringLiteral("Estimating the time left…"));
    EmptyStateView view;
    view.showDemoProgress(QStringLiteral("Training the multimodal model: epoch 3 of 12"), 0.25,
                          60'000);
    QVERIFY(view.showsDemoProgress());
    QCOMPARE(view.demoTimeLeftText(), QStringLiteral("About 3 minutes left"));
  }

  void startsOnTheEmptyState() {
    MainWindow window;
    QVERIFY(!window.showsWorkspace());
    QVERIFY(!window.session()->isBusy());
  }

  void openedFileShowsTheMetricsCoreComputes() {
    MainWindow window;
    window.show();
    window.openFiles(kTest);
    QVERIFY(window.session()->isBusy());  // the work runs in the background
    QVERIFY(waitForIdle(window));
    QVERIFY(window.showsWorkspace());
    QVERIFY(window.messageBanner()->isHidden());

    const calib::PredictionSet set = read(kTest);
    const calib::Outcomes outcomes = calib::compute_outcomes(set);
    const calib::Metrics expected = calib::compute_metrics(outcomes, {});
    compareShownWith(window, expected, MetricsTableModel::kBefore);
    QCOMPARE(window.workspace()->metricsPanel()->model()->columnCount(), 2);

    ReliabilityDiagram* diagram = window.workspace()->reliabilityDiagram();
    QCOMPARE(diagram->accuracyBars()->data()->size(), nonEmptyBins(expected.table));
    QVERIFY(!diagram->hasComparison());
    QVERIFY(window.workspace()->datasetText().contains(QStringLiteral("synthetic_test.jsonl")));
    // The plain-words verdict above the diagram says the numbers the panel shows.
    QCOMPARE(window.workspace()->verdictText(), unveil::ui::calibrationVerdict(expected));
    QVERIFY(window.workspace()->verdictText().contains(
        QString::number(100 * expected.accuracy, 'f', 1) + QStringLiteral(" %")));
    // The risk–coverage curve's dashed line (answering everything) says what it is on the plot.
    QCOMPARE(window.workspace()->riskCoveragePlot()->overallLabel(),
             QStringLiteral("All answered: %1 % wrong")
                 .arg(QString::number(100 * (1 - expected.accuracy), 'f', 1)));
    // A file opened from disk is not the built-in example.
    QVERIFY(!window.workspace()->showsSyntheticNote());

    // Bin controls take effect at once (the recomputation runs in the background).
    window.binningControls()->binsBox()->setValue(15);
    QVERIFY(waitForIdle(window));
    calib::MetricsOptions fifteen;
    fifteen.bins = 15;
    const calib::Metrics m15 = calib::compute_metrics(outcomes, fifteen);
    QCOMPARE(shown(window, "ece"), m15.ece);
    QCOMPARE(window.session()->result()->before.table.bins.size(), std::size_t{15});
    QCOMPARE(diagram->accuracyBars()->data()->size(), nonEmptyBins(m15.table));

    QComboBox* binning = window.binningControls()->binningBox();
    binning->setCurrentIndex(binning->findData(static_cast<int>(calib::Binning::kEqualMass)));
    QVERIFY(waitForIdle(window));
    fifteen.binning = calib::Binning::kEqualMass;
    const calib::Metrics mass = calib::compute_metrics(outcomes, fifteen);
    QCOMPARE(shown(window, "ece"), mass.ece);
    QCOMPARE(window.session()->result()->before.table.binning, calib::Binning::kEqualMass);
    // The histogram keeps equal-width bins, whatever the binning of the metrics.
    QCOMPARE(window.session()->result()->histogramBefore.binning, calib::Binning::kEqualWidth);
  }

  void aFirstWindowFitsTheScreen() {
    // No saved geometry (test mode's settings are empty): the window is never larger than the
    // screen's free area (the offscreen screen is 800x600, smaller than the default 1400x900).
    QSettings().remove(QStringLiteral("window"));
    MainWindow window;
    window.restoreLayout();
    // (Never smaller than the window can be laid out in, either.)
    const QSize free = window.screen()->availableGeometry().size().expandedTo(window.minimumSize());
    QVERIFY2(window.width() <= free.width() && window.height() <= free.height(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4")
                            .arg(window.width())
                            .arg(window.height())
                            .arg(free.width())
                            .arg(free.height())));
    QVERIFY(window.screen()->availableGeometry().contains(window.geometry().topLeft()));
  }

  void theTemperatureAndTheHeadlineMetricsAreInViewAt1280x720() {
    MainWindow window;
    QVERIFY(openOnASmallScreen(window));
    QVERIFY(window.session()->temperatureFit().has_value());
    QTest::qWait(50);  // the docks take their sizes once laid out
    MetricsPanel* panel = window.workspace()->metricsPanel();
    auto* box = panel->findChild<QLabel*>(QStringLiteral("temperatureBox"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    // Whole, not clipped by the dock's scroll area.
    QCOMPARE(box->visibleRegion().boundingRect(), box->rect());
    // The headline rows: accuracy, mean confidence and ECE, each wholly in view.
    QTableView* table = panel->table();
    for (const char* key : {"accuracy", "mean_confidence", "ece"}) {
      const int row = panel->model()->rowOf(QString::fromLatin1(key));
      QVERIFY2(row >= 0, key);
      const QRect cell = table->visualRect(panel->model()->index(row, 0));
      QVERIFY2(table->viewport()->rect().contains(cell), key);
      const QRect inTable(table->viewport()->mapTo(table, cell.topLeft()), cell.size());
      QVERIFY2(table->visibleRegion().boundingRect().contains(inTable),
               qPrintable(QStringLiteral("%1: row at %2,%3 %4x%5; the table shows %6,%7 %8x%9")
                              .arg(QString::fromLatin1(key))
                              .arg(inTable.x())
                              .arg(inTable.y())
                              .arg(inTable.width())
                              .arg(inTable.height())
                              .arg(table->visibleRegion().boundingRect().x())
                              .arg(table->visibleRegion().boundingRect().y())
                              .arg(table->visibleRegion().boundingRect().width())
                              .arg(table->visibleRegion().boundingRect().height())));
    }
  }

  void theMetricsKeepTheirHeaderWhenTheWheelScrollsThem() {
    MainWindow window;
    QVERIFY(openOnASmallScreen(window));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("metricsDock"));
    QVERIFY(dock);
    // A short metrics panel, as on a small screen with the histogram above it.
    window.resizeDocks({dock}, {200}, Qt::Vertical);
    QTest::qWait(50);
    MetricsPanel* panel = window.workspace()->metricsPanel();
    QTableView* table = panel->table();
    auto* box = panel->findChild<QLabel*>(QStringLiteral("temperatureBox"));
    QVERIFY(box);
    for (int i = 0; i < 6; ++i) {
      const QPointF at(table->viewport()->width() / 2.0, table->viewport()->height() / 2.0);
      QWheelEvent down(at, table->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120),
                       Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
      QApplication::sendEvent(table->viewport(), &down);
    }
    QTest::qWait(20);
    // The rows scroll under the header; the header and the temperature stay inside the dock
    // (inside a scroll area the whole panel moved up and took them out of view).
    QHeaderView* header = table->horizontalHeader();
    QVERIFY(header->isVisible());
    for (QWidget* w : {static_cast<QWidget*>(header), static_cast<QWidget*>(box)}) {
      const QRect inDock(w->mapTo(dock, QPoint(0, 0)), w->size());
      QVERIFY2(dock->rect().contains(inDock),
               qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in a dock of %6x%7")
                              .arg(QLatin1String(w->metaObject()->className()))
                              .arg(inDock.x())
                              .arg(inDock.y())
                              .arg(inDock.width())
                              .arg(inDock.height())
                              .arg(dock->width())
                              .arg(dock->height())));
    }
    QVERIFY2(table->verticalScrollBar()->value() > 0, "the table itself scrolled");
    // Squeezed further (the item above it in the dataset view), the dock stops where the
    // temperature's wrapped lines and three rows still show whole.
    window.resizeDocks({dock}, {80}, Qt::Vertical);
    QTest::qWait(50);
    QVERIFY2(box->height() >= box->heightForWidth(box->width()),
             qPrintable(QStringLiteral("the summary needs %1 px and has %2")
                            .arg(box->heightForWidth(box->width()))
                            .arg(box->height())));
    QVERIFY(dock->rect().contains(QRect(box->mapTo(dock, QPoint(0, 0)), box->size())));
  }

  void calibrationSplitGivesBeforeAndAfter() {
    MainWindow window;
    window.show();
    window.openFiles(kTest, kCalibration);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.session()->temperatureFit().has_value());

    const auto fit = calib::fit_temperature(read(kCalibration));
    QVERIFY(fit.ok());
    QCOMPARE(window.session()->temperatureFit()->temperature, fit->temperature);
    const calib::PredictionSet set = read(kTest);
    compareShownWith(window, calib::compute_metrics(calib::compute_outcomes(set), {}),
                     MetricsTableModel::kBefore);
    compareShownWith(window,
                     calib::compute_metrics(calib::compute_outcomes(set, fit->temperature), {}),
                     MetricsTableModel::kAfter);
    QCOMPARE(window.workspace()->metricsPanel()->model()->columnCount(), 3);
    QVERIFY(window.workspace()->reliabilityDiagram()->hasComparison());
    QVERIFY(window.workspace()->confidenceHistogram()->comparisonBars()->data()->size() > 0);
    QVERIFY(window.workspace()->metricsPanel()->temperatureText().contains(
        QString::number(fit->temperature, 'f', 2)));

    window.session()->clearTemperature();
    QVERIFY(waitForIdle(window));
    QCOMPARE(window.workspace()->metricsPanel()->model()->columnCount(), 2);
    QVERIFY(!window.workspace()->reliabilityDiagram()->hasComparison());
  }

  void exampleIsLabelledSynthetic() {
    MainWindow window;
    window.openExample();
    QVERIFY(waitForIdle(window));
    QVERIFY(window.showsWorkspace());
    QVERIFY(window.workspace()->showsSyntheticNote());
    QVERIFY(window.session()->temperatureFit().has_value());
    QCOMPARE(window.session()->test()->set->size(), std::size_t{2000});
    QCOMPARE(window.session()->calibration()->set->size(), std::size_t{2000});
  }

  void badFileShowsAReadableMessage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "{\"id\": \"a\", \"logits\": [1.0, 0.0], \"label\": 0}\n"
        "{\"id\": \"b\", \"logits\": [1.0, \"x\"], \"label\": 0}\n");
    file.close();

    MainWindow window;
    window.show();
    window.openFiles(path);
    QVERIFY(waitForIdle(window));
    QVERIFY(!window.messageBanner()->isHidden());
    const QString message = window.messageBanner()->text();
    QVERIFY2(message.contains(QStringLiteral("bad.jsonl:2")), qPrintable(message));
    QVERIFY(!window.showsWorkspace());

    // A missing file and an empty one are refused the same way.
    window.openFiles(dir.filePath(QStringLiteral("missing.jsonl")));
    QVERIFY(waitForIdle(window));
    QVERIFY(window.messageBanner()->text().contains(QStringLiteral("missing.jsonl")));
    const QString empty = dir.filePath(QStringLiteral("empty.jsonl"));
    QFile e(empty);
    QVERIFY(e.open(QIODevice::WriteOnly));
    e.close();
    window.openFiles(empty);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.messageBanner()->text().contains(QStringLiteral("empty.jsonl")));

    // The window recovers: a good file after a bad one is analysed as usual.
    window.openFiles(kTest);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.showsWorkspace());
    QVERIFY(window.messageBanner()->isHidden());
  }

  void unansweredItemsAreShownAndTheVocabularyConfidenceSwitches() {
    // Two files with recorded answers (one unanswered item each), the study's confidence and the
    // answer step's vocabulary logits: the window counts the unanswered item as wrong and shows
    // it; switching the confidence scores conf_vocab and fits the study's grid temperature.
    QTemporaryDir dir;
    const auto write = [&](const QString& name, const QByteArray& text) {
      const QString path = dir.filePath(name);
      QFile f(path);
      if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
      f.write(text);
      return path;
    };
    const QByteArray lines = kUnansweredLines;
    const QString test = write(QStringLiteral("test.jsonl"), lines);
    const QString cal = write(QStringLiteral("cal.jsonl"), lines);
    MainWindow window;
    window.show();
    window.openFiles(test, cal);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.showsWorkspace());
    // Counted wrong: a and d right of 4, although c's logits favour its label.
    QCOMPARE(shown(window, "accuracy"), 0.5);
    QCOMPARE(shown(window, "n_unanswered"), 1.0);

    QComboBox* confidence = window.binningControls()->confidenceBox();
    confidence->setCurrentIndex(
        confidence->findData(static_cast<int>(calib::ConfidenceKind::kVocab)));
    QVERIFY(waitForIdle(window));
    QVERIFY(window.messageBanner()->isHidden());
    QCOMPARE(shown(window, "mean_confidence"), (0.7 + 0.6 + 0.5 + 0.4) / 4);
    QVERIFY(window.session()->temperatureFit().has_value());
    const auto grid = calib::fit_temperature_study_grid(read(cal));
    QVERIFY(grid.ok());
    QCOMPARE(window.session()->temperatureFit()->temperature, grid->temperature);

    // Back among the options: the exact option-level fit again.
    confidence->setCurrentIndex(
        confidence->findData(static_cast<int>(calib::ConfidenceKind::kOptions)));
    QVERIFY(waitForIdle(window));
    const auto exact = calib::fit_temperature(read(cal));
    QVERIFY(exact.ok());
    QCOMPARE(window.session()->temperatureFit()->temperature, exact->temperature);
  }

  void theStudysRecipeLeavesUnansweredItemsOutAndGivesTheControlsBack() {
    // The window's Recipe choice: the study's fixes 10 equal-width bins and the vocabulary
    // confidence, leaves the unanswered item out (still counted) and fits the grid temperature;
    // its numbers are calib::score's under calib::study_recipe() (tested against TS.py in
    // recipe_test.cpp). Unveil's gives the user's own bins back.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("test.jsonl"));
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(kUnansweredLines);
    }
    MainWindow window;
    window.show();
    window.openFiles(path, path);
    QVERIFY(waitForIdle(window));
    BinningControls* controls = window.binningControls();
    controls->binsBox()->setValue(7);
    QVERIFY(waitForIdle(window));
    QCOMPARE(shown(window, "accuracy"), 0.5);

    QComboBox* recipe = controls->recipeBox();
    recipe->setCurrentIndex(recipe->findData(true));
    QVERIFY(waitForIdle(window));
    QVERIFY(window.messageBanner()->isHidden());
    QVERIFY(controls->studyRecipe());
    QCOMPARE(controls->binsBox()->value(), 10);
    QVERIFY(!controls->binsBox()->isEnabled());
    QVERIFY(!controls->confidenceBox()->isEnabled());
    const auto expected = calib::score(read(path), calib::study_recipe());
    QVERIFY(expected.ok());
    QCOMPARE(shown(window, "n"), 3.0);
    QCOMPARE(shown(window, "n_unanswered"), 1.0);
    QCOMPARE(shown(window, "accuracy"), expected->metrics.accuracy);  // 2 of the 3 answered
    QCOMPARE(shown(window, "mean_confidence"), (0.7 + 0.6 + 0.4) / 3);
    QCOMPARE(shown(window, "ece"), expected->metrics.ece);
    const auto grid = calib::fit_temperature_study_grid(read(path));
    QVERIFY(grid.ok());
    QVERIFY(window.session()->temperatureFit().has_value());
    QCOMPARE(window.session()->temperatureFit()->temperature, grid->temperature);

    recipe->setCurrentIndex(recipe->findData(false));
    QVERIFY(waitForIdle(window));
    QCOMPARE(controls->binsBox()->value(), 7);
    QVERIFY(controls->binsBox()->isEnabled());
    QCOMPARE(shown(window, "n"), 4.0);
    QCOMPARE(shown(window, "accuracy"), 0.5);
  }

  void aRunsStoredTemperatureIsNotShownOnAFileOpenedAfterIt() {
    // A project's run shown with its stored temperature (the calibration run it was fitted on),
    // then File ▸ Open of another file: that file is shown without any temperature, never with
    // the run's "after scaling".
    MainWindow window;
    window.show();
    LoadedPredictions run;
    run.set = std::make_shared<const calib::PredictionSet>(read(kTest));
    run.displayName = QStringLiteral("run 2");
    run.runId = 2;
    LoadedPredictions fitOn;
    fitOn.set = std::make_shared<const calib::PredictionSet>(read(kCalibration));
    fitOn.displayName = QStringLiteral("run 1");
    fitOn.runId = 1;
    window.session()->showPredictions(run, fitOn);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.session()->temperatureFit().has_value());
    QVERIFY(window.session()->result()->after.has_value());

    window.openFiles(kCalibration);  // any other file
    QVERIFY(waitForIdle(window));
    QVERIFY(window.messageBanner()->isHidden());
    QVERIFY(!window.session()->temperatureFit().has_value());
    QVERIFY(!window.session()->calibration().has_value());
    QVERIFY(!window.session()->result()->after.has_value());
    QVERIFY(!window.windowTitle().contains(QStringLiteral("run 2")));

    // A file with its own calibration split after a run: the pair is fitted as usual.
    window.session()->showPredictions(run, fitOn);
    QVERIFY(waitForIdle(window));
    window.openFiles(kTest, kCalibration);
    QVERIFY(waitForIdle(window));
    QVERIFY(window.session()->temperatureFit().has_value());
    QCOMPARE(window.session()->temperatureFit()->temperature,
             calib::fit_temperature(read(kCalibration))->temperature);
  }

  void noTwoActionsShareAShortcut() {
    // Two actions of the window on one key do nothing at all in Qt ("Ambiguous shortcut
    // overload"): Ctrl+Shift+P was once both Open project… and Write report….
    MainWindow window;
    QMap<QString, QString> seen;
    for (QAction* action : window.findChildren<QAction*>()) {
      if (action->shortcutContext() != Qt::WindowShortcut &&
          action->shortcutContext() != Qt::ApplicationShortcut)
        continue;
      for (const QKeySequence& key : action->shortcuts()) {
        const QString name = key.toString();
        QVERIFY2(!seen.contains(name), qPrintable(name + QStringLiteral(": ") + seen.value(name) +
                                                  QStringLiteral(" and ") + action->text()));
        seen.insert(name, action->text());
      }
    }
    QVERIFY(seen.size() >= 15);
    QVERIFY(seen.contains(QStringLiteral("Ctrl+Shift+P")));
    QVERIFY(seen.contains(QStringLiteral("Ctrl+Shift+W")));
  }

  void theWheelChangesOnlyAControlThatHasFocus() {
    // Reading down a panel with the wheel must not change a combo box or spin box the pointer
    // passes over (the next Ctrl+R would run with it); once the user clicks or tabs into one,
    // the wheel changes it as usual.
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSpinBox* bins = window.binningControls()->binsBox();
    QComboBox* binning = window.binningControls()->binningBox();
    QCOMPARE(bins->focusPolicy(), Qt::StrongFocus);  // no focus from the wheel itself
    QCOMPARE(binning->focusPolicy(), Qt::StrongFocus);
    const auto turn = [](QWidget* w, int delta) {
      QWheelEvent e(QPointF(5, 5), w->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, delta),
                    Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
      QApplication::sendEvent(w, &e);
    };
    const int bins0 = bins->value();
    const int binning0 = binning->currentIndex();
    turn(bins, 120);
    turn(binning, -120);
    QCOMPARE(bins->value(), bins0);
    QCOMPARE(binning->currentIndex(), binning0);

    bins->setFocus();
    QTRY_VERIFY(bins->hasFocus());
    turn(bins, 120);
    QCOMPARE(bins->value(), bins0 + 1);
    binning->setFocus();
    QTRY_VERIFY(binning->hasFocus());
    turn(binning, -120);
    QVERIFY(binning->currentIndex() != binning0);
  }

  void theVocabularyConfidenceIsRefusedClearlyWhereAFileHasNone() {
    MainWindow window;
    window.show();
    window.openFiles(kTest);
    QVERIFY(waitForIdle(window));
    QComboBox* confidence = window.binningControls()->confidenceBox();
    confidence->setCurrentIndex(
        confidence->findData(static_cast<int>(calib::ConfidenceKind::kVocab)));
    QVERIFY(waitForIdle(window));
    QVERIFY(!window.messageBanner()->isHidden());
    QVERIFY2(window.messageBanner()->text().contains(QStringLiteral("full-vocabulary confidence")),
             qPrintable(window.messageBanner()->text()));
  }

  void fitWithoutCalibrationSplitIsRefusedPolitely() {
    MainWindow window;
    QSignalSpy failed(window.session(), &CalibrationSession::failed);
    window.session()->fitTemperature();
    QCOMPARE(failed.size(), 1);
    QVERIFY(!window.messageBanner()->isHidden());
  }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
