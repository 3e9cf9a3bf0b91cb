// ReliabilityDiagram fed hand-made bin tables: the graph data must be the table's numbers, empty
// bins must draw nothing, and nothing may crash on NaN means, one bin, or confidence 1.0.
#include <QtTest>
#include <cmath>

#include "bin_tables.h"
#include "plots/confidence_scatter.h"
#include "plots/distribution_plot.h"
#include "plots/overlaid_reliability.h"
#include "plots/reliability_diagram.h"
#include "test_support.h"

using unveil::calib::Bin;
using unveil::calib::Binning;
using unveil::calib::BinTable;
using unveil::ui::OverlaidReliability;
using unveil::ui::ReliabilityDiagram;
using namespace unveil::ui::test;

namespace {
template <typename Container>
bool allFinite(const Container& data) {
  for (auto it = data->constBegin(); it != data->constEnd(); ++it)
    if (!std::isfinite(it->mainKey()) || !std::isfinite(it->mainValue())) return false;
  return true;
}
}  // namespace

class ReliabilityDiagramTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(installEnglish()); }

  void barsAreTheTablesAccuracies() {
    ReliabilityDiagram plot;
    plot.setTable(fiveBins());
    auto data = plot.accuracyBars()->data();
    QCOMPARE(data->size(), 3);  // bins 1 and 3 are empty
    QCOMPARE(data->at(0)->key, 0.1);
    QCOMPARE(data->at(0)->value, 0.5);
    QCOMPARE(data->at(1)->key, 0.5);
    QCOMPARE(data->at(1)->value, 0.3);
    QCOMPARE(data->at(2)->key, 0.9);
    QCOMPARE(data->at(2)->value, 1.0);
    QVERIFY(allFinite(data));
    // Bars are as wide as a bin, less a small gap between neighbours.
    QVERIFY(plot.accuracyBars()->width() > 0.15 && plot.accuracyBars()->width() <= 0.2);
  }

  void gapsAreColouredByDirection() {
    ReliabilityDiagram plot;
    plot.setTable(fiveBins());
    // Bin 2: confidence 0.52 > accuracy 0.3 -> over-confident, spanning 0.3..0.52.
    auto over = plot.overConfidenceGaps()->data();
    QCOMPARE(over->size(), 1);
    QCOMPARE(over->at(0)->key, 0.5);
    QCOMPARE(over->at(0)->open, 0.3);
    QCOMPARE(over->at(0)->close, 0.52);
    // Bin 0: confidence 0.15 < accuracy 0.5 -> under-confident.
    auto under = plot.underConfidenceGaps()->data();
    QCOMPARE(under->size(), 1);
    QCOMPARE(under->at(0)->key, 0.1);
    QCOMPARE(under->at(0)->open, 0.5);
    QCOMPARE(under->at(0)->close, 0.15);
    // Bin 4 (confidence exactly 1.0, all right) has no gap at all.
  }

  void intervalsAreClopperPearsonFromTheTable() {
    ReliabilityDiagram plot;
    plot.setTable(fiveBins());
    auto errors = plot.accuracyIntervals()->data();
    QCOMPARE(errors->size(), 3);
    QCOMPARE(plot.accuracyIntervals()->dataPlottable(), plot.accuracyBars());
    // minus = accuracy - ci_lo, plus = ci_hi - accuracy
    QVERIFY(qFuzzyCompare(errors->at(0).errorMinus, 0.5 - 0.0676));
    QVERIFY(qFuzzyCompare(errors->at(0).errorPlus, 0.9324 - 0.5));
    QVERIFY(qFuzzyCompare(errors->at(1).errorMinus, 0.3 - 0.0667));
    QVERIFY(qFuzzyCompare(errors->at(1).errorPlus, 0.6526 - 0.3));
    QVERIFY(qFuzzyCompare(errors->at(2).errorMinus, 1.0 - 0.5407));
    QCOMPARE(errors->at(2).errorPlus, 0.0);
  }

  void countStripShowsTheCounts() {
    ReliabilityDiagram plot;
    plot.setTable(fiveBins());
    auto counts = plot.countBars()->data();
    QCOMPARE(counts->size(), 3);
    QCOMPARE(counts->at(0)->value, 4.0);
    QCOMPARE(counts->at(1)->value, 10.0);
    QCOMPARE(counts->at(2)->value, 6.0);
  }

  void diagonalRunsCornerToCorner() {
    ReliabilityDiagram plot;
    auto d = plot.diagonal()->data();
    QCOMPARE(d->size(), 2);
    QCOMPARE(d->at(0)->key, 0.0);
    QCOMPARE(d->at(0)->value, 0.0);
    QCOMPARE(d->at(1)->key, 1.0);
    QCOMPARE(d->at(1)->value, 1.0);
  }

  void overlaidSeriesHaveColoursOfTheirOwn() {
    // Six conditions (the image, none, and four changes of it) never share a colour.
    QSet<QRgb> seen;
    for (int i = 0; i < 6; ++i)
      seen.insert(OverlaidReliability::seriesColour(i).rgb());
    QCOMPARE(seen.size(), 6);
  }

  void oneBin() {
    BinTable t;
    t.bins = {bin(0.0, 1.0, 8, 6, 0.9, 0.3491, 0.9681)};
    ReliabilityDiagram plot;
    plot.setTable(t);
    QCOMPARE(plot.accuracyBars()->data()->size(), 1);
    QCOMPARE(plot.accuracyBars()->data()->at(0)->key, 0.5);
    QCOMPARE(plot.accuracyBars()->data()->at(0)->value, 0.75);
    QCOMPARE(plot.overConfidenceGaps()->data()->size(), 1);
    QVERIFY(plot.toolTipAt(0.0).contains(QStringLiteral("8 predictions")));
    QVERIFY(plot.toolTipAt(1.0).contains(QStringLiteral("8 predictions")));
    plot.replotNow();
  }

  void confidenceOneLandsInTheLastBin() {
    ReliabilityDiagram plot;
    plot.setTable(fiveBins());
    const QString tip = plot.toolTipAt(1.0);
    // Confidence and accuracy in percent, as the metrics panel writes them.
    QVERIFY2(tip.contains(QStringLiteral("80–100 %")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("6 predictions")));
    QVERIFY2(tip.contains(QStringLiteral("accuracy 100.0 %")), qPrintable(tip));
    // A percent as the rest of the window writes it (the metrics panel's "95 %").
    QVERIFY2(tip.contains(QStringLiteral("95 % interval of accuracy")), qPrintable(tip));
  }

  void tooltipNamesTheBinsNumbers() {
    ReliabilityDiagram plot;
    plot.setTable(fiveBins());
    const QString tip = plot.toolTipAt(0.47);
    // Shares in percent and their gap in percentage points, not fractions ("gap −0.220").
    QVERIFY2(tip.contains(QStringLiteral("Confidence 40–60 %")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("10 predictions")));
    QVERIFY2(tip.contains(QStringLiteral("mean confidence 52.0 %")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("accuracy 30.0 %")));
    QVERIFY2(tip.contains(QStringLiteral("over-confident by 22.0 pts")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("interval of accuracy 6.7–65.3 %")), qPrintable(tip));
    QVERIFY2(!tip.contains(QRegularExpression(QStringLiteral("(^|[^0-9])0\\.\\d\\d\\d"))),
             qPrintable(tip));
    QVERIFY(plot.toolTipAt(0.3).contains(QStringLiteral("no predictions")));
    QVERIFY(plot.toolTipAt(-0.1).isEmpty());
    QVERIFY(plot.toolTipAt(std::nan("")).isEmpty());
  }

  void allEmptyTableDrawsNothing() {
    BinTable t;
    t.bins = {emptyBin(0, 0.5), emptyBin(0.5, 1)};
    ReliabilityDiagram plot;
    plot.resize(600, 500);
    plot.setTable(t);
    QCOMPARE(plot.accuracyBars()->data()->size(), 0);
    QCOMPARE(plot.overConfidenceGaps()->data()->size(), 0);
    QCOMPARE(plot.underConfidenceGaps()->data()->size(), 0);
    QCOMPARE(plot.countBars()->data()->size(), 0);
    QVERIFY(!plot.legend->visible());
    plot.replotNow();
    QVERIFY(!plot.toPixmap(300, 200).isNull());
    plot.setTable(BinTable{});  // no bins at all
    QVERIFY(plot.toolTipAt(0.5).isEmpty());
    plot.replotNow();
  }

  void comparisonIsACurveOnTheSameAxes() {
    BinTable after;
    after.bins = {bin(0.0, 0.5, 5, 1, 0.3, 0.0051, 0.7164), emptyBin(0.5, 1.0)};
    ReliabilityDiagram plot;
    plot.setTable(fiveBins(), QStringLiteral("Before scaling"));
    plot.setComparison(after, QStringLiteral("After scaling (T = 1.50)"));
    QVERIFY(plot.hasComparison());
    auto curve = plot.comparisonCurve()->data();
    QCOMPARE(curve->size(), 1);
    QCOMPARE(curve->at(0)->key, 0.3);  // at the bin's mean confidence
    QCOMPARE(curve->at(0)->value, 0.2);
    QCOMPARE(plot.comparisonCurve()->keyAxis(), plot.accuracyBars()->keyAxis());
    QCOMPARE(plot.comparisonCurve()->valueAxis(), plot.accuracyBars()->valueAxis());
    QCOMPARE(plot.comparisonIntervals()->data()->size(), 1);
    QCOMPARE(plot.comparisonCountBars()->data()->size(), 1);
    QCOMPARE(plot.comparisonCountBars()->data()->at(0)->value, 5.0);
    QVERIFY(plot.legend->hasItemWithPlottable(plot.comparisonCurve()));
    QCOMPARE(plot.comparisonCurve()->name(), QStringLiteral("After scaling (T = 1.50)"));
    QVERIFY(plot.accuracyBars()->name().contains(QStringLiteral("Before scaling")));
    QVERIFY(plot.toolTipAt(0.1).contains(QStringLiteral("After scaling (T = 1.50)")));

    plot.clearComparison();
    QVERIFY(!plot.hasComparison());
    QCOMPARE(plot.comparisonCurve()->data()->size(), 0);
    QVERIFY(!plot.legend->hasItemWithPlottable(plot.comparisonCurve()));
  }

  void equalMassBinsSitAtTheirMeanConfidence() {
    BinTable t;
    t.binning = Binning::kEqualMass;
    t.bins = {bin(0.31, 0.62, 3, 1, 0.45, 0.0084, 0.9057), bin(0.7, 0.99, 3, 3, 0.85, 0.2924, 1)};
    ReliabilityDiagram plot;
    plot.setTable(t);
    auto data = plot.accuracyBars()->data();
    QCOMPARE(data->size(), 2);
    QCOMPARE(data->at(0)->key, 0.45);
    QCOMPARE(data->at(1)->key, 0.85);
    QVERIFY(plot.accuracyBars()->width() <= 0.4);  // neighbours must not overlap
    QVERIFY(plot.toolTipAt(0.85).contains(QStringLiteral("3 predictions")));
  }

  void legendExplainsOnlyWhatIsDrawn() {
    BinTable t;
    t.bins = {bin(0.0, 1.0, 4, 1, 0.8, 0.0063, 0.8059)};  // over-confident only
    ReliabilityDiagram plot;
    plot.setTable(t);
    QVERIFY(plot.legend->hasItemWithPlottable(plot.overConfidenceGaps()));
    QVERIFY(!plot.legend->hasItemWithPlottable(plot.underConfidenceGaps()));
    QVERIFY(plot.legend->hasItemWithPlottable(plot.diagonal()));
  }

  void theLegendSitsBelowTheAxesNotOnTheData() {
    ReliabilityDiagram plot;
    plot.resize(640, 480);
    plot.setTable(fiveBins(), QStringLiteral("Before scaling"));
    plot.setComparison(fiveBins(), QStringLiteral("After scaling (T = 1.50)"));
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot();
    const QRect legend = plot.legend->outerRect();
    QVERIFY(legend.height() > 0);
    for (QCPAxisRect* rect : plot.axisRects()) {
      QVERIFY2(!legend.intersects(rect->rect()), "the legend covers an axis rect");
      QVERIFY(legend.top() >= rect->rect().bottom());
    }
    QVERIFY(legend.bottom() <= plot.height());
    // Every other chart with a legend keeps it out of its axes too.
    unveil::ui::OverlaidReliability overlaid;
    unveil::ui::DistributionPlot distribution;
    unveil::ui::ConfidenceScatter scatter;
    for (QCustomPlot* other :
         std::initializer_list<QCustomPlot*>{&overlaid, &distribution, &scatter})
      QCOMPARE(other->legend->layout(), other->plotLayout());
  }
};

QTEST_MAIN(ReliabilityDiagramTest)
#include "reliability_diagram_test.moc"
