#include "data/thumbnail_cache.h"

#include <cstdint>
#include <system_error>

#include "util/atomic_file.h"
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
  AtomicWriteOptions unsynced;  // a cache: a lost thumbnail is made again
  unsynced.sync = false;
  if (auto st = write_file_atomically(file, *png, "a thumbnail", unsynced); !st) return st.error();
  return file.string();
}

}  // namespace unveil::data
