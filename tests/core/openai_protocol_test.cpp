// The OpenAI-compatible chat-completions protocol (core/model/openai_protocol.h): request bodies,
// and the responses of vLLM, SGLang, llama.cpp's llama-server and OpenAI as their own code and
// documents write them. No server is contacted. Expected numbers are worked out in the comments
// (std::log of the probabilities the examples were written with), never by the code under test.
#include "model/openai_protocol.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace unveil::model::openai;

namespace {

ChatResponse parsed(std::string_view body) {
  auto r = parse_chat_response(body);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : ChatResponse{};
}

std::string parse_error(std::string_view body) {
  auto r = parse_chat_response(body);
  EXPECT_FALSE(r.ok()) << body;
  return r.ok() ? std::string() : r.error().message;
}

OptionScores scored(const ChatResponse& r, std::string_view letters) {
  auto s = read_option_scores(r, letters);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? *s : OptionScores{};
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A one-token response whose step lists `top` (JSON text of the top_logprobs list).
std::string one_token(const std::string& token, const std::string& logprob,
                      const std::string& top) {
  return R"({"choices":[{"index":0,"message":{"role":"assistant","content":"x"},)"
         R"("logprobs":{"content":[{"token":")" +
         token + R"(","logprob":)" + logprob + R"(,"bytes":null,"top_logprobs":)" + top +
         R"(}]},"finish_reason":"stop"}]})";
}

// Written from vllm-project/vllm, vllm/entrypoints/openai/protocol.py (ChatCompletionResponse,
// ChatCompletionResponseChoice, ChatMessage, ChatCompletionLogProbs,
// ChatCompletionLogProbsContent, ChatCompletionLogProb: every field pydantic serializes, nulls
// included) and vllm/entrypoints/openai/serving_chat.py (_create_chat_logprobs: `bytes` is the
// token's UTF-8, logprobs are clamped at -9999.0). The model answers "B"; the step lists "B" 0.8,
// "A" 0.1, "C" 0.05 and " B" 0.02; "D" is absent.
constexpr const char* kVllm = R"({
  "id": "chatcmpl-4f7c0e1d2b3a49c8a1e5d6f7a8b9c0d1",
  "object": "chat.completion",
  "created": 1735689600,
  "model": "Qwen/Qwen2.5-VL-7B-Instruct",
  "choices": [{
    "index": 0,
    "message": {"role": "assistant", "content": "B", "refusal": null, "annotations": null,
                "audio": null, "function_call": null, "tool_calls": [],
                "reasoning_content": null},
    "logprobs": {"content": [
      {"token": "B", "logprob": -0.2231435513142097, "bytes": [66], "top_logprobs": [
        {"token": "B", "logprob": -0.2231435513142097, "bytes": [66]},
        {"token": "A", "logprob": -2.3025850929940455, "bytes": [65]},
        {"token": "C", "logprob": -2.995732273553991, "bytes": [67]},
        {"token": " B", "logprob": -3.912023005428146, "bytes": [32, 66]}]}]},
    "finish_reason": "stop",
    "stop_reason": null}],
  "service_tier": null,
  "system_fingerprint": null,
  "usage": {"prompt_tokens": 1521, "total_tokens": 1522, "completion_tokens": 1,
            "prompt_tokens_details": null},
  "prompt_logprobs": null,
  "kv_transfer_params": null
})";

// Written from sgl-project/sglang, python/sglang/srt/entrypoints/openai/protocol.py
// (ChatCompletionResponse with `metadata`, ChatCompletionResponseChoice with `matched_stop`,
// ChatMessage, ChoiceLogprobs, ChatCompletionTokenLogprob and TopLogprob: `bytes` always a list)
// and serving_chat.py (_process_response_logprobs). The model writes "The answer is (C)."; the
// answer step lists "C" 0.6, "A" 0.25 and "B" 0.1.
constexpr const char* kSglang = R"({
  "id": "8c1f5e0a9b2d4c7e8f0a1b2c3d4e5f60",
  "object": "chat.completion",
  "created": 1735689600,
  "model": "default",
  "choices": [{
    "index": 0,
    "message": {"role": "assistant", "content": "The answer is (C).",
                "reasoning_content": null, "tool_calls": null},
    "logprobs": {"content": [
      {"token": "The", "bytes": [84, 104, 101], "logprob": -0.05, "top_logprobs": [
        {"token": "The", "bytes": [84, 104, 101], "logprob": -0.05},
        {"token": "C", "bytes": [67], "logprob": -3.2}]},
      {"token": " answer", "bytes": [32, 97, 110, 115, 119, 101, 114], "logprob": -0.01,
       "top_logprobs": [{"token": " answer", "bytes": [32, 97, 110, 115, 119, 101, 114],
                         "logprob": -0.01}]},
      {"token": " is", "bytes": [32, 105, 115], "logprob": -0.002, "top_logprobs": [
        {"token": " is", "bytes": [32, 105, 115], "logprob": -0.002}]},
      {"token": " (", "bytes": [32, 40], "logprob": -0.3, "top_logprobs": [
        {"token": " (", "bytes": [32, 40], "logprob": -0.3},
        {"token": " C", "bytes": [32, 67], "logprob": -1.5}]},
      {"token": "C", "bytes": [67], "logprob": -0.5108256237659907, "top_logprobs": [
        {"token": "C", "bytes": [67], "logprob": -0.5108256237659907},
        {"token": "A", "bytes": [65], "logprob": -1.3862943611198906},
        {"token": "B", "bytes": [66], "logprob": -2.3025850929940455}]},
      {"token": ").", "bytes": [41, 46], "logprob": -0.0001, "top_logprobs": [
        {"token": ").", "bytes": [41, 46], "logprob": -0.0001}]}]},
    "finish_reason": "stop",
    "matched_stop": 151645}],
  "usage": {"prompt_tokens": 812, "total_tokens": 818, "completion_tokens": 6,
            "prompt_tokens_details": null, "reasoning_tokens": 0},
  "metadata": null
})";

