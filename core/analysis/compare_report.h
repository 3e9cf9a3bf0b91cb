// JSON and text forms of a run comparison (analysis/compare.h), shared by unveil-cli compare and
// the reports. JSON never holds a NaN: undefined values are null.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/compare.h"

namespace unveil::analysis {

/// {"runs": [{"id", "name", "model", "dataset", "split", "condition", "n_run", "metrics", "ci"}],
///  "shared_items", "differences": [{"run", "against", "metric", "difference", "ci", "significant",
///  "better", "verdict"}], "bootstrap", "seed", "level"}. "metrics" holds the keys of
/// `unveil-cli metrics --format json`; "better" is "run", "against" or null.
nlohmann::ordered_json to_json(const Comparison& c);

/// The runs, a table of every metric with the runs side by side (value [interval]), and the
/// verdict of every difference.
std::string to_text(const Comparison& c);

}  // namespace unveil::analysis
