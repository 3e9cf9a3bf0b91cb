// Core's modules, loaded on first use: libtorch (core/model/torch_runtime.h) — nothing loads it
// before a model does, the thread count and the passive wait are applied when it loads — and
// OpenCV's image codecs (core/data/image_codecs.h); a missing or foreign module is refused with a
// message naming the file. Each test runs in a process of its own (ctest runs every test alone),
// since a process loads a module once.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/cli.h"
#include "data/image.h"
#include "data/image_codecs.h"
#include "model/demo_trainer.h"
#include "model/torch_model.h"
#include "model/torch_runtime.h"
#include "util/base64.h"

namespace unveil {
namespace {

namespace fs = std::filesystem;

// The path of a file this process has mapped whose name contains `name`; empty: none.
std::string mapped_path(const std::string& name) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    const auto slash = line.find('/');
    if (slash != std::string::npos && line.find(name, slash) != std::string::npos) {
      return line.substr(slash);
    }
  }
  return {};
}

bool mapped(const std::string& name) {
  return !mapped_path(name).empty();
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("unveil_torch_module_" + name + "_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

#define SKIP_IF_ALREADY_LOADED()     \
  if (model::torch_runtime_loaded()) \
  GTEST_SKIP() << "an earlier test of this process loaded libtorch; ctest runs this alone"

TEST(TorchModule, NothingLoadsLibtorchUntilAModelRuns) {
  SKIP_IF_ALREADY_LOADED();
#ifdef UNVEIL_TORCH_AT_START
  GTEST_SKIP() << "a sanitizer build links libtorch at start (core/CMakeLists.txt says why)";
#endif
  ASSERT_FALSE(mapped("libtorch_cpu")) << "the test program itself links libtorch";
  const fs::path dir = scratch("metrics");
  {
    std::ofstream f(dir / "p.jsonl");
    f << "{\"id\":\"a\",\"probs\":[0.9,0.1],\"label\":0,\"split\":\"cal\"}\n"
         "{\"id\":\"b\",\"probs\":[0.2,0.8],\"label\":0,\"split\":\"test\"}\n";
  }
  std::ostringstream out, err;
  ASSERT_EQ(cli::run({"metrics", (dir / "p.jsonl").string()}, out, err), 0) << err.str();
  ASSERT_EQ(cli::run({"calibrate", "--fit", (dir / "p.jsonl").string()}, out, err), 0) << err.str();
  model::init_torch_threads(1);
  EXPECT_FALSE(model::torch_runtime_loaded());
  EXPECT_FALSE(mapped("libtorch_cpu"));

  const auto rt = model::torch_runtime();
  ASSERT_TRUE(rt) << rt.error().message;
  EXPECT_TRUE(model::torch_runtime_loaded());
  EXPECT_TRUE(mapped("libtorch_cpu"));
  EXPECT_TRUE(mapped("libunveil_torch"));
  fs::remove_all(dir);
}

TEST(TorchModule, TheThreadCountAskedBeforeTheLoadIsApplied) {
  SKIP_IF_ALREADY_LOADED();
  model::init_torch_threads(2);
  const auto rt = model::torch_runtime();
  ASSERT_TRUE(rt) << rt.error().message;
  EXPECT_EQ((*rt)->threads(), 2);
  model::init_torch_threads(1);  // after the load, at once
  EXPECT_EQ((*rt)->threads(), 1);
  model::init_torch_threads(0);  // at least one
  EXPECT_EQ((*rt)->threads(), 1);
}

TEST(TorchModule, IdleWorkersSleepUnlessTheUserChoseOtherwise) {
  SKIP_IF_ALREADY_LOADED();
  ::unsetenv("OMP_WAIT_POLICY");
  model::init_torch_threads(1);
  ASSERT_NE(std::getenv("OMP_WAIT_POLICY"), nullptr);
  EXPECT_STREQ(std::getenv("OMP_WAIT_POLICY"), "PASSIVE");
}

TEST(TorchModule, TheUsersOwnWaitPolicyIsKept) {
  SKIP_IF_ALREADY_LOADED();
  ::setenv("OMP_WAIT_POLICY", "ACTIVE", 1);
  model::init_torch_threads(1);
  ASSERT_TRUE(model::torch_runtime());
  EXPECT_STREQ(std::getenv("OMP_WAIT_POLICY"), "ACTIVE");
}

TEST(TorchModule, AMissingModuleIsRefusedSayingWhereItLooked) {
  SKIP_IF_ALREADY_LOADED();
  ::setenv("UNVEIL_TORCH_MODULE", "/nonexistent/libunveil_torch.so", 1);
  const auto rt = model::torch_runtime();
  ASSERT_FALSE(rt);
  EXPECT_NE(rt.error().message.find("is missing"), std::string::npos) << rt.error().message;
  EXPECT_NE(rt.error().message.find("/nonexistent/libunveil_torch.so"), std::string::npos);
  EXPECT_FALSE(model::torch_runtime_loaded());
  EXPECT_FALSE(model::cuda_available());
  const auto trained = model::train_demo_models("/nonexistent/world.json", "/nonexistent/out");
  ASSERT_FALSE(trained);
  EXPECT_NE(trained.error().message.find("cannot train the demo models"), std::string::npos);
  ::unsetenv("UNVEIL_TORCH_MODULE");
}

TEST(TorchModule, AFileThatIsNotTheModuleIsRefusedNamingIt) {
  SKIP_IF_ALREADY_LOADED();
  const fs::path dir = scratch("foreign");
  const fs::path fake = dir / "libunveil_torch.so";
  std::ofstream(fake) << "not a shared library\n";
  ::setenv("UNVEIL_TORCH_MODULE", fake.c_str(), 1);
  const auto rt = model::torch_runtime();
  ASSERT_FALSE(rt);
  EXPECT_NE(rt.error().message.find(fake.string() + ": cannot load the libtorch module"),
            std::string::npos)
      << rt.error().message;
  ::unsetenv("UNVEIL_TORCH_MODULE");
  fs::remove_all(dir);
}

TEST(TorchModule, ASharedLibraryWithoutTheEntryPointIsRefused) {
  SKIP_IF_ALREADY_LOADED();
  const std::string sqlite = mapped_path("libsqlite3");  // loadable, not ours
  ASSERT_FALSE(sqlite.empty());
  ::setenv("UNVEIL_TORCH_MODULE", sqlite.c_str(), 1);
  const auto rt = model::torch_runtime();
  ASSERT_FALSE(rt);
  EXPECT_NE(rt.error().message.find("not Unveil's libtorch module"), std::string::npos)
      << rt.error().message;
  ::unsetenv("UNVEIL_TORCH_MODULE");
}

TEST(ImageCodecsModule, NothingLoadsTheCodecsUntilAnImageIsReadOrWritten) {
  if (data::codecs::loaded()) GTEST_SKIP() << "an earlier test of this process loaded them";
  // (This test program links libopencv_imgcodecs itself, for the images the tests write.)
  ASSERT_FALSE(mapped("libunveil_imgcodecs"));
  const auto png = data::encode_png(data::RgbImage::filled(4, 3, {10, 200, 30}));
  ASSERT_TRUE(png) << png.error().message;
  EXPECT_TRUE(data::codecs::loaded());
  EXPECT_TRUE(mapped("libunveil_imgcodecs"));
  const auto back = data::decode_image(*png, "x.png");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->width, 4);
  EXPECT_EQ(back->height, 3);
  EXPECT_EQ(back->rgb[1], 200);
}

TEST(ImageCodecsModule, AMissingModuleIsRefusedNamingTheImage) {
  if (data::codecs::loaded()) GTEST_SKIP() << "an earlier test of this process loaded them";
  ::setenv("UNVEIL_IMGCODECS_MODULE", "/nonexistent/libunveil_imgcodecs.so", 1);
  // A whole 1x1 PNG, so that every check before the decoder passes.
  const auto png = base64_decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVQI12P4z8AAAAMBAQAY3Y2wAAAAAElFTkSuQmC"
      "C");
  ASSERT_TRUE(png);
  const auto img = data::decode_image(*png, "scan.png");
  ASSERT_FALSE(img);
  EXPECT_EQ(img.error().message.rfind("scan.png: the image codecs module of this build", 0), 0u)
      << img.error().message;
  const auto written = data::encode_png(data::RgbImage::filled(2, 2, {0, 0, 0}));
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("/nonexistent/libunveil_imgcodecs.so"), std::string::npos)
      << written.error().message;
  EXPECT_NE(written.error().message.find("so no image can be read or written"), std::string::npos);
  ::unsetenv("UNVEIL_IMGCODECS_MODULE");
}

}  // namespace
}  // namespace unveil