// Written from ggml-org/llama.cpp, tools/server/server-task.cpp
// (server_task_result_cmpl_final::to_json_oaicompat_chat: `system_fingerprint` is the build info,
// `timings` is added; completion_token_output::probs_vector_to_json and to_json: every entry has
// "id", "token", "bytes" and "logprob", and a probability of 0 is written as the lowest float,
// -3.4028234663852886e+38, because JSON has no -inf). The step lists " A" 0.7, " B" 0.15, "A" 0.1,
// " C" 0.04 and "\n" with probability 0; "D" is absent.
constexpr const char* kLlamaCpp = R"({
  "choices": [{
    "finish_reason": "length",
    "index": 0,
    "message": {"role": "assistant", "content": " A"},
    "logprobs": {"content": [
      {"id": 319, "token": " A", "bytes": [32, 65], "logprob": -0.35667494393873245,
       "top_logprobs": [
         {"id": 319, "token": " A", "bytes": [32, 65], "logprob": -0.35667494393873245},
         {"id": 350, "token": " B", "bytes": [32, 66], "logprob": -1.8971199848858813},
         {"id": 29909, "token": "A", "bytes": [65], "logprob": -2.3025850929940455},
         {"id": 315, "token": " C", "bytes": [32, 67], "logprob": -3.2188758248682006},
         {"id": 13, "token": "\n", "bytes": [10], "logprob": -3.4028234663852886e+38}]}]}}],
  "created": 1735689600,
  "model": "gemma-3-4b-it-Q4_K_M.gguf",
  "system_fingerprint": "b6502-3f4a5b6c",
  "object": "chat.completion",
  "usage": {"completion_tokens": 1, "prompt_tokens": 301, "total_tokens": 302},
  "id": "chatcmpl-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lm",
  "timings": {"cache_n": 0, "prompt_n": 301, "prompt_ms": 812.5, "prompt_per_token_ms": 2.7,
              "prompt_per_second": 370.4, "predicted_n": 1, "predicted_ms": 20.1,
              "predicted_per_token_ms": 20.1, "predicted_per_second": 49.8}
})";

// Written from openai/openai-openapi, openapi.yaml (the chat/create "Logprobs" response example,
// whose first token's numbers these are) and openai/openai-python,
// src/openai/types/chat/chat_completion.py and chat_completion_token_logprob.py (ChoiceLogprobs
// has `content` and `refusal`; the message has `refusal` and `annotations`). With top_logprobs 2
// the step lists "D" and "B" only.
constexpr const char* kOpenAi = R"({
  "id": "chatcmpl-123",
  "object": "chat.completion",
  "created": 1702685778,
  "model": "gpt-4o-mini-2024-07-18",
  "choices": [{
    "index": 0,
    "message": {"role": "assistant", "content": "D", "refusal": null, "annotations": []},
    "logprobs": {"content": [
      {"token": "D", "logprob": -0.31725305, "bytes": [68], "top_logprobs": [
        {"token": "D", "logprob": -0.31725305, "bytes": [68]},
        {"token": "B", "logprob": -1.3190403, "bytes": [66]}]}],
      "refusal": null},
    "finish_reason": "stop"}],
  "usage": {"prompt_tokens": 1139, "completion_tokens": 1, "total_tokens": 1140,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                          "accepted_prediction_tokens": 0,
                                          "rejected_prediction_tokens": 0}},
  "service_tier": "default",
  "system_fingerprint": "fp_44709d6fcb"
})";

}  // namespace

// --- Request bodies ---------------------------------------------------------------------------

TEST(OpenAiProtocol, TheRequestBodyReadsBackWithEveryField) {
  ChatRequest r;
  r.model = "Qwen/Qwen2.5-VL-7B-Instruct";
  r.content = {{ContentPart::Kind::kText, "Look:\n", ""},
               {ContentPart::Kind::kImage, "", "data:image/png;base64,iVBORw0KGgo="},
               {ContentPart::Kind::kText, "Which \"shape\"?\nAnswer: (", ""}};
  r.max_tokens = 7;
  r.top_logprobs = 5;
  r.seed = 1234567890123;
  const std::string text = request_body(r);
  const auto j = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items())
    keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"model", "messages", "temperature", "max_tokens",
                                            "logprobs", "top_logprobs", "stream", "seed"}));
  EXPECT_EQ(j["model"], "Qwen/Qwen2.5-VL-7B-Instruct");
  ASSERT_EQ(j["messages"].size(), 1u);
  EXPECT_EQ(j["messages"][0]["role"], "user");
  const auto& c = j["messages"][0]["content"];
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], (nlohmann::ordered_json{{"type", "text"}, {"text", "Look:\n"}}));
  EXPECT_EQ(c[1]["type"], "image_url");
  EXPECT_EQ(c[1]["image_url"]["url"], "data:image/png;base64,iVBORw0KGgo=");
  EXPECT_EQ(c[2]["text"], "Which \"shape\"?\nAnswer: (");
  EXPECT_EQ(j["temperature"], 0);
  EXPECT_EQ(j["max_tokens"], 7);
  EXPECT_EQ(j["logprobs"], true);
  EXPECT_EQ(j["top_logprobs"], 5);
  EXPECT_EQ(j["stream"], false);
  EXPECT_EQ(j["seed"].get<std::int64_t>(), 1234567890123);
}

TEST(OpenAiProtocol, TheRequestBodyHasNoSeedUnlessOneIsGivenAndSurvivesBadUtf8) {
  ChatRequest r;
  r.model = "m";
  r.content = {{ContentPart::Kind::kText, std::string("caf\xC3\xA9 \xFF!"), ""}};
  const auto j = nlohmann::json::parse(request_body(r));
  EXPECT_FALSE(j.contains("seed"));
  EXPECT_EQ(j["max_tokens"], 20);
  EXPECT_EQ(j["top_logprobs"], 20);
  // The stray byte 0xFF becomes U+FFFD; the valid "é" stays.
  EXPECT_EQ(j["messages"][0]["content"][0]["text"], "caf\xC3\xA9 \xEF\xBF\xBD!");
}

