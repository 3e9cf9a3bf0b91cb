// One normalised multiple-choice item, whatever file it came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/message.h"

namespace unveil::data {

/// Where an item's image is: nowhere, a file below the dataset root, or bytes embedded in the
/// dataset (MMBench TSV carries base64 images).
struct ImageRef {
  enum class Kind : std::uint8_t { kNone, kFile, kEmbedded };
  Kind kind = Kind::kNone;
  std::string path;   ///< kFile: as written in the dataset (relative to the root)
  std::string bytes;  ///< kEmbedded: the encoded image (PNG/JPEG...), already base64-decoded

  bool empty() const { return kind == Kind::kNone; }
};

struct Option {
  char letter = 'A';
  std::string text;
};

/// Where an item came from, for messages ("file.json, item 17" / "file.tsv, line 9").
struct Source {
  std::string file;
  std::size_t line = 0;   ///< 1-based line (JSONL/TSV), 0 when not line-based
  std::size_t index = 0;  ///< 0-based position in the file's list of items
};

struct Item {
  std::string id;
  ImageRef image;
  std::string question;         ///< the question as displayed (without the <image> token)
  std::string hint;             ///< context shown with the question (MMBench "hint"), may be empty
  std::vector<Option> options;  ///< 2 to 26, letters in order A, B, C...
  int answer = -1;              ///< index into options; -1 when the dataset gives no answer
  int idk_index = -1;           ///< index of the "I don't know" option, -1 when none
  std::string category;
  std::string split;
  Source source;

  char answer_letter() const { return answer >= 0 ? options[answer].letter : '?'; }
  bool is_idk_question() const { return answer >= 0 && answer == idk_index; }
};

/// A problem found while reading: the item is skipped (or the whole file, for a fatal one).
struct Problem {
  std::string file;
  std::string where;    ///< "item 17 (id q17)", "line 9", "byte 1234 (line 3, column 5)"
  std::string message;  ///< what was expected and what was found
  Message place = {};   ///< `where` as a catalog message (util/message.h), when the reader gave one
  Message detail = {};  ///< `message` as a catalog message, when the reader gave one

  std::string to_string() const { return file + ": " + where + ": " + message; }

  /// A problem said by the catalog: `where` and `message` are their English.
  static Problem from(std::string file, Message place, Message detail) {
    Problem p{std::move(file), english(place), english(detail)};
    p.place = std::move(place);
    p.detail = std::move(detail);
    return p;
  }
};

/// The result of reading a dataset: what could be read, and what could not.
struct Dataset {
  std::string name;
  std::string root;  ///< directory image paths are resolved against
  std::vector<Item> items;
  std::vector<Problem> problems;
};

}  // namespace unveil::data
