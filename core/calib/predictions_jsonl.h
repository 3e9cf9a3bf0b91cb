// The predictions JSONL of docs/FORMATS.md: one prediction per line,
//   {"id": "q17", "logits": [2.1, -0.3, 0.5, 0.0, 1.2], "label": 0}
// with probs instead of logits allowed, label as an index or a letter, optional options,
// idk_index, category, split; unknown keys are kept and written back on export.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "calib/prediction_set.h"
#include "util/result.h"

namespace unveil::calib {

struct JsonlReadOptions {
  bool skip_invalid = false;  ///< skip malformed lines (and count them) instead of failing
  int threads = 0;            ///< 0: the process-wide worker count
};

struct LineProblem {
  std::size_t line = 0;
  std::string message;  ///< "FILE:LINE: what is wrong"
  Message detail = {};  ///< the same as a catalog message (util/message.h)
};

struct JsonlReadReport {
  std::size_t lines = 0;              ///< non-blank lines seen
  std::size_t skipped = 0;            ///< lines skipped (skip_invalid only)
  std::vector<LineProblem> problems;  ///< the first few problems, in line order
};

/// Parses JSONL text. `name` is used in messages (the file name). On failure (without
/// skip_invalid) the error reads "NAME:LINE: what is wrong".
Result<PredictionSet> parse_predictions_jsonl(std::string_view text, std::string_view name,
                                              const JsonlReadOptions& options = {},
                                              JsonlReadReport* report = nullptr);

/// Reads a file (memory-mapped).
Result<PredictionSet> read_predictions_jsonl(const std::filesystem::path& file,
                                             const JsonlReadOptions& options = {},
                                             JsonlReadReport* report = nullptr);

/// Writes the set as predictions JSONL (logits, or probs for items given as probabilities), with
/// the unknown keys kept on read. Doubles are written with 17 significant digits (round-trip).
void write_predictions_jsonl(std::ostream& out, const PredictionSet& set);

/// Writes the set as CSV, one row per prediction with its outcome at T = 1: id, label, predicted,
/// confidence, correct (0/1), nll, split, category, logits (space-separated). Text fields are
/// quoted (RFC 4180); numbers have 17 significant digits.
void write_predictions_csv(std::ostream& out, const PredictionSet& set);

}  // namespace unveil::calib
