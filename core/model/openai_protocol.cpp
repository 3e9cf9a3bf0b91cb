#include "model/openai_protocol.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "util/json_limits.h"

namespace unveil::model::openai {
namespace {
using nlohmann::json;

// Logprobs this far above 0 are a server's rounding (float32 log of a probability of 1).
constexpr double kLogprobRounding = 1e-6;

// The most of a server's text an error message quotes.
constexpr std::size_t kRawTextBytes = 200;
constexpr std::size_t kMessageBytes = 2000;
constexpr std::size_t kFoundBytes = 60;

// The first `max` bytes of s, cut back to a UTF-8 character boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
    --n;
  return s.substr(0, n);
}

// s without control characters (line breaks and tabs become spaces), trimmed, at most `max` bytes
// ("..." marks a cut).
std::string clean_text(std::string_view s, std::size_t max) {
  const std::string_view head = utf8_prefix(s, max);
  std::string out;
  out.reserve(head.size() + 3);
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (c >= 0x20 && c != 0x7F) {
      out += ch;
    }
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return head.size() < s.size() ? "..." : "";
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  if (head.size() < s.size()) out += "...";
  return out;
}

// A short description of a JSON value, for "found ..." in messages.
std::string found(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case json::value_t::string:
      return "\"" + clean_text(v.get_ref<const std::string&>(), kFoundBytes) + "\"";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return v.dump(-1, ' ', false, json::error_handler_t::replace);
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list of " + std::to_string(v.size());
    default:
      return "nothing";
  }
}

// The value at key, or null when the object has none.
const json& member(const json& object, const char* key) {
  static const json kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

Error wrong(const std::string& path, std::string_view expected, const json& v) {
  return Error{path + ": expected " + std::string(expected) + ", found " + found(v)};
}

// Parses a server's body; `what` names it in messages ("the chat completion").
Result<json> parse_body(std::string_view body, std::string_view what) {
  if (const auto at = json_too_deep_at(body); at != std::string_view::npos) {
    return Error{std::string(what) + ": nested deeper than " + std::to_string(kMaxJsonDepth) +
                 " levels (at byte " + std::to_string(at + 1) + ")"};
  }
  json j = json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded()) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return Error{std::string(what) + ": expected JSON, found an empty body"};
    }
    return Error{std::string(what) + ": expected JSON, found \"" + clean_text(body, kRawTextBytes) +
                 "\""};
  }
  if (!j.is_object()) {
    return Error{std::string(what) + ": expected a JSON object, found " + found(j)};
  }
  // Some servers answer an error with status 200.
  if (!member(j, "error").is_null() || member(j, "object") == "error") {
    return Error{std::string(what) + ": the server answered with an error: " + error_message(body)};
  }
  return j;
}

// A string field that may be null or absent ("" then).
Result<std::string> optional_string(const json& object, const char* key, const std::string& path) {
  const json& v = member(object, key);
  if (v.is_null()) return std::string();
  if (!v.is_string()) return wrong(path.empty() ? key : path + "." + key, "a string or null", v);
  return v.get<std::string>();
}

// A logprob: a finite number <= 0 (tiny positive rounding reads as 0).
Result<double> logprob_at(const json& object, const std::string& path) {
  const json& v = member(object, "logprob");
  const std::string where = path + ".logprob";
  if (!v.is_number()) {
    if (object.contains("prob")) {
      return Error{where +
                   ": expected a number, found none (the entry has \"prob\": the server "
                   "was asked for post-sampling probabilities instead of logprobs)"};
    }
    return wrong(where, "a number (a log probability <= 0)", v);
  }
  const double x = v.get<double>();
  if (!std::isfinite(x)) return wrong(where, "a finite number", v);
  if (x > kLogprobRounding) return wrong(where, "a log probability <= 0", v);
  return std::min(x, 0.0);
}

// `bytes`: a list of byte values, null or absent; its content is not used.
Status check_bytes(const json& object, const std::string& path) {
  const json& v = member(object, "bytes");
  if (v.is_null()) return ok_status();
  if (!v.is_array()) return wrong(path + ".bytes", "a list of byte values or null", v);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const json& b = v[i];
    if (!b.is_number_integer() || b.get<std::int64_t>() < 0 || b.get<std::int64_t>() > 255) {
      return wrong(path + ".bytes[" + std::to_string(i) + "]", "a byte value 0..255", b);
    }
  }
  return ok_status();
}

