#include "data/image.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "data/image_header.h"
#include "image_test_util.h"
#include "util/random.h"

using namespace unveil::data;
using unveil::Result;
using unveil::test::cv_encode;
using unveil::test::TempDir;
using unveil::test::write_file;

namespace {

/// 8-bit BGR test picture whose pixels are all different (so encoders cannot shrink it to nothing).
cv::Mat gradient(int w, int h) {
  cv::Mat m(h, w, CV_8UC3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      m.at<cv::Vec3b>(y, x) =
          cv::Vec3b(static_cast<std::uint8_t>(x * 7 + y), static_cast<std::uint8_t>(y * 11),
                    static_cast<std::uint8_t>((x * y) % 256));
  return m;
}

std::vector<std::uint8_t> rgb_of(const RgbImage& img) {
  return img.rgb;
}

std::string error_of(const Result<RgbImage>& r) {
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::string() : r.error().message;
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

void put_be32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i)
    s[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

/// An APP1 segment carrying a big-endian EXIF block with one tag: Orientation (0x0112) = value.
std::string exif_orientation_segment(std::uint16_t value) {
  std::string payload("Exif\0\0", 6);
  payload += std::string("MM\0\x2A\0\0\0\x08", 8);        // TIFF header, first IFD at offset 8
  payload += std::string("\0\x01", 2);                    // one entry
  payload += std::string("\x01\x12\0\x03\0\0\0\x01", 8);  // tag 0x0112, type SHORT, count 1
  payload += static_cast<char>(value >> 8);
  payload += static_cast<char>(value & 0xFF);
  payload += std::string("\0\0", 2);      // value padding
  payload += std::string("\0\0\0\0", 4);  // no next IFD
  const std::size_t len = payload.size() + 2;
  return std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 0xFF) +
         payload;
}

}  // namespace

// ---- Headers, read without decoding ----------------------------------------------------------

TEST(ImageHeader, ReadsDimensionsOfEveryFormat) {
  const cv::Mat m = gradient(7, 5);
  const std::pair<const char*, ImageFormat> cases[] = {{".png", ImageFormat::kPng},
                                                       {".jpg", ImageFormat::kJpeg},
                                                       {".bmp", ImageFormat::kBmp},
                                                       {".webp", ImageFormat::kWebp}};
  for (const auto& [ext, format] : cases) {
    const std::string bytes = cv_encode(m, ext);
    ASSERT_FALSE(bytes.empty()) << ext;
    auto h = read_image_header(bytes, ext);
    ASSERT_TRUE(h.ok()) << h.error().message;
    EXPECT_EQ(h->format, format) << ext;
    EXPECT_EQ(h->width, 7) << ext;
    EXPECT_EQ(h->height, 5) << ext;
  }
  // WebP lossless (quality above 100) uses the VP8L chunk.
  const std::string lossless = cv_encode(m, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101});
  ASSERT_EQ(lossless.substr(12, 4), "VP8L");
  auto h = read_image_header(lossless, "l.webp");
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->width, 7);
  EXPECT_EQ(h->height, 5);
}

TEST(ImageHeader, HandMadeGifWebpExtendedAndTopDownBmp) {
  // GIF: logical screen 300 x 2 (little-endian).
  auto gif = read_image_header(std::string("GIF89a\x2C\x01\x02\x00\x00\x00\x00", 13), "a.gif");
  ASSERT_TRUE(gif.ok()) << gif.error().message;
  EXPECT_EQ(gif->format, ImageFormat::kGif);
  EXPECT_EQ(gif->width, 300);
  EXPECT_EQ(gif->height, 2);
  // WebP VP8X: canvas width-1 = 0x0003FF (1024), height-1 = 0x000001 (2), 24-bit little-endian.
  std::string vp8x("RIFF\x16\0\0\0WEBPVP8X\x0A\0\0\0\0\0\0\0\xFF\x03\x00\x01\x00\x00", 30);
  auto webp = read_image_header(vp8x, "x.webp");
  ASSERT_TRUE(webp.ok()) << webp.error().message;
  EXPECT_EQ(webp->width, 1024);
  EXPECT_EQ(webp->height, 2);
  // BMP stored top-down has a negative height.
  std::string bmp = cv_encode(gradient(3, 4), ".bmp");
  const std::int32_t minus4 = -4;
  std::memcpy(&bmp[22], &minus4, 4);  // little-endian host
  auto h = read_image_header(bmp, "t.bmp");
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->height, 4);
}

