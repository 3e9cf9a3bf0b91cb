// The comparison in a few plain sentences, before its per-metric table: which model is right
// more often, whose confidence can be trusted more, and what else differs clearly, naming the
// models (not "run 5 / run 8") and saying when a difference is within chance. Written here, in the
// window's language, from the numbers core computed.
#pragma once

#include <QString>

#include "analysis/compare.h"

namespace unveil::ui {

/// HTML: one paragraph per run compared with the first.
QString comparisonSummary(const analysis::Comparison& c);

/// A metric's label in the comparison's table and verdicts ("ECE", "Brier score") in the window's
/// language; in English the words of core's analysis::metric_label.
QString metricLabel(const std::string& key);

/// The verdict on one difference in the window's language; in English word for word core's
/// analysis::verdict (the wording of docs/ANALYSES.md), which the CLI and reports print.
QString verdictSentence(const analysis::MetricDifference& d, double level);

}  // namespace unveil::ui
