// Internals of the predictions JSONL reader (core/calib/predictions_jsonl.cpp), shared with its
// simdjson fast path (core/calib/predictions_jsonl_fast.cpp) and with the tests that hold the two
// against each other. Not an API: nothing outside the reader and its tests includes this.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "calib/prediction_set.h"
#include "calib/predictions_jsonl.h"
#include "util/result.h"

namespace unveil::calib::jsonl_internal {

/// What a line's members said, before the checks that need all of them. The strict parser and
/// the fast path fill it the same way; check_line() then finishes the prediction.
struct LineFields {
  bool have_id = false, have_label = false, have_scores = false, have_idk = false;
  bool have_options = false, have_category = false, have_split = false;
  bool have_answer = false, have_conf_vocab = false, have_vocab = false, answer_only = false;
  int label_index = -1, answer_index = kAnswerFromScores;
  char label_letter = 0, answer_letter = 0;
};

/// The checks that need the whole line (option count, probabilities, label and answer against
/// the options, ...). Sets out.label, out.answer and out.kind; returns an empty message when the
/// line is good, else what is wrong (without "FILE:LINE: ").
Message check_line(const LineFields& fields, PredictionInput& out);

/// The strict parser of one line (without its '\n'): an empty string when the line is good (and
/// `out` filled), else what is wrong, in English. The reference for every message and every
/// accepted variant.
std::string parse_line(std::string_view line, PredictionInput& out);

/// The fast path: simdjson's on-demand parser for the common well-formed line. It either gives
/// exactly what parse_line() gives, or declines (returns false) and the caller asks parse_line().
/// It declines every line it does not fully understand: any syntax error, duplicate keys, keys it
/// does not handle (unknown keys, "vocab_logits"), unusual values, escapes in keys, control
/// characters in strings, lines over 16 KiB. One object per thread (it holds simdjson's parser).
class FastLineParser {
 public:
  FastLineParser();
  ~FastLineParser();
  FastLineParser(const FastLineParser&) = delete;
  FastLineParser& operator=(const FastLineParser&) = delete;

  /// `readable_end`: the end of the buffer that holds `line`; the bytes between the line's end and
  /// it may be read (simdjson reads up to 64 bytes past a document; closer to the end, the line
  /// is copied).
  bool parse(std::string_view line, const char* readable_end, PredictionInput& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The simdjson kernels in use, for diagnosis: "stage 1 KERNEL, on-demand KERNEL".
std::string fast_path_kernels();

enum class FastPath { kOn, kOff };

/// parse_predictions_jsonl with the fast path on or off (the public function: on). Results and
/// messages are the same either way; tests and benchmarks compare the two.
Result<PredictionSet> parse_predictions_jsonl(std::string_view text, std::string_view name,
                                              const JsonlReadOptions& options,
                                              JsonlReadReport* report, FastPath fast);

}  // namespace unveil::calib::jsonl_internal