TEST(ImageHeader, BrokenHeadersAreErrors) {
  const std::string png = cv_encode(gradient(4, 4), ".png");
  EXPECT_TRUE(contains(read_image_header(png.substr(0, 20), "p.png").error().message,
                       "p.png: corrupt or truncated PNG"));
  EXPECT_TRUE(contains(read_image_header("", "e.png").error().message, "empty"));
  EXPECT_TRUE(
      contains(read_image_header("hello world", "h.txt").error().message, "unknown image format"));
  std::string zero = png;
  put_be32(zero, 16, 0);
  EXPECT_TRUE(contains(read_image_header(zero, "z.png").error().message, "found 0x4"));
  // JPEG with no frame header before its end.
  EXPECT_TRUE(
      contains(read_image_header(std::string("\xFF\xD8\xFF\xD9", 4), "j.jpg").error().message,
               "frame header"));
}

// ---- Decoding ----------------------------------------------------------------------------------

TEST(ImageDecode, PngToRgbInTheRightChannelOrder) {
  cv::Mat m(1, 2, CV_8UC3);
  m.at<cv::Vec3b>(0, 0) = cv::Vec3b(10, 20, 30);  // B, G, R
  m.at<cv::Vec3b>(0, 1) = cv::Vec3b(0, 0, 255);
  auto img = decode_image(cv_encode(m, ".png"), "two.png");
  ASSERT_TRUE(img.ok()) << img.error().message;
  EXPECT_EQ(img->width, 2);
  EXPECT_EQ(img->height, 1);
  EXPECT_EQ(rgb_of(*img), (std::vector<std::uint8_t>{30, 20, 10, 255, 0, 0}));
}

TEST(ImageDecode, GreyBecomesThreeEqualChannels) {
  cv::Mat m(1, 3, CV_8UC1);
  m.at<std::uint8_t>(0, 0) = 0;
  m.at<std::uint8_t>(0, 1) = 128;
  m.at<std::uint8_t>(0, 2) = 255;
  for (const char* ext : {".png", ".bmp"}) {
    auto img = decode_image(cv_encode(m, ext), ext);
    ASSERT_TRUE(img.ok()) << img.error().message;
    EXPECT_EQ(rgb_of(*img), (std::vector<std::uint8_t>{0, 0, 0, 128, 128, 128, 255, 255, 255}))
        << ext;
  }
}

TEST(ImageDecode, SixteenBitScaledToEightBits) {
  // 16-bit v maps to v / 257: 65535 -> 255, 25700 -> 100, 32896 -> 128, 0 -> 0.
  cv::Mat m(1, 2, CV_16UC3);
  m.at<cv::Vec3w>(0, 0) = cv::Vec3w(0, 25700, 65535);  // B, G, R
  m.at<cv::Vec3w>(0, 1) = cv::Vec3w(32896, 32896, 32896);
  auto img = decode_image(cv_encode(m, ".png"), "deep.png");
  ASSERT_TRUE(img.ok()) << img.error().message;
  EXPECT_EQ(rgb_of(*img), (std::vector<std::uint8_t>{255, 100, 0, 128, 128, 128}));

  cv::Mat g(1, 1, CV_16UC1, cv::Scalar(25700));
  auto grey = decode_image(cv_encode(g, ".png"), "deep-grey.png");
  ASSERT_TRUE(grey.ok()) << grey.error().message;
  EXPECT_EQ(rgb_of(*grey), (std::vector<std::uint8_t>{100, 100, 100}));
}

