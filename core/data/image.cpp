#include "data/image.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <new>
#include <system_error>

#include "data/image_codecs.h"
#include "data/image_header.h"
#include "util/error_message.h"

namespace unveil::data {
namespace {

/// A cv::Mat header over the image's pixels (no copy; the image must outlive it).
cv::Mat as_mat(const RgbImage& image) {
  return cv::Mat(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.rgb.data()));
}

RgbImage from_rgb_mat(const cv::Mat& rgb) {
  RgbImage out;
  out.width = rgb.cols;
  out.height = rgb.rows;
  out.rgb.resize(std::size_t(3) * rgb.cols * rgb.rows);
  cv::Mat dst = as_mat(out);
  rgb.copyTo(dst);
  return out;
}

/// a * s + (255 - a) * 255, over 255, rounded: compositing over white in integers.
std::uint8_t over_white(int sample, int alpha) {
  return static_cast<std::uint8_t>((sample * alpha + 255 * (255 - alpha) + 127) / 255);
}

/// Any decoded Mat (1-4 channels, BGR order, 8 or 16 bits) to 8-bit RGB.
Result<RgbImage> to_rgb(cv::Mat m, std::string_view name) {
  if (m.depth() == CV_16U) {
    cv::Mat m8;
    m.convertTo(m8, CV_8U, 1.0 / 257.0);  // 65535 -> 255, rounded to nearest
    m = m8;
  } else if (m.depth() != CV_8U) {
    return Error{std::string(name) + ": unsupported sample type: expected 8 or 16 bits per sample"};
  }
  const int cn = m.channels();
  if (cn == 1) {
    cv::Mat rgb;
    cv::cvtColor(m, rgb, cv::COLOR_GRAY2RGB);
    return from_rgb_mat(rgb);
  }
  if (cn == 3) {
    cv::Mat rgb;
    cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB);
    return from_rgb_mat(rgb);
  }
  if (cn == 2 || cn == 4) {
    RgbImage out;
    out.width = m.cols;
    out.height = m.rows;
    out.rgb.resize(std::size_t(3) * m.cols * m.rows);
    for (int y = 0; y < m.rows; ++y) {
      const std::uint8_t* s = m.ptr<std::uint8_t>(y);
      std::uint8_t* d = out.pixel(0, y);
      for (int x = 0; x < m.cols; ++x, s += cn, d += 3) {
        if (cn == 2) {  // grey, alpha
          d[0] = d[1] = d[2] = over_white(s[0], s[1]);
        } else {  // B, G, R, alpha
          d[0] = over_white(s[2], s[3]);
          d[1] = over_white(s[1], s[3]);
          d[2] = over_white(s[0], s[3]);
        }
      }
    }
    return out;
  }
  return Error{std::string(name) + ": unsupported image: expected 1 to 4 channels, found " +
               std::to_string(cn)};
}

std::string dims(std::int64_t w, std::int64_t h) {
  return std::to_string(w) + "x" + std::to_string(h);
}

Result<std::string> encode(const RgbImage& image, const char* ext, const std::vector<int>& params,
                           std::string_view what) {
  if (image.empty() || image.rgb.size() != std::size_t(3) * image.width * image.height) {
    return Error{"encoding " + std::string(what) + ": expected a non-empty RGB image, found " +
                 dims(image.width, image.height) + " with " + std::to_string(image.rgb.size()) +
                 " bytes"};
  }
  try {
    cv::Mat bgr;
    cv::cvtColor(as_mat(image), bgr, cv::COLOR_RGB2BGR);
    std::vector<std::uint8_t> buf;
    const auto encoded = codecs::encode(ext, bgr, buf, params);
    if (!encoded) return Error{"encoding " + std::string(what) + ": " + encoded.error().message};
    if (!*encoded) return Error{"encoding " + std::string(what) + ": the encoder failed"};
    return std::string(buf.begin(), buf.end());
  } catch (const cv::Exception& e) {
    return Error{"encoding " + std::string(what) + ": " + e.err};
  } catch (const std::bad_alloc&) {
    return Error{"encoding " + std::string(what) + ": out of memory"};
  }
}

bool valid_spec_size(int w, int h) {
  constexpr int kMaxSide = 16384;
  return w > 0 && h > 0 && w <= kMaxSide && h <= kMaxSide;
}

}  // namespace

