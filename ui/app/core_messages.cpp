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
    {"place.item_quoted", QT_TRANSLATE_NOOP("CoreMessages", "item \"%1\"")},
    {"place.prefix", QT_TRANSLATE_NOOP("CoreMessages", "%1: %2")},
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
    {"store.no_such_project", QT_TRANSLATE_NOOP("CoreMessages", "%1: no such project file")},
    {"store.is_folder", QT_TRANSLATE_NOOP("CoreMessages", "%1: not an Unveil project (it is a folder)")},
    {"store.empty_file", QT_TRANSLATE_NOOP("CoreMessages", "%1: not an Unveil project (the file is empty)")},
    {"store.not_sqlite", QT_TRANSLATE_NOOP("CoreMessages", "%1: not an Unveil project (the file is not an SQLite database)")},
    {"store.truncated", QT_TRANSLATE_NOOP("CoreMessages", "%1: the project file is truncated (%2 bytes, the header promises %3); it cannot be opened safely")},
    {"store.newer_format", QT_TRANSLATE_NOOP("CoreMessages", "%1: written by a newer version of Unveil (project format %2; this build reads up to %3); it was not changed")},
    {"store.other_tables", QT_TRANSLATE_NOOP("CoreMessages", "%1: not an Unveil project (an SQLite database with other tables)")},
    {"store.old_read_only", QT_TRANSLATE_NOOP("CoreMessages", "%1: an older project format (%2) that must be upgraded, but the file is read-only")},
    {"store.read_only", QT_TRANSLATE_NOOP("CoreMessages", "%1 is read-only")},
    {"store.opened_read_only", QT_TRANSLATE_NOOP("CoreMessages", "%1 is read-only: it was opened for reading, and nothing can be saved to it")},
    {"store.locked", QT_TRANSLATE_NOOP("CoreMessages", "%1: the project is locked by another program that is writing to it; try again when it has finished")},
    {"store.damaged", QT_TRANSLATE_NOOP("CoreMessages", "%1: the project file is damaged (%2)")},
    {"store.cannot_read_log", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot read the changes its log (%1-wal) holds: the folder is read-only, and a private copy to read them from %2")},
    {"store.copy_not_made", QT_TRANSLATE_NOOP("CoreMessages", "could not be made (%1)")},
    {"store.copy_not_written", QT_TRANSLATE_NOOP("CoreMessages", "could not be written (%1)")},
    {"store.copy_not_read", QT_TRANSLATE_NOOP("CoreMessages", "could not be read (%1)")},
    {"store.dataset_exists", QT_TRANSLATE_NOOP("CoreMessages", "a dataset named \"%1\" is already in %2")},
    {"store.no_run", QT_TRANSLATE_NOOP("CoreMessages", "no run %1 in %2")},
    {"store.no_prompt_search", QT_TRANSLATE_NOOP("CoreMessages", "no prompt search %1 in %2")},
    {"store.nothing_to_import", QT_TRANSLATE_NOOP("CoreMessages", "no predictions to import")},
    {"store.all_skipped", QT_TRANSLATE_NOOP("CoreMessages", "no prediction is left to import: all %1 were skipped (the first: %2)")},
    {"store.id_twice", QT_TRANSLATE_NOOP("CoreMessages", "%1: prediction id \"%2\" appears twice")},
    {"store.cannot_copy", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot write the copy of the project (%2)")},
    {"store.temp_replaced", QT_TRANSLATE_NOOP("CoreMessages", "its temporary file was replaced")},
    {"store.nan_prediction", QT_TRANSLATE_NOOP("CoreMessages", "%1: run %2, item id %3: a prediction with NaN values cannot be stored")},
    {"image.too_big_encoded", QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 bytes, above the limit of %3 bytes for an encoded image")},
    {"image.too_many_pixels", QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 of %3 pixels (%4), above the limit of %5 pixels; not decoded")},
    {"image.no_gif_decoder", QT_TRANSLATE_NOOP("CoreMessages", "%1: GIF of %2 pixels: this build's OpenCV has no GIF decoder; expected PNG, JPEG, BMP or WebP")},
    {"image.rejected", QT_TRANSLATE_NOOP("CoreMessages", "%1: corrupt or truncated %2 (%3 pixels): the decoder rejected it")},
    {"image.decoded_too_big", QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 decoded to %3 pixels, above the limit of %4")},
    {"image.corrupt_or_unsupported", QT_TRANSLATE_NOOP("CoreMessages", "%1: corrupt or unsupported %2: %3")},
    {"image.out_of_memory", QT_TRANSLATE_NOOP("CoreMessages", "%1: out of memory decoding %2 of %3 pixels")},
    {"image.no_such_file", QT_TRANSLATE_NOOP("CoreMessages", "no such file")},
    {"image.no_size", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot read its size: %2")},
    {"image.too_big_file", QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 bytes, above the limit of %3 bytes for an image file")},
    {"image.cannot_read", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot open for reading")},
    {"image.short_read", QT_TRANSLATE_NOOP("CoreMessages", "%1: read %2 of %3 bytes")},
    {"image.empty_path", QT_TRANSLATE_NOOP("CoreMessages", "%1: expected an image path, found an empty one")},
    {"image.absolute_path", QT_TRANSLATE_NOOP("CoreMessages", "%1: expected a path relative to the dataset root, found an absolute path")},
    {"image.leaves_root", QT_TRANSLATE_NOOP("CoreMessages", "%1: the path leaves the dataset root %2")},
    {"image.link_outside", QT_TRANSLATE_NOOP("CoreMessages", "%1: the image is a link to a file outside the dataset root %2 (%3)")},
    {"image.embedded_too_big", QT_TRANSLATE_NOOP("CoreMessages", "embedded image: %1 bytes, above the limit of %2")},
    {"image.none", QT_TRANSLATE_NOOP("CoreMessages", "expected an image, found none")},
    {"image.corrupt", QT_TRANSLATE_NOOP("CoreMessages", "%1: corrupt or truncated %2 (%3)")},
    {"image.empty", QT_TRANSLATE_NOOP("CoreMessages", "%1: empty (0 bytes), expected an image")},
    {"image.unknown_format", QT_TRANSLATE_NOOP("CoreMessages", "%1: unknown image format: expected PNG, JPEG, BMP, GIF or WebP, found bytes %2")},
    {"model.cannot_read", QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot read the model file")},
    {"model.unknown_device", QT_TRANSLATE_NOOP("CoreMessages", "unknown device \"%1\" (expected cpu, cuda or auto)")},
    {"model.no_cuda", QT_TRANSLATE_NOOP("CoreMessages", "device cuda was asked for, but this libtorch has no CUDA or no GPU is present")},
    {"model.not_torchscript", QT_TRANSLATE_NOOP("CoreMessages", "%1: not a loadable TorchScript model (damaged, truncated, or another format): %2")},
    {"model.option_beyond_vocab", QT_TRANSLATE_NOOP("CoreMessages", "%1: the card gives option %2 the token id %3, beyond the vocabulary of %4")},
    {"model.forward_not_tensor", QT_TRANSLATE_NOOP("CoreMessages", "%1: forward(pixel_values, input_ids) must return a Tensor[B, V] of next-token logits; it returned %2")},
    {"model.forward_shape", QT_TRANSLATE_NOOP("CoreMessages", "%1: forward must return float logits of shape [1, %2] for one item (the vocabulary's size); it returned %3")},
    {"model.dry_run_failed", QT_TRANSLATE_NOOP("CoreMessages", "%1: forward(pixel_values: Tensor[B,3,H,W] float32, input_ids: Tensor[B,T] int64) failed on a dry run: %2")},
    {"model.inference_failed", QT_TRANSLATE_NOOP("CoreMessages", "%1: inference failed: %2")},
    {"model.no_option_token", QT_TRANSLATE_NOOP("CoreMessages", "%1: the model %2 has no token for option %3")},
    {"endpoint.not_endpoint_card", QT_TRANSLATE_NOOP("CoreMessages", "%1: not an endpoint card")},
    {"endpoint.key_not_set", QT_TRANSLATE_NOOP("CoreMessages", "%1: the environment variable %2 named in \"api_key_env\" is not set (export %2=<your key> before starting Unveil)")},
    {"endpoint.no_client", QT_TRANSLATE_NOOP("CoreMessages", "could not start an HTTP client (libcurl)")},
    {"endpoint.unreachable", QT_TRANSLATE_NOOP("CoreMessages", "the server at %1 cannot be reached (%2)")},
    {"endpoint.no_answer", QT_TRANSLATE_NOOP("CoreMessages", "the server at %1 did not answer (%2)")},
    {"endpoint.http", QT_TRANSLATE_NOOP("CoreMessages", "the server answered HTTP %1")},
    {"endpoint.refused_no_key", QT_TRANSLATE_NOOP("CoreMessages", "%1 refused the request (HTTP %2); the card names no key: add \"api_key_env\"")},
    {"endpoint.refused_check_key", QT_TRANSLATE_NOOP("CoreMessages", "%1 refused the request (HTTP %2); check the key in %3")},
    {"endpoint.not_found", QT_TRANSLATE_NOOP("CoreMessages", "%1/chat/completions: HTTP %2; check \"base_url\" (it ends at the API root, e.g. /v1) and that the server serves the model \"%3\"")},
    {"endpoint.models_http", QT_TRANSLATE_NOOP("CoreMessages", "%1/models: HTTP %2")},
});
// clang-format on

const CoreMessageEntry* find(const std::string& id) {
  const auto it = std::find_if(kTable.begin(), kTable.end(),
                               [&](const CoreMessageEntry& e) { return id == e.id; });
  return it == kTable.end() ? nullptr : &*it;
}

}  // namespace

namespace {

// Chinese and Japanese are written without spaces between words: U+3000–U+303F (punctuation),
// the unified ideographs, and the full-width forms.
bool isCjk(QChar c) {
  const char16_t u = c.unicode();
  return (u >= 0x3000 && u <= 0x303F) || (u >= 0x3400 && u <= 0x9FFF) ||
         (u >= 0xFF00 && u <= 0xFFEF);
}

}  // namespace

QString fillTranslated(const QString& words, const QStringList& args) {
  // One pass, as core fills its English (util/message.h), so that a parameter's own "%1" (a file
  // name) stays as it is. A space the template puts between a parameter and a neighbour is left
  // out where both sides are CJK ("第 1 个值 是 NaN" reads "第 1 个值是 NaN"); spaces inside a
  // parameter (a file name) are never touched.
  const auto argAt = [&](qsizetype i) -> const QString* {
    if (i + 1 >= words.size() || words[i] != u'%') return nullptr;
    const char16_t d = words[i + 1].unicode();
    if (d < u'1' || d > u'9') return nullptr;
    const qsizetype n = d - u'1';
    return n < args.size() ? &args[n] : nullptr;
  };
  QString out;
  out.reserve(words.size() + 32);
  for (qsizetype i = 0; i < words.size(); ++i) {
    if (const QString* a = argAt(i)) {
      out += *a;
      ++i;
      continue;
    }
    if (words[i] == u' ' && !out.isEmpty() && isCjk(out.back())) {
      const QString* next = argAt(i + 1);
      const bool cjkNext = next ? !next->isEmpty() && isCjk(next->front())
                                : i + 1 < words.size() && isCjk(words[i + 1]);
      if (cjkNext) continue;
    }
    out += words[i];
  }
  return out;
}

QString coreText(const Message& message) {
  if (message.id.empty()) return QString::fromStdString(message.text);
  const CoreMessageEntry* entry = find(message.id);
  if (!entry) return QString::fromStdString(english(message));
  // Filled as core fills its English (util/message.h): in one pass, so that a parameter's own
  // "%1" (a file name) stays as it is.
  QStringList args;
  args.reserve(static_cast<qsizetype>(message.args.size()));
  for (const Message& a : message.args)
    args << coreText(a);
  return fillTranslated(QCoreApplication::translate("CoreMessages", entry->source), args);
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
