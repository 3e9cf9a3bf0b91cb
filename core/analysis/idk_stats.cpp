// The numbers of the IDK analysis, from stored prediction sets (no store, no model): what the
// model does on the IDK items and on the answerable ones, and how a prompt changes it.
#include <cstdio>
#include <unordered_map>

#include "analysis/idk_analysis.h"
#include "calib/outcomes.h"

namespace unveil::analysis {
namespace {

// An IDK item: its right answer is its "I don't know" option (docs/METRICS.md).
bool is_idk_item(const calib::PredictionSet& s, std::size_t i) {
  return s.idk_index(i) >= 0 && s.label(i) == s.idk_index(i);
}

calib::PredictionSet select(const calib::PredictionSet& s, bool idk_items) {
  std::vector<std::size_t> pos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_idk_item(s, i) == idk_items) pos.push_back(i);
  }
  return s.subset(pos);
}

// The items of a whose id b also has, and b's same items in the same order.
Result<std::pair<calib::PredictionSet, calib::PredictionSet>> shared_items(
    const calib::PredictionSet& a, const calib::PredictionSet& b) {
  std::unordered_map<std::string_view, std::size_t> in_b;
  in_b.reserve(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (!in_b.emplace(b.id(i), i).second)
      return Error{"item id \"" + std::string(b.id(i)) + "\" appears twice in a prompt's run"};
  }
  std::vector<std::size_t> pa, pb;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto it = in_b.find(a.id(i));
    if (it == in_b.end()) continue;
    pa.push_back(i);
    pb.push_back(it->second);
  }
  return std::make_pair(a.subset(pa), b.subset(pb));
}

// variant - reference of one of calib::scalars' metrics, on the shared items.
Result<IdkDifference> difference(const calib::PredictionSet& reference,
                                 const calib::PredictionSet& variant, const std::string& metric,
                                 const calib::BootstrapOptions& options, bool& cancelled) {
  auto shared = shared_items(reference, variant);
  if (!shared) return shared.error();
  IdkDifference d;
  d.shared = shared->first.size();
  if (d.shared == 0) return d;
  auto paired = calib::paired_bootstrap(shared->first, shared->second, options);
  if (!paired) return paired.error();
  cancelled = cancelled || paired->cancelled;
  const auto it = paired->diff.find(metric);
  if (it != paired->diff.end()) d.difference = it->second;  // idk_rate needs an IDK option
  return d;
}

std::string signed_number(double v) {
  if (v == 0) v = 0;  // no "-0.000"
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.3f", v);
  return buf;
}

std::string percent(double level) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%g%%", level * 100);
  return buf;
}

std::string in_quotes(const std::string& name) {
  return "\"" + name + "\"";
}

// Which way a significant difference went: +1 up, -1 down, 0 not significant or no interval.
int direction(const IdkDifference& d) {
  if (!d.difference.significant()) return 0;
  return d.difference.ci->lo > 0 ? 1 : -1;
}

// "<what> under "V" differs from "R" by +0.120 (95% interval +0.080 to +0.160): <consequence>".
std::string rate_verdict(const std::string& what, const IdkDifference& d,
                         const std::string& variant, const std::string& reference, double level,
                         const std::string& more, const std::string& less,
                         const std::string& nothing) {
  if (!d.difference.observed) return what + ": " + nothing + ", no comparison";
  std::string s = what + " under " + in_quotes(variant) + " differs from " + in_quotes(reference) +
                  " by " + signed_number(*d.difference.observed);
  const auto& ci = d.difference.ci;
  if (!ci) return s + " (no interval: no bootstrap was asked for)";
  s += " (" + percent(level) + " interval " + signed_number(ci->lo) + " to " +
       signed_number(ci->hi) + "): ";
  switch (direction(d)) {
    case 1:
      return s + in_quotes(variant) + " " + more;
    case -1:
      return s + in_quotes(variant) + " " + less;
    default:
      return s + "not a significant difference";
  }
}

// The admit rate and the accuracy together, in one sentence.
std::string overall_verdict(const PromptComparison& c, const std::string& variant, double level) {
  const std::string v = in_quotes(variant);
  const IdkDifference& admit = c.admit_rate;
  const IdkDifference& acc = c.accuracy;
  std::string s;
  if (!admit.difference.observed) {
    s = v + " cannot be compared on the IDK items";
  } else if (!admit.difference.ci) {
    s = v + " changes the IDK rate by " + signed_number(*admit.difference.observed) +
        " (no interval to judge it)";
  } else if (direction(admit) > 0) {
    s = v + " admits not knowing more often (" + signed_number(*admit.difference.observed) + ")";
  } else if (direction(admit) < 0) {
    s = v + " admits not knowing less often (" + signed_number(*admit.difference.observed) + ")";
  } else {
    s = v + " does not change significantly how often the model admits not knowing";
  }
  if (!acc.difference.observed) {
    s += "; accuracy on answerable items cannot be compared";
  } else if (!acc.difference.ci) {
    s += ", and changes accuracy on answerable items by " + signed_number(*acc.difference.observed);
  } else if (direction(acc) > 0) {
    s += ", and is more accurate on answerable items (" + signed_number(*acc.difference.observed) +
         ")";
  } else if (direction(acc) < 0) {
    s += (direction(admit) > 0 ? ", at a cost in accuracy on answerable items ("
                               : ", and is less accurate on answerable items (") +
         signed_number(*acc.difference.observed) + ")";
  } else {
    s += ", with no significant change in accuracy on answerable items";
  }
  return s + " (against " + in_quotes(c.reference) + ", " + percent(level) + " paired bootstrap)";
}

}  // namespace