TEST(OpenAiProtocol, ContentPartsSplitAtTheImageMarker) {
  const std::string url = "data:image/png;base64,AAAA";
  auto p = content_parts("<image>\nWhat is shown?\nA. cat\nAnswer: (", url);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].kind, ContentPart::Kind::kImage);
  EXPECT_EQ(p[0].data_url, url);
  EXPECT_EQ(p[1].kind, ContentPart::Kind::kText);
  EXPECT_EQ(p[1].text, "What is shown?\nA. cat\nAnswer: (");

  p = content_parts("Hint: look.\n<image>\nQ?", url);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].text, "Hint: look.\n");
  EXPECT_EQ(p[1].kind, ContentPart::Kind::kImage);
  EXPECT_EQ(p[2].text, "Q?");

  // A marker at the end leaves no empty text part.
  p = content_parts("Q?\n<image>\n", url);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].text, "Q?\n");
  EXPECT_EQ(p[1].kind, ContentPart::Kind::kImage);

  // The image is sent once: a second marker is removed.
  p = content_parts("<image>\nQ<image>\n?", url);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].text, "Q?");
}

TEST(OpenAiProtocol, ContentPartsWithoutAMarkerOrAnImageAreTextOnly) {
  auto p = content_parts("What is 2+2?\nA. 4\nAnswer: (", "data:image/png;base64,AAAA");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].kind, ContentPart::Kind::kText);
  EXPECT_EQ(p[0].text, "What is 2+2?\nA. 4\nAnswer: (");

  // No image to send: the marker goes and the text is one part.
  p = content_parts("Hint\n<image>\nQ?", "");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].text, "Hint\nQ?");

  EXPECT_TRUE(content_parts("", "").empty());
  p = content_parts("<image>\n", "data:image/png;base64,AAAA");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].kind, ContentPart::Kind::kImage);
  // "<image>" without its line break is not the marker.
  p = content_parts("<image>Q", "data:image/png;base64,AAAA");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].text, "<image>Q");
}

// --- The servers' responses -------------------------------------------------------------------

TEST(OpenAiProtocol, VllmResponseSumsTwoSpellingsAndBoundsTheAbsentLetter) {
  const ChatResponse r = parsed(kVllm);
  EXPECT_EQ(r.text, "B");
  EXPECT_EQ(r.finish_reason, "stop");
  EXPECT_EQ(r.model, "Qwen/Qwen2.5-VL-7B-Instruct");
  EXPECT_EQ(r.system_fingerprint, "");
  ASSERT_TRUE(r.has_logprobs);
  ASSERT_EQ(r.tokens.size(), 1u);
  ASSERT_EQ(r.tokens[0].top.size(), 4u);
  EXPECT_EQ(r.tokens[0].top[3].token, " B");

  const OptionScores s = scored(r, "ABCD");
  EXPECT_EQ(s.answer, 1);
  EXPECT_EQ(s.step, 0);
  EXPECT_EQ(s.steps, 1);
  ASSERT_EQ(s.option_logprobs.size(), 4u);
  EXPECT_NEAR(s.option_logprobs[0], std::log(0.1), 1e-12);
  // "B" and " B": log(0.8 + 0.02) = log(0.82) = -0.19845...
  EXPECT_NEAR(s.option_logprobs[1], std::log(0.82), 1e-12);
  EXPECT_NEAR(s.option_logprobs[2], std::log(0.05), 1e-12);
  // "D" is absent. Listed: 0.8 + 0.1 + 0.05 + 0.02 = 0.97, so the rest is log(0.03) = -3.5066;
  // the smallest listed is log(0.02) = -3.9120, and the bound is the smaller of the two.
  EXPECT_EQ(s.bounded, "D");
  EXPECT_NEAR(s.option_logprobs[3], std::log(0.02), 1e-12);
  ASSERT_TRUE(s.conf_vocab.has_value());
  EXPECT_NEAR(*s.conf_vocab, 0.82, 1e-12);
}

TEST(OpenAiProtocol, SglangResponseAnswersAtTheFirstLetterToken) {
  const ChatResponse r = parsed(kSglang);
  EXPECT_EQ(r.text, "The answer is (C).");
  EXPECT_EQ(r.model, "default");
  EXPECT_EQ(r.tokens.size(), 6u);
  const OptionScores s = scored(r, "ABCD");
  // "The", " answer", " is", " (" spell no letter (the "C" listed at the first step does not
  // count); "C" at step 4 does.
  EXPECT_EQ(s.answer, 2);
  EXPECT_EQ(s.step, 4);
  EXPECT_EQ(s.steps, 5);
  EXPECT_NEAR(s.option_logprobs[0], std::log(0.25), 1e-12);
  EXPECT_NEAR(s.option_logprobs[1], std::log(0.1), 1e-12);
  EXPECT_NEAR(s.option_logprobs[2], std::log(0.6), 1e-12);
  // "D": listed 0.6 + 0.25 + 0.1 = 0.95, the rest log(0.05) = -2.9957 is below the smallest
  // listed log(0.1) = -2.3026, so the bound is log(0.05).
  EXPECT_EQ(s.bounded, "D");
  EXPECT_NEAR(s.option_logprobs[3], std::log(0.05), 1e-12);
  EXPECT_NEAR(*s.conf_vocab, 0.6, 1e-12);
}

