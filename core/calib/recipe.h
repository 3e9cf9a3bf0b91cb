// A recipe: every choice that turns predictions into numbers — bins, binning, which confidence,
// what becomes of unanswered items, how the temperature is fitted. Unveil's own recipe and the
// study's (its released TS.py) are both available, side by side (docs/METRICS.md, "Recipes").
#pragma once

#include <string>
#include <string_view>

#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/temperature.h"
#include "util/result.h"

namespace unveil::calib {

enum class TemperatureMethod : std::uint8_t {
  kExact,      ///< the unique minimiser of the option-level mean NLL (Unveil's)
  kStudyGrid,  ///< the study's grid 0.01-9.99 on the full-vocabulary NLL of the right letter
};

struct Recipe {
  std::string name = "unveil";
  MetricsOptions metrics;
  Scoring scoring;
  TemperatureMethod temperature = TemperatureMethod::kExact;
};

/// Unveil's recipe: the given bins and binning, option-level confidence, unanswered items counted
/// wrong, the exact temperature.
Recipe unveil_recipe(const MetricsOptions& metrics = {});
/// The study's: 10 equal-width bins (the last closed: min(int(c * 10), 9)), the answer letter's
/// full-vocabulary probability, unanswered items dropped, the grid temperature.
Recipe study_recipe();
/// "unveil" or "study".
Result<Recipe> recipe_by_name(std::string_view name, const MetricsOptions& metrics = {});

/// Outcomes and metrics of a set under a recipe at temperature T.
struct Scored {
  Outcomes outcomes;
  Metrics metrics;
};
Result<Scored> score(const PredictionSet& set, const Recipe& recipe, double temperature = 1.0);

/// The recipe's temperature fitted on a set.
Result<TemperatureFit> fit_recipe_temperature(const PredictionSet& set, const Recipe& recipe);

/// Python's float floor division a // b (its float_floor_div: fmod, then a correction of the
/// rounded quotient), so that the study's accuracy band int(acc // 0.2) is reproduced exactly:
/// 0.6 // 0.2 is 2.0 there, not 3.
double python_floor_div(double a, double b);

}  // namespace unveil::calib
