#include "data/idk.h"

#include <algorithm>
#include <cstdint>

namespace unveil::data {
namespace {

// One code point decoded from UTF-8 at text[i]; `len` bytes long. Bytes that do not start a
// well-formed sequence come back one at a time with cp = -1 and are kept as they are.
struct CodePoint {
  std::int32_t cp = -1;
  std::size_t len = 1;
};

CodePoint decode_at(std::string_view text, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return {c, 1};
  std::size_t len = 0;
  std::int32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    return {};
  }
  if (i + len > text.size()) return {};
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  static constexpr std::int32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF) return {};
  return {cp, len};
}

enum class Kind : std::uint8_t { kDrop, kSeparator, kWord };

bool is_apostrophe(std::int32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0xB4 || cp == 0x2BC || cp == 0x2018 || cp == 0x2019 ||
         cp == 0xFF07;
}

Kind kind_of(std::int32_t cp) {
  if (cp < 0) return Kind::kWord;
  if (is_apostrophe(cp)) return Kind::kDrop;
  if (cp < 0x80) {
    const bool alnum =
        (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return alnum ? Kind::kWord : Kind::kSeparator;
  }
  const bool punctuation = (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 ||
                           cp == 0xF7 ||                      // Latin-1 controls, signs
                           (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation, spaces
                           (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation
                           (cp >= 0xFE10 && cp <= 0xFE1F) ||  // vertical forms
                           (cp >= 0xFE30 && cp <= 0xFE6F) ||  // CJK compatibility, small forms
                           cp == 0xFEFF ||                    // byte-order mark
                           (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
                           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
  return punctuation ? Kind::kSeparator : Kind::kWord;
}

// Full-width digits and Latin letters as their ASCII lower-case form; 0 for anything else.
char ascii_of(std::int32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  if (cp >= 0 && cp < 0x80) return static_cast<char>(cp);
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<char>(cp - 0xFF10 + '0');
  if (cp >= 0xFF21 && cp <= 0xFF3A) return static_cast<char>(cp - 0xFF21 + 'a');
  if (cp >= 0xFF41 && cp <= 0xFF5A) return static_cast<char>(cp - 0xFF41 + 'a');
  return 0;
}

// Han, kana and their radicals: scripts written without spaces between words.
bool is_cjk(std::int32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

}  // namespace

const std::vector<std::string>& IdkMatcher::default_phrases() {
  static const std::vector<std::string> phrases = {
      "I don't know",
      "I do not know",
      "I am not sure",
      "I'm not sure",
      "Not sure",
      "Unknown",
      "Cannot be determined",
      "Can't be determined",
      "Cannot determine",
      "Can't determine",
      "Cannot tell",
      "Can't tell",
      "Not enough information",
      "Insufficient information",
      "Cannot answer",
      "Can't answer",
      "Cannot be answered",
      "Unanswerable",
      "Not answerable",
      "我不知道",
      "不知道",
      "无法确定",
      "无法判断",
      "信息不足",
      "不能确定",
      "无法回答",
      "不确定",
      "無法確定",
      "無法判斷",
      "資訊不足",
      "不能確定",
      "無法回答",
      "不確定",
  };
  return phrases;
}

IdkMatcher::IdkMatcher() : IdkMatcher(default_phrases()) {}

IdkMatcher::IdkMatcher(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
  for (const auto& p : phrases_)
    normalised_.push_back(normalise(p));
}

std::string IdkMatcher::normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  bool last_cjk = false;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint p = decode_at(text, i);
    const std::string_view bytes = text.substr(i, p.len);
    i += p.len;
    switch (kind_of(p.cp)) {
      case Kind::kDrop:
        continue;
      case Kind::kSeparator:
        pending_space = true;
        continue;
      case Kind::kWord:
        break;
    }
    const bool cjk = is_cjk(p.cp);
    if (pending_space && !out.empty() && !(cjk && last_cjk)) out.push_back(' ');
    pending_space = false;
    last_cjk = cjk;
    if (const char a = ascii_of(p.cp)) {
      out.push_back(a);
    } else {
      out.append(bytes);
    }
  }
  return out;
}

bool IdkMatcher::matches(std::string_view option_text) const {
  const std::string n = normalise(option_text);
  return !n.empty() && std::find(normalised_.begin(), normalised_.end(), n) != normalised_.end();
}

int IdkMatcher::find(const std::vector<Option>& options) const {
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (matches(options[i].text)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace unveil::data
