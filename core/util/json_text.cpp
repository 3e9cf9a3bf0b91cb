#include "util/json_text.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace unveil {

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

void append_json_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

namespace {

// Exactly representable powers of ten: 10^22 < 2^53 * 2^22 fits a double's 53-bit significand.
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The fast path needs each operation rounded once, to double (not to x87's 80 bits first).
constexpr bool kRoundsOnceToDouble = FLT_EVAL_METHOD == 0;

}  // namespace

bool read_json_number(const char* begin, const char* end, double& out) {
  if constexpr (kRoundsOnceToDouble) {
    const char* p = begin;
    const bool negative = p != end && *p == '-';
    if (negative) ++p;
    std::uint64_t m = 0;
    int digits = 0;    // significant digits in m (leading zeros not counted)
    int fraction = 0;  // digits after the point
    bool any = false;
    for (; p != end && *p >= '0' && *p <= '9'; ++p, any = true) {
      if (m == 0 && *p == '0') continue;
      m = m * 10 + static_cast<std::uint64_t>(*p - '0');
      ++digits;
    }
    if (p != end && *p == '.') {
      for (++p; p != end && *p >= '0' && *p <= '9'; ++p, any = true) {
        ++fraction;
        if (m == 0 && *p == '0') continue;
        m = m * 10 + static_cast<std::uint64_t>(*p - '0');
        ++digits;
      }
    }
    int exponent = 0;
    bool exact = any && digits <= 19;
    if (exact && p != end && (*p == 'e' || *p == 'E')) {
      ++p;
      const bool minus = p != end && *p == '-';
      if (p != end && (*p == '-' || *p == '+')) ++p;
      int e = 0, n = 0;
      for (; p != end && *p >= '0' && *p <= '9'; ++p, ++n)
        e = e * 10 + (*p - '0');
      exact = n > 0 && n <= 4;
      exponent = minus ? -e : e;
    }
    if (exact && p == end) {
      const int e10 = exponent - fraction;
      if (m == 0) {
        out = negative ? -0.0 : 0.0;
        return true;
      }
      if (m <= (std::uint64_t{1} << 53) && e10 >= -22 && e10 <= 22) {
        const double v = static_cast<double>(m);
        const double r = e10 >= 0 ? v * kPow10[e10] : v / kPow10[-e10];
        out = negative ? -r : r;
        return true;
      }
    }
  }
  double v;
  const auto r = std::from_chars(begin, end, v);
  if (r.ec != std::errc() || r.ptr != end) return false;
  out = v;
  return true;
}

}  // namespace unveil