TEST(OpenAiProtocol, LlamaCppResponseWithIdsAndAZeroProbabilityEntry) {
  const ChatResponse r = parsed(kLlamaCpp);
  EXPECT_EQ(r.text, " A");
  EXPECT_EQ(r.finish_reason, "length");
  EXPECT_EQ(r.system_fingerprint, "b6502-3f4a5b6c");
  EXPECT_EQ(r.model, "gemma-3-4b-it-Q4_K_M.gguf");
  ASSERT_EQ(r.tokens.size(), 1u);
  EXPECT_EQ(r.tokens[0].top[4].token, "\n");
  EXPECT_EQ(r.tokens[0].top[4].logprob, -3.4028234663852886e+38);

  const OptionScores s = scored(r, "ABCD");
  EXPECT_EQ(s.answer, 0);
  // " A" and "A": log(exp(log 0.7) + exp(log 0.1)) = log(0.8) = -0.22314...
  EXPECT_NEAR(s.option_logprobs[0], std::log(0.8), 1e-12);
  EXPECT_NEAR(s.option_logprobs[1], std::log(0.15), 1e-12);
  EXPECT_NEAR(s.option_logprobs[2], std::log(0.04), 1e-12);
  // "D": the smallest listed value is llama.cpp's probability 0, below the rest log(0.01).
  EXPECT_EQ(s.bounded, "D");
  EXPECT_EQ(s.option_logprobs[3], -3.4028234663852886e+38);
  EXPECT_NEAR(*s.conf_vocab, 0.8, 1e-12);
}

TEST(OpenAiProtocol, OpenAiResponseWithTwoTopLogprobsBoundsTwoLetters) {
  const ChatResponse r = parsed(kOpenAi);
  EXPECT_EQ(r.text, "D");
  EXPECT_EQ(r.model, "gpt-4o-mini-2024-07-18");
  EXPECT_EQ(r.system_fingerprint, "fp_44709d6fcb");
  const OptionScores s = scored(r, "ABCD");
  EXPECT_EQ(s.answer, 3);
  EXPECT_NEAR(s.option_logprobs[1], -1.3190403, 1e-12);
  EXPECT_NEAR(s.option_logprobs[3], -0.31725305, 1e-12);
  // Listed: exp(-0.31725305) + exp(-1.3190403) = 0.728148 + 0.267390 = 0.995538; the rest is
  // log(1 - 0.995538) = log(0.004462) = -5.41222, below the smallest listed -1.3190403.
  EXPECT_EQ(s.bounded, "AC");
  const double rest = std::log1p(-(std::exp(-0.31725305) + std::exp(-1.3190403)));
  EXPECT_NEAR(rest, -5.412218, 1e-6);
  EXPECT_NEAR(s.option_logprobs[0], rest, 1e-12);
  EXPECT_NEAR(s.option_logprobs[2], rest, 1e-12);
  EXPECT_NEAR(*s.conf_vocab, std::exp(-0.31725305), 1e-12);
}

// --- Scoring ----------------------------------------------------------------------------------

TEST(OpenAiProtocol, OptionLettersAreReadThroughSpacesAndParentheses) {
  EXPECT_EQ(option_letter("A", "ABCD"), 'A');
  EXPECT_EQ(option_letter(" B", "ABCD"), 'B');
  EXPECT_EQ(option_letter("(C", "ABCD"), 'C');
  EXPECT_EQ(option_letter("\xE2\x96\x81"
                          "A",
                          "ABCD"),
            'A');  // "▁A"
  EXPECT_EQ(option_letter("\xC4\xA0"
                          "D",
                          "ABCD"),
            'D');  // "ĠD"
  EXPECT_EQ(option_letter("\xC4\x8A"
                          "B",
                          "ABCD"),
            'B');  // "ĊB"
  EXPECT_EQ(option_letter("A)", "ABCD"), 'A');
  EXPECT_EQ(option_letter("B.", "ABCD"), 'B');
  EXPECT_EQ(option_letter("C:", "ABCD"), 'C');
  EXPECT_EQ(option_letter(" (D) ", "ABCD"), 'D');
  EXPECT_EQ(option_letter("\tA\n", "ABCD"), 'A');

  EXPECT_EQ(option_letter("a", "ABCD"), 0);
  EXPECT_EQ(option_letter(" b", "ABCD"), 0);
  EXPECT_EQ(option_letter("E", "ABCD"), 0);
  EXPECT_EQ(option_letter("AB", "ABCD"), 0);
  EXPECT_EQ(option_letter("((A", "ABCD"), 0);
  EXPECT_EQ(option_letter("A).", "ABCD"), 0);
  EXPECT_EQ(option_letter("( A", "ABCD"), 0);
  EXPECT_EQ(option_letter("(", "ABCD"), 0);
  EXPECT_EQ(option_letter("", "ABCD"), 0);
  EXPECT_EQ(option_letter(std::string_view("\0", 1), std::string_view("A\0", 2)), 0);
  EXPECT_EQ(option_letter("A", ""), 0);
}

