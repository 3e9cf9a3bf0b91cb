// MMBench / VLMEvalKit TSV: a header row (index, question, hint, A, B, C, D, answer, category,
// l2-category, split, image) and one row per item with a base64-encoded image. Fields may be
// quoted as pandas writes them ("a ""b""" for a "b"). Missing option columns are allowed; pandas
// writes a missing value as an empty field or "nan". An image field that holds only a number refers
// to the image of the row with that index (VLMEvalKit stores a shared image once).
#include <cctype>
#include <unordered_map>

#include "data/idk.h"
#include "data/question_text.h"
#include "data/reader_common.h"
#include "data/readers.h"
#include "util/base64.h"
#include "util/mapped_file.h"
#include "util/tsv.h"

namespace unveil::data {
namespace {

using Row = TsvRow;

bool missing(const std::string& v) {
  const std::string_view t = trim(v);
  return t.empty() || t == "nan" || t == "NaN" || t == "None";
}

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Result<Dataset> read_mmbench_tsv(const std::filesystem::path& file, const ReadOptions& options) {
  const std::string name = file.string();
  auto mapped = MappedFile::open(file);
  if (!mapped) return mapped.error();
  const auto rows = split_tsv(mapped->text());
  if (rows.empty()) return Error::from(message("data.empty_tsv", name));

  std::unordered_map<std::string, std::size_t> col;
  const auto& header = rows[0].fields;
  for (std::size_t c = 0; c < header.size(); ++c) {
    std::string h = std::string(trim(header[c]));
    // Option columns keep their case (A, B, ...); the others are matched case-insensitively.
    col[h.size() == 1 && std::isupper(static_cast<unsigned char>(h[0])) ? h : lower(h)] = c;
  }
  for (const char* required : {"question", "A", "B"}) {
    if (!col.count(required)) {
      std::string found;
      for (const auto& h : header)
        found += (found.empty() ? "" : ", ") + h;
      return Error::from(
          message("data.missing_column", name, "\"" + std::string(required) + "\"", found));
    }
  }
  const auto field = [&](const Row& r, const char* key) -> std::string {
    const auto it = col.find(key);
    if (it == col.end() || it->second >= r.fields.size()) return {};
    return r.fields[it->second];
  };

  Dataset ds;
  ds.name = file.stem().string();
  ds.root = (file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path()).string();
  IdTracker ids;
  std::unordered_map<std::string, std::string> image_of_index;  // decoded bytes by index
  std::vector<std::pair<std::size_t, std::string>> references;  // item -> referenced index
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    auto problem = [&](Message m) {
      ds.problems.push_back(Problem::from(name, line_place(row.line), std::move(m)));
    };
    if (row.fields.size() != header.size()) {
      problem(message("data.field_count", header.size(), row.fields.size()));
      continue;
    }
    Item item;
    item.id = std::string(trim(field(row, "index")));
    if (item.id.empty()) item.id = "#" + std::to_string(r);
    if (Message dup = ids.add(item.id, r - 1); !dup.empty()) {
      problem(dup);
      continue;
    }
    item.source = {name, row.line, r - 1};
    item.question = std::string(trim(field(row, "question")));
    if (!missing(field(row, "hint"))) item.hint = std::string(trim(field(row, "hint")));
    item.category = missing(field(row, "category")) ? "" : field(row, "category");
    item.split = missing(field(row, "split")) ? options.default_split : field(row, "split");
    bool gap = false;
    Message bad;
    for (char letter = 'A'; letter <= 'Z'; ++letter) {
      const std::string key(1, letter);
      if (!col.count(key)) break;
      const std::string v = field(row, key.c_str());
      if (missing(v)) {
        gap = true;
        continue;
      }
      if (gap) {
        bad = message("data.option_gap", key);
        break;
      }
      item.options.push_back({letter, std::string(trim(v))});
    }
    if (!bad.empty()) {
      problem(bad);
      continue;
    }
    if (item.options.size() < 2) {
      problem(message("data.too_few_options"));
      continue;
    }
    item.idk_index = options.idk.find(item.options);
    if (col.count("answer") && !missing(field(row, "answer"))) {
      const auto a = parse_answer(field(row, "answer"), item.options);
      if (a.index < 0) {
        problem(a.detail);
        continue;
      }
      item.answer = a.index;
    }
    const std::string img = std::string(trim(field(row, "image")));
    if (!missing(img)) {
      const bool reference = img.size() <= 64 && std::all_of(img.begin(), img.end(), [](char c) {
                               return std::isdigit(static_cast<unsigned char>(c));
                             });
      if (reference) {
        references.emplace_back(ds.items.size(), img);
      } else {
        auto bytes = base64_decode(img);
        if (!bytes) {
          problem(message("data.bad_base64", bytes.error().message));
          continue;
        }
        item.image.kind = ImageRef::Kind::kEmbedded;
        item.image.bytes = std::move(*bytes);
        image_of_index[item.id] = item.image.bytes;
      }
    }
    ds.items.push_back(std::move(item));
  }
  // Resolve image references; an unresolvable one drops its item.
  std::vector<bool> drop(ds.items.size(), false);
  for (const auto& [i, ref] : references) {
    const auto it = image_of_index.find(ref);
    if (it == image_of_index.end()) {
      ds.problems.push_back(Problem::from(name, line_place(ds.items[i].source.line),
                                          message("data.missing_image_ref", ref)));
      drop[i] = true;
      continue;
    }
    ds.items[i].image.kind = ImageRef::Kind::kEmbedded;
    ds.items[i].image.bytes = it->second;
  }
  if (!references.empty()) {
    std::vector<Item> kept;
    kept.reserve(ds.items.size());
    for (std::size_t i = 0; i < ds.items.size(); ++i) {
      if (!drop[i]) kept.push_back(std::move(ds.items[i]));
    }
    ds.items = std::move(kept);
  }
  return ds;
}

}  // namespace unveil::data
