#include "util/base64.h"

#include <array>
#include <cstdint>

namespace unveil {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::int8_t kWhitespace = -2;
constexpr std::int8_t kInvalid = -1;

constexpr std::array<std::int8_t, 256> make_table() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t)
    v = kInvalid;
  for (int i = 0; i < 64; ++i)
    t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
  for (unsigned char c : {' ', '\t', '\r', '\n', '\f', '\v'})
    t[c] = kWhitespace;
  return t;
}
constexpr std::array<std::int8_t, 256> kTable = make_table();

std::string describe_char(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  if (c >= 0x21 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

}  // namespace

Result<std::string> base64_decode(std::string_view text, std::string_view what) {
  std::string out;
  out.reserve(text.size() / 4 * 3 + 3);
  std::uint32_t acc = 0;
  int digits = 0;   // significant characters read (excluding padding)
  int padding = 0;  // '=' characters read
  std::size_t first_pad = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '=') {
      if (padding == 0) first_pad = i;
      ++padding;
      continue;
    }
    const std::int8_t v = kTable[c];
    if (v == kWhitespace) continue;
    if (v == kInvalid) {
      return Error{std::string(what) +
                   ": invalid base64: expected A-Z, a-z, 0-9, '+', '/' or '=', found " +
                   describe_char(c) + " at offset " + std::to_string(i)};
    }
    if (padding > 0) {
      return Error{std::string(what) + ": invalid base64: data after the '=' padding at offset " +
                   std::to_string(first_pad) + " (found " + describe_char(c) + " at offset " +
                   std::to_string(i) + ")"};
    }
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    if (++digits % 4 == 0) {
      out.push_back(static_cast<char>(acc >> 16));
      out.push_back(static_cast<char>(acc >> 8));
      out.push_back(static_cast<char>(acc));
      acc = 0;
    }
  }
  const int rest = digits % 4;
  if (rest == 1) {
    return Error{std::string(what) +
                 ": invalid base64: expected a multiple of 4 characters, found " +
                 std::to_string(digits) + " (one character too many or missing)"};
  }
  if (padding > 0 && (rest == 0 || rest + padding != 4)) {
    return Error{std::string(what) + ": invalid base64: expected " +
                 std::to_string(rest == 0 ? 0 : 4 - rest) + " '=' of padding after " +
                 std::to_string(digits) + " characters, found " + std::to_string(padding)};
  }
  if (rest == 2) {
    out.push_back(static_cast<char>(acc >> 4));
  } else if (rest == 3) {
    out.push_back(static_cast<char>(acc >> 10));
    out.push_back(static_cast<char>(acc >> 2));
  }
  return out;
}

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto at = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  if (bytes.size() - i == 1) {
    const std::uint32_t v = at(i) << 16;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out += "==";
  } else if (bytes.size() - i == 2) {
    const std::uint32_t v = (at(i) << 16) | (at(i + 1) << 8);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back('=');
  }
  return out;
}

}  // namespace unveil