TEST(OpenAiProtocol, SpellingsOfALetterAreSummedAcrossForms) {
  // At the step: "(A" log 0.3, " A" log 0.2, "A" log 0.1, "B" log 0.25, "▁B" log 0.05.
  const ChatResponse r = parsed(one_token("(A", "-1.2039728043259361",
                                          R"([{"token":"(A","logprob":-1.2039728043259361},
                                              {"token":"B","logprob":-1.3862943611198906},
                                              {"token":" A","logprob":-1.6094379124341003},
                                              {"token":"A","logprob":-2.3025850929940455},
                                              {"token":"\u2581B","logprob":-2.995732273553991}])"));
  const OptionScores s = scored(r, "AB");
  EXPECT_EQ(s.answer, 0);
  // A: log(0.3 + 0.2 + 0.1) = log(0.6) = -0.51083; B: log(0.25 + 0.05) = log(0.3) = -1.20397.
  EXPECT_NEAR(s.option_logprobs[0], std::log(0.6), 1e-12);
  EXPECT_NEAR(s.option_logprobs[1], std::log(0.3), 1e-12);
  EXPECT_EQ(s.bounded, "");
  EXPECT_NEAR(*s.conf_vocab, 0.6, 1e-12);
}

TEST(OpenAiProtocol, AnAbsentLetterGetsTheBoundFromTheRemainingMass) {
  // Listed: "A" 0.5, "B" 0.3 and "\n" 0.15 = 0.95. "C" is absent: the rest is log(0.05) =
  // -2.9957, below the smallest listed log(0.15) = -1.8971, so the bound is log(0.05).
  const ChatResponse r = parsed(one_token("A", "-0.6931471805599453",
                                          R"([{"token":"A","logprob":-0.6931471805599453},
                                              {"token":"B","logprob":-1.2039728043259361},
                                              {"token":"\n","logprob":-1.8971199848858813}])"));
  const OptionScores s = scored(r, "ABC");
  EXPECT_EQ(s.bounded, "C");
  EXPECT_NEAR(s.option_logprobs[2], std::log(0.05), 1e-12);

  // Rounded logprobs may list more than all the mass: "A" 0.75 + "B" 0.26 = 1.01. The rest
  // log(1 - 1.01) is not finite, so the bound is the smallest listed value, log(0.26) = -1.34707.
  const ChatResponse full = parsed(one_token("A", "-0.2876820724517809",
                                             R"([{"token":"A","logprob":-0.2876820724517809},
                                                 {"token":"B","logprob":-1.3470736479666092}])"));
  const OptionScores t = scored(full, "ABC");
  EXPECT_EQ(t.bounded, "C");
  EXPECT_NEAR(t.option_logprobs[2], std::log(0.26), 1e-12);
}

TEST(OpenAiProtocol, TheGeneratedTokenCountsWhenItsStepDoesNotListIt) {
  // Sampled "B" (log 0.1) is not among the listed "A" 0.6 and "C" 0.2: it counts as B's
  // spelling and as listed mass (0.9, so "D" is bounded by min(log 0.2, log 0.1) = log 0.1).
  const ChatResponse r = parsed(one_token("B", "-2.3025850929940455",
                                          R"([{"token":"A","logprob":-0.5108256237659907},
                                              {"token":"C","logprob":-1.6094379124341003}])"));
  const OptionScores s = scored(r, "ABCD");
  EXPECT_EQ(s.answer, 1);
  EXPECT_NEAR(s.option_logprobs[1], std::log(0.1), 1e-12);
  EXPECT_EQ(s.bounded, "D");
  EXPECT_NEAR(s.option_logprobs[3], std::log(0.1), 1e-12);
  EXPECT_NEAR(*s.conf_vocab, 0.1, 1e-12);
}

TEST(OpenAiProtocol, AnUnansweredResponseIsScoredAtItsFirstToken) {
  // "I cannot tell" spells no letter. At step 0: "I" 0.5, "A" 0.3, "B" 0.1; "C" and "D" are
  // absent: listed 0.9, rest log(0.1), smallest log(0.1): both bounds are log(0.1).
  const std::string body = R"({"model":"m","choices":[{"index":0,
    "message":{"role":"assistant","content":"I cannot tell"},
    "logprobs":{"content":[
      {"token":"I","logprob":-0.6931471805599453,"bytes":[73],"top_logprobs":[
        {"token":"I","logprob":-0.6931471805599453,"bytes":[73]},
        {"token":"A","logprob":-1.2039728043259361,"bytes":[65]},
        {"token":"B","logprob":-2.3025850929940455,"bytes":[66]}]},
      {"token":" cannot","logprob":-0.1,"bytes":null,"top_logprobs":[]},
      {"token":" tell","logprob":-0.2,"bytes":null,"top_logprobs":[]}]},
    "finish_reason":"stop"}]})";
  const OptionScores s = scored(parsed(body), "ABCD");
  EXPECT_EQ(s.answer, -1);
  EXPECT_EQ(s.step, 0);
  EXPECT_EQ(s.steps, 3);
  EXPECT_NEAR(s.option_logprobs[0], std::log(0.3), 1e-12);
  EXPECT_NEAR(s.option_logprobs[1], std::log(0.1), 1e-12);
  EXPECT_EQ(s.bounded, "CD");
  EXPECT_NEAR(s.option_logprobs[2], std::log(0.1), 1e-12);
  EXPECT_NEAR(s.option_logprobs[3], std::log(0.1), 1e-12);
  // The top option is A.
  ASSERT_TRUE(s.conf_vocab.has_value());
  EXPECT_NEAR(*s.conf_vocab, 0.3, 1e-12);

  // No letter listed at all: every value is a bound, and there is no confidence to give.
  const OptionScores none =
      scored(parsed(one_token("Sorry", "-0.1", R"([{"token":"Sorry","logprob":-0.1}])")), "AB");
  EXPECT_EQ(none.answer, -1);
  EXPECT_EQ(none.bounded, "AB");
  EXPECT_FALSE(none.conf_vocab.has_value());
  EXPECT_EQ(none.steps, 1);
}

TEST(OpenAiProtocol, AResponseWithoutLogprobsNamesWhatTurnsThemOn) {
  // OpenAI writes "logprobs": null when none were asked for; llama.cpp leaves the key out.
  for (const char* body :
       {R"({"choices":[{"index":0,"message":{"role":"assistant","content":"A"},
            "logprobs":null,"finish_reason":"stop"}]})",
        R"({"choices":[{"finish_reason":"stop","index":0,
            "message":{"role":"assistant","content":"A"}}],"object":"chat.completion"})",
        R"({"choices":[{"index":0,"message":{"content":"A"},"logprobs":{"content":null}}]})"}) {
    const ChatResponse r = parsed(body);
    EXPECT_FALSE(r.has_logprobs);
    EXPECT_EQ(r.text, "A");
    auto s = read_option_scores(r, "ABCD");
    ASSERT_FALSE(s.ok());
    const std::string& m = s.error().message;
    EXPECT_TRUE(has(m, "asked for them")) << m;
    EXPECT_TRUE(has(m, "vLLM")) << m;
    EXPECT_TRUE(has(m, "--max-logprobs")) << m;
    EXPECT_TRUE(has(m, "llama.cpp")) << m;
    EXPECT_TRUE(has(m, "n_probs")) << m;
    EXPECT_TRUE(has(m, "SGLang")) << m;
    EXPECT_TRUE(has(m, "Ollama")) << m;
  }
}

