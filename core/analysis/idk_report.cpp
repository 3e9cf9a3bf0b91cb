// The IDK analysis as JSON (for the CLI and reports) and as text tables with the verdicts.
#include <algorithm>
#include <cstdio>

#include "analysis/idk_analysis.h"
#include "calib/report_json.h"

namespace unveil::analysis {
namespace {

using calib::number_or_null;
using nlohmann::ordered_json;

ordered_json to_json(const Histogram& h) {
  return {{"lo", number_or_null(h.lo)}, {"hi", number_or_null(h.hi)}, {"counts", h.counts}};
}

ordered_json to_json(const IdkItemsSummary& s) {
  return {{"items", s.items},
          {"n", s.n},
          {"admitted", s.admitted},
          {"admit_rate", number_or_null(s.admit_rate)},
          {"answered", s.answered},
          {"answered_confidence", number_or_null(s.answered_confidence)},
          {"answered_confidence_histogram", to_json(s.answered_histogram)}};
}

ordered_json to_json(const AnswerableSummary& s) {
  return {{"items", s.items},
          {"n", s.n},
          {"with_idk_option", s.with_idk_option},
          {"said_idk", s.said_idk},
          {"false_idk_rate", number_or_null(s.false_idk_rate)},
          {"correct", s.correct},
          {"accuracy", number_or_null(s.accuracy)},
          {"answered", s.answered},
          {"accuracy_answered", number_or_null(s.accuracy_answered)}};
}

ordered_json to_json(const IdkDifference& d) {
  const auto& ci = d.difference.ci;
  return {{"shared", d.shared},
          {"difference", number_or_null(d.difference.observed)},
          {"ci", ci ? ordered_json::array({number_or_null(ci->lo), number_or_null(ci->hi)})
                    : ordered_json()},
          {"significant", d.difference.significant()},
          {"verdict", d.verdict}};
}

ordered_json to_json(const PromptComparison& c) {
  return {{"reference", c.reference},
          {"admit_rate", to_json(c.admit_rate)},
          {"accuracy", to_json(c.accuracy)},
          {"false_idk_rate", to_json(c.false_idk_rate)},
          {"verdict", c.verdict}};
}

ordered_json to_json(const IdkPromptResult& p) {
  ordered_json runs = ordered_json::array();
  for (const auto& r : p.runs)
    runs.push_back({{"split", r.split}, {"run_id", r.run_id}, {"run", to_string(r.origin)}});
  ordered_json j;
  j["name"] = p.prompt.name;
  j["template"] = p.prompt.tmpl;
  j["runs"] = std::move(runs);
  j["idk"] = to_json(p.idk);
  j["answerable"] = to_json(p.answerable);
  j["versus_reference"] = p.versus_reference ? to_json(*p.versus_reference) : ordered_json();
  return j;
}

// A rate with three decimals, "-" when undefined.
std::string rate(const std::optional<double>& v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

std::string signed_rate(const std::optional<double>& v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.3f", *v == 0 ? 0.0 : *v);
  return buf;
}

std::string interval(const calib::PairedDifference& d) {
  if (!d.ci) return "-";
  return "[" + signed_rate(d.ci->lo) + ", " + signed_rate(d.ci->hi) + "]";
}

// Line breaks and tabs of a template written as \n and \t, so that it fits on one line.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

std::string splits_text(const std::vector<std::string>& splits) {
  std::string s;
  for (const auto& x : splits)
    s += (s.empty() ? "\"" : ", \"") + x + "\"";
  return s.empty() ? "none" : s;
}

std::string runs_text(const IdkPromptResult& p) {
  std::string s;
  for (const auto& r : p.runs) {
    if (!s.empty()) s += ", ";
    s += std::to_string(r.run_id) + " " + to_string(r.origin);
  }
  return s;
}

std::string difference_row(const char* what, const IdkDifference& d) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "  %-16s %8s  %-18s %6zu\n", what,
                signed_rate(d.difference.observed).c_str(), interval(d.difference).c_str(),
                d.shared);
  return buf;
}

}  // namespace

