// Text helpers shared by the readers of other tools' prediction files (lmms-eval, VLMEvalKit).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/tsv.h"

namespace unveil::calib::reader_text {

using ::unveil::split_tsv;  // TSV as pandas writes it (util/tsv.h)
using ::unveil::TsvRow;

/// JSON text with the bare NaN, Infinity and -Infinity that Python's json module (and so pandas)
/// writes replaced by null outside strings, so that a strict parser reads it. Newlines are kept,
/// so lines count the same. When `record_lines` is given it receives the line of each object that
/// opens directly inside a top-level array.
std::string allow_nan(std::string_view text, std::vector<std::size_t>* record_lines = nullptr);

/// The 1-based line of a byte offset.
std::size_t line_of(std::string_view text, std::size_t offset);

/// A parse error of nlohmann/json (its what() and byte) as "line L: the JSON is malformed: ...".
std::string json_error(std::string_view text, std::size_t byte, const char* what);

std::string_view trim(std::string_view s);
/// A value pandas writes for a missing one: empty, "nan", "NaN", "None".
bool is_missing(std::string_view s);
/// A number as text: whole numbers without a decimal point ("12"), others in shortest form.
std::string number_text(double v);
/// s shortened to 60 characters for a message, with an ellipsis when cut.
std::string shown(std::string_view s);

}  // namespace unveil::calib::reader_text
