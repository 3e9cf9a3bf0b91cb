// The catalog of messages core says to people: one id and one English template each. The UI keeps
// the translation of each (ui/app/core_messages.cpp); a test holds the two together.
#include <algorithm>
#include <array>

#include "util/message.h"

namespace unveil {
namespace {

// clang-format off
constexpr std::array kCatalog = std::to_array<MessageTemplate>({
  // Where a problem is: a file, a line in it.
  {"file.line", "%1:%2: %3"},
  {"file.cannot_open", "%1: cannot open: %2"},
  {"file.not_regular", "%1: not a regular file"},
  {"file.no_such_file", "No such file or directory"},
  {"file.permission_denied", "Permission denied"},

  // The predictions JSONL reader (core/calib/predictions_jsonl.cpp): what it expected ...
  {"jsonl.expected", "expected %1 at column %2, found %3"},
  {"jsonl.found_end", "the end of the line"},
  {"jsonl.want_object", "'{' (each line must be one JSON object)"},
  {"jsonl.want_key", "a key in quotes"},
  {"jsonl.want_colon_after", "':' after key %1"},
  {"jsonl.want_colon", "':'"},
  {"jsonl.want_comma_or", "',' or '%1'"},
  {"jsonl.want_comma_or_in", "',' or ']' in %1"},
  {"jsonl.want_line_end", "the end of the line after the object"},
  {"jsonl.want_true_false", "true or false for %1"},
  {"jsonl.want_number_for", "a number for %1"},
  {"jsonl.want_digit_after_point", "a digit after '.'"},
  {"jsonl.want_digit_in_exponent", "a digit in the exponent"},
  {"jsonl.want_number_array", "an array of numbers for %1"},
  {"jsonl.want_string_or_number", "a string or a number for %1"},
  {"jsonl.want_string", "a string for %1"},
  {"jsonl.want_letter_array", "an array of letters for %1"},
  {"jsonl.want_letter_in", "a letter in quotes in %1"},
  {"jsonl.want_value", "a value"},
  // ... what it found wrong in a string or a number ...
  {"jsonl.unterminated_string", "unterminated string starting before column %1"},
  {"jsonl.control_character", "control character in a string at column %1"},
  {"jsonl.invalid_utf8", "invalid UTF-8 in a string at column %1"},
  {"jsonl.unpaired_surrogate", "unpaired surrogate in a \\u escape before column %1"},
  {"jsonl.invalid_escape", "invalid escape '%1' at column %2"},
  {"jsonl.malformed_escape", "malformed escape in a string before column %1"},
  {"jsonl.too_deep", "JSON nested too deeply at column %1"},
  {"jsonl.value_of", "value %1 of %2"},
  {"jsonl.nan", "%1 is NaN; only finite numbers are allowed"},
  {"jsonl.infinite", "%1 is %2Infinity; only finite numbers are allowed"},
  {"jsonl.null_number", "%1 is null; a number is needed"},
  {"jsonl.out_of_double", "%1 (%2) is out of the range of a double; only finite numbers are allowed"},
  {"jsonl.not_whole", "%1 is %2; a whole number is needed"},
  // ... and what a line's members say against each other.
  {"jsonl.duplicate_key", "key %1 appears twice"},
  {"jsonl.both_scores", "both \"logits\" and \"probs\" are given (or one twice); give exactly one"},
  {"jsonl.too_many_values", "%1 has more than 26 values; at most 26 options (A-Z) are supported"},
  {"jsonl.too_many_vocab", "%1 has more than %2 values"},
  {"jsonl.not_a_letter", "%1 %2 is not an option letter (A-Z) or an index"},
  {"jsonl.idk_negative", "%1 is %2; use -1 or null for none"},
  {"jsonl.options_not_letters", "%1 must list option letters; found %2"},
  {"jsonl.options_twice", "%1 names the letter %2 twice"},
  {"jsonl.no_scores", "no \"logits\" or \"probs\""},
  {"jsonl.too_few_scores", "%1 has %2 value(s); at least 2 options are needed"},
  {"jsonl.too_many_scores", "%1 has %2 values; at most 26 options (A-Z) are supported"},
  {"jsonl.prob_out_of_range", "value %1 of %2 is %3; probabilities must lie in [0, 1]"},
  {"jsonl.probs_all_zero", "all values of %1 are 0"},
  {"jsonl.options_count", "%1 names %2 letters but %3 has %4 values"},
  {"jsonl.no_label", "no \"label\""},
  {"jsonl.not_among_options", "%1 %2 is not among the options %3"},
  {"jsonl.label_out_of_range", "label %1 is out of range for %2 options (0-%3)"},
  {"jsonl.label_out_of_range_letters", "label %1 is out of range for %2 options (0-%3, or A-%4)"},
  {"jsonl.idk_out_of_range", "idk_index %1 is out of range for %2 options"},
  {"jsonl.answer_out_of_range", "answer %1 is out of range for %2 options (null: the model gave no option letter)"},
  {"jsonl.answer_only_needs_answer", "\"answer_only\" needs \"answer\" (an option, or null for none)"},
  {"jsonl.conf_vocab_range", "\"conf_vocab\" is %1; a probability in [0, 1] is needed"},
  {"jsonl.vocab_too_short", "\"vocab_logits\" has %1 values, fewer than the %2 options (it holds the whole vocabulary's logits of the answer step)"},
  {"jsonl.vocab_needs_logits", "\"vocab_logits\" needs \"logits\" (the option letters' raw logits of the same step), not \"probs\""},
  // Where in a dataset a problem is.
  {"place.line", "line %1"},
  {"place.item", "item %1"},
  {"place.with_id", "%1 (id %2)"},
  {"place.line_column", "line %1, column %2"},
  {"place.item_quoted", "item \"%1\""},
  {"place.prefix", "%1: %2"},

  // The dataset readers (core/data/*_reader.cpp, reader_common.cpp, question_text.cpp).
  {"data.empty_json_list", "%1: the file is empty; expected a JSON list of items"},
  {"data.too_deep_list", "%1: lists and objects nested deeper than %2 levels at %3; expected a JSON list of items, each an object a few levels deep"},
  {"data.malformed_json_at", "%1: malformed JSON at %2: %3"},
  {"data.not_a_list", "%1: expected a JSON list of items, found %2"},
  {"data.found_a", "a %1"},
  {"data.found_object", "an object"},
  {"data.found_object_keys", "an object with keys %1"},
  {"data.expected_object", "expected an object, found %1"},
  {"data.no_conversations", "expected \"conversations\" with a human turn and an answer turn"},
  {"data.turn_needs_value", "each turn of \"conversations\" needs a string \"value\""},
  {"data.no_options_question", "no options found in the question (expected lines such as \"A. ...\", \"(B) ...\")"},
  {"data.duplicate_id", "duplicate id %1 (first used by item %2)"},
  {"data.image_not_found", "image file not found: %1"},
  {"data.empty_image_path", "empty image path"},
  {"data.image_leaves_folder", "image path %1 leaves the dataset folder %2"},
  {"data.image_link_outside", "image path %1 is a link to a file outside the dataset folder (%2)"},
  {"data.embedded_image_of", "the embedded image of %1"},
  {"data.where_what", "%1: %2"},
  {"data.cannot_decode", "the image cannot be decoded: %1"},
  {"data.empty_tsv", "%1: the file is empty; expected a header row"},
  {"data.missing_column", "%1: line 1: the header has no %2 column (found: %3)"},
  {"data.field_count", "expected %1 tab-separated fields, found %2"},
  {"data.option_gap", "option %1 is given but an earlier option is missing"},
  {"data.too_few_options", "fewer than two options are given"},
  {"data.bad_base64", "the image is not valid base64: %1"},
  {"data.missing_image_ref", "the image refers to index %1, which has no image"},
  {"data.too_deep_line", "lists and objects nested deeper than %1 levels at column %2; expected one JSON object a line"},
  {"data.malformed_json", "malformed JSON: %1"},
  {"data.need_id_and_answer", "expected an object with \"question_id\" and \"answer\""},
  {"data.empty_file", "%1: the file is empty"},
  {"data.expected_json_object", "expected a JSON object, found %1"},
  {"data.no_question_id", "no \"question_id\""},
  {"data.no_text", "no \"text\" (the question with its options)"},
  {"data.no_options_text", "no options found in \"text\" (expected lines such as \"A. ...\")"},
  {"data.no_answer_for", "no answer for question_id %1 in %2"},
  {"answer.empty", "the answer is empty"},
  {"answer.letter_not_an_option", "the answer %1 names option letter %2, which is not one of the options (%3)"},
  {"answer.no_letter", "no option letter (%1) found in the answer %2"},
  {"answer.several_options", "the answer %1 names several options"},
  // Model cards (core/model/model_card.cpp).
  {"card.too_deep", "%1: nested deeper than %2 levels (at byte %3); a model card nests a few"},
  {"card.key_twice", "%1: the key \"%2\" appears twice (JSON keeps only one of them: give it once)"},
  {"card.malformed", "%1: malformed JSON: %2"},
  {"card.cannot_open", "%1: cannot open the model card"},
  {"card.cannot_read", "%1: cannot read the model card"},
  {"card.not_object", "%1: a model card must be a JSON object"},
  {"card.field", "%1: field \"%2\": %3"},
  {"card.missing_string", "missing (a string is required)"},
  {"card.expected_string", "expected a string, found %1"},
  {"card.modalities_list", "expected a list such as [\"image\", \"text\"]"},
  {"card.unknown_modality", "unknown modality %1 (expected \"image\" or \"text\")"},
  {"card.needs_text", "must include \"text\""},
  {"card.no_key_in_card", "a card must not hold a key (cards are copied into projects and reports): put the key in an environment variable and name it in \"api_key_env\""},
  {"card.unused_by_openai", "not used by the \"openai\" backend (the server holds the model, its tokenizer and its image processing): leave it out"},
  {"card.url_expected", "expected a URL such as \"http://gpu-box:8000/v1\""},
  {"card.url_scheme", "the scheme must be http or https; found \"%1\""},
  {"card.url_no_host", "the URL has no host"},
  {"card.url_space", "the URL holds a space or a control character"},
  {"card.url_query", "the URL must end at the API's root (e.g. \"/v1\"), without a query"},
  {"card.empty_model_id", "empty (the server's model id)"},
  {"card.empty", "empty"},
  {"card.env_name", "expected the name of an environment variable (capitals, digits and _, e.g. \"UNVEIL_API_KEY\"), not the key itself"},
  {"card.whole_range", "expected a whole number from %1 to %2, found %3"},
  {"card.top_logprobs", "expected a whole number from 1 to 1000 (OpenAI allows 20; vLLM up to its --max-logprobs), found %1"},
  {"card.timeout", "expected seconds from 0.1 to 3600, found %1"},
  {"card.image_format", "expected \"png\" or \"jpeg\"; found \"%1\""},
  {"card.empty_template", "empty (leave the field out for the study's template, or give one with {question} and {options})"},
  {"card.backend", "expected \"torchscript\" (a model file of the contract) or \"openai\" (an OpenAI-compatible server); found \"%1\""},
  {"card.file_empty", "empty (the TorchScript file, e.g. \"model.pt\")"},
  {"card.file_outside", "\"%1\" lies outside the card's folder %2 (the TorchScript file must be in that folder or below it)"},
  {"card.file_is_folder", "\"%1\" names the card's folder, not a file"},
  {"card.modalities_missing", "missing (a list such as [\"image\", \"text\"])"},
  {"card.image_missing", "missing (size, resize, mean, std, channel_order) for an image model"},
  {"card.image_size", "whole numbers from 1 to 4096 are required"},
  {"card.resize", "expected stretch, letterbox or crop; found \"%1\""},
  {"card.channel_order", "expected RGB or BGR"},
  {"card.three_numbers", "expected three numbers"},
  {"card.three_finite", "expected three finite numbers"},
  {"card.positive", "must be positive"},
  {"card.tokenizer_missing", "missing ({\"type\": \"wordlevel\", \"vocab\": \"vocab.json\"} or {\"type\": \"sentencepiece\", \"model\": \"tokenizer.model\"})"},
  {"card.sentencepiece_unavailable", "sentencepiece: %1"},
  {"card.expected_bool", "expected true or false, found %1"},
  {"card.tokenizer_type", "expected \"wordlevel\" or \"sentencepiece\"; found \"%1\""},
  {"card.expected_file_name", "expected a file name, found %1"},
  {"card.vocab_missing", "missing (the vocabulary file, e.g. \"vocab.json\")"},
  {"card.spm_missing", "missing (the SentencePiece model file, e.g. \"tokenizer.model\")"},
  {"card.option_ids_missing", "missing (e.g. {\"A\": 12, \"B\": 13, ...})"},
  {"card.option_keys", "keys must be letters A-Z; found \"%1\""},
  {"card.option_id", "the id of \"%1\" must be a non-negative integer"},
  {"card.pad", "expected a non-negative whole number, found %1"},

  // The project store (core/store/).
  {"store.no_such_project", "%1: no such project file"},
  {"store.is_folder", "%1: not an Unveil project (it is a folder)"},
  {"store.empty_file", "%1: not an Unveil project (the file is empty)"},
  {"store.not_sqlite", "%1: not an Unveil project (the file is not an SQLite database)"},
  {"store.truncated", "%1: the project file is truncated (%2 bytes, the header promises %3); it cannot be opened safely"},
  {"store.newer_format", "%1: written by a newer version of Unveil (project format %2; this build reads up to %3); it was not changed"},
  {"store.other_tables", "%1: not an Unveil project (an SQLite database with other tables)"},
  {"store.old_read_only", "%1: an older project format (%2) that must be upgraded, but the file is read-only"},
  {"store.read_only", "%1 is read-only"},
  {"store.opened_read_only", "%1 is read-only: it was opened for reading, and nothing can be saved to it"},
  {"store.locked", "%1: the project is locked by another program that is writing to it; try again when it has finished"},
  {"store.damaged", "%1: the project file is damaged (%2)"},
  {"store.cannot_read_log", "%1: cannot read the changes its log (%1-wal) holds: the folder is read-only, and a private copy to read them from %2"},
  {"store.copy_not_made", "could not be made (%1)"},
  {"store.copy_not_written", "could not be written (%1)"},
  {"store.copy_not_read", "could not be read (%1)"},
  {"store.dataset_exists", "a dataset named \"%1\" is already in %2"},
  {"store.no_run", "no run %1 in %2"},
  {"store.no_prompt_search", "no prompt search %1 in %2"},
  {"store.nothing_to_import", "no predictions to import"},
  {"store.all_skipped", "no prediction is left to import: all %1 were skipped (the first: %2)"},
  {"store.id_twice", "%1: prediction id \"%2\" appears twice"},
  {"store.cannot_copy", "%1: cannot write the copy of the project (%2)"},
  {"store.temp_replaced", "its temporary file was replaced"},
  {"store.nan_prediction", "%1: run %2, item id %3: a prediction with NaN values cannot be stored"},

  // Reading images (core/data/image.cpp, image_header.cpp).
  {"image.too_big_encoded", "%1: %2 bytes, above the limit of %3 bytes for an encoded image"},
  {"image.too_many_pixels", "%1: %2 of %3 pixels (%4), above the limit of %5 pixels; not decoded"},
  {"image.no_gif_decoder", "%1: GIF of %2 pixels: this build's OpenCV has no GIF decoder; expected PNG, JPEG, BMP or WebP"},
  {"image.rejected", "%1: corrupt or truncated %2 (%3 pixels): the decoder rejected it"},
  {"image.decoded_too_big", "%1: %2 decoded to %3 pixels, above the limit of %4"},
  {"image.corrupt_or_unsupported", "%1: corrupt or unsupported %2: %3"},
  {"image.out_of_memory", "%1: out of memory decoding %2 of %3 pixels"},
  {"image.no_such_file", "no such file"},
  {"image.no_size", "%1: cannot read its size: %2"},
  {"image.too_big_file", "%1: %2 bytes, above the limit of %3 bytes for an image file"},
  {"image.cannot_read", "%1: cannot open for reading"},
  {"image.short_read", "%1: read %2 of %3 bytes"},
  {"image.empty_path", "%1: expected an image path, found an empty one"},
  {"image.absolute_path", "%1: expected a path relative to the dataset root, found an absolute path"},
  {"image.leaves_root", "%1: the path leaves the dataset root %2"},
  {"image.link_outside", "%1: the image is a link to a file outside the dataset root %2 (%3)"},
  {"image.embedded_too_big", "embedded image: %1 bytes, above the limit of %2"},
  {"image.none", "expected an image, found none"},
  {"image.corrupt", "%1: corrupt or truncated %2 (%3)"},
  {"image.empty", "%1: empty (0 bytes), expected an image"},
  {"image.unknown_format", "%1: unknown image format: expected PNG, JPEG, BMP, GIF or WebP, found bytes %2"},

  // The analyses and model runs over a project (core/analysis/).
  {"analysis.no_dataset", "no dataset named \"%1\" in %2"},
  {"analysis.no_items", "dataset \"%1\" has no items"},
  {"analysis.no_items_in_split", "dataset \"%1\" has no items in split \"%2\""},
  {"analysis.prompt_template", "the prompt template: %1"},
  {"analysis.resume_differs_one", "run %1 cannot be resumed with these settings: its %2 differs (resuming would mix two models' or settings' answers in one run; start a new run instead)"},
  {"analysis.resume_differs_many", "run %1 cannot be resumed with these settings: its %2 differ (resuming would mix two models' or settings' answers in one run; start a new run instead)"},
  {"analysis.run_failed_kept", "%1 (run %2 keeps its %3 stored predictions and can be resumed)"},
  {"analysis.run_empty", "run %1 has no predictions"},
  {"analysis.few_shared", "the runs share %1 item(s); a comparison needs at least %2"},
  {"analysis.no_split", "dataset \"%1\" has no split \"%2\" (its splits: %3)"},
  {"analysis.no_idk_items", "%1 has no \"I don't know\" items: none of its %2 items has its \"I don't know\" option as the right answer"},
  {"analysis.dataset_named", "dataset \"%1\""},
  {"analysis.split_of_dataset", "split \"%1\" of dataset \"%2\""},

  // Loading and running a TorchScript model (core/model/).
  {"model.cannot_read", "%1: cannot read the model file"},
  {"model.unknown_device", "unknown device \"%1\" (expected cpu, cuda or auto)"},
  {"model.no_cuda", "device cuda was asked for, but this libtorch has no CUDA or no GPU is present"},
  {"model.not_torchscript", "%1: not a loadable TorchScript model (damaged, truncated, or another format): %2"},
  {"model.option_beyond_vocab", "%1: the card gives option %2 the token id %3, beyond the vocabulary of %4"},
  {"model.forward_not_tensor", "%1: forward(pixel_values, input_ids) must return a Tensor[B, V] of next-token logits; it returned %2"},
  {"model.forward_shape", "%1: forward must return float logits of shape [1, %2] for one item (the vocabulary's size); it returned %3"},
  {"model.dry_run_failed", "%1: forward(pixel_values: Tensor[B,3,H,W] float32, input_ids: Tensor[B,T] int64) failed on a dry run: %2"},
  {"model.inference_failed", "%1: inference failed: %2"},
  {"model.no_option_token", "%1: the model %2 has no token for option %3"},

  // An OpenAI-compatible server (core/model/openai_backend.cpp).
  {"endpoint.not_endpoint_card", "%1: not an endpoint card"},
  {"endpoint.key_not_set", "%1: the environment variable %2 named in \"api_key_env\" is not set (export %2=<your key> before starting Unveil)"},
  {"endpoint.no_client", "could not start an HTTP client (libcurl)"},
  {"endpoint.unreachable", "the server at %1 cannot be reached (%2)"},
  {"endpoint.no_answer", "the server at %1 did not answer (%2)"},
  {"endpoint.http", "the server answered HTTP %1"},
  {"endpoint.refused_no_key", "%1 refused the request (HTTP %2); the card names no key: add \"api_key_env\""},
  {"endpoint.refused_check_key", "%1 refused the request (HTTP %2); check the key in %3"},
  {"endpoint.not_found", "%1/chat/completions: HTTP %2; check \"base_url\" (it ends at the API root, e.g. /v1) and that the server serves the model \"%3\""},
  {"endpoint.models_http", "%1/models: HTTP %2"},
});
// clang-format on

}  // namespace

std::span<const MessageTemplate> message_catalog() {
  return kCatalog;
}

std::string_view english_template(std::string_view id) {
  const auto it = std::find_if(kCatalog.begin(), kCatalog.end(),
                               [&](const MessageTemplate& t) { return t.id == id; });
  return it == kCatalog.end() ? std::string_view() : it->english;
}

std::string fill_template(std::string_view text, std::span<const std::string> args) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(text[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        ++i;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string english(const Message& m) {
  if (m.id.empty()) return m.text;
  std::vector<std::string> args;
  args.reserve(m.args.size());
  for (const Message& a : m.args)
    args.push_back(english(a));
  const std::string_view t = english_template(m.id);
  if (!t.empty()) return fill_template(t, args);
  std::string out = m.id;
  for (const std::string& a : args)
    out += " [" + a + "]";
  return out;
}

}  // namespace unveil
