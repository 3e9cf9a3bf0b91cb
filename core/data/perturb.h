// Image perturbations for separating text from image uncertainty (docs/ANALYSES.md, "Text versus
// image uncertainty"): the same items run with the image, without it, and with a degraded image.
// Each is deterministic for a seed; those that draw random numbers (noise, occlude) differ between
// seeds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "data/image.h"
#include "util/result.h"

namespace unveil::data {

enum class PerturbationKind : std::uint8_t {
  kOriginal,  ///< "image": the image unchanged
  kNoImage,   ///< "text": no image at all (the caller runs the model text-only)
  kBlank,     ///< "blank": every pixel the image's mean colour
  kNoise,     ///< "noise:σ": additive Gaussian noise, σ in units of the 0-1 intensity range
  kBlur,      ///< "blur:σ": Gaussian blur, σ in pixels
  kOcclude,   ///< "occlude:f": a grey square covering the fraction f of the area
  kGrey,      ///< "grey": luma (BT.601) in all three channels
  kJpeg,      ///< "jpeg:q": re-encoded as JPEG at quality q (1-100)
};

struct Perturbation {
  PerturbationKind kind = PerturbationKind::kOriginal;
  double amount = 0;  ///< σ (noise, blur), area fraction (occlude), quality (jpeg); else 0

  bool operator==(const Perturbation&) const = default;
};

/// Parses "image", "text", "blank", "noise:0.3", "blur:2", "occlude:0.25", "grey" (or "gray"),
/// "jpeg:10". Ranges: noise σ in (0, 1], blur σ in (0, 100], occlude fraction in (0, 1], jpeg
/// quality an integer in [1, 100]. Errors name the spec, what was expected and what was found.
Result<Perturbation> parse_perturbation(std::string_view spec);

/// The canonical spec, which parse_perturbation reads back to the same value ("noise:0.3").
std::string to_string(const Perturbation& p);

/// The perturbed image, or no image for kNoImage. Noise draws from xoshiro256** seeded with
/// `seed` (Box-Muller normals), not from the standard library's distributions, whose output
/// differs between implementations; the occluding square's position comes from the same generator.
/// Occlude: side round(sqrt(f*w*h)), at most the shorter side, filled with (128, 128, 128).
Result<std::optional<RgbImage>> apply_perturbation(const RgbImage& image, const Perturbation& p,
                                                   std::uint64_t seed);

}  // namespace unveil::data
