#include "data/perturb.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <new>
#include <numbers>

#include "util/random.h"

namespace unveil::data {
namespace {

struct KindInfo {
  PerturbationKind kind;
  std::string_view name;
  bool has_amount;
};

constexpr KindInfo kKinds[] = {
    {PerturbationKind::kOriginal, "image", false}, {PerturbationKind::kNoImage, "text", false},
    {PerturbationKind::kBlank, "blank", false},    {PerturbationKind::kNoise, "noise", true},
    {PerturbationKind::kBlur, "blur", true},       {PerturbationKind::kOcclude, "occlude", true},
    {PerturbationKind::kGrey, "grey", false},      {PerturbationKind::kJpeg, "jpeg", true},
};

constexpr std::string_view kAllSpecs =
    "image, text, blank, noise:SIGMA, blur:SIGMA, occlude:FRACTION, grey or jpeg:QUALITY";

Error bad_spec(std::string_view spec, const std::string& what) {
  return Error{"perturbation '" + std::string(spec) + "': " + what};
}

cv::Mat as_mat(RgbImage& image) {
  return cv::Mat(image.height, image.width, CV_8UC3, image.rgb.data());
}

std::uint8_t clamp_round(double v) {
  return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

RgbImage blank(const RgbImage& image) {
  std::uint64_t sum[3] = {0, 0, 0};
  for (std::size_t i = 0; i < image.rgb.size(); i += 3)
    for (int c = 0; c < 3; ++c)
      sum[c] += image.rgb[i + c];
  const std::uint64_t n = std::uint64_t(image.width) * image.height;
  std::array<std::uint8_t, 3> mean{};
  for (int c = 0; c < 3; ++c)
    mean[c] = static_cast<std::uint8_t>((sum[c] + n / 2) / n);  // rounded half up
  return RgbImage::filled(image.width, image.height, mean);
}

RgbImage noise(const RgbImage& image, double sigma, std::uint64_t seed) {
  RgbImage out = image;
  Xoshiro256 rng(seed);
  const double scale = 255.0 * sigma;
  double spare = 0;
  bool have_spare = false;
  for (std::uint8_t& v : out.rgb) {
    double z;
    if (have_spare) {
      z = spare;
    } else {  // Box-Muller: two independent standard normals from two uniforms
      const double u1 = 1.0 - rng.uniform();  // (0, 1]: log stays finite
      const double u2 = rng.uniform();
      const double r = std::sqrt(-2.0 * std::log(u1));
      z = r * std::cos(2.0 * std::numbers::pi * u2);
      spare = r * std::sin(2.0 * std::numbers::pi * u2);
    }
    have_spare = !have_spare;
    v = clamp_round(v + scale * z);
  }
  return out;
}

RgbImage blur(const RgbImage& image, double sigma) {
  RgbImage out = image;
  cv::Mat dst = as_mat(out);
  cv::GaussianBlur(as_mat(const_cast<RgbImage&>(image)), dst, cv::Size(0, 0), sigma, sigma,
                   cv::BORDER_REFLECT_101);
  return out;
}

RgbImage occlude(const RgbImage& image, double fraction, std::uint64_t seed) {
  RgbImage out = image;
  const double area = fraction * image.width * image.height;
  const int side =
      std::clamp(int(std::lround(std::sqrt(area))), 1, std::min(image.width, image.height));
  Xoshiro256 rng(seed);
  const int x0 = int(rng.below(std::uint64_t(image.width) - side + 1));
  const int y0 = int(rng.below(std::uint64_t(image.height) - side + 1));
  for (int y = y0; y < y0 + side; ++y)
    std::fill_n(out.pixel(x0, y), std::size_t(3) * side, std::uint8_t{128});
  return out;
}

RgbImage grey(const RgbImage& image) {
  RgbImage out = image;
  for (std::size_t i = 0; i < out.rgb.size(); i += 3) {
    // ITU-R BT.601 luma, rounded: (299 R + 587 G + 114 B) / 1000.
    const unsigned y =
        (299u * out.rgb[i] + 587u * out.rgb[i + 1] + 114u * out.rgb[i + 2] + 500u) / 1000u;
    out.rgb[i] = out.rgb[i + 1] = out.rgb[i + 2] = static_cast<std::uint8_t>(y);
  }
  return out;
}

Result<RgbImage> jpeg(const RgbImage& image, int quality) {
  auto bytes = encode_jpeg(image, quality);
  if (!bytes) return bytes.error();
  return decode_image(*bytes, "JPEG re-encoded at quality " + std::to_string(quality));
}

}  // namespace

Result<Perturbation> parse_perturbation(std::string_view spec) {
  const std::size_t colon = spec.find(':');
  const std::string_view name = spec.substr(0, colon);
  const std::string_view arg =
      colon == std::string_view::npos ? std::string_view() : spec.substr(colon + 1);
  const KindInfo* info = nullptr;
  for (const KindInfo& k : kKinds)
    if (k.name == name || (name == "gray" && k.kind == PerturbationKind::kGrey)) info = &k;
  if (info == nullptr) {
    return bad_spec(
        spec, "expected one of " + std::string(kAllSpecs) + ", found '" + std::string(name) + "'");
  }
  if (!info->has_amount) {
    if (colon != std::string_view::npos) {
      return bad_spec(spec, "expected '" + std::string(info->name) +
                                "' without a parameter, found ':" + std::string(arg) + "'");
    }
    return Perturbation{info->kind, 0.0};
  }
  if (arg.empty()) {
    return bad_spec(spec, "expected a parameter, as in '" + std::string(info->name) + ":" +
                              (info->kind == PerturbationKind::kJpeg      ? "30"
                               : info->kind == PerturbationKind::kOcclude ? "0.25"
                                                                          : "0.3") +
                              "'");
  }
  double value = 0;
  const char* end = arg.data() + arg.size();
  std::from_chars_result r{};
  if (info->kind == PerturbationKind::kJpeg) {
    int q = 0;
    r = std::from_chars(arg.data(), end, q);
    value = q;
  } else {
    r = std::from_chars(arg.data(), end, value);
  }
  if (r.ec != std::errc() || r.ptr != end || !std::isfinite(value)) {
    return bad_spec(spec, std::string("expected ") +
                              (info->kind == PerturbationKind::kJpeg ? "an integer" : "a number") +
                              " after ':', found '" + std::string(arg) + "'");
  }
  double lo = 0, hi = 1;
  bool lo_open = true;
  std::string_view what = "σ";
  switch (info->kind) {
    case PerturbationKind::kNoise:
      break;
    case PerturbationKind::kBlur:
      hi = 100;
      break;
    case PerturbationKind::kOcclude:
      what = "area fraction";
      break;
    case PerturbationKind::kJpeg:
      lo = 1, hi = 100, lo_open = false, what = "quality";
      break;
    default:
      break;
  }
  if ((lo_open ? value <= lo : value < lo) || value > hi) {
    char lo_s[32], hi_s[32];
    *std::to_chars(lo_s, lo_s + 31, lo).ptr = '\0';
    *std::to_chars(hi_s, hi_s + 31, hi).ptr = '\0';
    return bad_spec(spec, "expected " + std::string(info->name) + " " + std::string(what) + " in " +
                              (lo_open ? "(" : "[") + lo_s + ", " + hi_s + "], found " +
                              std::string(arg));
  }
  return Perturbation{info->kind, value};
}

std::string to_string(const Perturbation& p) {
  for (const KindInfo& k : kKinds) {
    if (k.kind != p.kind) continue;
    if (!k.has_amount) return std::string(k.name);
    char buf[32];
    // Shortest form that reads back to the same double.
    const auto r = std::to_chars(buf, buf + sizeof buf, p.amount);
    return std::string(k.name) + ":" + std::string(buf, r.ptr);
  }
  return "image";
}

Result<std::optional<RgbImage>> apply_perturbation(const RgbImage& image, const Perturbation& p,
                                                   std::uint64_t seed) {
  using R = Result<std::optional<RgbImage>>;
  if (p.kind == PerturbationKind::kNoImage) return R(std::optional<RgbImage>());
  // One definition of the valid ranges: a value built in code is checked as if it were parsed.
  if (auto valid = parse_perturbation(to_string(p)); !valid) return valid.error();
  if (image.empty() || image.rgb.size() != std::size_t(3) * image.width * image.height) {
    return Error{"perturbation " + to_string(p) + ": expected a non-empty RGB image, found " +
                 std::to_string(image.width) + "x" + std::to_string(image.height)};
  }
  try {
    switch (p.kind) {
      case PerturbationKind::kOriginal:
        return R(std::optional<RgbImage>(image));
      case PerturbationKind::kNoImage:
        break;
      case PerturbationKind::kBlank:
        return R(std::optional<RgbImage>(blank(image)));
      case PerturbationKind::kNoise:
        return R(std::optional<RgbImage>(noise(image, p.amount, seed)));
      case PerturbationKind::kBlur:
        return R(std::optional<RgbImage>(blur(image, p.amount)));
      case PerturbationKind::kOcclude:
        return R(std::optional<RgbImage>(occlude(image, p.amount, seed)));
      case PerturbationKind::kGrey:
        return R(std::optional<RgbImage>(grey(image)));
      case PerturbationKind::kJpeg: {
        auto out = jpeg(image, static_cast<int>(std::lround(p.amount)));
        if (!out) return out.error();
        return R(std::optional<RgbImage>(std::move(out).value()));
      }
    }
  } catch (const cv::Exception& e) {
    return Error{"perturbation " + to_string(p) + ": " + e.err};
  } catch (const std::bad_alloc&) {
    return Error{"perturbation " + to_string(p) + ": out of memory"};
  }
  return R(std::optional<RgbImage>());
}

}  // namespace unveil::data
