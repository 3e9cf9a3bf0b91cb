// Recognising the "I don't know" option by its text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/item.h"

namespace unveil::data {

/// Matches option texts against a configurable list of phrases. An option matches when its whole
/// text is one of the phrases once both are normalised (see normalise()): "I don't know.",
/// "i dont know", "I DON’T KNOW!" and "I don't know" all match "I don't know"; "I don't know the
/// answer" does not. "None of the above" and "All of the above" are real answers, not admissions
/// of not knowing, and are not in the default list.
class IdkMatcher {
 public:
  /// The default list (default_phrases()).
  IdkMatcher();
  explicit IdkMatcher(std::vector<std::string> phrases);

  bool matches(std::string_view option_text) const;
  /// Index of the first option that matches, -1 when none does.
  int find(const std::vector<Option>& options) const;
  const std::vector<std::string>& phrases() const { return phrases_; }

  /// English: I don't know, I do not know, I am not sure, I'm not sure, Not sure, Unknown,
  /// Cannot be determined, Can't be determined, Cannot determine, Can't determine, Cannot tell,
  /// Can't tell, Not enough information, Insufficient information, Cannot answer, Can't answer,
  /// Cannot be answered, Unanswerable, Not answerable. Chinese (simplified and traditional):
  /// 我不知道, 不知道, 无法确定, 无法判断, 信息不足, 不能确定, 无法回答, 不确定, 無法確定,
  /// 無法判斷, 資訊不足, 不能確定, 無法回答, 不確定.
  static const std::vector<std::string>& default_phrases();

  /// The normal form used for matching: ASCII letters lower-cased (full-width Latin letters and
  /// digits become ASCII); apostrophes of every kind (' ’ ‘ ʼ ＇ ´ `) removed, so that "don't"
  /// and "dont" agree; every run of whitespace and punctuation (ASCII, general punctuation, CJK
  /// and full-width punctuation) one space, none at either end and none between two CJK
  /// characters; other characters (CJK, accented letters) kept as they are.
  static std::string normalise(std::string_view text);

 private:
  std::vector<std::string> phrases_;
  std::vector<std::string> normalised_;
};

}  // namespace unveil::data
