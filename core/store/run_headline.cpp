#include "store/run_headline.h"

#include <cmath>
#include <limits>

#include "calib/outcomes.h"
#include "calib/report_json.h"

namespace unveil::store {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double or_nan(const std::optional<double>& v) {
  return v.value_or(kNaN);
}

std::optional<double> finite(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// A member that must be there: a number, or null (none). False when missing or of another type.
bool read_number(const nlohmann::json& j, const char* key, std::optional<double>& out) {
  const auto it = j.find(key);
  if (it == j.end()) return false;
  if (it->is_null()) {
    out.reset();
    return true;
  }
  if (!it->is_number()) return false;
  out = finite(it->get<double>());
  return true;
}

bool read_count(const nlohmann::json& j, const char* key, std::size_t& out) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_unsigned()) return false;
  out = it->get<std::size_t>();
  return true;
}

}  // namespace

RunHeadline headline_of(const calib::Metrics& m) {
  RunHeadline h;
  h.n = m.n;
  h.unanswered = m.n_unanswered;
  h.accuracy = finite(m.accuracy);
  h.ece = finite(m.ece);
  h.nll = finite(m.nll);
  if (m.auroc) h.auroc = finite(*m.auroc);
  h.has_idk = m.has_idk;
  if (m.has_idk) h.idk_rate = finite(m.idk_rate);
  return h;
}

RunHeadline headline_of(const calib::AccuracyOnly& a) {
  RunHeadline h;
  h.accuracy_only = true;
  h.n = a.n;
  h.unanswered = a.unanswered;
  h.accuracy = finite(a.accuracy);
  if (a.accuracy_answered) h.accuracy_answered = finite(*a.accuracy_answered);
  return h;
}

RunHeadline compute_headline(const calib::PredictionSet& set) {
  if (set.answer_only() == set.size()) return headline_of(calib::accuracy_only(set));
  return headline_of(calib::compute_metrics(calib::compute_outcomes(set)));
}

// Written through the calib functions themselves, so that the summary keeps their format: each
// takes only the members it writes from the value rebuilt here.
nlohmann::ordered_json to_json(const RunHeadline& h) {
  if (h.accuracy_only) {
    calib::AccuracyOnly a;
    a.n = h.n;
    a.unanswered = h.unanswered;
    a.accuracy = or_nan(h.accuracy);
    a.accuracy_answered = h.accuracy_answered;
    return calib::accuracy_only_json(a);
  }
  calib::Metrics m;
  m.n = h.n;
  m.n_unanswered = h.unanswered;
  m.accuracy = or_nan(h.accuracy);
  m.ece = or_nan(h.ece);
  m.nll = or_nan(h.nll);
  m.auroc = h.auroc;
  m.has_idk = h.has_idk;
  m.idk_rate = or_nan(h.idk_rate);
  return calib::headline_json(m);
}

std::string summary_text(const RunHeadline& h) {
  return to_json(h).dump();
}

std::optional<RunHeadline> parse_summary(std::string_view summary) {
  if (summary.empty()) return std::nullopt;
  const auto j = nlohmann::json::parse(summary, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  RunHeadline h;
  if (!read_count(j, "n", h.n) || !read_number(j, "accuracy", h.accuracy)) return std::nullopt;
  if (const auto scores = j.find("scores"); scores != j.end()) {
    if (*scores != "none") return std::nullopt;
    h.accuracy_only = true;
    if (!read_count(j, "unanswered", h.unanswered) ||
        !read_number(j, "accuracy_answered", h.accuracy_answered)) {
      return std::nullopt;
    }
    return h;
  }
  if (!read_count(j, "n_unanswered", h.unanswered) || !read_number(j, "ece", h.ece) ||
      !read_number(j, "nll", h.nll) || !read_number(j, "auroc", h.auroc)) {
    return std::nullopt;
  }
  if (j.contains("idk_rate")) {
    h.has_idk = true;
    if (!read_number(j, "idk_rate", h.idk_rate)) return std::nullopt;
  }
  return h;
}

std::optional<RunHeadline> run_headline(Store& st, const RunInfo& run) {
  if (auto cached = parse_summary(run.summary)) return cached;
  if (run.predictions == 0) return std::nullopt;
  Result<calib::PredictionSet> set = st.prediction_set(run.id);
  if (!set.ok() || set->empty()) return std::nullopt;
  RunHeadline h = compute_headline(*set);
  if (!st.read_only() && run.status != RunStatus::kRunning) {
    (void)st.set_run_summary(run.id, summary_text(h));
  }
  return h;
}

}  // namespace unveil::store
