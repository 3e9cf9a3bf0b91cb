#include "analyses/compare_summary.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <cmath>

#include "app/cjk_spacing.h"
#include "metrics/shown_numbers.h"

namespace unveil::ui {

namespace {

class CompareSummary {
  Q_DECLARE_TR_FUNCTIONS(CompareSummary)
};

QString nameOf(const store::RunInfo& info) {
  const std::string& model = info.model_name.empty() ? info.spec.name : info.model_name;
  //: A model and its run, e.g. "shapes-mm (run 5)"; %1 is the model's name in bold
  return CompareSummary::tr("%1 (run %2)")
      .arg(QStringLiteral("<b>") + QString::fromStdString(model).toHtmlEscaped() +
           QStringLiteral("</b>"))
      .arg(info.id);
}

QString percent(double share) {
  return metricText(share, ShownUnit::kPercent);
}

const analysis::MetricDifference* find(const analysis::Comparison& c, std::int64_t run,
                                       const char* metric) {
  for (const analysis::MetricDifference& d : c.differences)
    if (d.run == run && d.metric == metric) return &d;
  return nullptr;
}

}  // namespace

QString comparisonSummary(const analysis::Comparison& c) {
  if (c.runs.size() < 2) return {};
  const analysis::ComparedRun& first = c.runs.front();
  const QString a = nameOf(first.info);
  QStringList paragraphs;
  for (std::size_t i = 1; i < c.runs.size(); ++i) {
    const analysis::ComparedRun& run = c.runs[i];
    const QString b = nameOf(run.info);
    QStringList sentences;

    const analysis::MetricDifference* acc = find(c, run.info.id, "accuracy");
    const QString accB = percent(run.metrics.accuracy), accA = percent(first.metrics.accuracy);
    if (acc && acc->difference.significant())
      sentences << (acc->better == analysis::Better::kRun
                        ? CompareSummary::tr(
                              "%1 is right more often than %2: %3 of the time against %4.")
                        : CompareSummary::tr(
                              "%1 is right less often than %2: %3 of the time against %4."))
                       .arg(b, a, accB, accA);
    else
      sentences << CompareSummary::tr(
                       "%1 and %2 are right about as often (%3 and %4): the difference is "
                       "within what chance gives on %n question(s).",
                       nullptr, static_cast<int>(c.shared_items))
                       .arg(b, a, accB, accA);

    const analysis::MetricDifference* ece = find(c, run.info.id, "ece");
    const QString eceB = pointsText(run.metrics.ece), eceA = pointsText(first.metrics.ece);
    if (ece && ece->difference.significant())
      sentences << (ece->better == analysis::Better::kRun
                        ? CompareSummary::tr(
                              "Its confidence can be trusted more: its calibration error is %1 "
                              "against %2.")
                        : CompareSummary::tr(
                              "Its confidence can be trusted less: its calibration error is %1 "
                              "against %2."))
                       .arg(eceB, eceA);
    else
      sentences << CompareSummary::tr(
                       "Their confidence is about as trustworthy (calibration errors %1 and %2): "
                       "the difference is within chance.")
                       .arg(eceB, eceA);

    QStringList betterForB, betterForA;
    for (const analysis::MetricDifference& d : c.differences) {
      if (d.run != run.info.id || d.metric == "accuracy" || d.metric == "ece") continue;
      if (!d.difference.significant()) continue;
      if (d.better == analysis::Better::kRun) betterForB << metricPhrase(d.metric);
      if (d.better == analysis::Better::kAgainst) betterForA << metricPhrase(d.metric);
    }
    if (!betterForB.isEmpty())
      sentences << CompareSummary::tr("Also clearly better for %1: %2.")
                       .arg(b, QLocale().createSeparatedList(betterForB));
    if (!betterForA.isEmpty())
      sentences << CompareSummary::tr("Also clearly better for %1: %2.")
                       .arg(a, QLocale().createSeparatedList(betterForA));
    QString paragraph = sentences.takeFirst();
    for (const QString& next : sentences)
      //: One sentence after another in a paragraph; the space between them is the language's
      paragraph = CompareSummary::tr("%1 %2").arg(paragraph, next);
    paragraphs << spacedScripts(paragraph);
  }
  return QStringLiteral("<p><b>") + CompareSummary::tr("In short") + QStringLiteral("</b><br>") +
         paragraphs.join(QStringLiteral("</p><p>")) + QStringLiteral("</p>");
}

QString verdictSentence(const analysis::MetricDifference& d, double level) {
  const QString name = metricLabel(d.metric);
  const ShownUnit unit = metricUnit(d.metric);
  const calib::PairedDifference& x = d.difference;
  if (!x.observed) {
    return spacedScripts(
        CompareSummary::tr(
            "%1 is undefined for run %2 or run %3 on the shared items (every item right or "
            "every item wrong): no comparison")
            .arg(name)
            .arg(d.run)
            .arg(d.against));
  }
  if (!x.ci) {
    return spacedScripts(
        CompareSummary::tr(
            "%1 of run %2 differs from run %3 by %4 (no interval: the metric was undefined in "
            "every bootstrap replicate)")
            .arg(name)
            .arg(d.run)
            .arg(d.against)
            .arg(differenceText(*x.observed, unit)));
  }
  // The numbers as the metrics panel writes them: shares and calibration errors differ by
  // percentage points ("by 4.2 pts (95 % interval 2.1 to 6.3 pts)").
  const QString measured =
      CompareSummary::tr("%1 of run %2 differs from run %3 by %4 (%5 % interval %6 to %7)")
          .arg(name)
          .arg(d.run)
          .arg(d.against)
          .arg(differenceText(*x.observed, unit))
          .arg(QString::number(level * 100, 'g', 6))
          .arg(differenceText(x.ci->lo, unit, true), differenceText(x.ci->hi, unit));
  QString outcome;
  if (!x.significant()) {
    outcome = CompareSummary::tr("not a significant difference");
  } else {
    const bool higher = x.ci->lo > 0;
    switch (d.better) {
      case analysis::Better::kRun:
        outcome = higher ? CompareSummary::tr("run %1 is better (higher)").arg(d.run)
                         : CompareSummary::tr("run %1 is better (lower)").arg(d.run);
        break;
      case analysis::Better::kAgainst:
        outcome = higher ? CompareSummary::tr("run %1 is better (run %2 is higher)")
                               .arg(d.against)
                               .arg(d.run)
                         : CompareSummary::tr("run %1 is better (run %2 is lower)")
                               .arg(d.against)
                               .arg(d.run);
        break;
      case analysis::Better::kNeither:
        outcome = higher ? CompareSummary::tr(
                               "a significant difference: run %1 is higher (neither direction "
                               "is better in itself)")
                               .arg(d.run)
                         : CompareSummary::tr(
                               "a significant difference: run %1 is lower (neither direction "
                               "is better in itself)")
                               .arg(d.run);
        break;
    }
  }
  return spacedScripts(CompareSummary::tr("%1: %2").arg(measured, outcome));
}

}  // namespace unveil::ui
