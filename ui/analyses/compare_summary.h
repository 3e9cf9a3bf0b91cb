// The comparison in a few plain sentences, before its per-metric table: which model is right
// more often, whose confidence can be trusted more, and what else differs clearly, naming the
// models (not "run 5 / run 8") and saying when a difference is within chance. Written here, in the
// window's language, from the numbers core computed.
#pragma once

#include <QString>

#include "analysis/compare.h"
#include "metrics/metric_labels.h"

namespace unveil::ui {

/// HTML: one paragraph per run compared with the first.
QString comparisonSummary(const analysis::Comparison& c);

/// The verdict on one difference in the window's language; in English word for word core's
/// analysis::verdict (the wording of docs/ANALYSES.md), which the CLI and reports print.
QString verdictSentence(const analysis::MetricDifference& d, double level);

}  // namespace unveil::ui
