// Splitting a LLaVA-style human turn into the question and its options, and reading the answer
// turn.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/item.h"

namespace unveil::data {

struct ParsedQuestion {
  std::string question;         ///< text before the first option, <image> token removed
  std::vector<Option> options;  ///< A, B, C... in order
  std::string trailer;          ///< an instruction after the options ("Answer with ..."), if any
};

/// Finds options written as "A. x", "A) x", "(A) x" or "A: x", each on its own line or inline
/// ("A. red B. blue"). Letters must run A, B, C... without gaps. Fewer than two options: nullopt.
std::optional<ParsedQuestion> parse_question(std::string_view human_turn);

/// Removes the "<image>" token(s) and trims.
std::string strip_image_token(std::string_view text);

/// Reads an answer turn: "A", "(A)", "A. text", "A) text", "A: text" (the letter in either case:
/// "(b)" is option B), the text of one option (compared as IdkMatcher::normalise() leaves it), or
/// a sentence naming exactly one option letter in upper case ("The answer is B."; a lower-case
/// "a" in a sentence is an article, not a letter). Returns the option index, or an error message
/// saying what was found.
struct AnswerParse {
  int index = -1;
  std::string problem;  ///< in English
  Message detail = {};  ///< the same as a catalog message (util/message.h)
};
AnswerParse parse_answer(std::string_view answer, const std::vector<Option>& options);

/// Trims ASCII whitespace.
std::string_view trim(std::string_view s);

}  // namespace unveil::data
