#include "data/thumbnail_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <system_error>

#include "util/sha256.h"

namespace unveil::data {
namespace {

constexpr int kMaxSide = 4096;
constexpr std::size_t kMaxMemo = 200000;  // ~30 MB at most; cleared when full

std::string name_for(std::string_view hex, int max_side) {
  return std::string(hex) + "-" + std::to_string(max_side) + ".png";
}

bool usable(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  return !ec && size > 0;
}

/// Writes `bytes` to `file` by way of a unique temporary name in the same directory and an atomic
/// rename, so that concurrent writers and readers never see a partial file.
Status write_atomically(const std::filesystem::path& file, std::string_view bytes) {
  static std::atomic<std::uint64_t> counter{0};
  std::filesystem::path tmp = file;
  tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Error{tmp.string() + ": cannot create a thumbnail file"};
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return Error{tmp.string() + ": cannot write " + std::to_string(bytes.size()) + " bytes"};
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);  // rename(2): atomic, replaces an existing file
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return Error{file.string() + ": cannot move the thumbnail into place: " + ec.message()};
  }
  return ok_status();
}

}  // namespace

ThumbnailCache::ThumbnailCache(std::filesystem::path dir, DecodeLimits limits)
    : dir_(std::move(dir)), limits_(limits) {}

std::string ThumbnailCache::file_name(std::string_view bytes, int max_side) {
  return name_for(sha256_hex(bytes), max_side);
}

std::string ThumbnailCache::memo_key(const std::filesystem::path& file) const {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return {};
  const auto mtime = std::filesystem::last_write_time(file, ec);
  if (ec) return {};
  return file.string() + '\n' + std::to_string(size) + '\n' +
         std::to_string(mtime.time_since_epoch().count());
}

Result<std::string> ThumbnailCache::get_or_make(const ImageRef& ref,
                                                const std::filesystem::path& root, int max_side) {
  if (max_side < 1 || max_side > kMaxSide) {
    return Error{"thumbnail of " + image_name(ref, root) + ": expected a size from 1 to " +
                 std::to_string(kMaxSide) + ", found " + std::to_string(max_side)};
  }
  // A file whose content hash is known and whose thumbnail exists needs no reading at all.
  std::string key;
  if (ref.kind == ImageRef::Kind::kFile) {
    if (auto path = resolve_image_path(root, ref.path)) key = memo_key(*path);
    if (!key.empty()) {
      std::string hex;
      {
        std::lock_guard lock(memo_mutex_);
        if (auto it = memo_.find(key); it != memo_.end()) hex = it->second;
      }
      if (!hex.empty()) {
        const auto file = dir_ / name_for(hex, max_side);
        if (usable(file)) return file.string();
      }
    }
  }

  auto bytes = read_image_bytes(ref, root, limits_.max_file_bytes);
  if (!bytes) return bytes.error();
  const std::string hex = sha256_hex(*bytes);
  if (!key.empty()) {
    std::lock_guard lock(memo_mutex_);
    if (memo_.size() >= kMaxMemo) memo_.clear();
    memo_[key] = hex;
  }
  const auto file = dir_ / name_for(hex, max_side);
  if (usable(file)) return file.string();

  auto image = decode_image(*bytes, image_name(ref, root), limits_);
  if (!image) return image.error();
  auto png = encode_png(fit_within(*image, max_side));
  if (!png) return Error{image_name(ref, root) + ": thumbnail: " + png.error().message};

  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return Error{dir_.string() + ": cannot create the thumbnail directory: " + ec.message()};
  if (auto st = write_atomically(file, *png); !st) return st.error();
  return file.string();
}

}  // namespace unveil::data