TEST(ImageDecode, AlphaIsCompositedOverWhite) {
  cv::Mat m(1, 3, CV_8UC4);
  m.at<cv::Vec4b>(0, 0) = cv::Vec4b(0, 0, 255, 0);    // red, fully transparent -> white
  m.at<cv::Vec4b>(0, 1) = cv::Vec4b(0, 0, 255, 255);  // red, opaque -> red
  m.at<cv::Vec4b>(0, 2) = cv::Vec4b(0, 0, 255, 128);  // red at 128/255 over white
  auto img = decode_image(cv_encode(m, ".png"), "alpha.png");
  ASSERT_TRUE(img.ok()) << img.error().message;
  // Half-transparent: R = 255; G = B = 255 * (1 - 128/255) = 127.
  EXPECT_EQ(rgb_of(*img), (std::vector<std::uint8_t>{255, 255, 255, 255, 0, 0, 255, 127, 127}));
}

TEST(ImageDecode, JpegBmpAndWebp) {
  const cv::Mat m(8, 8, CV_8UC3, cv::Scalar(50, 100, 200));  // B, G, R
  for (const char* ext : {".jpg", ".bmp", ".webp"}) {
    auto img = decode_image(cv_encode(m, ext), ext);
    ASSERT_TRUE(img.ok()) << ext << ": " << img.error().message;
    EXPECT_EQ(img->width, 8);
    EXPECT_EQ(img->height, 8);
    const std::uint8_t* p = img->pixel(3, 3);
    EXPECT_NEAR(p[0], 200, 4) << ext;  // lossy codecs: near
    EXPECT_NEAR(p[1], 100, 4) << ext;
    EXPECT_NEAR(p[2], 50, 4) << ext;
  }
  auto lossless =
      decode_image(cv_encode(gradient(5, 3), ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}), "l.webp");
  ASSERT_TRUE(lossless.ok()) << lossless.error().message;
  auto png = decode_image(cv_encode(gradient(5, 3), ".png"), "g.png");
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(*lossless, *png);
}