RgbImage RgbImage::filled(int width, int height, std::array<std::uint8_t, 3> colour) {
  RgbImage out;
  out.width = std::max(width, 0);
  out.height = std::max(height, 0);
  out.rgb.resize(std::size_t(3) * out.width * out.height);
  for (std::size_t i = 0; i < out.rgb.size(); i += 3)
    std::memcpy(&out.rgb[i], colour.data(), 3);
  return out;
}

Result<RgbImage> decode_image(std::string_view bytes, std::string_view name,
                              const DecodeLimits& limits) {
  // cv::Mat holds the bytes with an int length.
  const std::uint64_t max_bytes =
      std::min<std::uint64_t>(limits.max_file_bytes, std::numeric_limits<int>::max());
  if (bytes.size() > max_bytes) {
    return Error::from(message("image.too_big_encoded", name, bytes.size(), max_bytes));
  }
  auto header = read_image_header(bytes, name);
  if (!header) return header.error();
  const std::string fmt(format_name(header->format));
  // The limit applies before any decoder allocates: a few hundred bytes of PNG can claim
  // 100000 x 100000 pixels (30 GB as RGB).
  if (header->pixels() > limits.max_pixels) {
    return Error::from(message("image.too_many_pixels", name, fmt,
                               dims(header->width, header->height), header->pixels(),
                               limits.max_pixels));
  }
  if (auto complete = check_complete(bytes, *header, name); !complete) return complete.error();

  try {
    const cv::Mat buf(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
    // JPEG: IMREAD_COLOR applies the EXIF orientation (and JPEG has no alpha). The others:
    // IMREAD_UNCHANGED keeps alpha and 16-bit samples, which to_rgb converts properly
    // (IMREAD_COLOR would drop alpha, showing whatever colour transparent pixels hold).
    const int flags =
        header->format == ImageFormat::kJpeg ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED;
    const auto decoded = codecs::decode(buf, flags);
    if (!decoded) return prefixed(literal(std::string(name)), decoded.error());
    const cv::Mat& m = *decoded;
    if (m.empty()) {
      if (header->format == ImageFormat::kGif) {
        return Error::from(
            message("image.no_gif_decoder", name, dims(header->width, header->height)));
      }
      return Error::from(message("image.rejected", name, fmt, dims(header->width, header->height)));
    }
    if (std::int64_t{m.cols} * m.rows > limits.max_pixels) {  // the header lied
      return Error::from(
          message("image.decoded_too_big", name, fmt, dims(m.cols, m.rows), limits.max_pixels));
    }
    return to_rgb(m, name);
  } catch (const cv::Exception& e) {
    return Error::from(message("image.corrupt_or_unsupported", name, fmt, e.err));
  } catch (const std::bad_alloc&) {
    return Error::from(
        message("image.out_of_memory", name, fmt, dims(header->width, header->height)));
  }
}

Result<std::string> read_file_bytes(const std::filesystem::path& file, std::uint64_t max_bytes) {
  const std::string name = file.string();
  std::error_code ec;
  const auto st = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(st)) {
    return Error::from(message("file.cannot_open", name,
                               ec ? system_reason(ec.value()) : message("image.no_such_file")));
  }
  if (!std::filesystem::is_regular_file(st)) return Error::from(message("file.not_regular", name));
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) return Error::from(message("image.no_size", name, ec.message()));
  if (size > max_bytes) {
    return Error::from(message("image.too_big_file", name, size, max_bytes));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error::from(message("image.cannot_read", name));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    return Error::from(message("image.short_read", name, in.gcount(), size));
  }
  return bytes;
}

Result<RgbImage> load_image_file(const std::filesystem::path& file, const DecodeLimits& limits) {
  auto bytes = read_file_bytes(file, limits.max_file_bytes);
  if (!bytes) return bytes.error();
  return decode_image(*bytes, file.string(), limits);
}

