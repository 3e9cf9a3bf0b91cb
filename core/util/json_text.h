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