TEST(ImageDecode, ExifOrientationSixRotatesClockwise) {
  // 16 x 8, left half red, right half blue. Orientation 6 means "rotate 90 degrees clockwise to
  // display": the left edge becomes the top, so the shown image is 8 x 16, red above blue.
  cv::Mat m(8, 16, CV_8UC3, cv::Scalar(255, 0, 0));
  m(cv::Rect(0, 0, 8, 8)).setTo(cv::Scalar(0, 0, 255));
  const std::string plain = cv_encode(m, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
  ASSERT_EQ(plain.substr(0, 2), "\xFF\xD8");
  const std::string rotated = plain.substr(0, 2) + exif_orientation_segment(6) + plain.substr(2);

  auto header = read_image_header(rotated, "r.jpg");
  ASSERT_TRUE(header.ok()) << header.error().message;
  EXPECT_EQ(header->width, 16);  // the header gives the stored size
  EXPECT_EQ(header->height, 8);

  auto img = decode_image(rotated, "r.jpg");
  ASSERT_TRUE(img.ok()) << img.error().message;
  EXPECT_EQ(img->width, 8);
  EXPECT_EQ(img->height, 16);
  const std::uint8_t* top = img->pixel(4, 3);
  const std::uint8_t* bottom = img->pixel(4, 12);
  EXPECT_GT(top[0], 200);  // red
  EXPECT_LT(top[2], 60);
  EXPECT_LT(bottom[0], 60);  // blue
  EXPECT_GT(bottom[2], 200);

  auto upright = decode_image(plain, "u.jpg");
  ASSERT_TRUE(upright.ok());
  EXPECT_EQ(upright->width, 16);
  EXPECT_EQ(upright->height, 8);
}

// ---- Limits and broken input -----------------------------------------------------------------

TEST(ImageDecode, HugeDimensionsAreRefusedBeforeDecoding) {
  std::string png = cv_encode(gradient(4, 4), ".png");
  put_be32(png, 16, 100000);
  put_be32(png, 20, 100000);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = decode_image(png, "bomb.png");
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  const std::string e = error_of(r);
  EXPECT_TRUE(contains(e, "bomb.png")) << e;
  EXPECT_TRUE(contains(e, "100000x100000")) << e;
  EXPECT_TRUE(contains(e, "limit")) << e;
  EXPECT_LT(ms, 1000);

  // The same through a file, and a JPEG whose frame header claims 60000 x 60000.
  TempDir dir;
  write_file(dir.path() / "bomb.png", png);
  EXPECT_TRUE(contains(error_of(load_image_file(dir.path() / "bomb.png")), "100000x100000"));
  std::string jpg = cv_encode(gradient(4, 4), ".jpg");
  const std::size_t sof = jpg.find("\xFF\xC0");
  ASSERT_NE(sof, std::string::npos);
  jpg[sof + 5] = jpg[sof + 7] = '\xEA';  // 0xEA60 = 60000
  jpg[sof + 6] = jpg[sof + 8] = '\x60';
  EXPECT_TRUE(contains(error_of(decode_image(jpg, "bomb.jpg")), "60000x60000"));
}

TEST(ImageDecode, PixelLimitIsConfigurable) {
  const std::string png = cv_encode(gradient(10, 10), ".png");
  DecodeLimits limits;
  limits.max_pixels = 99;
  EXPECT_TRUE(contains(error_of(decode_image(png, "ten.png", limits)), "10x10"));
  limits.max_pixels = 100;
  EXPECT_TRUE(decode_image(png, "ten.png", limits).ok());
  limits.max_file_bytes = 10;
  EXPECT_TRUE(contains(error_of(decode_image(png, "ten.png", limits)), "bytes"));
}

TEST(ImageDecode, EveryTruncationIsAnErrorNeverACrash) {
  const cv::Mat m = gradient(32, 24);
  for (const char* ext : {".png", ".jpg", ".bmp", ".webp"}) {
    const std::string full = cv_encode(m, ext);
    ASSERT_TRUE(decode_image(full, ext).ok()) << ext;
    for (std::size_t n = 0; n < full.size(); ++n) {
      auto r = decode_image(std::string_view(full).substr(0, n), ext);
      ASSERT_FALSE(r.ok()) << ext << " cut at " << n << " of " << full.size();
    }
  }
  const std::string png = cv_encode(m, ".png");
  const std::string e = error_of(decode_image(png.substr(0, png.size() / 2), "half.png"));
  EXPECT_TRUE(contains(e, "half.png: corrupt or truncated PNG")) << e;
  const std::string jpg = cv_encode(m, ".jpg");
  const std::string ej = error_of(decode_image(jpg.substr(0, jpg.size() - 10), "cut.jpg"));
  EXPECT_TRUE(contains(ej, "cut.jpg: corrupt or truncated JPEG")) << ej;
}

TEST(ImageDecode, CorruptPixelDataIsAnError) {
  std::string png = cv_encode(gradient(32, 24), ".png");
  const std::size_t idat = png.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  png[idat + 10] = static_cast<char>(png[idat + 10] ^ 0x5A);  // the chunk's CRC no longer matches
  const std::string e = error_of(decode_image(png, "bad.png"));
  EXPECT_TRUE(contains(e, "bad.png: corrupt or truncated PNG")) << e;
}

TEST(ImageDecode, RandomAndFlippedBytesNeverCrash) {
  unveil::Xoshiro256 rng(42);
  std::string noise(4096, '\0');
  for (char& c : noise)
    c = static_cast<char>(rng.below(256));
  EXPECT_TRUE(contains(error_of(decode_image(noise, "noise.bin")), "unknown image format"));
  // Behind a valid signature, the bytes reach each format's checks.
  for (const std::string& sig :
       {std::string("\x89PNG\r\n\x1a\n"), std::string("\xFF\xD8\xFF"), std::string("BM"),
        std::string("GIF89a"), std::string("RIFF\0\0\0\0WEBP", 12)}) {
    EXPECT_FALSE(decode_image(sig + noise, "sig").ok());
  }
  // Random byte flips in valid files: any outcome but a crash or an exception; a decoded image
  // stays within the limits.
  for (const char* ext : {".png", ".jpg", ".bmp", ".webp"}) {
    const std::string full = cv_encode(gradient(16, 16), ext);
    for (int trial = 0; trial < 60; ++trial) {
      std::string b = full;
      for (int k = 0; k < 3; ++k)
        b[rng.below(b.size())] = static_cast<char>(rng.below(256));
      auto r = decode_image(b, ext);
      if (r.ok()) {
        EXPECT_LE(std::int64_t{r->width} * r->height, kDefaultMaxPixels);
      }
    }
  }
}

TEST(ImageDecode, GifIsRecognisedEvenWithoutADecoder) {
  // A 1x1 GIF89a (hand-assembled: header, colour table, image descriptor, LZW data, trailer).
  const std::string gif(
      "GIF89a\x01\x00\x01\x00\x80\x00\x00\xFF\xFF\xFF\x00\x00\x00"
      ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;",
      35);
  auto r = decode_image(gif, "one.gif");
  if (!r.ok()) {
    EXPECT_TRUE(contains(r.error().message, "GIF")) << r.error().message;
  } else {
    EXPECT_EQ(r->width, 1);
  }
}

TEST(ImageDecode, EmptyMissingAndDirectoryFiles) {
  TempDir dir;
  write_file(dir.path() / "empty.png", "");
  EXPECT_TRUE(contains(error_of(load_image_file(dir.path() / "empty.png")), "empty"));
  const std::string missing = error_of(load_image_file(dir.path() / "missing.png"));
  EXPECT_TRUE(contains(missing, "missing.png: cannot open")) << missing;
  EXPECT_TRUE(contains(error_of(load_image_file(dir.path())), "not a regular file"));
}

TEST(ImageLoad, ImageRefsResolveInsideTheRootOnly) {
  TempDir dir;
  const std::string png = cv_encode(gradient(3, 2), ".png");
  write_file(dir.path() / "img" / "a.png", png);
  ImageRef file{ImageRef::Kind::kFile, "img/a.png", {}};
  auto a = load_image(file, dir.path());
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->width, 3);
  ImageRef embedded{ImageRef::Kind::kEmbedded, {}, png};
  auto b = load_image(embedded, dir.path());
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(*a, *b);

  ImageRef escape{ImageRef::Kind::kFile, "img/../../a.png", {}};
  EXPECT_TRUE(contains(error_of(load_image(escape, dir.path())), "leaves the dataset root"));
  ImageRef absolute{ImageRef::Kind::kFile, (dir.path() / "img" / "a.png").string(), {}};
  EXPECT_TRUE(contains(error_of(load_image(absolute, dir.path())), "absolute"));
  EXPECT_TRUE(contains(error_of(load_image(ImageRef{}, dir.path())), "found none"));
  ImageRef inner{ImageRef::Kind::kFile, "img/./x/../a.png", {}};
  EXPECT_TRUE(load_image(inner, dir.path()).ok());
}

