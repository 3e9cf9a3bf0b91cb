// Recognising the "I don't know" option by its text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/item.h"

namespace unveil::data {

/// Matches option texts against a configurable list of phrases. Matching ignores case,
/// punctuation, surrounding whitespace and the kind of apostrophe: "I don't know.", "i dont know",
/// "I DON’T KNOW!" all match "I don't know".
class IdkMatcher {
 public:
  /// The default list: I don't know, I do not know, Unknown, Cannot be determined, Can't be
  /// determined, Not enough information, None of the above, Cannot answer, Unanswerable.
  IdkMatcher();
  explicit IdkMatcher(std::vector<std::string> phrases);

  bool matches(std::string_view option_text) const;
  /// Index of the first option that matches, -1 when none does.
  int find(const std::vector<Option>& options) const;
  const std::vector<std::string>& phrases() const { return phrases_; }

  /// The normal form used for matching (lower case ASCII letters and digits, single spaces).
  static std::string normalise(std::string_view text);

 private:
  std::vector<std::string> phrases_;
  std::vector<std::string> normalised_;
};

}  // namespace unveil::data
