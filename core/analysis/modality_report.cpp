// The modality analysis as JSON (for the CLI and reports) and as a text table.
#include <cstdio>

#include "analysis/modality.h"
#include "calib/report_json.h"

namespace unveil::analysis {
namespace {

using calib::number_or_null;
using nlohmann::ordered_json;

ordered_json to_json(const Histogram& h) {
  return {{"lo", number_or_null(h.lo)}, {"hi", number_or_null(h.hi)}, {"counts", h.counts}};
}

ordered_json to_json(const Transitions& t) {
  return {{"kept_right", t.kept_right},
          {"kept_wrong", t.kept_wrong},
          {"changed_to_right", t.changed_to_right},
          {"changed_to_wrong", t.changed_to_wrong}};
}

ordered_json to_json(const ReferenceComparison& c) {
  ordered_json pairs = ordered_json::array();
  for (const auto& p : c.pairs) {
    pairs.push_back({{"item", p.item},
                     {"reference_confidence", number_or_null(p.reference)},
                     {"confidence", number_or_null(p.confidence)},
                     {"reference_correct", p.reference_correct},
                     {"correct", p.correct}});
  }
  return {{"reference", c.reference},
          {"shared", c.shared},
          {"transitions", to_json(c.transitions)},
          {"pairs", std::move(pairs)}};
}

ordered_json to_json(const ConditionSummary& s) {
  ordered_json j;
  j["condition"] = s.condition;
  j["run_id"] = s.run_id;
  j["run"] = to_string(s.origin);
  j["n"] = s.n;
  j["accuracy"] = number_or_null(s.accuracy);
  j["ece"] = number_or_null(s.ece);
  j["mean_confidence"] = number_or_null(s.mean_confidence);
  j["mean_entropy"] = number_or_null(s.mean_entropy);
  j["confidence_histogram"] = to_json(s.confidence);
  j["entropy_histogram"] = to_json(s.entropy);
  j["versus_reference"] = s.versus_reference ? to_json(*s.versus_reference) : ordered_json();
  return j;
}

std::string row(const ConditionSummary& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-12s %6lld %-8s %6zu %8.4f %7.4f %9.4f %8.4f",
                s.condition.c_str(), static_cast<long long>(s.run_id), to_string(s.origin), s.n,
                s.accuracy, s.ece, s.mean_confidence, s.mean_entropy);
  std::string out = buf;
  if (s.versus_reference) {
    const Transitions& t = s.versus_reference->transitions;
    std::snprintf(buf, sizeof buf, " %6zu %10zu %10zu %9zu %9zu", s.versus_reference->shared,
                  t.kept_right, t.kept_wrong, t.changed_to_right, t.changed_to_wrong);
    out += buf;
  }
  return out + "\n";
}

}  // namespace

ordered_json to_json(const ModalityResult& r) {
  ordered_json j;
  j["model"] = r.model;
  j["dataset"] = r.dataset;
  j["split"] = r.split;
  j["prompt"] = r.prompt;
  j["reference"] = r.reference;
  j["ece_bins"] = r.ece_bins;
  j["cancelled"] = r.cancelled;
  j["seconds"] = number_or_null(r.seconds);
  ordered_json conditions = ordered_json::array();
  for (const auto& s : r.conditions)
    conditions.push_back(to_json(s));
  j["conditions"] = std::move(conditions);
  return j;
}

std::string to_text(const ModalityResult& r) {
  std::string out = r.model + " on " + r.dataset + (r.split.empty() ? "" : "/" + r.split) +
                    "; transitions are from each condition to \"" + r.reference + "\" (ECE over " +
                    std::to_string(r.ece_bins) + " bins, entropy in nats)\n";
  if (r.cancelled) return out + "cancelled: the runs made so far are kept and resume next time\n";
  char head[256];
  std::snprintf(head, sizeof head, "%-12s %6s %-8s %6s %8s %7s %9s %8s %6s %10s %10s %9s %9s\n",
                "condition", "run", "origin", "n", "accuracy", "ECE", "mean conf", "entropy",
                "shared", "kept right", "kept wrong", "to right", "to wrong");
  out += head;
  for (const auto& s : r.conditions)
    out += row(s);
  return out;
}

}  // namespace unveil::analysis