// ---- Encoding and resizing -------------------------------------------------------------------

TEST(ImageEncode, PngIsLosslessAndJpegIsClose) {
  auto img = decode_image(cv_encode(gradient(9, 7), ".png"), "g.png");
  ASSERT_TRUE(img.ok());
  auto png = encode_png(*img);
  ASSERT_TRUE(png.ok()) << png.error().message;
  auto back = decode_image(*png, "again.png");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, *img);
  EXPECT_FALSE(encode_jpeg(*img, 101).ok());
  EXPECT_FALSE(encode_png(RgbImage{}).ok());
}

TEST(ImageResize, FitWithinKeepsAspectAndNeverEnlarges) {
  const RgbImage wide = RgbImage::filled(400, 100, {9, 8, 7});
  const RgbImage small = fit_within(wide, 100);
  EXPECT_EQ(small.width, 100);
  EXPECT_EQ(small.height, 25);
  EXPECT_EQ(small, RgbImage::filled(100, 25, {9, 8, 7}));  // a flat colour stays exact
  EXPECT_EQ(fit_within(wide, 500), wide);
  EXPECT_EQ(fit_within(RgbImage::filled(1000, 1, {1, 1, 1}), 10).height, 1);
}

// ---- Model input -----------------------------------------------------------------------------

namespace {

RgbImage two_pixels() {
  RgbImage img;
  img.width = 2;
  img.height = 1;
  img.rgb = {255, 0, 51, 0, 102, 255};
  return img;
}

void expect_floats(const std::vector<float>& got, const std::vector<float>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i)
    EXPECT_NEAR(got[i], want[i], 1e-6) << "at " << i;
}

