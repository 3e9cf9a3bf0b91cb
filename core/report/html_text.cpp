#include "report/html_text.h"

#include <cmath>
#include <cstdio>

namespace unveil::report {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // The bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069,
    // UTF-8 E2 80 AA..AE and E2 81 A6..A9) would reorder the text around them: shown as their
    // code point instead.
    if (c == '\xE2' && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
        const unsigned cp = 0x2000u + ((b1 & 0x3Fu) << 6) + (b2 & 0x3Fu);
        char buf[16];
        std::snprintf(buf, sizeof buf, "[U+%04X]", cp);
        out += buf;
        i += 2;
        continue;
      }
    }
    switch (c) {
      case '\0':
        break;  // not allowed in HTML; dropped
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_number(const std::optional<double>& v, const char* spec) {
  if (!v || !std::isfinite(*v)) return "n/a";
  const double x = *v == 0 ? 0.0 : *v;  // no "-0.0000"
  char buf[64];
  std::snprintf(buf, sizeof buf, spec, x);
  return buf;
}

std::string format_percent(double share) {
  return format_number(share * 100, "%.0f") + (std::isfinite(share) ? " %" : "");
}

std::string shell_quote(std::string_view text) {
  const bool plain = !text.empty() && text.find_first_not_of(
                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789_./:=,+-") == std::string_view::npos;
  if (plain) return std::string(text);
  std::string out = "'";
  for (const char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace unveil::report
