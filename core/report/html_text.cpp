#include "report/html_text.h"

#include <cmath>
#include <cstdio>

namespace unveil::report {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
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