TEST(OpenAiProtocol, AStepWithoutTopLogprobsIsAnError) {
  // vLLM writes a token its logprobs dict lacks with the default -9999.0 and an empty list
  // (serving_chat.py, _create_chat_logprobs).
  auto s = read_option_scores(parsed(one_token("A", "-9999.0", "[]")), "ABCD");
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(has(s.error().message, "step 0")) << s.error().message;
  EXPECT_TRUE(has(s.error().message, "top_logprobs")) << s.error().message;
  // null reads as empty too.
  EXPECT_FALSE(read_option_scores(parsed(one_token("A", "-0.1", "null")), "A").ok());
}

TEST(OpenAiProtocol, NoTokensOrBadLettersAreErrors) {
  const ChatResponse empty =
      parsed(R"({"choices":[{"index":0,"message":{"role":"assistant","content":""},
                 "logprobs":{"content":[]},"finish_reason":"length"}]})");
  EXPECT_TRUE(empty.has_logprobs);
  auto s = read_option_scores(empty, "ABCD");
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(has(s.error().message, "no tokens")) << s.error().message;
  EXPECT_TRUE(has(s.error().message, "length")) << s.error().message;

  const ChatResponse r = parsed(kVllm);
  EXPECT_FALSE(read_option_scores(r, "").ok());
  auto twice = read_option_scores(r, "ABA");
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(has(twice.error().message, "twice")) << twice.error().message;
}

// --- Malformed responses ----------------------------------------------------------------------

TEST(OpenAiProtocol, ABodyThatIsNotJsonIsQuoted) {
  const std::string m =
      parse_error("<html><head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>");
  EXPECT_TRUE(has(m, "expected JSON")) << m;
  EXPECT_TRUE(has(m, "502 Bad Gateway")) << m;
  EXPECT_FALSE(has(m, "\r")) << m;
  EXPECT_TRUE(has(parse_error(""), "empty body"));
  EXPECT_TRUE(has(parse_error("  \n"), "empty body"));
  EXPECT_TRUE(has(parse_error("[1, 2]"), "expected a JSON object, found a list of 2"));
  EXPECT_TRUE(has(parse_error("\"A\""), "expected a JSON object"));
}

TEST(OpenAiProtocol, EmptyOrMissingChoicesAreErrors) {
  const std::string empty = parse_error(R"({"id":"x","object":"chat.completion","choices":[]})");
  EXPECT_TRUE(has(empty, "choices")) << empty;
  EXPECT_TRUE(has(empty, "found a list of 0")) << empty;
  EXPECT_TRUE(has(parse_error(R"({"id":"x"})"),
                  "choices: expected a list of at least one "
                  "choice, found null"));
  EXPECT_TRUE(has(parse_error(R"({"choices":{"0":{}}})"), "found an object"));
  EXPECT_TRUE(has(parse_error(R"({"choices":[7]})"), "choices[0]: expected an object, found 7"));
  EXPECT_TRUE(has(parse_error(R"({"choices":[{"index":0}]})"),
                  "choices[0].message: expected an object, found null"));
}

TEST(OpenAiProtocol, ARefusalOrAToolCallIsAnErrorAndNullContentIsEmpty) {
  const std::string m = parse_error(
      R"({"choices":[{"index":0,"message":{"role":"assistant","content":null,
          "refusal":"I can't help with identifying people in images."},
          "logprobs":{"content":null,"refusal":[]},"finish_reason":"stop"}]})");
  EXPECT_TRUE(has(m, "refused")) << m;
  EXPECT_TRUE(has(m, "identifying people")) << m;

  EXPECT_TRUE(has(parse_error(R"({"choices":[{"message":{"content":null,"tool_calls":[
      {"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]}}]})"),
                  "tool call"));
  EXPECT_TRUE(has(parse_error(R"({"choices":[{"message":{"content":[{"type":"text"}]}}]})"),
                  "choices[0].message.content: expected a string or null, found a list of 1"));

  // SGLang writes null content when nothing was generated (serving_chat.py: `text if text else
  // None`); vLLM's ChatMessage may leave it out.
  EXPECT_EQ(parsed(R"({"choices":[{"message":{"role":"assistant","content":null}}]})").text, "");
  EXPECT_EQ(parsed(R"({"choices":[{"message":{"role":"assistant"}}]})").text, "");
}

TEST(OpenAiProtocol, LogprobsMustBeFiniteNumbersAtMostZero) {
  auto with_top_logprob = [](const std::string& v) {
    return one_token("A", "-0.1",
                     R"([{"token":"A","logprob":-0.1},{"token":"B","logprob":)" + v + "}]");
  };
  std::string m = parse_error(with_top_logprob("\"-0.5\""));
  EXPECT_TRUE(has(m, "choices[0].logprobs.content[0].top_logprobs[1].logprob")) << m;
  EXPECT_TRUE(has(m, "found \"-0.5\"")) << m;
  m = parse_error(with_top_logprob("null"));
  EXPECT_TRUE(has(m, "expected a number")) << m;
  EXPECT_TRUE(has(m, "found null")) << m;
  m = parse_error(with_top_logprob("0.5"));
  EXPECT_TRUE(has(m, "<= 0")) << m;
  EXPECT_TRUE(has(m, "found 0.5")) << m;
  // Python's json module writes NaN and -Infinity, which are not JSON; -1e400 overflows a double,
  // which the parser refuses too.
  for (const char* v : {"NaN", "-Infinity", "-1e400"}) {
    m = parse_error(with_top_logprob(v));
    EXPECT_TRUE(has(m, "expected JSON")) << m;
  }
  m = parse_error(one_token("A", "true", "[]"));
  EXPECT_TRUE(has(m, "choices[0].logprobs.content[0].logprob")) << m;

  // Rounding up to 1e-6 above 0 reads as 0.
  const ChatResponse r = parsed(with_top_logprob("4e-7"));
  EXPECT_EQ(r.tokens[0].top[1].logprob, 0.0);

  // llama.cpp with post_sampling_probs writes "prob" instead.
  m = parse_error(one_token("A", "-0.1", R"([{"token":"A","prob":0.9}])"));
  EXPECT_TRUE(has(m, "post-sampling")) << m;
}