RgbImage columns(const std::vector<std::array<std::uint8_t, 3>>& colours, int height,
                 int repeat = 1) {
  RgbImage img = RgbImage::filled(int(colours.size()) * repeat, height, {0, 0, 0});
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < img.width; ++x)
      std::memcpy(img.pixel(x, y), colours[x / repeat].data(), 3);
  return img;
}

}  // namespace

TEST(ImagePreprocess, NormalisesIntoChwPlanes) {
  // (v/255 - 0.5)/0.5 = 2v/255 - 1: 255 -> 1, 0 -> -1, 51 -> -0.6, 102 -> -0.2.
  PreprocessSpec spec;
  spec.width = 2;
  spec.height = 1;
  spec.mean = {0.5f, 0.5f, 0.5f};
  spec.std = {0.5f, 0.5f, 0.5f};
  auto out = preprocess(two_pixels(), spec);
  ASSERT_TRUE(out.ok()) << out.error().message;
  //                    R0   R1   G0   G1    B0    B1
  expect_floats(*out, {1.f, -1.f, -1.f, -0.2f, -0.6f, 1.f});
}

TEST(ImagePreprocess, BgrOrderWithMeanPerOutputPlane) {
  PreprocessSpec spec;
  spec.width = 2;
  spec.height = 1;
  spec.bgr = true;
  spec.mean = {0.1f, 0.2f, 0.3f};  // for the B, G, R planes
  spec.std = {1.f, 1.f, 2.f};
  auto out = preprocess(two_pixels(), spec);
  ASSERT_TRUE(out.ok()) << out.error().message;
  // B: 51/255 - 0.1 = 0.1, 1 - 0.1 = 0.9; G: 0 - 0.2, 0.4 - 0.2; R: (1 - 0.3)/2, (0 - 0.3)/2.
  expect_floats(*out, {0.1f, 0.9f, -0.2f, 0.2f, 0.35f, -0.15f});
}

TEST(ImagePreprocess, LetterboxCentresAndPads) {
  PreprocessSpec spec;
  spec.width = 4;
  spec.height = 4;
  spec.mode = ResizeMode::kLetterbox;
  spec.pad = {1, 2, 3};
  const std::array<std::uint8_t, 3> c{200, 100, 50};
  // 2x1 scaled by min(4/2, 4/1) = 2 to 4x2, placed at row (4-2)/2 = 1.
  auto a = resize_for_model(RgbImage::filled(2, 1, c), spec);
  ASSERT_TRUE(a.ok()) << a.error().message;
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) {
      const auto want = (y == 1 || y == 2) ? c : spec.pad;
      EXPECT_EQ(std::vector<std::uint8_t>(a->pixel(x, y), a->pixel(x, y) + 3),
                std::vector<std::uint8_t>(want.begin(), want.end()))
          << x << "," << y;
    }
  // 3x1 scaled by 4/3 to 4 x round(1.33) = 4x1, placed at row (4-1)/2 = 1 (rounded down).
  auto b = resize_for_model(RgbImage::filled(3, 1, c), spec);
  ASSERT_TRUE(b.ok());
  for (int y = 0; y < 4; ++y)
    EXPECT_EQ(b->pixel(2, y)[0], y == 1 ? 200 : 1) << y;
  // 1x2 (tall) into 4x4: 2x4, centred at column 1.
  auto t = resize_for_model(RgbImage::filled(1, 2, c), spec);
  ASSERT_TRUE(t.ok());
  for (int x = 0; x < 4; ++x)
    EXPECT_EQ(t->pixel(x, 0)[0], (x == 1 || x == 2) ? 200 : 1) << x;

  // The float values of a pad pixel and an image pixel (mean 0, std 1: v/255).
  auto f = preprocess(RgbImage::filled(2, 1, c), spec);
  ASSERT_TRUE(f.ok());
  const std::size_t plane = 16;
  EXPECT_NEAR((*f)[0 * plane + 0], 1.0f / 255, 1e-7);    // R of pad at (0,0)
  EXPECT_NEAR((*f)[2 * plane + 0], 3.0f / 255, 1e-7);    // B of pad at (0,0)
  EXPECT_NEAR((*f)[1 * plane + 4], 100.0f / 255, 1e-7);  // G of the image at (0,1)
}

