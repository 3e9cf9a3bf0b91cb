#include "data/perturb.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace unveil::data;

namespace {

RgbImage image_of(int w, int h, std::vector<std::uint8_t> rgb) {
  RgbImage img;
  img.width = w;
  img.height = h;
  img.rgb = std::move(rgb);
  return img;
}

RgbImage apply(const RgbImage& img, std::string_view spec, std::uint64_t seed = 1) {
  auto p = parse_perturbation(spec);
  EXPECT_TRUE(p.ok()) << spec;
  auto r = apply_perturbation(img, *p, seed);
  EXPECT_TRUE(r.ok()) << spec << ": " << (r.ok() ? "" : r.error().message);
  EXPECT_TRUE(r.ok() && r->has_value()) << spec;
  return r.ok() && r->has_value() ? **r : RgbImage{};
}

RgbImage pattern(int w, int h) {
  RgbImage img = RgbImage::filled(w, h, {0, 0, 0});
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      img.pixel(x, y)[0] = std::uint8_t(x * 9);
      img.pixel(x, y)[1] = std::uint8_t(y * 13);
      img.pixel(x, y)[2] = std::uint8_t(128);
    }
  return img;
}

}  // namespace

TEST(PerturbSpec, ParsesAndPrintsEveryKind) {
  const std::pair<const char*, Perturbation> cases[] = {
      {"image", {PerturbationKind::kOriginal, 0}},
      {"text", {PerturbationKind::kNoImage, 0}},
      {"blank", {PerturbationKind::kBlank, 0}},
      {"noise:0.3", {PerturbationKind::kNoise, 0.3}},
      {"blur:2.5", {PerturbationKind::kBlur, 2.5}},
      {"occlude:0.25", {PerturbationKind::kOcclude, 0.25}},
      {"grey", {PerturbationKind::kGrey, 0}},
      {"jpeg:10", {PerturbationKind::kJpeg, 10}},
  };
  for (const auto& [spec, want] : cases) {
    auto p = parse_perturbation(spec);
    ASSERT_TRUE(p.ok()) << spec << ": " << p.error().message;
    EXPECT_EQ(*p, want) << spec;
    EXPECT_EQ(to_string(*p), spec);
  }
  EXPECT_EQ(parse_perturbation("gray")->kind, PerturbationKind::kGrey);
  EXPECT_EQ(to_string(*parse_perturbation("gray")), "grey");
  EXPECT_EQ(to_string(*parse_perturbation("noise:1")), "noise:1");
  EXPECT_EQ(to_string(*parse_perturbation("blur:100")), "blur:100");
}

TEST(PerturbSpec, BadSpecsAreErrorsSayingWhatWasExpected) {
  for (const char* bad :
       {"",          "noise",        "noise:",    "noise:abc",  "noise:-0.1", "noise:0",
        "noise:1.5", "noise:nan",    "noise:inf", "noise:0.3x", "blur:0",     "blur:101",
        "occlude:0", "occlude:1.01", "jpeg:0",    "jpeg:101",   "jpeg:50.5",  "jpeg:q",
        "grey:1",    "text:2",       "sharpen:1", "Noise:0.3",  " noise:0.3"}) {
    auto p = parse_perturbation(bad);
    EXPECT_FALSE(p.ok()) << "'" << bad << "' parsed";
    if (!p.ok()) {
      EXPECT_NE(p.error().message.find("expected"), std::string::npos) << p.error().message;
    }
  }
  EXPECT_NE(parse_perturbation("noise:2").error().message.find("(0, 1]"), std::string::npos);
  EXPECT_NE(parse_perturbation("jpeg:0").error().message.find("[1, 100]"), std::string::npos);
  EXPECT_NE(parse_perturbation("sharpen").error().message.find("noise:SIGMA"), std::string::npos);
  // A value built in code is checked the same way.
  EXPECT_FALSE(apply_perturbation(pattern(4, 4), {PerturbationKind::kNoise, -1}, 1).ok());
  EXPECT_FALSE(apply_perturbation(pattern(4, 4), {PerturbationKind::kJpeg, 30.5}, 1).ok());
}

TEST(Perturb, TextMeansNoImageAndImageMeansUnchanged) {
  auto none = apply_perturbation(pattern(4, 3), *parse_perturbation("text"), 7);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(apply(pattern(4, 3), "image"), pattern(4, 3));
  EXPECT_FALSE(apply_perturbation(RgbImage{}, *parse_perturbation("blank"), 1).ok());
}

TEST(Perturb, BlankIsTheMeanColourRounded) {
  // Means: R (0 + 255)/2 = 127.5 -> 128, G (0 + 101)/2 = 50.5 -> 51, B (0 + 3)/2 = 1.5 -> 2.
  const RgbImage img = image_of(2, 1, {0, 0, 0, 255, 101, 3});
  EXPECT_EQ(apply(img, "blank"), RgbImage::filled(2, 1, {128, 51, 2}));
}

TEST(Perturb, GreyIsBt601LumaInAllChannels) {
  // 0.299 R + 0.587 G + 0.114 B: 76.245 -> 76, 149.685 -> 150, 29.07 -> 29,
  // 2.99 + 11.74 + 3.42 = 18.15 -> 18.
  const RgbImage img = image_of(4, 1, {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30});
  EXPECT_EQ(apply(img, "grey").rgb,
            (std::vector<std::uint8_t>{76, 76, 76, 150, 150, 150, 29, 29, 29, 18, 18, 18}));
}