Result<std::filesystem::path> resolve_image_path(const std::filesystem::path& root,
                                                 std::string_view relative) {
  if (relative.empty()) return Error::from(message("image.empty_path", root.string()));
  const std::filesystem::path rel(relative);
  if (rel.has_root_path()) {
    return Error::from(message("image.absolute_path", relative));
  }
  const std::filesystem::path norm = rel.lexically_normal();
  if (norm.empty() || *norm.begin() == "..") {
    return Error::from(message("image.leaves_root", relative, root.string()));
  }
  const std::filesystem::path file = root / norm;
  // Checked at every use, not only when the dataset was read: an image replaced since by a link
  // to a file elsewhere is refused, never read into a run or a report.
  std::error_code ec;
  if (std::filesystem::is_symlink(file, ec) || std::filesystem::exists(file, ec)) {
    const auto real = std::filesystem::weakly_canonical(file, ec);
    const auto real_root = std::filesystem::weakly_canonical(root, ec);
    const auto inside = real.lexically_relative(real_root);
    if (!ec && (inside.empty() || *inside.begin() == "..")) {
      return Error::from(message("image.link_outside", relative, root.string(), real.string()));
    }
  }
  return file;
}

Result<std::string> read_image_bytes(const ImageRef& ref, const std::filesystem::path& root,
                                     std::uint64_t max_bytes) {
  switch (ref.kind) {
    case ImageRef::Kind::kFile: {
      auto path = resolve_image_path(root, ref.path);
      if (!path) return path.error();
      return read_file_bytes(*path, max_bytes);
    }
    case ImageRef::Kind::kEmbedded:
      if (ref.bytes.size() > max_bytes) {
        return Error::from(message("image.embedded_too_big", ref.bytes.size(), max_bytes));
      }
      return ref.bytes;
    case ImageRef::Kind::kNone:
      break;
  }
  return Error::from(message("image.none"));
}

std::string image_name(const ImageRef& ref, const std::filesystem::path& root) {
  switch (ref.kind) {
    case ImageRef::Kind::kFile:
      return (root / ref.path).string();
    case ImageRef::Kind::kEmbedded:
      return "embedded image";
    case ImageRef::Kind::kNone:
      break;
  }
  return "no image";
}

Result<RgbImage> load_image(const ImageRef& ref, const std::filesystem::path& root,
                            const DecodeLimits& limits) {
  auto bytes = read_image_bytes(ref, root, limits.max_file_bytes);
  if (!bytes) return bytes.error();
  return decode_image(*bytes, image_name(ref, root), limits);
}

Result<std::string> encode_png(const RgbImage& image) {
  return encode(image, ".png", {cv::IMWRITE_PNG_COMPRESSION, 3}, "PNG");
}

Result<std::string> encode_jpeg(const RgbImage& image, int quality) {
  if (quality < 0 || quality > 100) {
    return Error{"encoding JPEG: expected a quality from 0 to 100, found " +
                 std::to_string(quality)};
  }
  return encode(image, ".jpg", {cv::IMWRITE_JPEG_QUALITY, quality}, "JPEG");
}

