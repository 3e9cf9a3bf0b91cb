// MetricsPanel shows the values it is given, "—" with a reason for undefined ones, before/after
// columns once a temperature is fitted, and a tooltip on every cell.
#include <QHeaderView>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

#include "calib/metric_catalog.h"
#include "metrics/calibration_verdict.h"
#include "metrics/metric_labels.h"
#include "metrics/metrics_panel.h"
#include "metrics/metrics_table_model.h"
#include "test_support.h"

namespace calib = unveil::calib;
using unveil::calib::Metrics;
using unveil::calib::TemperatureFit;
using unveil::ui::MetricsPanel;
using unveil::ui::MetricsTableModel;
using unveil::ui::TemperatureSummary;

namespace {
// Numbers chosen by hand; none of them is computed.
Metrics handMade() {
  Metrics m;
  m.n = 4;
  m.accuracy = 0.75;
  m.mean_confidence = 0.9;
  m.ece = 0.125;
  m.mce = 0.4;
  m.rmsce = 0.2;
  m.ace = 0.15;
  m.brier = 0.33;
  m.nll = 0.812;
  m.auroc = std::nullopt;  // e.g. all right or all wrong
  m.aurc = 0.0625;
  return m;
}

QVariant value(const MetricsTableModel* model, const QString& key, int column) {
  return model->index(model->rowOf(key), column).data(MetricsTableModel::kValueRole);
}
QString text(const MetricsTableModel* model, const QString& key, int column) {
  return model->index(model->rowOf(key), column).data().toString();
}

// A translator that notes every word it has no translation for.
class MissedWords : public QTranslator {
 public:
  QString translate(const char* context, const char* source, const char* disambiguation,
                    int n) const override {
    ++asked;
    QString t = QTranslator::translate(context, source, disambiguation, n);
    if (t.isEmpty())
      missed << QString::fromUtf8(context) + QStringLiteral(": ") + QString::fromUtf8(source);
    return t;
  }
  mutable int asked = 0;
  mutable QStringList missed;
};
}  // namespace

class MetricsPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(unveil::ui::test::installEnglish()); }

  void showsTheValuesItWasGiven() {
    MetricsPanel panel;
    panel.setMetrics(handMade(), std::nullopt);
    const MetricsTableModel* model = panel.model();
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->rowCount(), 11);  // no IDK rows
    QCOMPARE(value(model, QStringLiteral("n"), 1).toDouble(), 4.0);
    QCOMPARE(text(model, QStringLiteral("n"), 1), QStringLiteral("4"));
    QCOMPARE(value(model, QStringLiteral("accuracy"), 1).toDouble(), 0.75);
    QCOMPARE(text(model, QStringLiteral("accuracy"), 1), QStringLiteral("75.0 %"));
    QCOMPARE(text(model, QStringLiteral("mean_confidence"), 1), QStringLiteral("90.0 %"));
    QCOMPARE(text(model, QStringLiteral("ece"), 1), QStringLiteral("12.5 pts"));
    QCOMPARE(text(model, QStringLiteral("mce"), 1), QStringLiteral("40.0 pts"));
    QCOMPARE(text(model, QStringLiteral("rmsce"), 1), QStringLiteral("20.0 pts"));
    QCOMPARE(text(model, QStringLiteral("ace"), 1), QStringLiteral("15.0 pts"));
    QCOMPARE(text(model, QStringLiteral("brier"), 1), QStringLiteral("0.330"));
    QCOMPARE(text(model, QStringLiteral("nll"), 1), QStringLiteral("0.812"));
    QCOMPARE(text(model, QStringLiteral("aurc"), 1), QStringLiteral("0.063"));
    QCOMPARE(value(model, QStringLiteral("aurc"), 1).toDouble(), 0.0625);
    QCOMPARE(model->rowOf(QStringLiteral("idk_rate")), -1);
  }

  void undefinedAurocShowsADashAndWhy() {
    MetricsPanel panel;
    panel.setMetrics(handMade(), std::nullopt);
    const MetricsTableModel* model = panel.model();
    const QModelIndex auroc = model->index(model->rowOf(QStringLiteral("auroc")), 1);
    QCOMPARE(auroc.data().toString(), QStringLiteral("—"));
    QVERIFY(!auroc.data(MetricsTableModel::kValueRole).isValid());
    QVERIFY(auroc.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Undefined")));
  }

  void everyCellHasATooltip() {
    Metrics m = handMade();
    m.has_idk = true;
    m.idk_rate = 0.25;
    m.answered = 3;
    m.accuracy_answered = 1.0;
    m.ece_answered = 0.05;
    Metrics after = m;
    after.ece = 0.02;
    MetricsPanel panel;
    panel.setMetrics(m, after);
    const MetricsTableModel* model = panel.model();
    QCOMPARE(model->rowCount(), 15);
    QCOMPARE(model->columnCount(), 3);
    for (int r = 0; r < model->rowCount(); ++r)
      for (int c = 0; c < model->columnCount(); ++c) {
        const QString tip = model->index(r, c).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.size() > 40, qPrintable(model->index(r, 0).data().toString()));
      }
    const QString ece =
        model->index(model->rowOf(QStringLiteral("ece")), 0).data(Qt::ToolTipRole).toString();
    QVERIFY(ece.contains(QStringLiteral("Expected calibration error")));
    QVERIFY(ece.contains(QStringLiteral("0 is perfect")));
  }

  void idkRowsAndBeforeAfterColumns() {
    Metrics before = handMade();
    before.has_idk = true;
    before.idk_rate = 0.25;
    before.answered = 3;
    before.accuracy_answered = 2.0 / 3.0;
    before.ece_answered = std::nullopt;
    Metrics after = before;
    after.ece = 0.031;
    after.nll = 0.7;
    MetricsPanel panel;
    panel.setMetrics(before, after);
    const MetricsTableModel* model = panel.model();
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Before"));
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("After"));
    QCOMPARE(text(model, QStringLiteral("ece"), 1), QStringLiteral("12.5 pts"));
    QCOMPARE(text(model, QStringLiteral("ece"), 2), QStringLiteral("3.1 pts"));
    QCOMPARE(value(model, QStringLiteral("nll"), 2).toDouble(), 0.7);
    QCOMPARE(text(model, QStringLiteral("idk_rate"), 1), QStringLiteral("25.0 %"));
    QCOMPARE(text(model, QStringLiteral("answered"), 1), QStringLiteral("3"));
    QCOMPARE(text(model, QStringLiteral("accuracy_answered"), 1), QStringLiteral("66.7 %"));
    QCOMPARE(text(model, QStringLiteral("ece_answered"), 2), QStringLiteral("—"));
    // A better ECE after scaling is drawn in green, a worse one would be red.
    const QVariant colour =
        model->index(model->rowOf(QStringLiteral("ece")), 2).data(Qt::ForegroundRole);
    QVERIFY(colour.isValid());
    QVERIFY(colour.value<QBrush>().color().green() > colour.value<QBrush>().color().red());
  }

  void temperatureBoxSaysWhatTheFitDid() {
    MetricsPanel panel;
    QVERIFY(panel.temperatureText().contains(QStringLiteral("not fitted")));
    TemperatureFit fit;
    fit.temperature = 2.5;
    fit.nll_before = 1.25;
    fit.nll_after = 0.875;
    fit.note = "softened over-confidence";
    panel.setTemperature(TemperatureSummary{fit, QStringLiteral("cal.jsonl"), 2000});
    QString text = panel.temperatureText();
    // T as the diagram's legend says it; the fit's NLL (jargon) in the tooltip with T exactly.
    QVERIFY2(text.contains(QStringLiteral("T = 2.50,")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("cal.jsonl")));
    QVERIFY(text.contains(QStringLiteral("2,000 predictions")));
    QVERIFY(!text.contains(QStringLiteral("NLL")));
    QVERIFY2(panel.temperatureDetails().contains(QStringLiteral("T = 2.5000 exactly")),
             qPrintable(panel.temperatureDetails()));
    QVERIFY(panel.temperatureDetails().contains(QStringLiteral("1.250 before, 0.875 after")));
    QVERIFY(text.contains(QStringLiteral("T > 1: the model was over-confident")));
    QVERIFY(!text.contains(QStringLiteral("T ≈ 1")));

    fit.temperature = 1.004;
    fit.unchanged = true;
    panel.setTemperature(TemperatureSummary{fit, QStringLiteral("cal.jsonl"), 2000});
    QVERIFY(panel.temperatureText().contains(QStringLiteral("T ≈ 1")));
    QVERIFY(panel.temperatureText().contains(QStringLiteral("changed (almost) nothing")));
  }

  void numbersAreNeverCutEvenInChinese() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    Metrics before = handMade();
    before.accuracy = 0.857;
    Metrics after = before;
    after.ece = 0.031;
    MetricsPanel panel;
    panel.resize(460, 700);  // the panel's width in a 1280x720 window
    panel.setMetrics(before, after);
    calib::BootstrapResult ci;
    ci.replicates = 200;
    ci.seed = 1;
    ci.ci["accuracy"] = calib::Interval{0.835, 0.880};
    ci.ci["ece"] = calib::Interval{0.083, 0.128};
    panel.setIntervals(ci, ci);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QTableView* table = panel.table();
    const MetricsTableModel* model = panel.model();
    QCOMPARE(text(model, QStringLiteral("accuracy"), 1), QStringLiteral("85.7 %  (83.5–88.0)"));
    for (int row = 0; row < model->rowCount(); ++row)
      for (int column : {1, 2}) {
        const QString shown = model->index(row, column).data().toString();
        const int needed = table->fontMetrics().horizontalAdvance(shown);
        QVERIFY2(needed < table->columnWidth(column),
                 qPrintable(QStringLiteral("%1 is cut: %2 px in %3")
                                .arg(shown)
                                .arg(needed)
                                .arg(table->columnWidth(column))));
      }
    QCoreApplication::removeTranslator(&chinese);
  }

  void intervalsFollowTheValues() {
    MetricsPanel panel;
    panel.setMetrics(handMade(), std::nullopt);
    const MetricsTableModel* model = panel.model();
    const int ece = model->rowOf(QStringLiteral("ece"));
    const QString plain = model->index(ece, MetricsTableModel::kBefore).data().toString();
    calib::BootstrapResult ci;
    ci.replicates = 200;
    ci.seed = 1;
    ci.ci["ece"] = calib::Interval{0.098, 0.141};
    ci.ci["auroc"] = std::nullopt;  // undefined in every replicate: no brackets
    panel.setIntervals(ci, std::nullopt);
    QCOMPARE(model->index(ece, MetricsTableModel::kBefore).data().toString(),
             plain + QStringLiteral("  (9.8–14.1)"));
    QCOMPARE(model->index(ece, MetricsTableModel::kBefore)
                 .data(MetricsTableModel::kIntervalRole)
                 .toPointF(),
             QPointF(0.098, 0.141));
    QVERIFY(model->index(ece, MetricsTableModel::kBefore)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("200 resamples")));
    const int auroc = model->rowOf(QStringLiteral("auroc"));
    QVERIFY(!model->index(auroc, MetricsTableModel::kBefore)
                 .data(MetricsTableModel::kIntervalRole)
                 .isValid());
    // New numbers drop the old intervals.
    panel.setMetrics(handMade(), std::nullopt);
    QCOMPARE(model->index(ece, MetricsTableModel::kBefore).data().toString(), plain);
  }

  void tableShowsEveryRowWithoutScrolling() {
    MetricsPanel panel;
    Metrics m = handMade();
    m.has_idk = true;
    panel.setMetrics(m, std::nullopt);
    // With room to spare (a small screen squeezes it to eight rows, and it scrolls).
    panel.resize(420, 1000);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView* table = panel.table();
    int rows = 0;
    for (int r = 0; r < panel.model()->rowCount(); ++r)
      rows += table->rowHeight(r);
    QVERIFY(table->height() >= rows + table->horizontalHeader()->height());
  }

  // The verdict's numbers are the panel's (to 0.1 %), and its gap is their difference as shown:
  // 0.9584 → "95.8 %", 0.8566 → "85.7 %", gap 10.1 points (not the exact 10.18, which a reader
  // subtracting the two shown numbers could not find).
  void verdictSaysBothNumbersAndTheGapAsShown() {
    Metrics m = handMade();
    m.mean_confidence = 0.9584;
    m.accuracy = 0.8566;
    QCOMPARE(unveil::ui::calibrationVerdict(m),
             QStringLiteral("On average it is 95.8 % sure and right 85.7 % of the time: "
                            "over-confident by 10.1 points."));
    m.mean_confidence = 0.70;
    m.accuracy = 0.75;
    QCOMPARE(unveil::ui::calibrationVerdict(m),
             QStringLiteral("On average it is 70.0 % sure and right 75.0 % of the time: "
                            "under-confident by 5.0 points."));
    // Less than a point apart: no direction is claimed.
    m.mean_confidence = 0.7549;
    m.accuracy = 0.75;
    QVERIFY(unveil::ui::calibrationVerdict(m).contains(QStringLiteral("agree within a point")));
    // Exactly one point (as shown) is a gap.
    m.mean_confidence = 0.76;
    QVERIFY(unveil::ui::calibrationVerdict(m).endsWith(
        QStringLiteral("over-confident by 1.0 points.")));
    // No predictions: nothing to say.
    m.n = 0;
    QVERIFY(unveil::ui::calibrationVerdict(m).isEmpty());
  }

  void verdictAfterScalingNamesTheTemperature() {
    Metrics before = handMade();  // says 90.0 %, right 75.0 %
    Metrics after = handMade();
    after.mean_confidence = 0.7301;
    const QString v = unveil::ui::calibrationVerdict(before, &after, 1.4863);
    QVERIFY2(v.endsWith(QStringLiteral("\nAfter scaling (T = 1.49): 73.0 % sure and right 75.0 %: "
                                       "under-confident by 2.0 points.")),
             qPrintable(v));
    QVERIFY(
        v.startsWith(QStringLiteral("On average it is 90.0 % sure and right 75.0 % of the time: "
                                    "over-confident by 15.0 points.\n")));
    // Without a temperature, the after part is left out.
    QCOMPARE(unveil::ui::calibrationVerdict(before, &after, std::nullopt),
             unveil::ui::calibrationVerdict(before));
  }
  void everyCatalogMetricHasATranslatedLabelAndDescription() {
    // In English the comparison's label is core's (calib::MetricInfo::label).
    for (const calib::MetricInfo& info : calib::metric_catalog()) {
      const std::string key(info.key);
      QCOMPARE(unveil::ui::metricLabel(key),
               QString::fromUtf8(info.label.data(), static_cast<int>(info.label.size())));
      QVERIFY2(!unveil::ui::metricRowName(key).isEmpty(), key.c_str());
      QVERIFY2(!unveil::ui::metricHelp(key).isEmpty(), key.c_str());
    }
    // In Chinese every word metric_labels.cpp asks for has a translation.
    MissedWords chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    chinese.asked = 0;  // Qt's own look-ups while installing it (the layout direction)
    chinese.missed.clear();
    for (const calib::MetricInfo& info : calib::metric_catalog()) {
      const std::string key(info.key);
      unveil::ui::metricLabel(key);
      unveil::ui::metricPhrase(key);
      unveil::ui::metricRowName(key);
      unveil::ui::metricHelp(key);
    }
    QCoreApplication::removeTranslator(&chinese);
    QVERIFY2(chinese.asked > 0, "no word was looked up");
    QVERIFY2(chinese.missed.isEmpty(), qPrintable(chinese.missed.join(QStringLiteral("\n"))));
  }

  void everyCatalogMetricIsWrittenInTheUnitOfItsKind() {
    for (const calib::MetricInfo& info : calib::metric_catalog()) {
      const unveil::ui::ShownUnit expected = [&] {
        switch (info.kind) {
          case calib::MetricKind::kCount:
            return unveil::ui::ShownUnit::kCount;
          case calib::MetricKind::kShare:
            return unveil::ui::ShownUnit::kPercent;
          case calib::MetricKind::kCalibrationError:
            return unveil::ui::ShownUnit::kPoints;
          case calib::MetricKind::kScore:
            break;
        }
        return unveil::ui::ShownUnit::kScore;
      }();
      QVERIFY2(unveil::ui::metricUnit(std::string(info.key)) == expected, info.key.data());
    }
  }
};

QTEST_MAIN(MetricsPanelTest)
#include "metrics_panel_test.moc"
