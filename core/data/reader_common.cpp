#include "data/reader_common.h"

#include <cstdint>
#include <exception>
#include <unordered_map>

#include "data/readers.h"
#include "util/parallel.h"

namespace unveil::data {

std::string position_of(std::string_view text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  const std::size_t end = std::min(text.size(), byte > 0 ? byte - 1 : 0);
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

std::string parse_error_reason(const std::string& what) {
  const auto p = what.find(": ", what.find("parse error"));
  std::string r = p == std::string::npos ? what : what.substr(p + 2);
  if (r.rfind("syntax error while parsing ", 0) == 0) r = r.substr(27);
  return r;
}

std::string keys_of(const nlohmann::json& obj) {
  std::string s;
  for (const auto& [k, v] : obj.items()) {
    if (!s.empty()) s += ", ";
    s += "\"" + k + "\"";
  }
  return s;
}

std::string check_image_path(const std::filesystem::path& root, std::string& rel,
                             bool check_exists) {
  auto p = resolve_inside(root, rel);
  if (!p) return p.error().message;
  // An absolute path inside the folder is kept relative to it, as every later use (a run, a
  // report, a project moved to another machine) expects.
  if (std::filesystem::path(rel).is_absolute()) {
    rel = p->lexically_relative(std::filesystem::absolute(root).lexically_normal()).string();
  }
  if (check_exists) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*p, ec)) return "image file not found: " + p->string();
  }
  return {};
}

std::string IdTracker::add(const std::string& id, std::size_t index) {
  const auto [it, inserted] = first_.emplace(id, index);
  if (inserted) return {};
  return "duplicate id \"" + id + "\" (first used by item " + std::to_string(it->second + 1) + ")";
}

Result<std::filesystem::path> resolve_inside(const std::filesystem::path& root,
                                             std::string_view relative) {
  namespace fs = std::filesystem;
  if (relative.empty()) return Error{"empty image path"};
  const fs::path rel{std::string(relative)};
  const fs::path base = fs::absolute(root).lexically_normal();
  const fs::path candidate = (rel.is_absolute() ? rel : base / rel).lexically_normal();
  auto inside = [](const fs::path& dir, const fs::path& p) {
    auto d = dir.begin(), q = p.begin();
    for (; d != dir.end(); ++d, ++q) {
      if (d->empty()) continue;  // a trailing separator
      if (q == p.end() || *d != *q) return false;
    }
    return true;
  };
  if (!inside(base, candidate)) {
    return Error{"image path \"" + std::string(relative) + "\" leaves the dataset folder " +
                 base.string()};
  }
  std::error_code ec;
  if (fs::exists(candidate, ec)) {
    const fs::path real = fs::canonical(candidate, ec);
    const fs::path real_base = fs::canonical(base, ec);
    if (!ec && !inside(real_base, real)) {
      return Error{"image path \"" + std::string(relative) +
                   "\" is a link to a file outside the dataset folder (" + real.string() + ")"};
    }
  }
  return candidate;
}

std::string no_items_problem(const Dataset& dataset, const std::filesystem::path& file) {
  if (!dataset.items.empty()) return {};
  if (dataset.problems.empty()) return file.string() + ": the file holds no items";
  const Problem& first = dataset.problems.front();
  const std::size_t n = dataset.problems.size();
  return file.string() + ": no item could be read (" + std::to_string(n) +
         (n == 1 ? " problem" : " problems") +
         "; the first: " + (first.file == file.string() ? "" : first.file + ": ") + first.where +
         ": " + first.message + ")";
}

namespace {

std::string item_place(const Item& item) {
  std::string w = item.source.line > 0 ? "line " + std::to_string(item.source.line)
                                       : "item " + std::to_string(item.source.index + 1);
  if (!item.id.empty()) w += " (id \"" + item.id + "\")";
  return w;
}

}  // namespace

std::vector<Problem> check_images_decode(const Dataset& dataset, const DecodeLimits& limits) {
  // The distinct images: a file named by several items, or one embedded image shared by several
  // rows, is decoded once.
  struct Task {
    const Item* first = nullptr;  // the first item that uses it
    std::filesystem::path file;   // kFile: resolved; empty for embedded bytes
    std::string error;            // "" when it decodes
  };
  std::vector<Task> tasks;
  std::vector<std::size_t> task_of(dataset.items.size(), SIZE_MAX);
  std::unordered_map<std::string, std::size_t> by_file;
  std::unordered_map<std::string_view, std::size_t> by_bytes;
  const std::filesystem::path root = dataset.root.empty() ? "." : dataset.root;
  std::vector<std::pair<std::size_t, std::string>> path_errors;
  for (std::size_t i = 0; i < dataset.items.size(); ++i) {
    const Item& item = dataset.items[i];
    if (item.image.kind == ImageRef::Kind::kFile) {
      auto path = resolve_inside(root, item.image.path);
      if (!path) {
        path_errors.emplace_back(i, path.error().message);
        continue;
      }
      const auto [it, added] = by_file.emplace(path->string(), tasks.size());
      if (added) tasks.push_back({&item, *path, {}});
      task_of[i] = it->second;
    } else if (item.image.kind == ImageRef::Kind::kEmbedded) {
      const auto [it, added] = by_bytes.emplace(item.image.bytes, tasks.size());
      if (added) tasks.push_back({&item, {}, {}});
      task_of[i] = it->second;
    }
  }
  parallel_chunks(tasks.size(), 1, [&](int, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      Task& t = tasks[k];
      const std::string name =
          t.file.empty() ? "the embedded image of " + item_place(*t.first) : t.file.string();
      try {
        Result<RgbImage> image = t.file.empty() ? decode_image(t.first->image.bytes, name, limits)
                                                : load_image_file(t.file, limits);
        if (!image) t.error = image.error().message;
      } catch (const std::exception& e) {  // bad_alloc reading a file: must not leave the thread
        t.error = name + ": " + e.what();
      }
    }
  });
  std::vector<Problem> problems;
  std::size_t next_path_error = 0;
  for (std::size_t i = 0; i < dataset.items.size(); ++i) {
    const Item& item = dataset.items[i];
    std::string message;
    if (next_path_error < path_errors.size() && path_errors[next_path_error].first == i) {
      message = path_errors[next_path_error++].second;
    } else if (task_of[i] != SIZE_MAX && !tasks[task_of[i]].error.empty()) {
      message = tasks[task_of[i]].error;
    } else {
      continue;
    }
    problems.push_back({item.source.file.empty() ? dataset.name : item.source.file,
                        item_place(item), "the image cannot be decoded: " + message});
  }
  return problems;
}

}  // namespace unveil::data
