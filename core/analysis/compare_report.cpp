#include "analysis/compare_report.h"

#include <cmath>
#include <cstdio>

#include "calib/report_json.h"

namespace unveil::analysis {
namespace {

using Json = nlohmann::ordered_json;

Json interval_json(const std::optional<calib::Interval>& iv) {
  if (!iv) return nullptr;
  return Json::array({calib::number_or_null(iv->lo), calib::number_or_null(iv->hi)});
}

Json run_json(const ComparedRun& r) {
  Json j;
  j["id"] = r.info.id;
  j["name"] = r.info.spec.name;
  j["model"] = r.info.model_name;
  j["dataset"] = r.info.dataset_name;
  j["split"] = r.info.spec.split;
  j["condition"] = r.info.spec.condition;
  j["n_run"] = r.n_run;
  j["status"] = store::to_string(r.info.status);
  j["expected"] = r.info.spec.expected;
  j["partial"] = store::is_partial(r.info);
  // The metrics exactly as `unveil-cli metrics --format json` writes them, with the intervals
  // lifted out beside them (the bootstrap settings are the comparison's).
  Json metrics = calib::to_json(r.metrics, &r.ci);
  Json ci = std::move(metrics["ci"]);
  metrics.erase("ci");
  metrics.erase("bootstrap");
  j["metrics"] = std::move(metrics);
  j["ci"] = std::move(ci);
  return j;
}

Json better_json(Better b) {
  switch (b) {
    case Better::kRun:
      return "run";
    case Better::kAgainst:
      return "against";
    case Better::kNeither:
      break;
  }
  return nullptr;
}

Json difference_json(const MetricDifference& d) {
  return {{"run", d.run},
          {"against", d.against},
          {"metric", d.metric},
          {"difference", calib::number_or_null(d.difference.observed)},
          {"ci", interval_json(d.difference.ci)},
          {"significant", d.difference.significant()},
          {"better", better_json(d.better)},
          {"verdict", d.verdict}};
}

std::string fixed(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", *v);
  return buf;
}

// "0.1234 [0.1000, 0.1500]" for a run's metric.
std::string cell(const ComparedRun& r, const std::string& metric,
                 const std::optional<double>& value) {
  std::string s = fixed(value);
  const auto it = r.ci.ci.find(metric);
  if (it != r.ci.ci.end() && it->second)
    s += " [" + fixed(it->second->lo) + ", " + fixed(it->second->hi) + "]";
  return s;
}

std::string padded(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

// Padding leaves spaces at the end of each row.
std::string trim_line_ends(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '\n') {
      while (!out.empty() && out.back() == ' ')
        out.pop_back();
    }
    out += ch;
  }
  return out;
}

std::string header_text(const Comparison& c) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "Comparing %zu runs on the %zu items they all predicted "
                "(bootstrap: %d replicates, seed %llu, %g%% intervals)%s\n\n",
                c.runs.size(), c.shared_items, c.replicates,
                static_cast<unsigned long long>(c.seed), c.level * 100,
                c.cancelled ? " - CANCELLED, intervals incomplete" : "");
  std::string out = buf;
  for (const ComparedRun& r : c.runs) {
    out += "run " + std::to_string(r.info.id) + ": \"" + r.info.spec.name + "\"  model " +
           (r.info.model_name.empty() ? "-" : r.info.model_name) + ", dataset " +
           r.info.dataset_name + ", split " +
           (r.info.spec.split.empty() ? "-" : r.info.spec.split) + ", condition " +
           r.info.spec.condition + ", " + std::to_string(r.n_run) + " items predicted" +
           (store::is_partial(r.info) ? " - " + std::string(store::to_string(r.info.status)) +
                                            ": " + std::to_string(r.info.predictions) + " of its " +
                                            std::to_string(r.info.spec.expected) + " items"
                                      : std::string()) +
           "\n";
  }
  return out + "\n";
}

std::string table_text(const Comparison& c) {
  constexpr std::size_t kName = 28, kCell = 27;
  std::string out = padded("metric", kName);
  for (const ComparedRun& r : c.runs)
    out += padded("run " + std::to_string(r.info.id), kCell);
  out += "\n";
  for (const auto& scalar : calib::scalars(c.runs[0].metrics)) {
    const std::string& metric = scalar.first;
    out += padded(metric_label(metric), kName);
    for (const ComparedRun& r : c.runs) {
      std::optional<double> value;
      for (const auto& [name, v] : calib::scalars(r.metrics))
        if (name == metric) value = v;
      out += padded(cell(r, metric, value), kCell);
    }
    out += "\n";
  }
  return trim_line_ends(out);
}

}  // namespace

Json to_json(const Comparison& c) {
  Json runs = Json::array();
  for (const ComparedRun& r : c.runs)
    runs.push_back(run_json(r));
  Json diffs = Json::array();
  for (const MetricDifference& d : c.differences)
    diffs.push_back(difference_json(d));
  Json j;
  j["runs"] = std::move(runs);
  j["shared_items"] = c.shared_items;
  j["differences"] = std::move(diffs);
  j["bootstrap"] = c.replicates;
  j["seed"] = c.seed;
  j["level"] = c.level;
  if (c.cancelled) j["cancelled"] = true;
  return j;
}

std::string to_text(const Comparison& c) {
  if (c.runs.empty()) return {};
  std::string out = header_text(c) + table_text(c);
  std::int64_t current_run = 0;
  for (const MetricDifference& d : c.differences) {
    if (d.run != current_run) {
      out += "\nrun " + std::to_string(d.run) + " against run " + std::to_string(d.against) +
             " (paired bootstrap of the difference, same items resampled for both):\n";
      current_run = d.run;
    }
    out += "  " + d.verdict + "\n";
  }
  return out;
}

}  // namespace unveil::analysis
