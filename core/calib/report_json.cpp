#include "calib/report_json.h"

#include <cmath>
#include <cstdio>

namespace unveil::calib {

nlohmann::ordered_json number_or_null(double v) {
  return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json number_or_null(const std::optional<double>& v) {
  return v ? number_or_null(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json headline_json(const Metrics& m) {
  nlohmann::ordered_json j;
  j["n"] = m.n;
  j["n_unanswered"] = m.n_unanswered;
  j["accuracy"] = number_or_null(m.accuracy);
  j["ece"] = number_or_null(m.ece);
  j["nll"] = number_or_null(m.nll);
  j["auroc"] = number_or_null(m.auroc);
  if (m.has_idk) j["idk_rate"] = number_or_null(m.idk_rate);
  return j;
}

nlohmann::ordered_json to_json(const BinTable& t) {
  nlohmann::ordered_json bins = nlohmann::ordered_json::array();
  for (const Bin& b : t.bins) {
    bins.push_back({{"lo", number_or_null(b.lo)},
                    {"hi", number_or_null(b.hi)},
                    {"count", b.count},
                    {"confidence", number_or_null(b.confidence)},
                    {"accuracy", number_or_null(b.accuracy)},
                    {"gap", number_or_null(b.gap)},
                    {"ci_lo", number_or_null(b.ci_lo)},
                    {"ci_hi", number_or_null(b.ci_hi)}});
  }
  return bins;
}

nlohmann::ordered_json to_json(const Metrics& m, const BootstrapResult* ci) {
  nlohmann::ordered_json j;
  j["n"] = m.n;
  for (const auto& [name, value] : scalars(m))
    j[name] = number_or_null(value);
  if (m.has_idk) j["answered"] = m.answered;
  j["mean_confidence"] = number_or_null(m.mean_confidence);
  j["confidence"] = to_string(m.confidence);
  j["n_unanswered"] = m.n_unanswered;
  j["unanswered"] = m.unanswered_dropped ? "dropped" : "counted wrong";
  j["binning"] = to_string(m.table.binning);
  j["bins"] = to_json(m.table);
  if (ci) {
    nlohmann::ordered_json c = nlohmann::ordered_json::object();
    for (const auto& [name, iv] : ci->ci) {
      c[name] = iv ? nlohmann::ordered_json::array({number_or_null(iv->lo), number_or_null(iv->hi)})
                   : nlohmann::ordered_json(nullptr);
    }
    j["ci"] = c;
    j["bootstrap"] = {{"replicates", ci->replicates}, {"seed", ci->seed}, {"level", ci->level}};
  }
  return j;
}

nlohmann::ordered_json to_json(const TemperatureFit& fit) {
  return {{"temperature", number_or_null(fit.temperature)},
          {"nll_before", number_or_null(fit.nll_before)},
          {"nll_after", number_or_null(fit.nll_after)},
          {"iterations", fit.iterations},
          {"at_bound", fit.at_bound},
          {"unchanged", fit.unchanged},
          {"note", fit.note}};
}

nlohmann::ordered_json to_json(const PairedBootstrapResult& r) {
  nlohmann::ordered_json j;
  j["n"] = r.n;
  j["replicates"] = r.replicates;
  j["seed"] = r.seed;
  j["level"] = r.level;
  nlohmann::ordered_json d = nlohmann::ordered_json::object();
  for (const auto& [name, diff] : r.diff) {
    d[name] = {{"difference", number_or_null(diff.observed)},
               {"ci", diff.ci ? nlohmann::ordered_json::array(
                                    {number_or_null(diff.ci->lo), number_or_null(diff.ci->hi)})
                              : nlohmann::ordered_json(nullptr)},
               {"significant", diff.significant()}};
  }
  j["diff"] = d;
  return j;
}

namespace {
std::string fmt(const std::optional<double>& v, const char* spec = "%.4f") {
  if (!v || !std::isfinite(*v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, spec, *v);
  return buf;
}
}  // namespace

std::string to_text(const Metrics& m, const BootstrapResult* ci) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-18s %zu\n", "n", m.n);
  out += buf;
  std::snprintf(
      buf, sizeof buf, "%-18s %zu (%s)\n", "unanswered", m.n_unanswered,
      m.unanswered_dropped ? "dropped: not among the n items" : "no option letter: counted wrong");
  out += buf;
  std::snprintf(buf, sizeof buf, "%-18s %s\n", "confidence",
                m.confidence == ConfidenceKind::kVocab
                    ? "vocab (the answer letter's probability over the whole vocabulary)"
                    : "options (renormalised over the option letters)");
  out += buf;
  for (const auto& [name, value] : scalars(m)) {
    std::string line = fmt(value);
    if (ci) {
      const auto it = ci->ci.find(name);
      if (it != ci->ci.end() && it->second) {
        line += "  [" + fmt(it->second->lo) + ", " + fmt(it->second->hi) + "]";
      }
    }
    std::snprintf(buf, sizeof buf, "%-18s %s\n", name.c_str(), line.c_str());
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "\n%-2s %-8s %-8s %8s %10s %9s %8s  %s\n", "#", "lo", "hi",
                "count", "confidence", "accuracy", "gap", "95% CI of accuracy");
  out += buf;
  for (std::size_t b = 0; b < m.table.bins.size(); ++b) {
    const Bin& x = m.table.bins[b];
    std::snprintf(buf, sizeof buf, "%-2zu %-8s %-8s %8zu %10s %9s %8s  [%s, %s]\n", b,
                  fmt(x.lo).c_str(), fmt(x.hi).c_str(), x.count, fmt(x.confidence).c_str(),
                  fmt(x.accuracy).c_str(), fmt(x.gap, "%+.4f").c_str(), fmt(x.ci_lo).c_str(),
                  fmt(x.ci_hi).c_str());
    out += buf;
  }
  return out;
}

}  // namespace unveil::calib
