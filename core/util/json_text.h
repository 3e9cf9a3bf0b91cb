// Writing JSON text by hand where nlohmann/json would be too slow (a million lines of export).
#pragma once

#include <string>
#include <string_view>

namespace unveil {

/// Appends s as a JSON string literal (quotes and escapes included).
void append_json_string(std::string& out, std::string_view s);

/// Appends the shortest decimal text that reads back as exactly the same double. Non-finite
/// values are written as null (JSON has no NaN).
void append_json_number(std::string& out, double v);

}  // namespace unveil

namespace unveil {

/// Reads a JSON number token (already checked against JSON's grammar) exactly as std::from_chars
/// would: the correctly rounded double. Decimals of up to 19 significant digits whose value is a
/// whole number below 2^53 times a power of ten within 10^±22 (nearly every score a model writes)
/// take Clinger's exact fast path (W. D. Clinger, "How to read floating point numbers accurately",
/// PLDI 1990): both factors are exact doubles and one IEEE multiplication or division rounds
/// correctly. Everything else goes to std::from_chars. Returns false where from_chars fails.
bool read_json_number(const char* begin, const char* end, double& out);

}  // namespace unveil