ordered_json to_json(const IdkResult& r) {
  ordered_json j;
  j["model"] = r.model;
  j["dataset"] = r.dataset;
  j["idk_split"] = r.idk_split;
  j["answerable_splits"] = r.answerable_splits;
  j["condition"] = r.condition;
  j["replicates"] = r.replicates;
  j["bootstrap_seed"] = r.bootstrap_seed;
  j["level"] = r.level;
  j["cancelled"] = r.cancelled;
  j["seconds"] = number_or_null(r.seconds);
  ordered_json prompts = ordered_json::array();
  for (const auto& p : r.prompts)
    prompts.push_back(to_json(p));
  j["prompts"] = std::move(prompts);
  return j;
}

std::string to_text(const IdkResult& r) {
  std::string out = "\"I don't know\" analysis: " + r.model + " on " + r.dataset +
                    ", IDK items from split " + splits_text({r.idk_split}) +
                    ", answerable items from " + splits_text(r.answerable_splits) + ", condition " +
                    r.condition + "\n";
  if (r.cancelled) return out + "cancelled: the runs made so far resume next time\n";
  int w = 6;
  for (const auto& p : r.prompts)
    w = std::max(w, static_cast<int>(p.prompt.name.size()));
  char buf[512];
  std::snprintf(buf, sizeof buf, "\n%-*s %23s | %-33s\n", w, "", "IDK items", "answerable items");
  out += buf;
  std::snprintf(buf, sizeof buf, "%-*s %5s %7s %9s | %5s %9s %8s %8s  %s\n", w, "prompt", "n",
                "admit", "conf.ans", "n", "false IDK", "accuracy", "acc.ans", "runs");
  out += buf;
  for (const auto& p : r.prompts) {
    std::snprintf(buf, sizeof buf, "%-*s %5zu %7s %9s | %5zu %9s %8s %8s  %s\n", w,
                  p.prompt.name.c_str(), p.idk.n, rate(p.idk.admit_rate).c_str(),
                  rate(p.idk.answered_confidence).c_str(), p.answerable.n,
                  rate(p.answerable.false_idk_rate).c_str(), rate(p.answerable.accuracy).c_str(),
                  rate(p.answerable.accuracy_answered).c_str(), runs_text(p).c_str());
    out += buf;
  }
  out +=
      "\nadmit: share of the IDK items answered \"I don't know\" (the right answer); conf.ans: "
      "mean\n"
      "confidence of the answers given to them instead; false IDK: share of the answerable items\n"
      "(offering the option) answered \"I don't know\"; acc.ans: accuracy on the answered ones.\n";
  if (r.prompts.size() > 1) {
    std::snprintf(buf, sizeof buf,
                  "\nAgainst \"%s\" on the same items (paired bootstrap, %d replicates, seed "
                  "%llu, %g%% intervals):\n",
                  r.prompts[0].prompt.name.c_str(), r.replicates,
                  static_cast<unsigned long long>(r.bootstrap_seed), r.level * 100);
    out += buf;
  }
  for (const auto& p : r.prompts) {
    if (!p.versus_reference) continue;
    const PromptComparison& c = *p.versus_reference;
    std::snprintf(buf, sizeof buf, "\n%s\n  %-16s %8s  %-18s %6s\n", p.prompt.name.c_str(),
                  "change in", "diff", "interval", "items");
    out += buf;
    out += difference_row("IDK rate (IDK)", c.admit_rate);
    out += difference_row("accuracy", c.accuracy);
    out += difference_row("false IDK rate", c.false_idk_rate);
    out += "  " + c.verdict + ".\n";
  }
  out += "\nprompts:\n";
  for (const auto& p : r.prompts)
    out += "  " + p.prompt.name + ": " + one_line(p.prompt.tmpl) + "\n";
  return out;
}

}  // namespace unveil::analysis
