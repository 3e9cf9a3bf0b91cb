// VLMEvalKit's prediction files (github.com/open-compass/VLMEvalKit, vlmeval/inference.py and
// vlmeval/smp/file.py): the benchmark's table without its images, plus the model's reply in a
// "prediction" column, written as TSV (every field quoted), JSON (a list of records, missing
// values as a bare NaN) or XLSX (the default). They hold answers only: no probabilities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "calib/prediction_formats.h"

namespace unveil::calib {

/// True when the start of a TSV file has a "prediction" column in its header row.
bool sniff_vlmevalkit_tsv(std::string_view head);
/// True when the start of a JSON file is a list whose first record has a "prediction" key.
bool sniff_vlmevalkit_json(std::string_view head);
/// True for an .xlsx file (a ZIP archive).
bool sniff_xlsx(std::string_view head);

/// The option a reply names, read the simple way docs/FORMATS.md describes: the reply (trimmed,
/// without Markdown bold) is an option letter alone or as "(B)", "B.", "B)", "B:", "[B]", with
/// "Answer:" or "The answer is" before it; or such a letter followed by that option's text
/// ("B. a red square"); or exactly one option's text (case ignored). Letters are upper case and
/// must be among `letters`. Returns the option's index, or kUnanswered.
int extract_option(std::string_view reply, std::string_view letters,
                   const std::vector<std::string>& texts);

/// Reads a VLMEvalKit prediction TSV / JSON as an accuracy-only set: ScoreKind::kAnswerOnly items
/// with the extracted answer (or kUnanswered) and the label from the "answer" column. Options are
/// the columns A, B, C... that the row fills. On failure (without skip_invalid) the error reads
/// "NAME:LINE: ...".
Result<PredictionSet> parse_vlmevalkit_tsv(std::string_view text, const std::string& name,
                                           const JsonlReadOptions& options = {},
                                           JsonlReadReport* report = nullptr,
                                           PredictionSource* source = nullptr);
Result<PredictionSet> parse_vlmevalkit_json(std::string_view text, const std::string& name,
                                            const JsonlReadOptions& options = {},
                                            JsonlReadReport* report = nullptr,
                                            PredictionSource* source = nullptr);
/// Refuses an .xlsx file with a message that says how to write TSV instead.
Result<PredictionSet> refuse_xlsx(std::string_view text, const std::string& name,
                                  const JsonlReadOptions& options = {},
                                  JsonlReadReport* report = nullptr,
                                  PredictionSource* source = nullptr);

}  // namespace unveil::calib