TEST(ImagePreprocess, ShorterSideThenCentreCrop) {
  PreprocessSpec spec;
  spec.width = 2;
  spec.height = 2;
  spec.mode = ResizeMode::kShorterSideCrop;
  const std::vector<std::array<std::uint8_t, 3>> cols = {
      {10, 0, 0}, {20, 0, 0}, {30, 0, 0}, {40, 0, 0}};
  // 4x2: scale max(2/4, 2/2) = 1, no resize; the centre columns 1 and 2 remain.
  auto a = resize_for_model(columns(cols, 2), spec);
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->rgb, (std::vector<std::uint8_t>{20, 0, 0, 30, 0, 0, 20, 0, 0, 30, 0, 0}));
  // 8x4 made of 2-pixel-wide columns: scaled by 1/2 (area averaging of uniform 2x2 blocks is
  // exact) to 4x2, then the same centre.
  auto b = resize_for_model(columns(cols, 4, 2), spec);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->rgb, a->rgb);
  // Tall 2x4: rows 1 and 2 remain.
  RgbImage tall = RgbImage::filled(2, 4, {0, 0, 0});
  for (int y = 0; y < 4; ++y)
    tall.pixel(0, y)[1] = tall.pixel(1, y)[1] = std::uint8_t(10 * (y + 1));
  auto c = resize_for_model(tall, spec);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->pixel(0, 0)[1], 20);
  EXPECT_EQ(c->pixel(1, 1)[1], 30);
}

TEST(ImagePreprocess, StretchOfAFlatImageIsExact) {
  PreprocessSpec spec;
  spec.width = 5;
  spec.height = 7;
  auto out = resize_for_model(RgbImage::filled(3, 3, {7, 77, 177}), spec);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, RgbImage::filled(5, 7, {7, 77, 177}));
  auto f = preprocess(RgbImage::filled(3, 3, {7, 77, 177}), spec);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->size(), 3u * 5 * 7);
}

TEST(ImagePreprocess, BadSpecsAreErrors) {
  PreprocessSpec spec;
  spec.std = {1.f, 0.f, 1.f};
  EXPECT_TRUE(contains(preprocess(two_pixels(), spec).error().message, "std"));
  spec = {};
  spec.width = 0;
  EXPECT_FALSE(preprocess(two_pixels(), spec).ok());
  EXPECT_FALSE(preprocess(RgbImage{}, PreprocessSpec{}).ok());
  EXPECT_EQ(*parse_resize_mode("letterbox"), ResizeMode::kLetterbox);
  EXPECT_EQ(*parse_resize_mode(to_string(ResizeMode::kShorterSideCrop)),
            ResizeMode::kShorterSideCrop);
  EXPECT_FALSE(parse_resize_mode("squash").ok());
}

TEST(ImageLoad, AnImageReplacedByALinkOutsideTheRootIsRefusedWhenUsed) {
  // The check runs at every use: a dataset read when the image was a file, the image swapped for
  // a link to a file elsewhere afterwards, must not be read into a run or a report.
  TempDir outside, dir;
  const std::string png = cv_encode(gradient(3, 2), ".png");
  write_file(outside.path() / "secret.png", png);
  std::filesystem::create_directories(dir.path() / "img");
  std::filesystem::create_symlink(outside.path() / "secret.png", dir.path() / "img" / "a.png");
  ImageRef file{ImageRef::Kind::kFile, "img/a.png", {}};
  const std::string e = error_of(load_image(file, dir.path()));
  EXPECT_TRUE(contains(e, "a link to a file outside the dataset root")) << e;
  // A link that stays inside the root is fine.
  write_file(dir.path() / "img" / "b.png", png);
  std::filesystem::create_symlink(dir.path() / "img" / "b.png", dir.path() / "img" / "c.png");
  EXPECT_TRUE(load_image(ImageRef{ImageRef::Kind::kFile, "img/c.png", {}}, dir.path()).ok());
}
