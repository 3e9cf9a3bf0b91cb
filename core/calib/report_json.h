// Machine-readable (JSON) and human-readable (text) forms of calibration results, shared by the
// CLI, the tests and the reports.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "calib/temperature.h"

namespace unveil::calib {

/// n, accuracy, ece, mce, rmsce, ace, brier, nll, auroc, aurc (+ idk_rate, accuracy_answered,
/// ece_answered, answered when an IDK option is known), binning, bins (lo, hi, count, confidence,
/// accuracy, gap, ci_lo, ci_hi), and ci ({metric: [lo, hi]}) when a bootstrap is given.
/// Undefined values are null: JSON never holds a NaN.
nlohmann::ordered_json to_json(const Metrics& m, const BootstrapResult* ci = nullptr);
nlohmann::ordered_json to_json(const BinTable& t);
nlohmann::ordered_json to_json(const TemperatureFit& fit);
nlohmann::ordered_json to_json(const PairedBootstrapResult& r);

/// The headline metrics stored with a run and shown in run lists: n, accuracy, ece, nll, auroc
/// (null when undefined), and idk_rate when an IDK option is known.
nlohmann::ordered_json headline_json(const Metrics& m);

/// A number or null.
nlohmann::ordered_json number_or_null(double v);
nlohmann::ordered_json number_or_null(const std::optional<double>& v);

/// The metrics as an aligned text table with the bin table below.
std::string to_text(const Metrics& m, const BootstrapResult* ci = nullptr);

}  // namespace unveil::calib