TEST(OpenAiProtocol, TokensMustBeStringsAndBytesListsOrNull) {
  EXPECT_TRUE(has(parse_error(R"({"choices":[{"message":{"content":"A"},"logprobs":{"content":[
      {"token":65,"logprob":-0.1,"top_logprobs":[]}]}}]})"),
                  "choices[0].logprobs.content[0].token: expected a string, found 65"));
  EXPECT_TRUE(has(parse_error(one_token("A", "-0.1", R"([{"logprob":-0.1}])")),
                  "top_logprobs[0].token: expected a string, found null"));
  EXPECT_TRUE(has(parse_error(one_token("A", "-0.1", R"([{"token":"A","logprob":-0.1,
                                                          "bytes":"QQ=="}])")),
                  "bytes: expected a list of byte values or null"));
  EXPECT_TRUE(has(parse_error(one_token("A", "-0.1", R"([{"token":"A","logprob":-0.1,
                                                          "bytes":[65, 300]}])")),
                  "bytes[1]: expected a byte value 0..255, found 300"));
  EXPECT_TRUE(has(parse_error(one_token("A", "-0.1", "{}")),
                  "top_logprobs: expected a list or null, found an object"));
  EXPECT_TRUE(has(parse_error(R"({"choices":[{"message":{"content":"A"},"logprobs":"yes"}]})"),
                  "choices[0].logprobs: expected an object or null"));
  EXPECT_TRUE(
      has(parse_error(R"({"choices":[{"message":{"content":"A"},"logprobs":{"content":{}}}]})"),
          "choices[0].logprobs.content: expected a list or null"));
  EXPECT_TRUE(has(parse_error(R"({"model":7,"choices":[{"message":{"content":"A"}}]})"),
                  "model: expected a string or null, found 7"));
  // The completions endpoint's form is named.
  EXPECT_TRUE(has(parse_error(R"({"choices":[{"message":{"content":"A"},"logprobs":
      {"tokens":["A"],"token_logprobs":[-0.1],"top_logprobs":[{"A":-0.1}]}}]})"),
                  "legacy completions form"));
}

TEST(OpenAiProtocol, UnknownFieldsAreIgnored) {
  const ChatResponse r = parsed(
      R"({"choices":[{"index":0,"message":{"role":"assistant","content":"C","future":{"x":[1]}},
          "logprobs":{"content":[{"token":"C","logprob":-0.1,"new_field":"?","top_logprobs":[
            {"token":"C","logprob":-0.1,"rank":1}]}]},"finish_reason":"stop","extra":1}],
          "usage":null,"something_new":[{}]})");
  EXPECT_EQ(r.text, "C");
  ASSERT_EQ(r.tokens.size(), 1u);
  EXPECT_EQ(scored(r, "ABC").answer, 2);
}

TEST(OpenAiProtocol, AnErrorBodyWithStatus200IsAnError) {
  const std::string m = parse_error(
      R"({"object":"error","message":"The model `x` does not exist.","type":"NotFoundError",
          "param":null,"code":404})");
  EXPECT_TRUE(has(m, "answered with an error")) << m;
  EXPECT_TRUE(has(m, "The model `x` does not exist.")) << m;
}

TEST(OpenAiProtocol, NoInputCrashesTheReaders) {
  // Every prefix of a real response, and bytes the parser must refuse.
  const std::string body = kSglang;
  for (std::size_t n = 0; n < body.size(); ++n) {
    const std::string_view prefix(body.data(), n);
    EXPECT_FALSE(parse_chat_response(prefix).ok()) << n;
    EXPECT_FALSE(parse_model_list(prefix).ok()) << n;
    (void)error_message(prefix);
  }
  const std::string deep(100000, '[');
  const std::string m = parse_error(deep);
  EXPECT_TRUE(has(m, "nested deeper")) << m;
  EXPECT_FALSE(error_message(deep).empty());
  EXPECT_FALSE(parse_chat_response(std::string("{\"choices\":\"\xFF\xFE\"}")).ok());
  EXPECT_FALSE(parse_chat_response(std::string("\0\0\0", 3)).ok());
}

// --- Model lists and error bodies -------------------------------------------------------------

