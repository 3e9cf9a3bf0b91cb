// Temperature scaling fitted exactly: T minimising mean NLL of softmax(logits / T).
#pragma once

#include <string>

#include "calib/prediction_set.h"
#include "util/result.h"

namespace unveil::calib {

struct TemperatureOptions {
  double min_temperature = 0.01;  ///< search bounds; a minimiser beyond them is reported at_bound
  double max_temperature = 100.0;
};

struct TemperatureFit {
  double temperature = 1.0;
  double nll_before = 0, nll_after = 0;
  int iterations = 0;
  bool at_bound = false;   ///< the minimiser lies at or beyond a search bound
  bool unchanged = false;  ///< T within 1% of 1: scaling changes (almost) nothing
  std::string note;        ///< a plain-words summary for the user
};

/// Mean NLL of softmax(logits / T) over the set (probabilities clamped at 1e-12).
double mean_nll(const PredictionSet& set, double temperature);

/// The study's temperature (its TS.py): the first T of the grid 0.01, 0.02, ..., 9.99 whose mean
/// full-vocabulary NLL of the right answer's letter, -log softmax(v / T)[label letter], is
/// strictly smallest. Uses each answered item's answer-step vocabulary logits v (the right
/// letter's logit being the stored option logit of the label); unanswered items are left out, as
/// the study drops them. Fails, naming an item, when one has no vocabulary logits.
Result<TemperatureFit> fit_temperature_study_grid(const PredictionSet& set);

/// Mean full-vocabulary NLL of the right letter at T over the answered items (NaN when an item
/// lacks vocabulary logits).
double mean_vocab_nll(const PredictionSet& set, double temperature);

/// The exact minimiser, by safeguarded Newton iteration on beta = 1/T: the mean NLL is convex in
/// beta (a log-sum-exp of linear functions minus a linear one), so its derivative is monotone and
/// has at most one root. Fails on an empty set.
Result<TemperatureFit> fit_temperature(const PredictionSet& set, const TemperatureOptions& = {});

}  // namespace unveil::calib
