#include "metrics/metric_labels.h"

#include <QCoreApplication>
#include <array>
#include <string_view>

#include "analysis/compare.h"

namespace unveil::ui {

namespace {

// The translation contexts these words have always had (translations/unveil_zh_CN.ts).
constexpr const char* kCompare = "CompareSummary";
constexpr const char* kTable = "unveil::ui::MetricsTableModel";

struct Words {
  std::string_view key;  ///< as in calib::metric_catalog()
  const char* label;     ///< the comparison's table and verdicts
  const char* phrase;    ///< inside the comparison's summary; nullptr: core's English label
  const char* rowName;   ///< the metrics panel's table
  const char* help;      ///< the tooltip of that row
};

// One entry for each key of calib::metric_catalog(), in its order.
const std::array<Words, 12> kWords = {{
    {"accuracy", QT_TRANSLATE_NOOP("CompareSummary", "Accuracy"), nullptr,
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "Accuracy"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "The share of predictions that are right. Temperature scaling never changes "
                       "it: it changes how sure the model says it is, not which answer it picks.")},
    {"ece", QT_TRANSLATE_NOOP("CompareSummary", "ECE"), nullptr,
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "ECE"),
     QT_TRANSLATE_NOOP(
         "unveil::ui::MetricsTableModel",
         "Expected calibration error: the average gap between how confident the model is and how "
         "often it is right, weighted by how many predictions fall in each confidence bin, in "
         "percentage points: 10 points means that confidence and accuracy are, on average, 10 "
         "points of 100 apart. 0 is perfect.")},
    {"mce", QT_TRANSLATE_NOOP("CompareSummary", "MCE"),
     QT_TRANSLATE_NOOP("CompareSummary", "worst-bin calibration error (MCE)"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "MCE"),
     QT_TRANSLATE_NOOP(
         "unveil::ui::MetricsTableModel",
         "Maximum calibration error: the largest gap between confidence and accuracy in any single "
         "bin. It shows the worst case, and small bins can make it jumpy. 0 is perfect.")},
    {"rmsce", QT_TRANSLATE_NOOP("CompareSummary", "RMSCE"),
     QT_TRANSLATE_NOOP("CompareSummary", "RMS calibration error"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "RMS calibration error"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "Root-mean-square calibration error: like ECE, but large gaps count more "
                       "than small ones. 0 is perfect.")},
    {"ace", QT_TRANSLATE_NOOP("CompareSummary", "ACE"),
     QT_TRANSLATE_NOOP("CompareSummary", "adaptive calibration error (ACE)"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "ACE"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "Adaptive calibration error: ECE computed with bins that each hold the same "
                       "number of predictions, so that nearly empty bins cannot distort it. 0 is "
                       "perfect.")},
    {"brier", QT_TRANSLATE_NOOP("CompareSummary", "Brier score"),
     QT_TRANSLATE_NOOP("CompareSummary", "Brier score"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "Brier score"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "The mean squared difference between the predicted probabilities and the "
                       "truth (1 for the right option, 0 for the others). It rewards answers that "
                       "are both right and honestly confident. 0 is perfect, 2 is the worst.")},
    {"nll", QT_TRANSLATE_NOOP("CompareSummary", "NLL"), QT_TRANSLATE_NOOP("CompareSummary", "NLL"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "NLL"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "Negative log-likelihood: how surprised the model is by the right answer, "
                       "on average. Confident mistakes are punished hard. Lower is better; "
                       "temperature scaling minimises it on the calibration split.")},
    {"auroc", QT_TRANSLATE_NOOP("CompareSummary", "AUROC"),
     QT_TRANSLATE_NOOP("CompareSummary", "telling right from wrong (AUROC)"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "AUROC"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "How well confidence separates right from wrong answers: the chance that a "
                       "random right answer has a higher confidence than a random wrong one. 0.5 "
                       "is no better than a coin, 1 is perfect.")},
    {"aurc", QT_TRANSLATE_NOOP("CompareSummary", "AURC"),
     QT_TRANSLATE_NOOP("CompareSummary", "risk–coverage (AURC)"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "AURC"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "Area under the risk–coverage curve: the error rate when only the most "
                       "confident predictions are kept, averaged over every cut-off. Lower is "
                       "better: the answers the model is surest of should be the right ones.")},
    {"idk_rate", QT_TRANSLATE_NOOP("CompareSummary", "IDK rate"),
     QT_TRANSLATE_NOOP("CompareSummary", "“I don't know” rate"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "“I don't know” rate"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "The share of predictions that chose the “I don't know” option instead of "
                       "an answer. On questions that cannot be answered, that is the right "
                       "choice.")},
    {"accuracy_answered", QT_TRANSLATE_NOOP("CompareSummary", "Accuracy on answered items"),
     QT_TRANSLATE_NOOP("CompareSummary", "accuracy on answered questions"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "Accuracy (answered)"),
     QT_TRANSLATE_NOOP(
         "unveil::ui::MetricsTableModel",
         "Accuracy on the predictions that gave an answer, leaving out “I don't know”.")},
    {"ece_answered", QT_TRANSLATE_NOOP("CompareSummary", "ECE on answered items"),
     QT_TRANSLATE_NOOP("CompareSummary", "calibration error on answered questions"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel", "ECE (answered)"),
     QT_TRANSLATE_NOOP("unveil::ui::MetricsTableModel",
                       "Expected calibration error on the predictions that gave an answer, leaving "
                       "out “I don't know”. 0 is perfect.")},
}};

const Words* find(const std::string& key) {
  for (const Words& w : kWords)
    if (w.key == key) return &w;
  return nullptr;
}

}  // namespace

QString metricLabel(const std::string& key) {
  const Words* w = find(key);
  return w ? QCoreApplication::translate(kCompare, w->label)
           : QString::fromStdString(analysis::metric_label(key));
}

QString metricPhrase(const std::string& key) {
  if (key == "mean_confidence")
    return QCoreApplication::translate("CompareSummary", "mean confidence");
  const Words* w = find(key);
  return w && w->phrase ? QCoreApplication::translate(kCompare, w->phrase)
                        : QString::fromStdString(analysis::metric_label(key));
}

QString metricRowName(const std::string& key) {
  const Words* w = find(key);
  return w ? QCoreApplication::translate(kTable, w->rowName) : QString();
}

QString metricHelp(const std::string& key) {
  const Words* w = find(key);
  return w ? QCoreApplication::translate(kTable, w->help) : QString();
}

}  // namespace unveil::ui
