// The numbers of the modality analysis, from stored prediction sets (no store, no model).
#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "analysis/modality.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"

namespace unveil::analysis {
namespace {

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v)
    s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

// The largest number of options of any item: the entropy histogram spans [0, ln K].
std::size_t max_options(const calib::PredictionSet& set) {
  std::size_t k = 2;
  for (std::size_t i = 0; i < set.size(); ++i)
    k = std::max(k, set.num_options(i));
  return k;
}

}  // namespace

double entropy(const std::vector<double>& p) {
  double h = 0;
  for (double x : p) {
    if (x > 0) h -= x * std::log(x);
  }
  return h;
}

ConditionSummary summarise_condition(const calib::PredictionSet& set, int ece_bins,
                                     int histogram_bins) {
  ConditionSummary s;
  s.n = set.size();
  if (set.empty()) return s;
  const calib::Outcomes o = calib::compute_outcomes(set);
  calib::MetricsOptions mo;
  mo.bins = ece_bins;
  const calib::Metrics m = calib::compute_metrics(o, mo);
  s.accuracy = m.accuracy;
  s.ece = m.ece;
  s.mean_confidence = m.mean_confidence;
  std::vector<double> h(set.size());
  for (std::size_t i = 0; i < set.size(); ++i)
    h[i] = entropy(calib::softmax(set.logits(i)));
  s.mean_entropy = mean(h);
  s.confidence = make_histogram(o.confidence, 0.0, 1.0, histogram_bins);
  s.entropy =
      make_histogram(h, 0.0, std::log(static_cast<double>(max_options(set))), histogram_bins);
  return s;
}

ReferenceComparison compare_to_reference(const calib::PredictionSet& reference,
                                         const calib::PredictionSet& other) {
  const calib::Outcomes ro = calib::compute_outcomes(reference);
  const calib::Outcomes oo = calib::compute_outcomes(other);
  std::unordered_map<std::string_view, std::size_t> by_id;
  by_id.reserve(reference.size());
  for (std::size_t i = 0; i < reference.size(); ++i)
    by_id.emplace(reference.id(i), i);
  ReferenceComparison c;
  for (std::size_t i = 0; i < other.size(); ++i) {
    const auto it = by_id.find(other.id(i));
    if (it == by_id.end()) continue;
    const bool with_ref = ro.correct[it->second] != 0;
    const bool here = oo.correct[i] != 0;
    Transitions& t = c.transitions;
    ++(here ? (with_ref ? t.kept_right : t.changed_to_wrong)
            : (with_ref ? t.changed_to_right : t.kept_wrong));
    c.pairs.push_back(
        {std::string(other.id(i)), ro.confidence[it->second], oo.confidence[i], with_ref, here});
  }
  c.shared = c.pairs.size();
  return c;
}

}  // namespace unveil::analysis
