// The built-in paraphrase bank: a suffix is read as [lead-in] subject ... hedge ..., and each
// one-step change of one part (or a whole template) is a paraphrase.
#include "analysis/prompt_variants.h"

#include <algorithm>
#include <cctype>

namespace unveil::analysis {
namespace {

// Hedging phrases, from tentative to certain; any one may stand for another.
const std::vector<std::string>& hedges() {
  static const std::vector<std::string> h = {
      "might be",    "must be",      "could be",       "may be",        "should be",   "is likely",
      "is probably", "is certainly", "is most likely", "is definitely", "is possibly", "is"};
  return h;
}

// What the sentence is about, at its start.
const std::vector<std::string>& subjects() {
  static const std::vector<std::string> s = {
      "The answer", "The correct answer", "The right answer",  "The best answer",
      "My answer",  "The correct option", "The option letter", "My final answer"};
  return s;
}

// Lead-ins that run into the sentence ("I think the answer is").
const std::vector<std::string>& clause_leads() {
  static const std::vector<std::string> l = {
      "I think", "I believe", "I guess", "In my opinion,", "Honestly,", "Looking at the picture,"};
  return l;
}

// Lead-ins that are sentences of their own, several inviting "I don't know" as the study's IDK
// prompts do.
const std::vector<std::string>& sentence_leads() {
  static const std::vector<std::string> l = {
      "If unsure, answer I don't know.",
      "If you are not sure, choose I don't know.",
      "Answer only if you are sure.",
      "It is fine to say I don't know.",
      "Look at the picture carefully.",
      "Think before you answer.",
      "Answer only if the picture or the question tells you; otherwise choose I don't know."};
  return l;
}

// Whole suffixes, tried as paraphrases of any prompt.
const std::vector<std::string>& templates() {
  static const std::vector<std::string> t = {"Answer",
                                             "The answer is",
                                             "The option letter is",
                                             "Answer with one letter",
                                             "My best guess is",
                                             "If unsure, answer I don't know. Answer",
                                             "Answer only if the picture or the question tells "
                                             "you; otherwise choose I don't know. Answer",
                                             "Without guessing, the answer is"};
  return t;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '\'';
}

// `phrase` at `pos` of `s`, as whole words.
bool phrase_at(const std::string& s, std::size_t pos, const std::string& phrase) {
  if (s.compare(pos, phrase.size(), phrase) != 0) return false;
  if (pos > 0 && word_char(s[pos - 1])) return false;
  const std::size_t end = pos + phrase.size();
  return end == s.size() || !word_char(s[end]);
}

// The longest phrase of `list` that `s` starts with as whole words; "" when none.
std::string leading(const std::string& s, const std::vector<std::string>& list) {
  std::string best;
  for (const auto& p : list) {
    if (p.size() > best.size() && phrase_at(s, 0, p)) best = p;
  }
  return best;
}

// "The answer" -> "the answer" after a clause lead-in; a lone "I" (or "I'm") stays as it is.
std::string lower_first(std::string s) {
  if (s.size() >= 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
      std::islower(static_cast<unsigned char>(s[1]))) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  return s;
}

std::string upper_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// A suffix read as its parts.
struct Parts {
  std::string lead;  // "" when none
  bool clause = false;
  std::string core;  // the rest, first letter upper-case
  std::string subject;
  std::size_t hedge_pos = std::string::npos;
  std::string hedge;
};

Parts parse(const std::string& suffix) {
  Parts p;
  const std::string clause = leading(suffix, clause_leads());
  const std::string sentence = leading(suffix, sentence_leads());
  p.lead = clause.size() > sentence.size() ? clause : sentence;
  p.clause = !p.lead.empty() && p.lead == clause;
  p.core = suffix.substr(p.lead.size());
  p.core = canonical_suffix(p.core);
  if (p.core.empty()) {  // the lead-in is all there is: it is the core
    p.core = suffix;
    p.lead.clear();
  }
  p.core = upper_first(p.core);
  p.subject = leading(p.core, subjects());
  for (std::size_t pos = p.subject.size(); pos < p.core.size() && p.hedge.empty(); ++pos) {
    for (const auto& h : hedges()) {
      if (h.size() > p.hedge.size() && phrase_at(p.core, pos, h)) {
        p.hedge = h;
        p.hedge_pos = pos;
      }
    }
  }
  return p;
}

std::string join(const std::string& lead, bool clause, const std::string& core) {
  if (lead.empty()) return core;
  return lead + " " + (clause ? lower_first(core) : core);
}

}  // namespace

const std::vector<std::string>& default_seed_suffixes() {
  static const std::vector<std::string> s = {"The answer might be", "The answer must be"};
  return s;
}

std::string canonical_suffix(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  while (!out.empty() &&
         (out.back() == '.' || out.back() == ':' || out.back() == '(' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

std::string suffix_problem(const std::string& canonical) {
  if (canonical.empty()) return "it is empty";
  if (canonical.find_first_of("{}") != std::string::npos) {
    return "it holds '{' or '}', which the template would read as a placeholder";
  }
  return {};
}

std::string suffix_template(const std::string& base, const std::string& suffix) {
  const std::size_t nl = base.rfind('\n');
  const bool cue = nl != std::string::npos && base.find('{', nl) == std::string::npos;
  const std::string head = cue ? base.substr(0, nl + 1) : base + "\n";
  return head + suffix + ": (";
}

std::vector<std::string> bank_paraphrases(const std::string& suffix) {
  const Parts p = parse(suffix);
  std::vector<std::string> raw;
  if (!p.hedge.empty()) {
    for (const auto& h : hedges()) {
      if (h == p.hedge) continue;
      std::string core = p.core;
      core.replace(p.hedge_pos, p.hedge.size(), h);
      raw.push_back(join(p.lead, p.clause, core));
    }
  }
  if (!p.subject.empty()) {
    for (const auto& s : subjects()) {
      if (s == p.subject) continue;
      raw.push_back(join(p.lead, p.clause, s + p.core.substr(p.subject.size())));
    }
  }
  if (p.subject.empty() && p.hedge.empty()) {
    // A bare cue ("Answer"): its paraphrases are sentences of a subject and a hedge.
    for (const auto& h : hedges())
      raw.push_back(join(p.lead, p.clause, subjects()[0] + " " + h));
    for (const auto& s : subjects())
      raw.push_back(join(p.lead, p.clause, s + " is"));
  }
  if (!p.lead.empty()) raw.push_back(p.core);
  if (!p.subject.empty()) {  // "I think the answer is", never "I think answer only if ..."
    for (const auto& l : clause_leads()) {
      if (l != p.lead) raw.push_back(join(l, true, p.core));
    }
  }
  for (const auto& l : sentence_leads()) {
    if (l != p.lead) raw.push_back(join(l, false, p.core));
  }
  for (const auto& t : templates())
    raw.push_back(t);
  std::vector<std::string> out;
  std::set<std::string> have = {canonical_suffix(suffix)};
  for (const auto& r : raw) {
    std::string c = canonical_suffix(r);
    if (!c.empty() && have.insert(c).second) out.push_back(std::move(c));
  }
  return out;
}

VariantSource::VariantSource(std::vector<std::string> user, bool use_bank, std::uint64_t seed)
    : user_(std::move(user)), use_bank_(use_bank), rng_(seed) {}

std::vector<std::string> VariantSource::expand(const std::string& parent, std::size_t m,
                                               std::set<std::string>& seen) {
  std::vector<std::string> out;
  for (const auto& u : user_) {
    if (out.size() == m) return out;
    if (seen.insert(u).second) out.push_back(u);
  }
  if (!use_bank_ || out.size() == m) return out;
  // Fisher-Yates with the search's generator: the same seed gives the same choice.
  const auto shuffle = [&](std::vector<std::string>& v) {
    for (std::size_t i = v.size(); i > 1; --i)
      std::swap(v[i - 1], v[rng_.below(i)]);
  };
  const auto take = [&](std::vector<std::string>& v) {
    for (auto& c : v) {
      if (out.size() == m) break;
      if (seen.insert(c).second) out.push_back(std::move(c));
    }
  };
  const std::vector<std::string> near = bank_paraphrases(parent);
  std::vector<std::string> fresh;
  for (const auto& c : near) {
    if (!seen.count(c)) fresh.push_back(c);
  }
  shuffle(fresh);
  take(fresh);
  if (out.size() == m) return out;
  // Every one-step paraphrase was tried: two steps away (paraphrases of the paraphrases).
  std::vector<std::string> far;
  std::set<std::string> have;
  for (const auto& c : near) {
    for (auto& d : bank_paraphrases(c)) {
      if (d != parent && !seen.count(d) && have.insert(d).second) far.push_back(std::move(d));
    }
  }
  shuffle(far);
  take(far);
  return out;
}

}  // namespace unveil::analysis
