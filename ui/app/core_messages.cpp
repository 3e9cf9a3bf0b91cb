#include "app/core_messages.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace unveil::ui {
namespace {

// The words of each core message, as core's catalog (core/util/message_catalog.cpp) says them in
// English: the source of the translation. core_messages_test holds the two lists together.
// clang-format off
constexpr std::array kTable = std::to_array<CoreMessageEntry>({
    {"file.line", QT_TRANSLATE_NOOP("CoreMessages", "%1:%2: %3")},
    {"file.cannot_open", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot open: %2")},
    {"file.not_regular", QT_TRANSLATE_NOOP("CoreMessages", "%1: not a regular file")},
    {"file.no_such_file", QT_TRANSLATE_NOOP("CoreMessages", "No such file or directory")},
    {"file.permission_denied", QT_TRANSLATE_NOOP("CoreMessages", "Permission denied")},
    {"jsonl.expected", QT_TRANSLATE_NOOP("CoreMessages", "expected %1 at column %2, found %3")},
    {"jsonl.found_end", QT_TRANSLATE_NOOP("CoreMessages", "the end of the line")},
    {"jsonl.want_object", QT_TRANSLATE_NOOP("CoreMessages", "'{' (each line must be one JSON object)")},
    {"jsonl.want_key", QT_TRANSLATE_NOOP("CoreMessages", "a key in quotes")},
    {"jsonl.want_colon_after", QT_TRANSLATE_NOOP("CoreMessages", "':' after key %1")},
    {"jsonl.want_colon", QT_TRANSLATE_NOOP("CoreMessages", "':'")},
    {"jsonl.want_comma_or", QT_TRANSLATE_NOOP("CoreMessages", "',' or '%1'")},
    {"jsonl.want_comma_or_in", QT_TRANSLATE_NOOP("CoreMessages", "',' or ']' in %1")},
    {"jsonl.want_line_end", QT_TRANSLATE_NOOP("CoreMessages", "the end of the line after the object")},
    {"jsonl.want_true_false", QT_TRANSLATE_NOOP("CoreMessages", "true or false for %1")},
    {"jsonl.want_number_for", QT_TRANSLATE_NOOP("CoreMessages", "a number for %1")},
    {"jsonl.want_digit_after_point", QT_TRANSLATE_NOOP("CoreMessages", "a digit after '.'")},
    {"jsonl.want_digit_in_exponent", QT_TRANSLATE_NOOP("CoreMessages", "a digit in the exponent")},
    {"jsonl.want_number_array", QT_TRANSLATE_NOOP("CoreMessages", "an array of numbers for %1")},
    {"jsonl.want_string_or_number", QT_TRANSLATE_NOOP("CoreMessages", "a string or a number for %1")},
    {"jsonl.want_string", QT_TRANSLATE_NOOP("CoreMessages", "a string for %1")},
    {"jsonl.want_letter_array", QT_TRANSLATE_NOOP("CoreMessages", "an array of letters for %1")},
    {"jsonl.want_letter_in", QT_TRANSLATE_NOOP("CoreMessages", "a letter in quotes in %1")},
    {"jsonl.want_value", QT_TRANSLATE_NOOP("CoreMessages", "a value")},
    {"jsonl.unterminated_string", QT_TRANSLATE_NOOP("CoreMessages", "unterminated string starting before column %1")},
    {"jsonl.control_character", QT_TRANSLATE_NOOP("CoreMessages", "control character in a string at column %1")},
    {"jsonl.invalid_utf8", QT_TRANSLATE_NOOP("CoreMessages", "invalid UTF-8 in a string at column %1")},
    {"jsonl.unpaired_surrogate", QT_TRANSLATE_NOOP("CoreMessages", "unpaired surrogate in a \\u escape before column %1")},
    {"jsonl.invalid_escape", QT_TRANSLATE_NOOP("CoreMessages", "invalid escape '%1' at column %2")},
    {"jsonl.malformed_escape", QT_TRANSLATE_NOOP("CoreMessages", "malformed escape in a string before column %1")},
    {"jsonl.too_deep", QT_TRANSLATE_NOOP("CoreMessages", "JSON nested too deeply at column %1")},
    {"jsonl.value_of", QT_TRANSLATE_NOOP("CoreMessages", "value %1 of %2")},
    {"jsonl.nan", QT_TRANSLATE_NOOP("CoreMessages", "%1 is NaN; only finite numbers are allowed")},
    {"jsonl.infinite", QT_TRANSLATE_NOOP("CoreMessages", "%1 is %2Infinity; only finite numbers are allowed")},
    {"jsonl.null_number", QT_TRANSLATE_NOOP("CoreMessages", "%1 is null; a number is needed")},
    {"jsonl.out_of_double", QT_TRANSLATE_NOOP("CoreMessages", "%1 (%2) is out of the range of a double; only finite numbers are allowed")},
    {"jsonl.not_whole", QT_TRANSLATE_NOOP("CoreMessages", "%1 is %2; a whole number is needed")},
    {"jsonl.duplicate_key", QT_TRANSLATE_NOOP("CoreMessages", "key %1 appears twice")},
    {"jsonl.both_scores", QT_TRANSLATE_NOOP("CoreMessages", "both \"logits\" and \"probs\" are given (or one twice); give exactly one")},
    {"jsonl.too_many_values", QT_TRANSLATE_NOOP("CoreMessages", "%1 has more than 26 values; at most 26 options (A-Z) are supported")},
    {"jsonl.too_many_vocab", QT_TRANSLATE_NOOP("CoreMessages", "%1 has more than %2 values")},
    {"jsonl.not_a_letter", QT_TRANSLATE_NOOP("CoreMessages", "%1 %2 is not an option letter (A-Z) or an index")},
    {"jsonl.idk_negative", QT_TRANSLATE_NOOP("CoreMessages", "%1 is %2; use -1 or null for none")},
    {"jsonl.options_not_letters", QT_TRANSLATE_NOOP("CoreMessages", "%1 must list option letters; found %2")},
    {"jsonl.options_twice", QT_TRANSLATE_NOOP("CoreMessages", "%1 names the letter %2 twice")},
    {"jsonl.no_scores", QT_TRANSLATE_NOOP("CoreMessages", "no \"logits\" or \"probs\"")},
    {"jsonl.too_few_scores", QT_TRANSLATE_NOOP("CoreMessages", "%1 has %2 value(s); at least 2 options are needed")},
    {"jsonl.too_many_scores", QT_TRANSLATE_NOOP("CoreMessages", "%1 has %2 values; at most 26 options (A-Z) are supported")},
    {"jsonl.prob_out_of_range", QT_TRANSLATE_NOOP("CoreMessages", "value %1 of %2 is %3; probabilities must lie in [0, 1]")},
    {"jsonl.probs_all_zero", QT_TRANSLATE_NOOP("CoreMessages", "all values of %1 are 0")},
    {"jsonl.options_count", QT_TRANSLATE_NOOP("CoreMessages", "%1 names %2 letters but %3 has %4 values")},
    {"jsonl.no_label", QT_TRANSLATE_NOOP("CoreMessages", "no \"label\"")},
    {"jsonl.not_among_options", QT_TRANSLATE_NOOP("CoreMessages", "%1 %2 is not among the options %3")},
    {"jsonl.label_out_of_range", QT_TRANSLATE_NOOP("CoreMessages", "label %1 is out of range for %2 options (0-%3)")},
    {"jsonl.label_out_of_range_letters", QT_TRANSLATE_NOOP("CoreMessages", "label %1 is out of range for %2 options (0-%3, or A-%4)")},
    {"jsonl.idk_out_of_range", QT_TRANSLATE_NOOP("CoreMessages", "idk_index %1 is out of range for %2 options")},
    {"jsonl.answer_out_of_range", QT_TRANSLATE_NOOP("CoreMessages", "answer %1 is out of range for %2 options (null: the model gave no option letter)")},
    {"jsonl.answer_only_needs_answer", QT_TRANSLATE_NOOP("CoreMessages", "\"answer_only\" needs \"answer\" (an option, or null for none)")},
    {"jsonl.conf_vocab_range", QT_TRANSLATE_NOOP("CoreMessages", "\"conf_vocab\" is %1; a probability in [0, 1] is needed")},
    {"jsonl.vocab_too_short", QT_TRANSLATE_NOOP("CoreMessages", "\"vocab_logits\" has %1 values, fewer than the %2 options (it holds the whole vocabulary's logits of the answer step)")},
    {"jsonl.vocab_needs_logits", QT_TRANSLATE_NOOP("CoreMessages", "\"vocab_logits\" needs \"logits\" (the option letters' raw logits of the same step), not \"probs\"")},
    {"place.line", QT_TRANSLATE_NOOP("CoreMessages", "line %1")},
    {"place.item", QT_TRANSLATE_NOOP("CoreMessages", "item %1")},
    {"place.with_id", QT_TRANSLATE_NOOP("CoreMessages", "%1 (id %2)")},
    {"place.line_column", QT_TRANSLATE_NOOP("CoreMessages", "line %1, column %2")},
    {"data.empty_json_list", QT_TRANSLATE_NOOP("CoreMessages", "%1: the file is empty; expected a JSON list of items")},
    {"data.too_deep_list", QT_TRANSLATE_NOOP("CoreMessages", "%1: lists and objects nested deeper than %2 levels at %3; expected a JSON list of items, each an object a few levels deep")},
    {"data.malformed_json_at", QT_TRANSLATE_NOOP("CoreMessages", "%1: malformed JSON at %2: %3")},
    {"data.not_a_list", QT_TRANSLATE_NOOP("CoreMessages", "%1: expected a JSON list of items, found %2")},
    {"data.found_a", QT_TRANSLATE_NOOP("CoreMessages", "a %1")},
    {"data.found_object", QT_TRANSLATE_NOOP("CoreMessages", "an object")},
    {"data.found_object_keys", QT_TRANSLATE_NOOP("CoreMessages", "an object with keys %1")},
    {"data.expected_object", QT_TRANSLATE_NOOP("CoreMessages", "expected an object, found %1")},
    {"data.no_conversations", QT_TRANSLATE_NOOP("CoreMessages", "expected \"conversations\" with a human turn and an answer turn")},
    {"data.turn_needs_value", QT_TRANSLATE_NOOP("CoreMessages", "each turn of \"conversations\" needs a string \"value\"")},
    {"data.no_options_question", QT_TRANSLATE_NOOP("CoreMessages", "no options found in the question (expected lines such as \"A. ...\", \"(B) ...\")")},
    {"data.duplicate_id", QT_TRANSLATE_NOOP("CoreMessages", "duplicate id %1 (first used by item %2)")},
    {"data.image_not_found", QT_TRANSLATE_NOOP("CoreMessages", "image file not found: %1")},
    {"data.empty_image_path", QT_TRANSLATE_NOOP("CoreMessages", "empty image path")},
    {"data.image_leaves_folder", QT_TRANSLATE_NOOP("CoreMessages", "image path %1 leaves the dataset folder %2")},
    {"data.image_link_outside", QT_TRANSLATE_NOOP("CoreMessages", "image path %1 is a link to a file outside the dataset folder (%2)")},
    {"data.embedded_image_of", QT_TRANSLATE_NOOP("CoreMessages", "the embedded image of %1")},
    {"data.where_what", QT_TRANSLATE_NOOP("CoreMessages", "%1: %2")},
    {"data.cannot_decode", QT_TRANSLATE_NOOP("CoreMessages", "the image cannot be decoded: %1")},
    {"data.empty_tsv", QT_TRANSLATE_NOOP("CoreMessages", "%1: the file is empty; expected a header row")},
    {"data.missing_column", QT_TRANSLATE_NOOP("CoreMessages", "%1: line 1: the header has no %2 column (found: %3)")},
    {"data.field_count", QT_TRANSLATE_NOOP("CoreMessages", "expected %1 tab-separated fields, found %2")},
    {"data.option_gap", QT_TRANSLATE_NOOP("CoreMessages", "option %1 is given but an earlier option is missing")},
    {"data.too_few_options", QT_TRANSLATE_NOOP("CoreMessages", "fewer than two options are given")},
    {"data.bad_base64", QT_TRANSLATE_NOOP("CoreMessages", "the image is not valid base64: %1")},
    {"data.missing_image_ref", QT_TRANSLATE_NOOP("CoreMessages", "the image refers to index %1, which has no image")},
    {"data.too_deep_line", QT_TRANSLATE_NOOP("CoreMessages", "lists and objects nested deeper than %1 levels at column %2; expected one JSON object a line")},
    {"data.malformed_json", QT_TRANSLATE_NOOP("CoreMessages", "malformed JSON: %1")},
    {"data.need_id_and_answer", QT_TRANSLATE_NOOP("CoreMessages", "expected an object with \"question_id\" and \"answer\"")},
    {"data.empty_file", QT_TRANSLATE_NOOP("CoreMessages", "%1: the file is empty")},
    {"data.expected_json_object", QT_TRANSLATE_NOOP("CoreMessages", "expected a JSON object, found %1")},
    {"data.no_question_id", QT_TRANSLATE_NOOP("CoreMessages", "no \"question_id\"")},
    {"data.no_text", QT_TRANSLATE_NOOP("CoreMessages", "no \"text\" (the question with its options)")},
    {"data.no_options_text", QT_TRANSLATE_NOOP("CoreMessages", "no options found in \"text\" (expected lines such as \"A. ...\")")},
    {"data.no_answer_for", QT_TRANSLATE_NOOP("CoreMessages", "no answer for question_id %1 in %2")},
    {"answer.empty", QT_TRANSLATE_NOOP("CoreMessages", "the answer is empty")},
    {"answer.letter_not_an_option", QT_TRANSLATE_NOOP("CoreMessages", "the answer %1 names option letter %2, which is not one of the options (%3)")},
    {"answer.no_letter", QT_TRANSLATE_NOOP("CoreMessages", "no option letter (%1) found in the answer %2")},
    {"answer.several_options", QT_TRANSLATE_NOOP("CoreMessages", "the answer %1 names several options")},
    {"card.too_deep", QT_TRANSLATE_NOOP("CoreMessages", "%1: nested deeper than %2 levels (at byte %3); a model card nests a few")},
    {"card.key_twice", QT_TRANSLATE_NOOP("CoreMessages", "%1: the key \"%2\" appears twice (JSON keeps only one of them: give it once)")},
    {"card.malformed", QT_TRANSLATE_NOOP("CoreMessages", "%1: malformed JSON: %2")},
    {"card.cannot_open", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot open the model card")},
    {"card.cannot_read", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot read the model card")},
    {"card.not_object", QT_TRANSLATE_NOOP("CoreMessages", "%1: a model card must be a JSON object")},
    {"card.field", QT_TRANSLATE_NOOP("CoreMessages", "%1: field \"%2\": %3")},
    {"card.missing_string", QT_TRANSLATE_NOOP("CoreMessages", "missing (a string is required)")},
    {"card.expected_string", QT_TRANSLATE_NOOP("CoreMessages", "expected a string, found %1")},
    {"card.modalities_list", QT_TRANSLATE_NOOP("CoreMessages", "expected a list such as [\"image\", \"text\"]")},
    {"card.unknown_modality", QT_TRANSLATE_NOOP("CoreMessages", "unknown modality %1 (expected \"image\" or \"text\")")},
    {"card.needs_text", QT_TRANSLATE_NOOP("CoreMessages", "must include \"text\"")},
    {"card.no_key_in_card", QT_TRANSLATE_NOOP("CoreMessages", "a card must not hold a key (cards are copied into projects and reports): put the key in an environment variable and name it in \"api_key_env\"")},
    {"card.unused_by_openai", QT_TRANSLATE_NOOP("CoreMessages", "not used by the \"openai\" backend (the server holds the model, its tokenizer and its image processing): leave it out")},
    {"card.url_expected", QT_TRANSLATE_NOOP("CoreMessages", "expected a URL such as \"http://gpu-box:8000/v1\"")},
    {"card.url_scheme", QT_TRANSLATE_NOOP("CoreMessages", "the scheme must be http or https; found \"%1\"")},
    {"card.url_no_host", QT_TRANSLATE_NOOP("CoreMessages", "the URL has no host")},
    {"card.url_space", QT_TRANSLATE_NOOP("CoreMessages", "the URL holds a space or a control character")},
    {"card.url_query", QT_TRANSLATE_NOOP("CoreMessages", "the URL must end at the API's root (e.g. \"/v1\"), without a query")},
    {"card.empty_model_id", QT_TRANSLATE_NOOP("CoreMessages", "empty (the server's model id)")},
    {"card.empty", QT_TRANSLATE_NOOP("CoreMessages", "empty")},
    {"card.env_name", QT_TRANSLATE_NOOP("CoreMessages", "expected the name of an environment variable (capitals, digits and _, e.g. \"UNVEIL_API_KEY\"), not the key itself")},
    {"card.whole_range", QT_TRANSLATE_NOOP("CoreMessages", "expected a whole number from %1 to %2, found %3")},
    {"card.top_logprobs", QT_TRANSLATE_NOOP("CoreMessages", "expected a whole number from 1 to 1000 (OpenAI allows 20; vLLM up to its --max-logprobs), found %1")},
    {"card.timeout", QT_TRANSLATE_NOOP("CoreMessages", "expected seconds from 0.1 to 3600, found %1")},
    {"card.image_format", QT_TRANSLATE_NOOP("CoreMessages", "expected \"png\" or \"jpeg\"; found \"%1\"")},
    {"card.empty_template", QT_TRANSLATE_NOOP("CoreMessages", "empty (leave the field out for the study's template, or give one with {question} and {options})")},
    {"card.backend", QT_TRANSLATE_NOOP("CoreMessages", "expected \"torchscript\" (a model file of the contract) or \"openai\" (an OpenAI-compatible server); found \"%1\"")},
    {"card.file_empty", QT_TRANSLATE_NOOP("CoreMessages", "empty (the TorchScript file, e.g. \"model.pt\")")},
    {"card.file_outside", QT_TRANSLATE_NOOP("CoreMessages", "\"%1\" lies outside the card's folder %2 (the TorchScript file must be in that folder or below it)")},
    {"card.file_is_folder", QT_TRANSLATE_NOOP("CoreMessages", "\"%1\" names the card's folder, not a file")},
    {"card.modalities_missing", QT_TRANSLATE_NOOP("CoreMessages", "missing (a list such as [\"image\", \"text\"])")},
    {"card.image_missing", QT_TRANSLATE_NOOP("CoreMessages", "missing (size, resize, mean, std, channel_order) for an image model")},
    {"card.image_size", QT_TRANSLATE_NOOP("CoreMessages", "whole numbers from 1 to 4096 are required")},
    {"card.resize", QT_TRANSLATE_NOOP("CoreMessages", "expected stretch, letterbox or crop; found \"%1\"")},
    {"card.channel_order", QT_TRANSLATE_NOOP("CoreMessages", "expected RGB or BGR")},
    {"card.three_numbers", QT_TRANSLATE_NOOP("CoreMessages", "expected three numbers")},
    {"card.three_finite", QT_TRANSLATE_NOOP("CoreMessages", "expected three finite numbers")},
    {"card.positive", QT_TRANSLATE_NOOP("CoreMessages", "must be positive")},
    {"card.tokenizer_missing", QT_TRANSLATE_NOOP("CoreMessages", "missing ({\"type\": \"wordlevel\", \"vocab\": \"vocab.json\"} or {\"type\": \"sentencepiece\", \"model\": \"tokenizer.model\"})")},
    {"card.sentencepiece_unavailable", QT_TRANSLATE_NOOP("CoreMessages", "sentencepiece: %1")},
    {"card.expected_bool", QT_TRANSLATE_NOOP("CoreMessages", "expected true or false, found %1")},
    {"card.tokenizer_type", QT_TRANSLATE_NOOP("CoreMessages", "expected \"wordlevel\" or \"sentencepiece\"; found \"%1\"")},
    {"card.expected_file_name", QT_TRANSLATE_NOOP("CoreMessages", "expected a file name, found %1")},
    {"card.vocab_missing", QT_TRANSLATE_NOOP("CoreMessages", "missing (the vocabulary file, e.g. \"vocab.json\")")},
    {"card.spm_missing", QT_TRANSLATE_NOOP("CoreMessages", "missing (the SentencePiece model file, e.g. \"tokenizer.model\")")},
    {"card.option_ids_missing", QT_TRANSLATE_NOOP("CoreMessages", "missing (e.g. {\"A\": 12, \"B\": 13, ...})")},
    {"card.option_keys", QT_TRANSLATE_NOOP("CoreMessages", "keys must be letters A-Z; found \"%1\"")},
    {"card.option_id", QT_TRANSLATE_NOOP("CoreMessages", "the id of \"%1\" must be a non-negative integer")},
    {"card.pad", QT_TRANSLATE_NOOP("CoreMessages", "expected a non-negative whole number, found %1")},
});
// clang-format on

const CoreMessageEntry* find(const std::string& id) {
  const auto it = std::find_if(kTable.begin(), kTable.end(),
                               [&](const CoreMessageEntry& e) { return id == e.id; });
  return it == kTable.end() ? nullptr : &*it;
}

}  // namespace

QString coreText(const Message& message) {
  if (message.id.empty()) return QString::fromStdString(message.text);
  const CoreMessageEntry* entry = find(message.id);
  if (!entry) return QString::fromStdString(english(message));
  // Filled as core fills its English (util/message.h): in one pass, so that a parameter's own
  // "%1" (a file name) stays as it is.
  std::vector<std::string> args;
  args.reserve(message.args.size());
  for (const Message& a : message.args)
    args.push_back(coreText(a).toStdString());
  const QString words = QCoreApplication::translate("CoreMessages", entry->source);
  return QString::fromStdString(fill_template(words.toStdString(), args));
}

QString coreText(const Message& said, const std::string& english) {
  return said.empty() ? QString::fromStdString(english) : coreText(said);
}

QString coreText(const Error& error) {
  return coreText(error.detail, error.message);
}

std::span<const CoreMessageEntry> coreMessageTable() {
  return kTable;
}

}  // namespace unveil::ui
