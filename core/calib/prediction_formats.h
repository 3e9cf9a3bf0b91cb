// Every predictions file Unveil reads, behind one entry point: Unveil's predictions JSONL, the
// samples lmms-eval writes with --log_samples, and VLMEvalKit's prediction files. The file's
// format is recognised from its extension and its first bytes, by a table with one row per reader
// (docs/FORMATS.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calib/prediction_set.h"
#include "calib/predictions_jsonl.h"
#include "util/result.h"

namespace unveil::calib {

/// Where each prediction of a set came from in its file, for messages about it.
struct PredictionSource {
  std::string format;  ///< the reader's name: "predictions-jsonl", "lmms-eval", "vlmevalkit"
  /// What positions count: "line" (1-based file lines) or "record" (1-based places in a list).
  std::string unit = "line";
  /// Parallel to the set: each prediction's line (or record). Empty when not known (a predictions
  /// JSONL read with --skip-invalid that skipped more lines than its report lists).
  std::vector<std::size_t> positions;

  /// "line 9" (or "record 9") for prediction i; "" when positions are not known.
  std::string where(std::size_t i) const;
};

/// One reader: its name, the file extensions it reads (lower case, with the dot), a test of the
/// file's first bytes, and the reader itself. `head` is the start of the file (up to 64 KiB).
struct PredictionFormat {
  const char* name;
  const char* description;  ///< for messages: "a VLMEvalKit prediction file"
  std::vector<std::string_view> extensions;
  bool (*sniff)(std::string_view head);
  Result<PredictionSet> (*read)(std::string_view text, const std::string& name,
                                const JsonlReadOptions& options, JsonlReadReport* report,
                                PredictionSource* source);
};

/// The readers, in the order they are tried.
std::span<const PredictionFormat> prediction_formats();

/// The reader for a file, by its extension and first bytes; nullptr when none recognises it.
const PredictionFormat* detect_prediction_format(const std::filesystem::path& file,
                                                 std::string_view head);

/// Reads any predictions file Unveil knows (the one entry point for `metrics`, `calibrate` and
/// `import-predictions`). A file no reader recognises is read as predictions JSONL, so that its
/// messages say what is wrong. Refused with a one-line message: an .xlsx file (no library on this
/// system reads it; the message says how to write TSV), a TSV without a "prediction" column (a
/// dataset), and files that hold no probabilities where they are needed (lmms-eval's
/// generate_until samples). `report` gets the lines seen and skipped (with skip_invalid);
/// `source` the reader's name and each prediction's line.
Result<PredictionSet> read_predictions_any(const std::filesystem::path& file,
                                           const JsonlReadOptions& options = {},
                                           JsonlReadReport* report = nullptr,
                                           PredictionSource* source = nullptr);

}  // namespace unveil::calib
