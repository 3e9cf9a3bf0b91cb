// TSV as pandas writes it (and VLMEvalKit and MMBench with it): fields may be double-quoted, with
// "" for a quote inside, and hold tabs and newlines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace unveil {

/// One row of a TSV file: the line it starts on and its fields, unquoted.
struct TsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Splits TSV text into rows; blank lines are skipped.
std::vector<TsvRow> split_tsv(std::string_view text);

}  // namespace unveil
