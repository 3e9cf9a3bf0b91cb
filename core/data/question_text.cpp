#include "data/question_text.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "data/idk.h"

namespace unveil::data {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Length of an option marker for `letter` at position i ("A. ", "A) ", "(A) ", "A: "), or 0.
// A marker must start the text or follow whitespace, and be followed by whitespace or the end.
std::size_t marker_at(std::string_view t, std::size_t i, char letter) {
  if (i > 0 && !is_space(t[i - 1])) return 0;
  std::size_t len = 0;
  if (i + 2 < t.size() + 0 && t[i] == '(' && t[i + 1] == letter && t[i + 2] == ')') {
    len = 3;
  } else if (i + 1 < t.size() && t[i] == letter &&
             (t[i + 1] == '.' || t[i + 1] == ')' || t[i + 1] == ':')) {
    len = 2;
  } else {
    return 0;
  }
  if (i + len < t.size() && !is_space(t[i + len])) return 0;
  return len;
}

std::size_t find_marker(std::string_view t, std::size_t from, char letter, std::size_t* len) {
  for (std::size_t i = from; i < t.size(); ++i) {
    if (const std::size_t l = marker_at(t, i, letter)) {
      *len = l;
      return i;
    }
  }
  return std::string_view::npos;
}

std::vector<std::string_view> split_lines(std::string_view t) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= t.size()) {
    const std::size_t nl = t.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(t.substr(start));
      break;
    }
    lines.push_back(t.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string join(std::string_view a, std::string_view b) {
  std::string s(trim(a));
  const std::string_view tb = trim(b);
  if (!s.empty() && !tb.empty()) s.push_back(' ');
  s.append(tb);
  return s;
}

// Options that each start a line.
std::optional<ParsedQuestion> parse_line_mode(std::string_view text) {
  const auto lines = split_lines(text);
  std::size_t first = lines.size();
  std::size_t len = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view l = trim(lines[i]);
    if ((len = marker_at(l, 0, 'A')) != 0) {
      first = i;
      break;
    }
  }
  if (first == lines.size()) return std::nullopt;
  ParsedQuestion q;
  std::string before;
  for (std::size_t i = 0; i < first; ++i)
    before = join(before, lines[i]);
  q.question = before;
  std::string pending;
  for (std::size_t i = first; i < lines.size(); ++i) {
    const std::string_view l = trim(lines[i]);
    const char next = static_cast<char>('A' + q.options.size());
    std::size_t ml = next <= 'Z' ? marker_at(l, 0, next) : 0;
    if (ml) {
      if (!q.options.empty() && !pending.empty()) {
        q.options.back().text = join(q.options.back().text, pending);
      }
      pending.clear();
      q.options.push_back({next, std::string(trim(l.substr(ml)))});
    } else {
      pending = join(pending, l);
    }
  }
  q.trailer = pending;
  if (q.options.size() < 2) return std::nullopt;
  return q;
}

// Options written inline: "Which? A. red B. blue C. green".
std::optional<ParsedQuestion> parse_inline_mode(std::string_view text) {
  std::size_t len = 0;
  std::size_t pos = find_marker(text, 0, 'A', &len);
  if (pos == std::string_view::npos) return std::nullopt;
  ParsedQuestion q;
  q.question = std::string(trim(text.substr(0, pos)));
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    const std::size_t body = pos + len;
    std::size_t next_len = 0;
    std::size_t next = letter < 'Z'
                           ? find_marker(text, body, static_cast<char>(letter + 1), &next_len)
                           : std::string_view::npos;
    std::size_t end = next == std::string_view::npos ? text.size() : next;
    // The last option ends at the end of its line; what follows is an instruction.
    if (next == std::string_view::npos) {
      const std::size_t nl = text.find('\n', body);
      if (nl != std::string_view::npos) {
        end = nl;
        q.trailer = std::string(trim(text.substr(nl)));
      }
    }
    q.options.push_back({letter, std::string(trim(text.substr(body, end - body)))});
    if (next == std::string_view::npos) break;
    pos = next;
    len = next_len;
  }
  if (q.options.size() < 2) return std::nullopt;
  return q;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

std::string strip_image_token(std::string_view text) {
  std::string out(text);
  for (std::size_t p; (p = out.find("<image>")) != std::string::npos;)
    out.erase(p, 7);
  return std::string(trim(out));
}

std::optional<ParsedQuestion> parse_question(std::string_view human_turn) {
  const std::string text = strip_image_token(human_turn);
  if (auto q = parse_line_mode(text)) return q;
  return parse_inline_mode(text);
}

AnswerParse parse_answer(std::string_view answer, const std::vector<Option>& options) {
  AnswerParse r;
  const std::string_view t = trim(answer);
  const auto fail = [&r](Message m) {
    r.problem = english(m);
    r.detail = std::move(m);
    return r;
  };
  if (t.empty()) return fail(message("answer.empty"));
  const auto index_of = [&](char letter) {
    for (std::size_t i = 0; i < options.size(); ++i) {
      if (options[i].letter == letter) return static_cast<int>(i);
    }
    return -1;
  };
  const auto letters = [&] {
    std::string s;
    for (const auto& o : options)
      s.push_back(o.letter);
    return s;
  };
  const auto is_letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  // A letter standing alone, in parentheses or before ". ", ") ", ": ", in either case.
  char letter = 0;
  if (t.size() == 1 && is_letter(t[0])) {
    letter = t[0];
  } else if (t.size() >= 3 && t[0] == '(' && is_letter(t[1]) && t[2] == ')') {
    letter = t[1];
  } else if (t.size() >= 2 && is_letter(t[0]) && (t[1] == '.' || t[1] == ')' || t[1] == ':') &&
             (t.size() == 2 || is_space(t[2]))) {
    letter = t[0];
  }
  if (letter) {
    const std::string shown(t.substr(0, 80));
    r.index = index_of(letter);
    if (r.index >= 0) return r;
    // Written in the other case ("(b)" for option B): option letters are distinct under case
    // folding (A to Z), so this names one option at most.
    const auto fold = [](char c) {
      return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    };
    for (std::size_t i = 0; i < options.size(); ++i) {
      if (fold(options[i].letter) == fold(letter)) {
        r.index = static_cast<int>(i);
        return r;
      }
    }
    return fail(message("answer.letter_not_an_option", "\"" + shown + "\"",
                        std::string(1, fold(letter)), letters()));
  }
  // The text of one option ("blue").
  const std::string norm = IdkMatcher::normalise(t);
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (!norm.empty() && IdkMatcher::normalise(options[i].text) == norm) {
      r.index = static_cast<int>(i);
      return r;
    }
  }
  // A sentence naming exactly one option letter ("The answer is B.").
  std::set<char> named;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (!std::isupper(static_cast<unsigned char>(c))) continue;
    if (i > 0 && is_alnum(t[i - 1])) continue;
    if (i + 1 < t.size() && is_alnum(t[i + 1])) continue;
    if (index_of(c) >= 0) named.insert(c);
  }
  if (named.size() == 1) {
    r.index = index_of(*named.begin());
    return r;
  }
  const std::string shown(t.substr(0, 80));
  if (named.empty()) return fail(message("answer.no_letter", letters(), "\"" + shown + "\""));
  return fail(message("answer.several_options", "\"" + shown + "\""));
}

}  // namespace unveil::data
