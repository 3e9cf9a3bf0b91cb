// The reliability diagram's headline in plain words: how sure the model says it is, on average,
// against how often it is right, and the gap in percentage points — before and, when a temperature
// was fitted, after scaling. For a reader without training in machine learning; the numbers are
// the metrics panel's (mean confidence and accuracy), rounded as the panel shows them.
#pragma once

#include <QString>
#include <optional>

#include "calib/metrics.h"

namespace unveil::ui {

/// The verdict for `before` (and, on a second line, `after` at temperature `temperature`, when
/// given); empty when there are no predictions. The gap is taken between the two numbers as shown
/// (to 0.1 %), so that the sentence adds up for whoever checks it.
QString calibrationVerdict(const calib::Metrics& before, const calib::Metrics* after = nullptr,
                           std::optional<double> temperature = std::nullopt);

}  // namespace unveil::ui