TEST(OpenAiProtocol, ModelListsOfEachServerAreRead) {
  // Written from vllm-project/vllm, vllm/entrypoints/openai/protocol.py (ModelList, ModelCard,
  // ModelPermission).
  auto vllm = parse_model_list(R"({"object":"list","data":[{"id":"Qwen/Qwen2.5-VL-7B-Instruct",
      "object":"model","created":1735689600,"owned_by":"vllm",
      "root":"/models/Qwen2.5-VL-7B-Instruct","parent":null,"max_model_len":32768,
      "permission":[{"id":"modelperm-1","object":"model_permission","created":1735689600,
        "allow_create_engine":false,"allow_sampling":true,"allow_logprobs":true,
        "allow_search_indices":false,"allow_view":true,"allow_fine_tuning":false,
        "organization":"*","group":null,"is_blocking":false}]}]})");
  ASSERT_TRUE(vllm.ok()) << vllm.error().message;
  EXPECT_EQ(*vllm, (std::vector<std::string>{"Qwen/Qwen2.5-VL-7B-Instruct"}));

  // Written from sgl-project/sglang, python/sglang/srt/entrypoints/openai/protocol.py (ModelList,
  // ModelCard).
  auto sglang = parse_model_list(R"({"object":"list","data":[{"id":"google/gemma-3-4b-it",
      "object":"model","created":1735689600,"owned_by":"sglang","root":"google/gemma-3-4b-it",
      "parent":null,"max_model_len":131072}]})");
  ASSERT_TRUE(sglang.ok()) << sglang.error().message;
  EXPECT_EQ(*sglang, (std::vector<std::string>{"google/gemma-3-4b-it"}));

  // Written from ggml-org/llama.cpp, tools/server (the models route: an Ollama-style "models" list
  // beside the OpenAI "data" list, whose entries carry "meta").
  auto llama = parse_model_list(R"({"models":[{"name":"gemma-3-4b-it-Q4_K_M.gguf",
      "model":"gemma-3-4b-it-Q4_K_M.gguf","modified_at":"","size":"","digest":"","type":"model",
      "description":"","tags":[""],"capabilities":["completion","multimodal"],"parameters":"",
      "details":{"parent_model":"","format":"gguf","family":"","families":[""],
      "parameter_size":"","quantization_level":""}}],"object":"list","data":[
      {"id":"gemma-3-4b-it-Q4_K_M.gguf","aliases":[],"tags":[],"object":"model",
       "created":1735689600,"owned_by":"llamacpp","meta":{"vocab_type":1,"n_vocab":262208,
       "n_ctx_train":131072,"n_embd":2560,"n_params":3880263168,"size":2489909504}}]})");
  ASSERT_TRUE(llama.ok()) << llama.error().message;
  EXPECT_EQ(*llama, (std::vector<std::string>{"gemma-3-4b-it-Q4_K_M.gguf"}));

  // Written from openai/openai-python, src/openai/types/model.py (id, created, object, owned_by).
  auto openai = parse_model_list(R"({"object":"list","data":[
      {"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"},
      {"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"}]})");
  ASSERT_TRUE(openai.ok()) << openai.error().message;
  EXPECT_EQ(*openai, (std::vector<std::string>{"gpt-4o-mini", "gpt-4o"}));

  auto none = parse_model_list(R"({"object":"list","data":[]})");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(OpenAiProtocol, MalformedModelListsAreErrors) {
  auto m = parse_model_list(R"({"object":"list"})");
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(has(m.error().message, "data: expected a list of models, found null"));
  m = parse_model_list(R"({"data":[{"id":"a"},{"id":5}]})");
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(has(m.error().message, "data[1].id: expected a non-empty string, found 5"));
  m = parse_model_list("Not Found");
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(has(m.error().message, "\"Not Found\""));
  m = parse_model_list(R"({"error":{"message":"Invalid API Key","type":"authentication_error",
                          "code":401}})");
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(has(m.error().message, "Invalid API Key"));
}

TEST(OpenAiProtocol, ErrorBodiesOfEachServerGiveTheirMessage) {
  // Written from the OpenAI API's documented error object ({"error": {"message", "type", "param",
  // "code"}}, openai/openai-openapi openapi.yaml, ErrorResponse).
  EXPECT_EQ(error_message(R"({"error":{"message":"Incorrect API key provided: sk-abc***xyz.",
      "type":"invalid_request_error","param":null,"code":"invalid_api_key"}})"),
            "Incorrect API key provided: sk-abc***xyz.");
  // Written from vllm-project/vllm, vllm/entrypoints/openai/protocol.py (ErrorResponse with
  // ErrorInfo {message, type, param, code}).
  EXPECT_EQ(error_message(R"({"error":{"message":
      "This model's maximum context length is 4096 tokens.\nReduce the prompt.",
      "type":"BadRequestError","param":null,"code":400}})"),
            "This model's maximum context length is 4096 tokens. Reduce the prompt.");
  // Written from sgl-project/sglang, python/sglang/srt/entrypoints/openai/protocol.py
  // (ErrorResponse: object "error", message, type, param, code), which older vLLM releases'
  // protocol.py also wrote.
  EXPECT_EQ(error_message(R"({"object":"error","message":"top_logprobs must be at most 20",
      "type":"BadRequestError","param":null,"code":400})"),
            "top_logprobs must be at most 20");
  // Written from ggml-org/llama.cpp, tools/server/server-common.cpp (format_error_response:
  // {"code", "message", "type"}, wrapped in {"error": ...} by the HTTP layer; the message is the
  // one oaicompat_chat_params_parse throws).
  EXPECT_EQ(error_message(R"({"error":{"code":400,
      "message":"top_logprobs requires logprobs to be set to true",
      "type":"invalid_request_error"}})"),
            "top_logprobs requires logprobs to be set to true");
  // FastAPI's own answers (an unknown route; a request its validation refused).
  EXPECT_EQ(error_message(R"({"detail":"Not Found"})"), "Not Found");
  EXPECT_EQ(error_message(R"({"detail":[{"loc":["body","messages"],"msg":"Field required",
      "type":"missing"},{"loc":["body","model"],"msg":"Input should be a valid string"}]})"),
            "Field required; Input should be a valid string");
  EXPECT_EQ(error_message(R"({"error":"model not found"})"), "model not found");
}

TEST(OpenAiProtocol, ErrorBodiesThatAreNotJsonAreCutAndCleaned) {
  EXPECT_EQ(error_message("Internal Server Error"), "Internal Server Error");
  EXPECT_EQ(error_message("  <html>\r\n<h1>502\tBad\x01 Gateway</h1>\x7F\n</html>\n"),
            "<html>  <h1>502 Bad Gateway</h1> </html>");
  EXPECT_EQ(error_message(""), "(an empty body)");
  EXPECT_EQ(error_message("\n\r\n"), "(an empty body)");
  // JSON of another shape is shown as text.
  EXPECT_EQ(error_message(R"({"status":"oops"})"), R"({"status":"oops"})");

  // 199 "x" then "é" (2 bytes): the cut at 200 bytes falls inside "é" and backs off before it.
  const std::string long_text = std::string(199, 'x') + "\xC3\xA9" + std::string(50, 'y');
  const std::string m = error_message(long_text);
  EXPECT_EQ(m, std::string(199, 'x') + "...");
  const std::string exact = std::string(200, 'z');
  EXPECT_EQ(error_message(exact), exact);
  EXPECT_EQ(error_message(exact + "!"), exact + "...");
}
