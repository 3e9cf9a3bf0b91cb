#include "calib/accuracy_only.h"

#include <cstdio>

namespace unveil::calib {

const char* const kAccuracyOnlyNote =
    "the file holds answers only, no probabilities: calibration metrics (ECE, MCE, Brier, NLL, "
    "AUROC, AURC, the reliability diagram) cannot be computed from it";

AccuracyOnly accuracy_only(const PredictionSet& set) {
  AccuracyOnly a;
  a.n = set.size();
  for (std::size_t i = 0; i < set.size(); ++i) {
    int answer = set.answer(i);
    if (answer == kAnswerFromScores) {
      const auto z = set.logits(i);
      answer = 0;
      for (std::size_t k = 1; k < z.size(); ++k) {
        if (z[k] > z[static_cast<std::size_t>(answer)]) answer = static_cast<int>(k);
      }
    }
    if (answer == kUnanswered) {
      ++a.unanswered;
    } else if (answer == set.label(i)) {
      ++a.correct;
    }
  }
  if (a.n > 0) a.accuracy = static_cast<double>(a.correct) / static_cast<double>(a.n);
  if (a.n > a.unanswered) {
    a.accuracy_answered = static_cast<double>(a.correct) / static_cast<double>(a.n - a.unanswered);
  }
  return a;
}

std::string accuracy_only_text(const AccuracyOnly& a) {
  std::string out = std::string("accuracy only: ") + kAccuracyOnlyNote + "\n";
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-18s %zu\n", "n", a.n);
  out += buf;
  std::snprintf(buf, sizeof buf,
                "%-18s %zu (no option could be read from the reply: counted wrong)\n", "unanswered",
                a.unanswered);
  out += buf;
  std::snprintf(buf, sizeof buf, "%-18s %.4f\n", "accuracy", a.accuracy);
  out += buf;
  if (a.accuracy_answered) {
    std::snprintf(buf, sizeof buf, "%-18s %.4f\n", "accuracy_answered", *a.accuracy_answered);
  } else {
    std::snprintf(buf, sizeof buf, "%-18s -\n", "accuracy_answered");
  }
  out += buf;
  return out;
}

nlohmann::ordered_json accuracy_only_json(const AccuracyOnly& a) {
  nlohmann::ordered_json j;
  j["scores"] = "none";
  j["n"] = a.n;
  j["unanswered"] = a.unanswered;
  j["accuracy"] = a.accuracy;
  j["accuracy_answered"] =
      a.accuracy_answered ? nlohmann::ordered_json(*a.accuracy_answered) : nlohmann::ordered_json();
  j["note"] = kAccuracyOnlyNote;
  return j;
}

}  // namespace unveil::calib
