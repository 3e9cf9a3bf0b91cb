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

}  // namespace unveil::ui