// A {"token", "logprob", "bytes"} entry.
Result<TopLogprob> read_top(const json& e, const std::string& path) {
  if (!e.is_object()) return wrong(path, "an object", e);
  const json& token = member(e, "token");
  if (!token.is_string()) return wrong(path + ".token", "a string", token);
  auto lp = logprob_at(e, path);
  if (!lp) return lp.error();
  if (auto b = check_bytes(e, path); !b) return b.error();
  return TopLogprob{token.get<std::string>(), *lp};
}

Result<GeneratedToken> read_generated(const json& e, const std::string& path) {
  auto t = read_top(e, path);
  if (!t) return t.error();
  GeneratedToken g{std::move(t->token), t->logprob, {}};
  const json& top = member(e, "top_logprobs");
  if (top.is_null()) return g;
  if (!top.is_array()) return wrong(path + ".top_logprobs", "a list or null", top);
  g.top.reserve(top.size());
  for (std::size_t i = 0; i < top.size(); ++i) {
    auto entry = read_top(top[i], path + ".top_logprobs[" + std::to_string(i) + "]");
    if (!entry) return entry.error();
    g.top.push_back(std::move(*entry));
  }
  return g;
}

// log(sum(exp(x))) of finite values.
double log_sum_exp(const std::vector<double>& xs) {
  const double m = *std::max_element(xs.begin(), xs.end());
  double s = 0;
  for (const double x : xs)
    s += std::exp(x - m);
  return m + std::log(s);
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// White space as tokenizers spell it: SentencePiece's U+2581, GPT-2 byte-level U+0120 (space)
// and U+010A (line break), in UTF-8.
constexpr std::string_view kTokenizerSpaces[] = {"\xE2\x96\x81", "\xC4\xA0", "\xC4\x8A"};

void trim_token_space(std::string_view& s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (is_ascii_space(s.front())) {
      s.remove_prefix(1);
      changed = true;
      continue;
    }
    for (const std::string_view sp : kTokenizerSpaces) {
      if (s.substr(0, sp.size()) == sp) {
        s.remove_prefix(sp.size());
        changed = true;
        break;
      }
    }
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (is_ascii_space(s.back())) {
      s.remove_suffix(1);
      changed = true;
      continue;
    }
    for (const std::string_view sp : kTokenizerSpaces) {
      if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) {
        s.remove_suffix(sp.size());
        changed = true;
        break;
      }
    }
  }
}

}  // namespace

std::string request_body(const ChatRequest& r) {
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const ContentPart& p : r.content) {
    if (p.kind == ContentPart::Kind::kImage) {
      parts.push_back({{"type", "image_url"}, {"image_url", {{"url", p.data_url}}}});
    } else {
      parts.push_back({{"type", "text"}, {"text", p.text}});
    }
  }
  nlohmann::ordered_json body = {
      {"model", r.model},
      {"messages", nlohmann::ordered_json::array({{{"role", "user"}, {"content", parts}}})},
      {"temperature", 0},
      {"max_tokens", r.max_tokens},
      {"logprobs", true},
      {"top_logprobs", r.top_logprobs},
      {"stream", false}};
  if (r.seed) body["seed"] = *r.seed;
  return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::vector<ContentPart> content_parts(std::string_view prompt, const std::string& image_data_url) {
  std::vector<ContentPart> out;
  auto add_text = [&out](std::string text) {
    if (!text.empty()) out.push_back({ContentPart::Kind::kText, std::move(text), {}});
  };
  // The text with every marker removed.
  auto without_markers = [](std::string_view s) {
    std::string t;
    for (std::size_t at; (at = s.find(kImageMarker)) != std::string_view::npos;) {
      t.append(s.substr(0, at));
      s.remove_prefix(at + kImageMarker.size());
    }
    t.append(s);
    return t;
  };
  const std::size_t at = prompt.find(kImageMarker);
  if (at == std::string_view::npos || image_data_url.empty()) {
    add_text(without_markers(prompt));
    return out;
  }
  add_text(std::string(prompt.substr(0, at)));
  out.push_back({ContentPart::Kind::kImage, {}, image_data_url});
  add_text(without_markers(prompt.substr(at + kImageMarker.size())));
  return out;
}