TEST(Perturb, NoiseIsSeededWithTheRequestedSpread) {
  const RgbImage grey = RgbImage::filled(64, 64, {128, 128, 128});
  const RgbImage a = apply(grey, "noise:0.1", 11);
  EXPECT_EQ(apply(grey, "noise:0.1", 11), a);  // same seed: byte-identical
  EXPECT_NE(apply(grey, "noise:0.1", 12), a);  // another seed: different
  // σ = 0.1 of the 0-1 range is 25.5 grey levels; 128 ± 4σ stays inside 0-255, so no clipping.
  double sum = 0, sq = 0;
  for (std::uint8_t v : a.rgb) {
    sum += v - 128.0;
    sq += (v - 128.0) * (v - 128.0);
  }
  const double n = double(a.rgb.size());
  EXPECT_NEAR(sum / n, 0.0, 1.0);
  EXPECT_NEAR(std::sqrt(sq / n), 25.5, 25.5 * 0.05);
  // On black, values below zero are clipped: about half the samples become 0.
  const RgbImage black = apply(RgbImage::filled(64, 64, {0, 0, 0}), "noise:0.5", 3);
  const double zeros = double(std::count(black.rgb.begin(), black.rgb.end(), 0)) / n;
  EXPECT_GT(zeros, 0.45);
  EXPECT_LT(zeros, 0.56);
}

TEST(Perturb, BlurSpreadsAnImpulseSymmetrically) {
  RgbImage img = RgbImage::filled(9, 9, {0, 0, 0});
  img.pixel(4, 4)[0] = 255;
  const RgbImage b = apply(img, "blur:1", 1);
  EXPECT_EQ(apply(img, "blur:1", 99), b);  // no randomness: the seed changes nothing
  EXPECT_LT(b.pixel(4, 4)[0], 255);
  EXPECT_GT(b.pixel(3, 4)[0], 0);
  EXPECT_EQ(b.pixel(3, 4)[0], b.pixel(5, 4)[0]);
  EXPECT_EQ(b.pixel(3, 4)[0], b.pixel(4, 3)[0]);
  EXPECT_EQ(b.pixel(3, 4)[0], b.pixel(4, 5)[0]);
  EXPECT_EQ(b.pixel(4, 4)[1], 0);  // channels stay apart
  const RgbImage flat = RgbImage::filled(5, 3, {10, 20, 30});
  EXPECT_EQ(apply(flat, "blur:3"), flat);
  EXPECT_EQ(apply(RgbImage::filled(1, 1, {5, 6, 7}), "blur:100"),
            RgbImage::filled(1, 1, {5, 6, 7}));
}

TEST(Perturb, OccludeCoversTheFractionAtASeededPlace) {
  const RgbImage black = RgbImage::filled(20, 10, {0, 0, 0});
  // 0.18 of 200 pixels = 36: a 6 x 6 square of (128, 128, 128).
  std::set<std::pair<int, int>> corners;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const RgbImage o = apply(black, "occlude:0.18", seed);
    EXPECT_EQ(apply(black, "occlude:0.18", seed), o);
    int count = 0, min_x = 99, min_y = 99, max_x = -1, max_y = -1;
    for (int y = 0; y < 10; ++y)
      for (int x = 0; x < 20; ++x) {
        const std::uint8_t* p = o.pixel(x, y);
        if (p[0] == 0) continue;
        EXPECT_TRUE(p[0] == 128 && p[1] == 128 && p[2] == 128);
        ++count;
        min_x = std::min(min_x, x), max_x = std::max(max_x, x);
        min_y = std::min(min_y, y), max_y = std::max(max_y, y);
      }
    EXPECT_EQ(count, 36);
    EXPECT_EQ(max_x - min_x, 5);
    EXPECT_EQ(max_y - min_y, 5);
    corners.insert({min_x, min_y});
  }
  EXPECT_GT(corners.size(), 1u);  // different seeds, different places
  // A square cannot exceed the shorter side: fraction 1 of 20 x 10 covers 10 x 10.
  const RgbImage all = apply(black, "occlude:1", 5);
  EXPECT_EQ(std::count(all.rgb.begin(), all.rgb.end(), 128), 3 * 100);
}

TEST(Perturb, JpegReencodingIsDeterministicAndLossy) {
  const RgbImage img = pattern(32, 32);
  const RgbImage q10 = apply(img, "jpeg:10", 1);
  EXPECT_EQ(apply(img, "jpeg:10", 2), q10);
  EXPECT_EQ(q10.width, 32);
  EXPECT_EQ(q10.height, 32);
  auto mean_abs_diff = [&](const RgbImage& o) {
    double d = 0;
    for (std::size_t i = 0; i < img.rgb.size(); ++i)
      d += std::abs(int(img.rgb[i]) - int(o.rgb[i]));
    return d / double(img.rgb.size());
  };
  const double d10 = mean_abs_diff(q10), d100 = mean_abs_diff(apply(img, "jpeg:100"));
  EXPECT_GT(d10, 0.0);
  EXPECT_LT(d100, d10);
  EXPECT_LT(d10, 40.0);
}
