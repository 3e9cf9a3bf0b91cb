// Thumbnails cached on disk as PNG files named by the SHA-256 of the image's encoded bytes, so a
// renamed or duplicated image reuses its thumbnail and an edited one gets a new one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "data/image.h"
#include "data/item.h"
#include "util/result.h"

namespace unveil::data {

/// A plain blocking call, safe from several threads at once (and from several processes sharing
/// the directory): each file is written under a temporary name and renamed into place, so a reader
/// sees a whole thumbnail or none. Running it off the UI thread is the caller's business.
class ThumbnailCache {
 public:
  explicit ThumbnailCache(std::filesystem::path dir, DecodeLimits limits = {});
  ThumbnailCache(const ThumbnailCache&) = delete;
  ThumbnailCache& operator=(const ThumbnailCache&) = delete;

  /// The path of a PNG at most max_side pixels on its longer side (1-4096; never enlarged), made
  /// now unless already cached. Errors: no image, a missing/corrupt/too large image, a directory
  /// that cannot be written.
  Result<std::string> get_or_make(const ImageRef& ref, const std::filesystem::path& root,
                                  int max_side);

  const std::filesystem::path& dir() const { return dir_; }

  /// The cache file name for these encoded bytes at this size: "<sha256 hex>-<max_side>.png".
  static std::string file_name(std::string_view bytes, int max_side);

 private:
  std::string memo_key(const std::filesystem::path& file) const;

  std::filesystem::path dir_;
  DecodeLimits limits_;
  // Content hashes of files already read, keyed by path, size and modification time, so that a
  // cached thumbnail is found without reading and hashing the image again.
  std::mutex memo_mutex_;
  std::unordered_map<std::string, std::string> memo_;
};

}  // namespace unveil::data
