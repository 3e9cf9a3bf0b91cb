// The page shell, the plain-words summary, the diagrams and the metrics table of the reports.
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/compare.h"
#include "report/html_text.h"
#include "report/report_sections.h"
#include "report/svg_plots.h"

namespace unveil::report {
namespace {

constexpr const char* kStyle = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#fff;
margin:0;line-height:1.5}
main{max-width:1100px;margin:0 auto;padding:24px 32px}
h1{font-size:1.7em;margin-bottom:4px}h2{border-bottom:1px solid #d5d9e0;padding-bottom:4px;
margin-top:36px}
.meta,.note{color:#5a6272}.lead{font-size:1.1em;background:#f3f6fb;padding:12px 16px;
border-left:4px solid #3366cc}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d5d9e0;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f3f6fb}td.num{text-align:right;
font-variant-numeric:tabular-nums;white-space:nowrap}
pre{background:#f6f7f9;padding:8px 12px;overflow-x:auto;white-space:pre-wrap}
.figures{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{color:#5a6272;
font-size:.9em;max-width:360px}
svg text{font-size:11px;fill:#333}svg text.t{font-size:13px;font-weight:600}
svg .axis{stroke:#555;stroke-width:1}svg .bar{fill:#6b9bd8;stroke:#3b6aa8;stroke-width:1}
svg .gap{fill:#d9534f;fill-opacity:.45;stroke:#b52b27;stroke-width:1}
svg .ci{stroke:#222;stroke-width:1}svg .diag{stroke:#888;stroke-dasharray:4 3}
svg .curve{fill:none;stroke:#3b6aa8;stroke-width:1.5}
.cases{display:flex;flex-direction:column;gap:12px;padding:0;list-style:none}
.case{display:flex;gap:16px;border:1px solid #d5d9e0;border-radius:6px;padding:10px}
.case img{width:160px;height:auto;border:1px solid #ccc;flex:none}
.case ul{margin:4px 0;padding-left:20px}.chosen{color:#b52b27;font-weight:600}
.gold{color:#1f7a3a;font-weight:600}.verdicts li{margin:4px 0}
)css";

// One line on what a metric means, for the metrics table.
std::string meaning(const std::string& metric) {
  static const std::map<std::string, std::string> lines = {
      {"accuracy", "Share of the questions answered correctly."},
      {"ece",
       "Average gap between how sure the model says it is and how often it is right (0 = its "
       "confidence can be taken at face value)."},
      {"mce", "The largest such gap in any confidence band."},
      {"rmsce", "Like ECE, but large gaps weigh more."},
      {"ace", "ECE with bands that hold equal numbers of answers."},
      {"brier", "Mean squared error of the stated probabilities (0 best, 2 worst)."},
      {"nll", "How surprised the model is by the right answers, on average (lower is better)."},
      {"auroc",
       "How well its confidence tells its right answers from its wrong ones (0.5 = not at all, "
       "1 = perfectly)."},
      {"aurc",
       "Average error rate when only its most confident answers are kept, over every cut-off "
       "(lower is better)."},
      {"idk_rate", "Share of the questions where it chose \"I don't know\"."},
      {"accuracy_answered", "Accuracy on the questions it did answer."},
      {"ece_answered", "ECE on the questions it did answer."}};
  const auto it = lines.find(metric);
  return it == lines.end() ? std::string() : it->second;
}

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

std::string page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
         escape_html(title) + "</title><style>" + kStyle + "</style></head><body><main>\n" + body +
         "</main></body></html>\n";
}

std::string section(const std::string& id, const std::string& heading, const std::string& body) {
  return "<section id=\"" + id + "\"><h2>" + escape_html(heading) + "</h2>\n" + body +
         "</section>\n";
}

std::string plain_summary(const calib::Metrics& m) {
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
  return "<p class=\"lead\">" + escape_html(s) + "</p>\n";
}

std::string diagrams(const calib::Metrics& m, const std::string& caption) {
  return "<div class=\"figures\"><figure>" + reliability_svg(m.table, "Reliability: " + caption) +
         "<figcaption>Bars: how often the answers in each confidence band were right; red: the gap "
         "to the confidence claimed; whiskers: 95% interval; dashed: perfect calibration."
         "</figcaption></figure><figure>" +
         histogram_svg(m.table, "Confidence: " + caption) +
         "<figcaption>How sure the model was, over all its answers.</figcaption></figure>"
         "</div>\n";
}

std::string metrics_table(const std::vector<MetricsColumn>& columns) {
  if (columns.empty()) return {};
  std::string s = "<table class=\"metrics\"><tr><th>Metric</th>";
  for (const auto& c : columns)
    s += "<th>" + escape_html(c.header) + "</th>";
  s += "<th>What it means</th></tr>\n";
  for (const auto& [metric, value] : calib::scalars(*columns.front().metrics)) {
    s += "<tr><th>" + escape_html(analysis::metric_label(metric)) + "</th>";
    for (const auto& c : columns) {
      std::optional<double> v;
      for (const auto& [name, x] : calib::scalars(*c.metrics))
        if (name == metric) v = x;
      s += "<td class=\"num\">" + escape_html(value_with_interval(v, c.ci, metric)) + "</td>";
    }
    s += "<td>" + escape_html(meaning(metric)) + "</td></tr>\n";
  }
  return s + "</table>\n";
}

}  // namespace unveil::report
