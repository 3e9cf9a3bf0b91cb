#include "calib/metric_catalog.h"

#include <array>

#include "calib/metrics.h"

namespace unveil::calib {
namespace {

using D = MetricDirection;
using K = MetricKind;

const std::array<MetricInfo, 12> kCatalog = {{
    {"accuracy", D::kHigherBetter, K::kShare, "Accuracy",
     "Share of the questions answered correctly.",
     [](const Metrics& m) -> std::optional<double> { return m.accuracy; }, false},
    {"ece", D::kLowerBetter, K::kCalibrationError, "ECE",
     "Average gap between how sure the model says it is and how often it is right (0 = its "
     "confidence can be taken at face value).",
     [](const Metrics& m) -> std::optional<double> { return m.ece; }, false},
    {"mce", D::kLowerBetter, K::kCalibrationError, "MCE",
     "The largest such gap in any confidence band.",
     [](const Metrics& m) -> std::optional<double> { return m.mce; }, false},
    {"rmsce", D::kLowerBetter, K::kCalibrationError, "RMSCE",
     "Like ECE, but large gaps weigh more.",
     [](const Metrics& m) -> std::optional<double> { return m.rmsce; }, false},
    {"ace", D::kLowerBetter, K::kCalibrationError, "ACE",
     "ECE with bands that hold equal numbers of answers.",
     [](const Metrics& m) -> std::optional<double> { return m.ace; }, false},
    {"brier", D::kLowerBetter, K::kScore, "Brier score",
     "Mean squared error of the stated probabilities (0 best, 2 worst).",
     [](const Metrics& m) -> std::optional<double> { return m.brier; }, false},
    {"nll", D::kLowerBetter, K::kScore, "NLL",
     "How surprised the model is by the right answers, on average (lower is better).",
     [](const Metrics& m) -> std::optional<double> { return m.nll; }, false},
    {"auroc", D::kHigherBetter, K::kScore, "AUROC",
     "How well its confidence tells its right answers from its wrong ones (0.5 = not at all, "
     "1 = perfectly).",
     [](const Metrics& m) -> std::optional<double> { return m.auroc; }, false},
    {"aurc", D::kLowerBetter, K::kScore, "AURC",
     "Average error rate when only its most confident answers are kept, over every cut-off "
     "(lower is better).",
     [](const Metrics& m) -> std::optional<double> { return m.aurc; }, false},
    {"idk_rate", D::kNeither, K::kShare, "IDK rate",
     "Share of the questions where it chose \"I don't know\".",
     [](const Metrics& m) -> std::optional<double> { return m.idk_rate; }, true},
    {"accuracy_answered", D::kHigherBetter, K::kShare, "Accuracy on answered items",
     "Accuracy on the questions it did answer.",
     [](const Metrics& m) -> std::optional<double> { return m.accuracy_answered; }, true},
    {"ece_answered", D::kLowerBetter, K::kCalibrationError, "ECE on answered items",
     "ECE on the questions it did answer.",
     [](const Metrics& m) -> std::optional<double> { return m.ece_answered; }, true},
}};

}  // namespace

std::span<const MetricInfo> metric_catalog() {
  return kCatalog;
}

const MetricInfo* find_metric(std::string_view key) {
  for (const MetricInfo& info : kCatalog)
    if (info.key == key) return &info;
  return nullptr;
}

}  // namespace unveil::calib
