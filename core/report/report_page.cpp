// The plain-words summary, the diagrams and the metrics table of the reports.
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/compare.h"
#include "report/html_text.h"
#include "report/report_sections.h"
#include "report/svg_plots.h"

namespace unveil::report {
namespace {

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
  for (const auto& [metric, value] : calib::scalars(*columns.front().metrics)) {
    std::vector<Cell> row{{analysis::metric_label(metric), true}};
    for (const auto& c : columns) {
      std::optional<double> v;
      for (const auto& [name, x] : calib::scalars(*c.metrics))
        if (name == metric) v = x;
      row.push_back({value_with_interval(v, c.ci, metric), false, true});
    }
    row.push_back({meaning(metric)});
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace unveil::report
