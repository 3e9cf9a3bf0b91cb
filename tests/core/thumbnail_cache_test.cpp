#include "data/thumbnail_cache.h"

#include <gtest/gtest.h>

#include <thread>

#include "image_test_util.h"
#include "util/sha256.h"

using namespace unveil::data;
using unveil::test::cv_encode;
using unveil::test::TempDir;
using unveil::test::write_file;

namespace {

std::string png_of(int w, int h, int shade) {
  return cv_encode(cv::Mat(h, w, CV_8UC3, cv::Scalar(shade, 255 - shade, 40)), ".png");
}

ImageRef file_ref(const std::string& path) {
  return ImageRef{ImageRef::Kind::kFile, path, {}};
}

std::string error_of(const unveil::Result<std::string>& r) {
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::string() : r.error().message;
}

}  // namespace

TEST(ThumbnailCache, MakesAPngNamedByContentHashAndSize) {
  TempDir root, cache_dir;
  const std::string png = png_of(400, 200, 10);
  write_file(root.path() / "img" / "a.png", png);
  ThumbnailCache cache(cache_dir.path() / "thumbs");

  auto path = cache.get_or_make(file_ref("img/a.png"), root.path(), 64);
  ASSERT_TRUE(path.ok()) << path.error().message;
  EXPECT_EQ(std::filesystem::path(*path).filename().string(), unveil::sha256_hex(png) + "-64.png");
  auto thumb = load_image_file(*path);
  ASSERT_TRUE(thumb.ok()) << thumb.error().message;
  EXPECT_EQ(thumb->width, 64);
  EXPECT_EQ(thumb->height, 32);

  // Cached: the same path, the file not rewritten.
  const auto written = std::filesystem::last_write_time(*path);
  auto again = cache.get_or_make(file_ref("img/a.png"), root.path(), 64);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *path);
  EXPECT_EQ(std::filesystem::last_write_time(*path), written);

  // The same bytes elsewhere, or embedded, share the thumbnail; another size does not.
  write_file(root.path() / "copy.png", png);
  EXPECT_EQ(*cache.get_or_make(file_ref("copy.png"), root.path(), 64), *path);
  EXPECT_EQ(*cache.get_or_make(ImageRef{ImageRef::Kind::kEmbedded, {}, png}, root.path(), 64),
            *path);
  auto bigger = cache.get_or_make(file_ref("img/a.png"), root.path(), 128);
  ASSERT_TRUE(bigger.ok());
  EXPECT_NE(*bigger, *path);
  // A small image is not enlarged.
  write_file(root.path() / "small.png", png_of(10, 5, 99));
  auto small = cache.get_or_make(file_ref("small.png"), root.path(), 64);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(load_image_file(*small)->width, 10);
}

TEST(ThumbnailCache, AChangedFileGetsANewThumbnail) {
  TempDir root, cache_dir;
  write_file(root.path() / "a.png", png_of(40, 20, 10));
  ThumbnailCache cache(cache_dir.path());
  auto first = cache.get_or_make(file_ref("a.png"), root.path(), 16);
  ASSERT_TRUE(first.ok());
  write_file(root.path() / "a.png", png_of(60, 20, 200));
  auto second = cache.get_or_make(file_ref("a.png"), root.path(), 16);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);
}

TEST(ThumbnailCache, BrokenInputsAreErrors) {
  TempDir root, cache_dir;
  ThumbnailCache cache(cache_dir.path());
  EXPECT_NE(
      error_of(cache.get_or_make(file_ref("missing.png"), root.path(), 64)).find("missing.png"),
      std::string::npos);
  const std::string png = png_of(40, 20, 10);
  write_file(root.path() / "cut.png", png.substr(0, png.size() / 2));
  EXPECT_NE(error_of(cache.get_or_make(file_ref("cut.png"), root.path(), 64))
                .find("corrupt or truncated PNG"),
            std::string::npos);
  write_file(root.path() / "empty.png", "");
  EXPECT_FALSE(cache.get_or_make(file_ref("empty.png"), root.path(), 64).ok());
  EXPECT_FALSE(cache.get_or_make(ImageRef{}, root.path(), 64).ok());
  write_file(root.path() / "ok.png", png);
  EXPECT_FALSE(cache.get_or_make(file_ref("ok.png"), root.path(), 0).ok());
  EXPECT_FALSE(cache.get_or_make(file_ref("../ok.png"), root.path(), 64).ok());
  // A cache directory that cannot be created (a file is in the way).
  write_file(cache_dir.path() / "blocker", "x");
  ThumbnailCache blocked(cache_dir.path() / "blocker" / "thumbs");
  EXPECT_FALSE(blocked.get_or_make(file_ref("ok.png"), root.path(), 64).ok());
}

TEST(ThumbnailCache, ConcurrentCallersAllGetWholeFiles) {
  TempDir root, cache_dir;
  constexpr int kImages = 4;
  for (int i = 0; i < kImages; ++i)
    write_file(root.path() / ("i" + std::to_string(i) + ".png"), png_of(300, 200, 50 * i));
  // Two cache objects over one directory stand in for two processes.
  ThumbnailCache a(cache_dir.path()), b(cache_dir.path());
  std::vector<std::string> results(8 * kImages);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      ThumbnailCache& cache = t % 2 ? a : b;
      for (int i = 0; i < kImages; ++i) {
        const int k = (i + t) % kImages;
        auto r = cache.get_or_make(file_ref("i" + std::to_string(k) + ".png"), root.path(), 48);
        results[t * kImages + k] = r.ok() ? *r : "error: " + r.error().message;
      }
    });
  }
  for (auto& th : threads)
    th.join();
  for (int t = 0; t < 8; ++t)
    for (int k = 0; k < kImages; ++k) {
      const std::string& path = results[t * kImages + k];
      EXPECT_EQ(path, results[k]) << path;  // every thread got the same file per image
      auto img = load_image_file(path);
      ASSERT_TRUE(img.ok()) << path << ": " << img.error().message;
      EXPECT_EQ(img->width, 48);
      EXPECT_EQ(img->height, 32);
    }
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(cache_dir.path())) {
    EXPECT_EQ(entry.path().extension(), ".png") << entry.path();  // no temporary left behind
    ++files;
  }
  EXPECT_EQ(files, kImages);
}