RgbImage resize_image(const RgbImage& image, int width, int height) {
  if (image.empty() || width <= 0 || height <= 0) return {};
  if (width == image.width && height == image.height) return image;
  RgbImage out = RgbImage::filled(width, height, {0, 0, 0});
  cv::Mat dst = as_mat(out);
  const bool shrinking = width <= image.width && height <= image.height;
  cv::resize(as_mat(image), dst, dst.size(), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
  return out;
}

RgbImage fit_within(const RgbImage& image, int max_side) {
  if (image.empty() || max_side <= 0) return {};
  const int longer = std::max(image.width, image.height);
  if (longer <= max_side) return image;
  const double s = double(max_side) / longer;
  const int w = std::clamp(int(std::lround(image.width * s)), 1, max_side);
  const int h = std::clamp(int(std::lround(image.height * s)), 1, max_side);
  return resize_image(image, w, h);
}

std::string_view to_string(ResizeMode mode) {
  switch (mode) {
    case ResizeMode::kStretch:
      return "stretch";
    case ResizeMode::kLetterbox:
      return "letterbox";
    case ResizeMode::kShorterSideCrop:
      return "crop";
  }
  return "stretch";
}

Result<ResizeMode> parse_resize_mode(std::string_view text) {
  if (text == "stretch") return ResizeMode::kStretch;
  if (text == "letterbox") return ResizeMode::kLetterbox;
  if (text == "crop" || text == "center_crop" || text == "centre_crop") {
    return ResizeMode::kShorterSideCrop;
  }
  return Error{"resize mode: expected stretch, letterbox or crop, found '" + std::string(text) +
               "'"};
}

Result<RgbImage> resize_for_model(const RgbImage& image, const PreprocessSpec& spec) {
  const int W = spec.width, H = spec.height;
  if (!valid_spec_size(W, H)) {
    return Error{"model input: expected a size from 1x1 to 16384x16384, found " + dims(W, H)};
  }
  if (image.empty() || image.rgb.size() != std::size_t(3) * image.width * image.height) {
    return Error{"model input: expected a non-empty RGB image, found " +
                 dims(image.width, image.height)};
  }
  const double sx = double(W) / image.width, sy = double(H) / image.height;
  try {
    switch (spec.mode) {
      case ResizeMode::kStretch:
        return resize_image(image, W, H);
      case ResizeMode::kLetterbox: {
        const double s = std::min(sx, sy);
        const int w = std::clamp(int(std::lround(image.width * s)), 1, W);
        const int h = std::clamp(int(std::lround(image.height * s)), 1, H);
        RgbImage out = RgbImage::filled(W, H, spec.pad);
        const RgbImage scaled = resize_image(image, w, h);
        const int x0 = (W - w) / 2, y0 = (H - h) / 2;
        for (int y = 0; y < h; ++y)
          std::memcpy(out.pixel(x0, y0 + y), scaled.pixel(0, y), std::size_t(3) * w);
        return out;
      }
      case ResizeMode::kShorterSideCrop: {
        const double s = std::max(sx, sy);
        const int w = std::max(int(std::lround(image.width * s)), W);
        const int h = std::max(int(std::lround(image.height * s)), H);
        const RgbImage scaled = resize_image(image, w, h);
        const int x0 = (w - W) / 2, y0 = (h - H) / 2;
        RgbImage out = RgbImage::filled(W, H, {0, 0, 0});
        for (int y = 0; y < H; ++y)
          std::memcpy(out.pixel(0, y), scaled.pixel(x0, y0 + y), std::size_t(3) * W);
        return out;
      }
    }
  } catch (const cv::Exception& e) {
    return Error{"model input: resizing " + dims(image.width, image.height) + " to " + dims(W, H) +
                 " failed: " + e.err};
  } catch (const std::bad_alloc&) {
    return Error{"model input: out of memory resizing to " + dims(W, H)};
  }
  return Error{"model input: unknown resize mode"};
}

Status preprocess_into(const RgbImage& image, const PreprocessSpec& spec, float* out) {
  for (int c = 0; c < 3; ++c) {
    if (!std::isfinite(spec.mean[c]) || !std::isfinite(spec.std[c]) || spec.std[c] == 0.0f) {
      return Error{"model input: expected finite mean and non-zero std, found mean[" +
                   std::to_string(c) + "] = " + std::to_string(spec.mean[c]) + ", std[" +
                   std::to_string(c) + "] = " + std::to_string(spec.std[c])};
    }
  }
  auto sized = resize_for_model(image, spec);
  if (!sized) return sized.error();
  const std::size_t plane = std::size_t(spec.width) * spec.height;
  const std::uint8_t* px = sized->rgb.data();
  for (int c = 0; c < 3; ++c) {
    const int src = spec.bgr ? 2 - c : c;
    // (v / 255 - mean) / std as one multiply-add per sample.
    const float scale = 1.0f / (255.0f * spec.std[c]);
    const float offset = -spec.mean[c] / spec.std[c];
    float* dst = out + c * plane;
    for (std::size_t i = 0; i < plane; ++i)
      dst[i] = float(px[3 * i + src]) * scale + offset;
  }
  return ok_status();
}

Result<std::vector<float>> preprocess(const RgbImage& image, const PreprocessSpec& spec) {
  if (!valid_spec_size(spec.width, spec.height)) {
    return Error{"model input: expected a size from 1x1 to 16384x16384, found " +
                 dims(spec.width, spec.height)};
  }
  std::vector<float> out(std::size_t(3) * spec.width * spec.height);
  if (auto st = preprocess_into(image, spec, out.data()); !st) return st.error();
  return out;
}

}  // namespace unveil::data
