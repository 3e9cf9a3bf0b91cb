#include "data/idk.h"

#include <algorithm>

namespace unveil::data {

IdkMatcher::IdkMatcher()
    : IdkMatcher({"I don't know", "I do not know", "Unknown", "Cannot be determined",
                  "Can't be determined", "Not enough information", "None of the above",
                  "Cannot answer", "Unanswerable"}) {}

IdkMatcher::IdkMatcher(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
  for (const auto& p : phrases_)
    normalised_.push_back(normalise(p));
}

std::string IdkMatcher::normalise(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Apostrophes (ASCII and U+2019) vanish so that "don't", "don’t" and "dont" agree.
    if (c == '\'') continue;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x99 ||
         static_cast<unsigned char>(text[i + 2]) == 0x98)) {
      i += 2;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      space = true;  // whitespace and punctuation separate words
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
