#include "calib/reader_text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace unveil::calib::reader_text {

std::string allow_nan(std::string_view t, std::vector<std::size_t>* record_lines) {
  std::string out;
  out.reserve(t.size() + 16);
  std::size_t line = 1;
  int depth = 0;
  bool top_array = false;
  const auto word_at = [&](std::size_t i, std::string_view w) {
    if (t.compare(i, w.size(), w) != 0) return false;
    const std::size_t e = i + w.size();
    return e == t.size() || !(std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '_');
  };
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (c == '"') {
      // Copy the string as it is, escapes included.
      out.push_back(c);
      ++i;
      while (i < t.size() && t[i] != '"') {
        if (t[i] == '\\' && i + 1 < t.size()) out.push_back(t[i++]);
        if (t[i] == '\n') ++line;
        out.push_back(t[i++]);
      }
      if (i < t.size()) out.push_back(t[i++]);
      continue;
    }
    if (c == '\n') ++line;
    if (c == '{' || c == '[') {
      if (depth == 0) top_array = c == '[';
      if (c == '{' && depth == 1 && top_array && record_lines) record_lines->push_back(line);
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
    if (word_at(i, "NaN")) {
      out += "null";
      i += 3;
      continue;
    }
    if (word_at(i, "Infinity")) {
      out += "null";
      i += 8;
      continue;
    }
    if (c == '-' && (word_at(i + 1, "Infinity") || word_at(i + 1, "NaN"))) {
      out += "null";
      i += t[i + 1] == 'N' ? 4 : 9;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::string json_error(std::string_view text, std::size_t byte, const char* what) {
  // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
  // error while parsing value - unexpected end of input; ...": keep what follows the position.
  std::string_view w = what;
  const auto col = w.find("column ");
  if (col != std::string_view::npos) {
    const auto colon = w.find(": ", col);
    if (colon != std::string_view::npos) w.remove_prefix(colon + 2);
  }
  const std::size_t at = byte > 0 ? byte - 1 : 0;
  return "line " + std::to_string(line_of(text, at)) + ": the JSON is malformed: " + std::string(w);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

bool is_missing(std::string_view s) {
  s = trim(s);
  return s.empty() || s == "nan" || s == "NaN" || s == "None";
}

std::string number_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string shown(std::string_view s) {
  if (s.size() <= 60) return std::string(s);
  std::size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a UTF-8 sequence
  return std::string(s.substr(0, cut)) + "...";
}

}  // namespace unveil::calib::reader_text
