// The image pipeline: decoding with limits, conversion to 8-bit RGB, and model-input
// preprocessing. OpenCV stays inside the .cpp files; these types are plain.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data/item.h"
#include "util/result.h"

namespace unveil::data {

/// 8-bit RGB, row-major, 3 bytes per pixel, rows without padding.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;  ///< size 3 * width * height

  static RgbImage filled(int width, int height, std::array<std::uint8_t, 3> colour);
  bool empty() const { return width <= 0 || height <= 0; }
  std::uint8_t* pixel(int x, int y) { return rgb.data() + 3 * (std::size_t(y) * width + x); }
  const std::uint8_t* pixel(int x, int y) const {
    return rgb.data() + 3 * (std::size_t(y) * width + x);
  }
  bool operator==(const RgbImage&) const = default;
};

/// 64 Mi pixels (8192 x 8192): about 200 MB as RGB, more than any model input needs.
inline constexpr std::int64_t kDefaultMaxPixels = std::int64_t{64} << 20;
inline constexpr std::uint64_t kDefaultMaxFileBytes = std::uint64_t{256} << 20;

/// Limits checked before a decoder allocates anything. OpenCV keeps its own, coarser limit
/// (OPENCV_IO_MAX_IMAGE_PIXELS, default 2^30), read from the environment once when its library
/// is loaded, so it can only be tightened by the environment the program starts in.
struct DecodeLimits {
  std::int64_t max_pixels = kDefaultMaxPixels;          ///< width x height as the header says
  std::uint64_t max_file_bytes = kDefaultMaxFileBytes;  ///< encoded size
};

/// Decodes PNG, JPEG, BMP or WebP bytes (GIF is recognised, but OpenCV 4.6 has no GIF decoder)
/// to 8-bit RGB: the header is read first and the limits checked; JPEG EXIF orientation is
/// applied; grey is replicated to three channels; alpha is composited over white; 16-bit samples
/// are scaled to 8 bits (v / 257, rounded). `name` is what messages call the image (a path, or
/// "data.tsv, line 9"). Never throws.
Result<RgbImage> decode_image(std::string_view bytes, std::string_view name,
                              const DecodeLimits& limits = {});

/// A whole file's bytes; an error for a missing, unreadable, non-regular or too large file.
Result<std::string> read_file_bytes(const std::filesystem::path& file,
                                    std::uint64_t max_bytes = kDefaultMaxFileBytes);

Result<RgbImage> load_image_file(const std::filesystem::path& file,
                                 const DecodeLimits& limits = {});

/// `relative` resolved against `root`; refused when absolute or when it leaves the root by "..".
/// (The check is lexical: a symbolic link inside the root is followed.)
Result<std::filesystem::path> resolve_image_path(const std::filesystem::path& root,
                                                 std::string_view relative);

/// The encoded bytes an ImageRef points at (a file below `root`, or the embedded bytes).
Result<std::string> read_image_bytes(const ImageRef& ref, const std::filesystem::path& root,
                                     std::uint64_t max_bytes = kDefaultMaxFileBytes);

/// What messages call the image: the resolved path, or "embedded image".
std::string image_name(const ImageRef& ref, const std::filesystem::path& root);

Result<RgbImage> load_image(const ImageRef& ref, const std::filesystem::path& root,
                            const DecodeLimits& limits = {});

Result<std::string> encode_png(const RgbImage& image);
/// quality 0-100, as libjpeg takes it.
Result<std::string> encode_jpeg(const RgbImage& image, int quality);

/// Resampled to width x height: pixel-area averaging when shrinking, bilinear when enlarging.
RgbImage resize_image(const RgbImage& image, int width, int height);
/// Scaled down (never up) so that neither side exceeds max_side, keeping the aspect ratio.
RgbImage fit_within(const RgbImage& image, int max_side);

// ---- Model input -----------------------------------------------------------------------------

enum class ResizeMode : std::uint8_t {
  kStretch,          ///< to width x height, ignoring the aspect ratio
  kLetterbox,        ///< scaled to fit inside, centred, the rest filled with `pad`
  kShorterSideCrop,  ///< scaled to cover (the shorter side fits), then the centre cut out
};

/// "stretch", "letterbox", "crop".
std::string_view to_string(ResizeMode mode);
/// Also accepts "center_crop"/"centre_crop" for "crop".
Result<ResizeMode> parse_resize_mode(std::string_view text);

/// What a model card asks of its image input.
struct PreprocessSpec {
  int width = 224;
  int height = 224;
  ResizeMode mode = ResizeMode::kStretch;
  bool bgr = false;  ///< channel order of the output planes: B,G,R instead of R,G,B
  /// Per output plane, in the output's channel order (so B,G,R order when bgr), on the 0-1 scale:
  /// value = (sample / 255 - mean[c]) / std[c].
  std::array<float, 3> mean{0.0f, 0.0f, 0.0f};
  std::array<float, 3> std{1.0f, 1.0f, 1.0f};
  std::array<std::uint8_t, 3> pad{0, 0, 0};  ///< letterbox fill, R,G,B
};

/// The geometric part alone: the image resized (and padded or cropped) to spec.width x height.
/// Letterbox: scale s = min(W/w, H/h), scaled size round(w*s) x round(h*s), placed at
/// ((W - w')/2, (H - h')/2) rounded down. Crop: s = max(W/w, H/h), cut at ((w' - W)/2, (h' - H)/2).
Result<RgbImage> resize_for_model(const RgbImage& image, const PreprocessSpec& spec);

/// Contiguous float planes (C, H, W) = (3, spec.height, spec.width), ready for a [1,3,H,W] tensor.
Result<std::vector<float>> preprocess(const RgbImage& image, const PreprocessSpec& spec);
/// The same into caller-owned memory of 3 * spec.height * spec.width floats (one slot of a batch).
Status preprocess_into(const RgbImage& image, const PreprocessSpec& spec, float* out);

}  // namespace unveil::data
