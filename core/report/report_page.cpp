// The plain-words summary, the diagrams and the metrics table of the reports.
#include <algorithm>
#include <cmath>

#include "calib/metric_catalog.h"
#include "report/html_text.h"
#include "report/report_sections.h"
#include "report/svg_plots.h"

namespace unveil::report {
namespace {

std::string value_with_interval(const std::optional<double>& v, const calib::BootstrapResult* ci,
                                const std::string& metric) {
  std::string s = format_number(v);
  if (!ci) return s;
  const auto it = ci->ci.find(metric);
  if (it != ci->ci.end() && it->second)
    s += " [" + format_number(it->second->lo) + ", " + format_number(it->second->hi) + "]";
  return s;
}

// The bin a reader should hear about: the fullest among those where the model is at least 50 %
// sure, else the fullest of all.
const calib::Bin* telling_bin(const calib::BinTable& t) {
  const calib::Bin* best = nullptr;
  for (const bool confident_only : {true, false}) {
    for (const calib::Bin& b : t.bins) {
      if (b.count == 0 || (confident_only && b.confidence < 0.5)) continue;
      if (!best || b.count > best->count) best = &b;
    }
    if (best) return best;
  }
  return best;
}

std::string calibration_sentence(const calib::Metrics& m) {
  const std::string points = format_number(m.ece * 100, "%.0f") + " percentage points";
  if (m.ece < 0.05) {
    return "Its confidence is a fair guide: on average it is off by about " + points + ".";
  }
  if (m.mean_confidence > m.accuracy) {
    return "It is over-confident: it claims more certainty than it earns, by about " + points +
           " on average. Treat its confidence with caution.";
  }
  return "It is under-confident: it is right more often than it says, by about " + points +
         " on average.";
}

}  // namespace

Paragraph plain_summary(const calib::Metrics& m) {
  std::string s;
  if (const calib::Bin* b = telling_bin(m.table)) {
    s += "When this model says it is about " + format_percent(b->confidence) +
         " sure, it is right " + format_percent(b->accuracy) + " of the time (" +
         std::to_string(b->count) + " of its " + std::to_string(m.n) +
         " answers had a confidence between " + format_percent(b->lo) + " and " +
         format_percent(b->hi) + "). ";
  }
  s += "Overall it answered " + format_percent(m.accuracy) + " of " + std::to_string(m.n) +
       " questions correctly, while saying on average that it was " +
       format_percent(m.mean_confidence) + " sure. " + calibration_sentence(m);
  if (m.has_idk) {
    s += " It chose \"I don't know\" on " + format_percent(m.idk_rate) + " of the questions.";
  }
  if (m.n_unanswered > 0) {
    s += " It gave no option letter at all on " + std::to_string(m.n_unanswered) +
         (m.n_unanswered == 1 ? " question" : " questions") +
         (m.unanswered_dropped ? ", which are left out of these numbers."
                               : ", which count as wrong answers here.");
  }
  return paragraph(s, Paragraph::Kind::kLead);
}

Figures diagrams(const calib::Metrics& m, const std::string& caption) {
  return {{{reliability_picture(m.table, "Reliability: " + caption),
            "Bars: how often the answers in each confidence band were right; red: the gap to the "
            "confidence claimed; whiskers: 95% interval; dashed: perfect calibration."},
           {histogram_picture(m.table, "Confidence: " + caption),
            "How sure the model was, over all its answers."}}};
}

Table metrics_table(const std::vector<MetricsColumn>& columns) {
  Table t{"metrics", {}};
  if (columns.empty()) return t;
  std::vector<Cell> head{{"Metric", true}};
  for (const auto& c : columns)
    head.push_back({c.header, true});
  head.push_back({"What it means", true});
  t.rows.push_back(std::move(head));
  // The rows of calib::scalars() for the first column, in its order.
  for (const calib::MetricInfo& info : calib::metric_catalog()) {
    if (info.needs_idk && !columns.front().metrics->has_idk) continue;
    const std::string metric(info.key);
    std::vector<Cell> row{{std::string(info.label), true}};
    for (const auto& c : columns) {
      std::optional<double> v;
      if (!info.needs_idk || c.metrics->has_idk) v = info.value(*c.metrics);
      row.push_back({value_with_interval(v, c.ci, metric), false, true});
    }
    row.push_back({std::string(info.description)});
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace unveil::report
