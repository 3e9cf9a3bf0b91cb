#include "calib/recipe.h"

#include <cmath>

namespace unveil::calib {

Recipe unveil_recipe(const MetricsOptions& metrics) {
  Recipe r;
  r.name = "unveil";
  r.metrics = metrics;
  return r;
}

Recipe study_recipe() {
  Recipe r;
  r.name = "study";
  r.metrics.bins = 10;
  r.metrics.binning = Binning::kEqualWidth;
  r.scoring.confidence = ConfidenceKind::kVocab;
  r.scoring.unanswered = UnansweredPolicy::kDrop;
  r.temperature = TemperatureMethod::kStudyGrid;
  return r;
}

Result<Recipe> recipe_by_name(std::string_view name, const MetricsOptions& metrics) {
  if (name == "unveil") return unveil_recipe(metrics);
  if (name == "study") return study_recipe();
  return Error{"unknown recipe \"" + std::string(name) + "\" (available: unveil, study)"};
}

Result<Scored> score(const PredictionSet& set, const Recipe& recipe, double temperature) {
  auto o = compute_outcomes(set, temperature, recipe.scoring);
  if (!o) return o.error();
  if (o->size() == 0) {
    return Error{"no answered items: all " + std::to_string(set.size()) +
                 " items are unanswered and the recipe leaves them out"};
  }
  Scored s;
  s.metrics = compute_metrics(*o, recipe.metrics);
  s.outcomes = std::move(*o);
  return s;
}

Result<TemperatureFit> fit_recipe_temperature(const PredictionSet& set, const Recipe& recipe) {
  if (recipe.temperature == TemperatureMethod::kStudyGrid) return fit_temperature_study_grid(set);
  if (recipe.scoring.unanswered == UnansweredPolicy::kDrop && set.unanswered() > 0) {
    return fit_temperature(set.answered());
  }
  return fit_temperature(set);
}

double python_floor_div(double a, double b) {
  // CPython's float_floor_div (Objects/floatobject.c, _float_div_mod), for finite a and b != 0.
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, b);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  return floordiv;
}

}  // namespace unveil::calib