IdkItemsSummary summarise_idk_items(const calib::PredictionSet& set, int histogram_bins) {
  IdkItemsSummary s;
  s.items = set.size();
  const calib::Outcomes o = calib::compute_outcomes(set);
  std::vector<double> answered;  // confidence of the answers it should not have given
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (!is_idk_item(set, i)) continue;
    ++s.n;
    if (o.predicted[i] == set.idk_index(i)) {
      ++s.admitted;
    } else {
      answered.push_back(o.confidence[i]);
    }
  }
  s.answered = answered.size();
  if (s.n > 0) s.admit_rate = static_cast<double>(s.admitted) / static_cast<double>(s.n);
  if (!answered.empty()) {
    double sum = 0;
    for (double c : answered)
      sum += c;
    s.answered_confidence = sum / static_cast<double>(answered.size());
  }
  s.answered_histogram = make_histogram(answered, 0.0, 1.0, histogram_bins);
  return s;
}

AnswerableSummary summarise_answerable(const calib::PredictionSet& set) {
  AnswerableSummary s;
  s.items = set.size();
  const calib::Outcomes o = calib::compute_outcomes(set);
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (is_idk_item(set, i)) continue;
    ++s.n;
    s.correct += o.correct[i] ? 1 : 0;
    if (set.idk_index(i) >= 0) {
      ++s.with_idk_option;
      s.said_idk += o.predicted[i] == set.idk_index(i) ? 1 : 0;
    }
  }
  s.answered = s.n - s.said_idk;
  const auto rate = [](std::size_t k, std::size_t n) {
    return n > 0 ? std::optional<double>(static_cast<double>(k) / static_cast<double>(n))
                 : std::nullopt;
  };
  s.false_idk_rate = rate(s.said_idk, s.with_idk_option);
  s.accuracy = rate(s.correct, s.n);
  // An item that said "I don't know" is never right here, so every right answer was given.
  s.accuracy_answered = rate(s.correct, s.answered);
  return s;
}

Result<PromptComparison> compare_prompts(const calib::PredictionSet& reference_idk,
                                         const calib::PredictionSet& variant_idk,
                                         const calib::PredictionSet& reference_answerable,
                                         const calib::PredictionSet& variant_answerable,
                                         const calib::BootstrapOptions& options,
                                         const std::string& reference_name,
                                         const std::string& variant_name) {
  PromptComparison c;
  c.reference = reference_name;
  // On the IDK items every item offers the IDK option, so calib's idk_rate is the admit rate.
  auto admit = difference(select(reference_idk, true), select(variant_idk, true), "idk_rate",
                          options, c.cancelled);
  if (!admit) return admit.error();
  c.admit_rate = std::move(*admit);
  // One resampling of the answerable items gives both of their differences.
  auto ref_ans = select(reference_answerable, false);
  auto var_ans = select(variant_answerable, false);
  auto shared = shared_items(ref_ans, var_ans);
  if (!shared) return shared.error();
  c.accuracy.shared = c.false_idk_rate.shared = shared->first.size();
  if (!shared->first.empty()) {
    auto paired = calib::paired_bootstrap(shared->first, shared->second, options);
    if (!paired) return paired.error();
    c.cancelled = c.cancelled || paired->cancelled;
    if (const auto it = paired->diff.find("accuracy"); it != paired->diff.end())
      c.accuracy.difference = it->second;
    // calib's idk_rate counts the items that offer an IDK option: the false-IDK rate.
    if (const auto it = paired->diff.find("idk_rate"); it != paired->diff.end())
      c.false_idk_rate.difference = it->second;
  }
  const double level = options.level;
  c.admit_rate.verdict =
      rate_verdict("The IDK rate on the IDK items", c.admit_rate, variant_name, reference_name,
                   level, "admits not knowing more often", "admits not knowing less often",
                   "no IDK item was predicted under both prompts");
  c.accuracy.verdict = rate_verdict("Accuracy on the answerable items", c.accuracy, variant_name,
                                    reference_name, level, "is more accurate", "is less accurate",
                                    "no answerable item was predicted under both prompts");
  c.false_idk_rate.verdict = rate_verdict(
      "The false-IDK rate on the answerable items", c.false_idk_rate, variant_name, reference_name,
      level, "says \"I don't know\" wrongly more often", "says \"I don't know\" wrongly less often",
      "no answerable item offering an IDK option was predicted under both prompts");
  c.verdict = overall_verdict(c, variant_name, level);
  return c;
}

}  // namespace unveil::analysis
