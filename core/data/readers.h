// Dataset readers: LLaVA conversation JSON (the IDK set, July24-NewsVQA), LLaVA evaluation question
// JSONL (+ answers JSONL), MMBench / VLMEvalKit TSV; and the LLaVA JSON writer. read_dataset
// (data/read_dataset.h) chooses among the readers by a file's format.
//
// Every reader returns the items it could read plus the problems it found. A problem with one
// item skips that item; only a file that cannot be read at all (missing, empty, malformed JSON,
// a JSON object where a list was expected) is an Error.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "data/idk.h"
#include "data/image.h"
#include "data/item.h"
#include "util/result.h"

namespace unveil::data {

struct ReadOptions {
  IdkMatcher idk;
  /// Directory image paths are relative to; default: the dataset file's directory.
  std::optional<std::filesystem::path> images_dir;
  /// Check that each referenced image file exists (a stat per item; no decoding).
  bool check_images = true;
  /// Split given to items that name none.
  std::string default_split;
};

Result<Dataset> read_llava_json(const std::filesystem::path& file, const ReadOptions& options = {});
/// The same from text already in memory (`file` names it in messages; `root` resolves images).
Result<Dataset> parse_llava_json(std::string_view text, const std::string& file,
                                 const std::filesystem::path& root,
                                 const ReadOptions& options = {});

/// LLaVA evaluation questions: one JSON object per line with question_id, image, text (the
/// question with its options), optional category; answers, when given, map question_id to the
/// answer ("answer", "label" or "text").
Result<Dataset> read_llava_questions_jsonl(const std::filesystem::path& questions,
                                           const std::optional<std::filesystem::path>& answers,
                                           const ReadOptions& options = {});

/// MMBench / VLMEvalKit TSV with base64 images.
Result<Dataset> read_mmbench_tsv(const std::filesystem::path& file,
                                 const ReadOptions& options = {});

/// "" when `dataset` holds an item; otherwise why it holds none, naming `file` and the first
/// problem the reader found: "FILE: no item could be read (2 problems; the first: line 1: ...)",
/// or "FILE: the file holds no items" when there was none. Importing such a dataset is refused.
std::string no_items_problem(const Dataset& dataset, const std::filesystem::path& file);

/// Writes items as LLaVA conversation JSON. Embedded images (from TSV) are written as files under
/// `image_dir` (relative to the JSON file's directory) so that the result reads back.
Status write_llava_json(const std::filesystem::path& file, const Dataset& dataset,
                        const std::string& image_dir = "images");

/// Resolves `relative` against `root` and refuses paths that leave it: "../" escapes, absolute
/// paths elsewhere, and symlinks whose target lies outside the root.
Result<std::filesystem::path> resolve_inside(const std::filesystem::path& root,
                                             std::string_view relative);

/// Decodes the image of every item that has one, on worker_threads() threads, each distinct file
/// or embedded image once. Every image goes through decode_image(): the file size and the pixel
/// count its header states are checked against `limits` before any decoder runs, and a file cut
/// short is refused. Returns one problem per item whose image cannot be read or decoded, in item
/// order: `file` is the dataset file, `where` the item ("item 3 (id \"q3\")" or "line 9 (id
/// \"9\")"), `message` names the image and what is wrong with it.
std::vector<Problem> check_images_decode(const Dataset& dataset, const DecodeLimits& limits = {});

/// The human turn written for an item ("<image>\nQuestion\nA. x\nB. y").
std::string human_turn(const Item& item);

}  // namespace unveil::data