Result<ChatResponse> parse_chat_response(std::string_view body) {
  auto parsed = parse_body(body, "the chat completion");
  if (!parsed) return parsed.error();
  const json& j = *parsed;
  ChatResponse r;
  {
    auto model = optional_string(j, "model", "");
    if (!model) return model.error();
    r.model = std::move(*model);
    auto fp = optional_string(j, "system_fingerprint", "");
    if (!fp) return fp.error();
    r.system_fingerprint = std::move(*fp);
  }
  const json& choices = member(j, "choices");
  if (!choices.is_array() || choices.empty()) {
    return wrong("choices", "a list of at least one choice", choices);
  }
  const json& choice = choices[0];
  if (!choice.is_object()) return wrong("choices[0]", "an object", choice);
  {
    auto finish = optional_string(choice, "finish_reason", "choices[0]");
    if (!finish) return finish.error();
    r.finish_reason = std::move(*finish);
  }
  const json& message = member(choice, "message");
  if (!message.is_object()) return wrong("choices[0].message", "an object", message);
  const json& content = member(message, "content");
  if (content.is_string()) {
    r.text = content.get<std::string>();
  } else if (content.is_null()) {
    // Null content: a refusal, a tool call, or (SGLang, llama.cpp) nothing generated.
    const json& refusal = member(message, "refusal");
    if (refusal.is_string() && !refusal.get_ref<const std::string&>().empty()) {
      return Error{"choices[0].message: the model refused to answer: \"" +
                   clean_text(refusal.get_ref<const std::string&>(), kMessageBytes) + "\""};
    }
    const json& tool_calls = member(message, "tool_calls");
    if (tool_calls.is_array() && !tool_calls.empty()) {
      return Error{
          "choices[0].message: expected content, found a tool call instead (the request offers "
          "no tools; is a tool parser forced on the server?)"};
    }
  } else {
    return wrong("choices[0].message.content", "a string or null", content);
  }

  const json& logprobs = member(choice, "logprobs");
  if (logprobs.is_null()) return r;
  if (!logprobs.is_object()) return wrong("choices[0].logprobs", "an object or null", logprobs);
  const json& tokens = member(logprobs, "content");
  if (tokens.is_null()) {
    if (logprobs.contains("token_logprobs")) {
      return Error{
          "choices[0].logprobs: expected chat logprobs (a \"content\" list), found the legacy "
          "completions form (\"tokens\", \"token_logprobs\")"};
    }
    return r;
  }
  if (!tokens.is_array()) return wrong("choices[0].logprobs.content", "a list or null", tokens);
  r.has_logprobs = true;
  r.tokens.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto t = read_generated(tokens[i], "choices[0].logprobs.content[" + std::to_string(i) + "]");
    if (!t) return t.error();
    r.tokens.push_back(std::move(*t));
  }
  return r;
}

char option_letter(std::string_view token, std::string_view letters) {
  trim_token_space(token);
  if (!token.empty() && token.front() == '(') token.remove_prefix(1);
  if (!token.empty() && (token.back() == ')' || token.back() == '.' || token.back() == ':')) {
    token.remove_suffix(1);
  }
  if (token.size() != 1) return 0;
  const char c = token.front();
  if (c == '\0' || (c >= 'a' && c <= 'z')) return 0;
  return letters.find(c) == std::string_view::npos ? 0 : c;
}

