// Small text helpers of the HTML report: escaping, and numbers that are never "nan".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace unveil::report {

/// Text made safe for HTML element content and quoted attribute values (& < > " '). NUL is
/// dropped, and the Unicode bidirectional controls U+202A..U+202E and U+2066..U+2069, which
/// would reorder what the reader sees, are written as visible "[U+202E]".
std::string escape_html(std::string_view text);

/// printf-style formatting of one number; "n/a" when it is missing or not finite.
std::string format_number(const std::optional<double>& v, const char* spec = "%.4f");

/// A share as a whole percentage ("71 %"); "n/a" when not finite.
std::string format_percent(double share);

/// `text` quoted for a POSIX shell when it holds anything beyond [A-Za-z0-9_./:=,+-].
std::string shell_quote(std::string_view text);

}  // namespace unveil::report
