// ConfidenceHistogram fed hand-made bin tables: one bar per non-empty bin with the bin's count,
// the comparison beside it, and the reference lines where they were asked to be.
#include <QtTest>

#include "bin_tables.h"
#include "plots/confidence_histogram.h"
#include "test_support.h"

using unveil::calib::BinTable;
using unveil::ui::ConfidenceHistogram;
using namespace unveil::ui::test;

class ConfidenceHistogramTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(installEnglish()); }

  void aLongSubtitleIsShortenedNotCutAtBothEnds() {
    ConfidenceHistogram plot;
    plot.resize(320, 240);
    const QString text = QStringLiteral(
        "shapes-mm-ft · shapes/test · image · shapes · 1,000 predictions · 10 equal-width bins");
    plot.setSubtitle(text);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot();
    QCOMPARE(plot.subtitle(), text);  // the whole text stays the subtitle
    QCPTextElement* shown = nullptr;
    for (QCPLayoutElement* e : plot.plotLayout()->elements(true))
      if (auto* t = qobject_cast<QCPTextElement*>(e);
          t && t->text().startsWith(QStringLiteral("shapes-mm-ft")))
        shown = t;
    QVERIFY(shown);
    QVERIFY(shown->text().endsWith(QChar(0x2026)));  // …
    QVERIFY(QFontMetrics(shown->font()).horizontalAdvance(shown->text()) <= plot.width());
    // Wide enough, it is shown whole.
    plot.resize(1400, 400);
    QCoreApplication::processEvents();
    plot.replot();
    QCOMPARE(shown->text(), text);
  }

  void barsAreTheTablesCounts() {
    ConfidenceHistogram plot;
    plot.setTable(fiveBins());
    auto data = plot.primaryBars()->data();
    QCOMPARE(data->size(), 3);  // the two empty bins draw nothing
    QCOMPARE(data->at(0)->key, 0.1);
    QCOMPARE(data->at(0)->value, 4.0);
    QCOMPARE(data->at(1)->key, 0.5);
    QCOMPARE(data->at(1)->value, 10.0);
    QCOMPARE(data->at(2)->key, 0.9);
    QCOMPARE(data->at(2)->value, 6.0);
    QCOMPARE(plot.comparisonBars()->data()->size(), 0);
    // The value axis shows the tallest bar.
    QVERIFY(plot.axisRect()->axis(QCPAxis::atLeft)->range().upper >= 10.0);
  }

  void comparisonBarsStandBeside() {
    BinTable after;
    after.bins = {bin(0.0, 0.5, 12, 4, 0.35, 0.0992, 0.6511),
                  bin(0.5, 1.0, 8, 7, 0.7, 0.4735, 0.9968)};
    ConfidenceHistogram plot;
    plot.setTable(fiveBins(), QStringLiteral("Before scaling"));
    plot.setComparison(after, QStringLiteral("After scaling"));
    auto data = plot.comparisonBars()->data();
    QCOMPARE(data->size(), 2);
    QCOMPARE(data->at(0)->value, 12.0);
    QCOMPARE(data->at(1)->value, 8.0);
    QVERIFY(plot.primaryBars()->barsGroup() != nullptr);
    QCOMPARE(plot.primaryBars()->barsGroup(), plot.comparisonBars()->barsGroup());
    QVERIFY(plot.legend->hasItemWithPlottable(plot.comparisonBars()));
    const QString tip = plot.toolTipAt(0.5);
    QVERIFY2(tip.contains(QStringLiteral("Before scaling: 10")), qPrintable(tip));
    // The comparison has two bins, so the fiveBins' third bin has no counterpart to report.
    QVERIFY(!tip.contains(QStringLiteral("After scaling")));
    QVERIFY(plot.toolTipAt(0.1).contains(QStringLiteral("After scaling: 12")));
    plot.clearComparison();
    QCOMPARE(plot.comparisonBars()->data()->size(), 0);
    QVERIFY(plot.primaryBars()->barsGroup() == nullptr);
  }

  void referenceLinesStandWhereAsked() {
    ConfidenceHistogram plot;
    plot.setTable(fiveBins());
    plot.setReferenceLines(0.55, 0.81);
    QVERIFY(plot.accuracyLine()->visible());
    QCOMPARE(plot.accuracyLine()->point1->coords().x(), 0.55);
    QCOMPARE(plot.accuracyLine()->point2->coords().x(), 0.55);
    QVERIFY(plot.meanConfidenceLine()->visible());
    QCOMPARE(plot.meanConfidenceLine()->point1->coords().x(), 0.81);
    QVERIFY(!plot.comparisonMeanConfidenceLine()->visible());
    plot.setReferenceLines(std::nullopt, std::nullopt);
    QVERIFY(!plot.accuracyLine()->visible());
    QVERIFY(!plot.meanConfidenceLine()->visible());
  }

  void meanConfidenceSaysBeforeBesideAfter() {
    ConfidenceHistogram plot;
    plot.setTable(fiveBins());
    auto names = [&plot] {
      QStringList out;
      for (int i = 0; i < plot.legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(i)))
          out << item->plottable()->name();
      return out;
    };
    plot.setReferenceLines(0.55, 0.81);
    QVERIFY2(names().contains(QStringLiteral("Mean confidence 81.0 %")),
             qPrintable(names().join(QStringLiteral(" | "))));
    // With the mean after scaling beside it, the model's own mean says it is the one before.
    plot.setReferenceLines(0.55, 0.81, 0.7);
    QVERIFY2(names().contains(QStringLiteral("Mean confidence before 81.0 %")),
             qPrintable(names().join(QStringLiteral(" | "))));
    QVERIFY2(names().contains(QStringLiteral("Mean confidence after 70.0 %")),
             qPrintable(names().join(QStringLiteral(" | "))));
  }

  void emptyTablesNeverCrash() {
    BinTable t;
    t.bins = {emptyBin(0, 1)};
    ConfidenceHistogram plot;
    plot.resize(500, 300);
    plot.setTable(t);
    QCOMPARE(plot.primaryBars()->data()->size(), 0);
    QVERIFY(plot.toolTipAt(0.5).contains(QStringLiteral(": 0")));
    plot.setTable(BinTable{});
    QVERIFY(plot.toolTipAt(0.5).isEmpty());
    plot.replotNow();
    plot.clear();
    plot.replotNow();
  }

  void confidenceOneIsCounted() {
    BinTable t;
    t.bins = {emptyBin(0.0, 0.5), bin(0.5, 1.0, 3, 3, 1.0, 0.2924, 1.0)};
    ConfidenceHistogram plot;
    plot.setTable(t);
    QCOMPARE(plot.primaryBars()->data()->size(), 1);
    QCOMPARE(plot.primaryBars()->data()->at(0)->key, 0.75);
    QVERIFY(plot.toolTipAt(1.0).contains(QStringLiteral(": 3")));
  }
};

QTEST_MAIN(ConfidenceHistogramTest)
#include "confidence_histogram_test.moc"