Result<OptionScores> read_option_scores(const ChatResponse& r, std::string_view letters) {
  if (letters.empty()) return Error{"no option letters to score"};
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (letters.find(letters[i]) != i) {
      return Error{"option letters \"" + std::string(letters) + "\": \"" +
                   std::string(1, letters[i]) + "\" is given twice"};
    }
  }
  if (!r.has_logprobs) {
    return Error{
        "the response has no logprobs, although the request asked for them (\"logprobs\": true, "
        "\"top_logprobs\"). vLLM returns them by default (at most --max-logprobs per step, 20 "
        "unless the server is started with a larger value); SGLang returns them when asked; "
        "llama.cpp's llama-server needs a build whose chat completions support logprobs (n_probs); "
        "Ollama's OpenAI-compatible endpoint returns none (before Ollama 0.12.11)"};
  }
  if (r.tokens.empty()) {
    return Error{"the response generated no tokens (finish_reason \"" + r.finish_reason +
                 "\"): there is no step to read the options at"};
  }
  OptionScores s;
  for (std::size_t i = 0; i < r.tokens.size(); ++i) {
    if (const char c = option_letter(r.tokens[i].token, letters)) {
      s.answer = static_cast<int>(letters.find(c));
      s.step = static_cast<int>(i);
      break;
    }
  }
  s.steps = s.answer >= 0 ? s.step + 1 : static_cast<int>(r.tokens.size());
  const GeneratedToken& t = r.tokens[static_cast<std::size_t>(s.step)];
  if (t.top.empty()) {
    return Error{"step " + std::to_string(s.step) + " (token \"" +
                 clean_text(t.token, kFoundBytes) +
                 "\") has no top_logprobs: ask for top_logprobs >= 1 (vLLM allows up to its "
                 "--max-logprobs)"};
  }

  // Every listed spelling of each letter; the generated token counts too when it is not listed.
  std::vector<std::vector<double>> spellings(letters.size());
  double smallest = std::numeric_limits<double>::infinity();
  double mass = 0;
  auto add = [&](const std::string& token, double logprob) {
    mass += std::exp(logprob);
    if (const char c = option_letter(token, letters)) {
      spellings[letters.find(c)].push_back(logprob);
    }
  };
  bool generated_listed = false;
  for (const TopLogprob& e : t.top) {
    smallest = std::min(smallest, e.logprob);
    generated_listed = generated_listed || e.token == t.token;
    add(e.token, e.logprob);
  }
  if (!generated_listed) add(t.token, t.logprob);
  const double rest = mass < 1 ? std::log1p(-mass) : -std::numeric_limits<double>::infinity();
  const double bound = std::isfinite(rest) ? std::min(smallest, rest) : smallest;

  s.option_logprobs.resize(letters.size());
  for (std::size_t k = 0; k < letters.size(); ++k) {
    if (spellings[k].empty()) {
      s.bounded += letters[k];
      s.option_logprobs[k] = bound;
    } else {
      s.option_logprobs[k] = log_sum_exp(spellings[k]);
    }
  }
  if (s.answer >= 0) {
    s.conf_vocab = std::exp(s.option_logprobs[static_cast<std::size_t>(s.answer)]);
  } else {
    int best = -1;
    for (std::size_t k = 0; k < letters.size(); ++k) {
      if (spellings[k].empty()) continue;
      if (best < 0 || s.option_logprobs[k] > s.option_logprobs[static_cast<std::size_t>(best)]) {
        best = static_cast<int>(k);
      }
    }
    if (best >= 0) s.conf_vocab = std::exp(s.option_logprobs[static_cast<std::size_t>(best)]);
  }
  return s;
}

Result<std::vector<std::string>> parse_model_list(std::string_view body) {
  auto parsed = parse_body(body, "the model list");
  if (!parsed) return parsed.error();
  const json& data = member(*parsed, "data");
  if (!data.is_array()) return wrong("the model list's data", "a list of models", data);
  std::vector<std::string> ids;
  ids.reserve(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    const std::string path = "the model list's data[" + std::to_string(i) + "]";
    if (!data[i].is_object()) return wrong(path, "an object", data[i]);
    const json& id = member(data[i], "id");
    if (!id.is_string() || id.get_ref<const std::string&>().empty()) {
      return wrong(path + ".id", "a non-empty string", id);
    }
    ids.push_back(id.get<std::string>());
  }
  return ids;
}

std::string error_message(std::string_view body) {
  std::string raw = clean_text(body, kRawTextBytes);
  if (raw.empty()) return "(an empty body)";
  if (json_too_deep_at(body) != std::string_view::npos) return raw;
  const json j = json::parse(body.begin(), body.end(), nullptr, false);
  if (!j.is_object()) return raw;
  auto text = [](const json& v) -> std::string {
    if (!v.is_string()) return {};
    return clean_text(v.get_ref<const std::string&>(), kMessageBytes);
  };
  // OpenAI, llama.cpp and today's vLLM: {"error": {"message", "type", "code"}}.
  const json& err = member(j, "error");
  if (err.is_object()) {
    if (auto m = text(member(err, "message")); !m.empty()) return m;
  } else if (auto m = text(err); !m.empty()) {
    return m;
  }
  // SGLang and older vLLM: {"object": "error", "message", "type", "code"}.
  if (auto m = text(member(j, "message")); !m.empty()) return m;
  // FastAPI's own: {"detail": "Not Found"} or a list of {"loc", "msg", "type"}.
  const json& detail = member(j, "detail");
  if (auto m = text(detail); !m.empty()) return m;
  if (detail.is_array()) {
    std::string all;
    for (const json& d : detail) {
      const std::string m = d.is_object() ? text(member(d, "msg")) : text(d);
      if (m.empty()) continue;
      if (!all.empty()) all += "; ";
      all += m;
    }
    if (!all.empty()) return clean_text(all, kMessageBytes);
  }
  return raw;
}

}  // namespace unveil::model::openai
