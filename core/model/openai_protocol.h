// The OpenAI-compatible chat-completions protocol (vLLM, SGLang, llama.cpp's llama-server,
// OpenAI): the request bodies Unveil sends for a multiple-choice question with an image, and the
// reading of what comes back. Pure: no networking; the transport lives in the backend that calls
// these functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace unveil::model::openai {

/// One part of the user message.
struct ContentPart {
  enum class Kind { kText, kImage } kind = Kind::kText;
  std::string text;      ///< kText: the text
  std::string data_url;  ///< kImage: "data:image/png;base64,..."
};

/// One chat completion: one user message, greedy decoding, logprobs on.
struct ChatRequest {
  std::string model;                 ///< the server's model id
  std::vector<ContentPart> content;  ///< one user message, parts in order
  int max_tokens = 20;
  int top_logprobs = 20;  ///< 0..20 for OpenAI; servers may allow more
  std::optional<std::int64_t> seed;
};

/// The request's JSON text, keys in this order: {"model", "messages": [{"role": "user",
/// "content": [{"type": "text", "text": ...}, {"type": "image_url", "image_url": {"url": ...}}]}],
/// "temperature": 0, "max_tokens": N, "logprobs": true, "top_logprobs": K, "stream": false[,
/// "seed": S]}. Text that is not valid UTF-8 has its bad bytes replaced by U+FFFD; numbers are
/// sent as given (the server checks their ranges).
std::string request_body(const ChatRequest& r);

/// The text a template's {image} placeholder becomes (model/prompt.h).
inline constexpr std::string_view kImageMarker = "<image>\n";

/// Splits a rendered prompt at the image marker into text parts around one image part; empty text
/// parts are omitted. The first marker becomes the image; further markers are removed (the image
/// is sent once). Without a marker: text only, no image part (the caller decides whether an image
/// is sent, and where). An empty `image_data_url` sends no image: the markers are removed and the
/// text is one part.
std::vector<ContentPart> content_parts(std::string_view prompt, const std::string& image_data_url);

struct TopLogprob {
  std::string token;
  double logprob = 0;
};

/// A generated token, its log probability and the step's most likely alternatives (which usually
/// include the token itself).
struct GeneratedToken {
  std::string token;
  double logprob = 0;
  std::vector<TopLogprob> top;
};

/// The first choice of a chat completion.
struct ChatResponse {
  std::string text;           ///< the message's content ("" when the server sent null or none)
  std::string finish_reason;  ///< "stop", "length", ... ("" when absent)
  std::string model;
  std::string system_fingerprint;  ///< OpenAI's and llama.cpp's; "" when absent
  std::vector<GeneratedToken> tokens;
  bool has_logprobs = false;  ///< the choice carried logprobs.content (a list, maybe empty)
};

/// Reads a chat-completion body. Errors: not JSON; an error object instead of a completion; no
/// `choices` or an empty list; a choice without a `message` object; a refusal (content null and
/// `refusal` set) or a tool call instead of content; fields of the wrong type; a logprob that is
/// not a finite number <= 0 (values up to 1e-6 above 0 are rounding and read as 0). Fields Unveil
/// does not use are ignored; `bytes` may be a list of byte values, null or absent. Messages name
/// the field (`choices[0].logprobs.content[2].logprob`), what was expected and what was found.
Result<ChatResponse> parse_chat_response(std::string_view body);

/// The option letter a generated token spells, or 0. The token's surrounding white space (ASCII,
/// SentencePiece's "▁" U+2581, GPT-2 byte-level "Ġ" U+0120 and "Ċ" U+010A) is removed, then one
/// leading "(" and one trailing ")", "." or ":"; what is left must be exactly one of `letters`
/// (upper case: a lower-case letter does not count). "A", " B", "(C", "C)", "▁A", "ĠD" spell
/// letters; "a", "AB", "((A" do not.
char option_letter(std::string_view token, std::string_view letters);

/// The options' scores at the step where the model answered.
struct OptionScores {
  /// Index into `letters` of the first generated token that spells an option letter; -1: none.
  int answer = -1;
  /// 0-based index of that token (of the first token when unanswered).
  int step = 0;
  /// Per letter at that step: log of the summed probability of every spelling of the letter among
  /// the step's top_logprobs and the generated token ("A", " A", "(A" ...).
  std::vector<double> option_logprobs;
  /// The letters absent from that step's top_logprobs, in `letters` order. Their value is an
  /// upper bound: min(the smallest returned logprob, log(1 - the sum of the returned
  /// probabilities)) when that is finite, else the smallest returned logprob.
  std::string bounded;
  /// exp(option_logprobs[answer]): the letter's probability over the whole vocabulary. When
  /// unanswered: the top option's, unless that option's value is only a bound (then none).
  std::optional<double> conf_vocab;
  /// Tokens generated up to and including the answer (all generated when unanswered).
  int steps = 0;
};

/// Scores the options `letters` (upper case, e.g. "ABCD") from a response's logprobs. Errors: the
/// response has no logprobs (the message says which servers return them and how to turn them
/// on); no tokens were generated; `letters` is empty or repeats a letter; the step read has no
/// top_logprobs.
Result<OptionScores> read_option_scores(const ChatResponse& r, std::string_view letters);

/// The model ids of a GET /v1/models body ({"object": "list", "data": [{"id": ...}, ...]}), in
/// the server's order.
Result<std::vector<std::string>> parse_model_list(std::string_view body);

/// The message of an error body: OpenAI's, llama.cpp's and current vLLM's {"error": {"message",
/// ...}}, SGLang's and older vLLM's {"object": "error", "message", ...}, FastAPI's {"detail": ...};
/// otherwise (not JSON, or JSON of another shape) the raw text's first 200 bytes, cut at a UTF-8
/// character boundary ("..." marks the cut). Control characters are removed (line breaks and tabs
/// become spaces); an empty body gives "(an empty body)".
std::string error_message(std::string_view body);

}  // namespace unveil::model::openai
