#include "data/shapes_world.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>

#include "data/readers.h"

using namespace unveil::data;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}
}  // namespace

TEST(ShapesWorld, DeterministicReadableAndBalanced) {
  const fs::path a = fs::temp_directory_path() / ("unveil_shapes_a_" + std::to_string(::getpid()));
  const fs::path b = fs::temp_directory_path() / ("unveil_shapes_b_" + std::to_string(::getpid()));
  ShapesWorldOptions opt;
  opt.train = 240;
  opt.seed = 5;
  const auto wa = write_shapes_world(a, opt);
  const auto wb = write_shapes_world(b, opt);
  ASSERT_TRUE(wa.ok() && wb.ok());
  EXPECT_EQ(wa->items, 240 + 40 + 40 + 20);
  // Byte-identical for a seed: the JSON and every image.
  EXPECT_EQ(slurp(wa->json), slurp(wb->json));
  for (const char* img :
       {"images/train-00000.png", "images/idk-00019.png", "images/test-00039.png"}) {
    EXPECT_EQ(slurp(a / img), slurp(b / img)) << img;
  }
  // It reads back through the LLaVA reader with no problem.
  const auto ds = read_llava_json(wa->json);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  EXPECT_TRUE(ds->problems.empty()) << ds->problems[0].to_string();
  ASSERT_EQ(ds->items.size(), 340u);
  std::map<std::string, int> kinds, splits;
  for (const Item& item : ds->items) {
    EXPECT_EQ(item.options.size(), 5u);
    ASSERT_GE(item.idk_index, 0) << item.id;  // every question offers "I don't know"
    EXPECT_EQ(item.options[item.idk_index].text, "I don't know");
    ++splits[item.split];
    ++kinds[item.category.substr(0, item.category.find('/'))];
    // IDK questions (and only they) have the IDK option as their answer.
    EXPECT_EQ(item.is_idk_question(), item.category.rfind("idk/", 0) == 0) << item.id;
    if (item.split == "idk") {
      EXPECT_TRUE(item.is_idk_question()) << item.id;
    }
    if (item.split == "test" || item.split == "calibration") {
      EXPECT_FALSE(item.is_idk_question()) << item.id;
    }
  }
  EXPECT_EQ(splits["train"], 240);
  EXPECT_EQ(splits["idk"], 20);
  EXPECT_GT(kinds["image"], 0);
  EXPECT_GT(kinds["text"], 0);
  EXPECT_GT(kinds["idk"], 20);  // the idk split plus IDK questions in train
  // A different seed gives a different world.
  opt.seed = 6;
  const fs::path c = fs::temp_directory_path() / ("unveil_shapes_c_" + std::to_string(::getpid()));
  ASSERT_TRUE(write_shapes_world(c, opt).ok());
  EXPECT_NE(slurp(c / "shapes_world.json"), slurp(wa->json));
  fs::remove_all(a);
  fs::remove_all(b);
  fs::remove_all(c);
}

TEST(ShapesWorld, TextQuestionsFollowTheWorldRules) {
  EXPECT_EQ(ShapesVocabulary::corners("circle"), 0);
  EXPECT_EQ(ShapesVocabulary::corners("triangle"), 3);
  EXPECT_EQ(ShapesVocabulary::corners("square"), 4);
  const fs::path d = fs::temp_directory_path() / ("unveil_shapes_r_" + std::to_string(::getpid()));
  ShapesWorldOptions opt;
  opt.train = 120;
  ASSERT_TRUE(write_shapes_world(d, opt).ok());
  const auto ds = read_llava_json(d / "shapes_world.json");
  ASSERT_TRUE(ds.ok());
  int checked = 0;
  for (const Item& item : ds->items) {
    if (item.category != "text/corners") continue;
    const std::string& q = item.question;  // "How many corners does a X have?"
    const std::string shape = q.substr(24, q.find(" have") - 24);
    const int n = ShapesVocabulary::corners(shape);
    const std::string expected = n == 0 ? "zero" : n == 3 ? "three" : "four";
    EXPECT_EQ(item.options[item.answer].text, expected) << q;
    ++checked;
  }
  EXPECT_GT(checked, 3);
  fs::remove_all(d);
}

TEST(ShapesWorld, RefusesBadOptions) {
  ShapesWorldOptions opt;
  opt.train = 3;
  EXPECT_FALSE(write_shapes_world(fs::temp_directory_path() / "unveil_never", opt).ok());
}

// What a demo may replace: only a folder of what a demo writes (a demo never removes what it did
// not make).
TEST(ShapesWorld, OnlyAnEarlierDemoIsADemoFolder) {
  const fs::path d =
      fs::temp_directory_path() / ("unveil_demo_folder_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d / "images");
  EXPECT_FALSE(is_demo_folder(d));  // images alone: no world, no mark
  std::ofstream(d / "shapes_world.json") << "[]";
  EXPECT_TRUE(is_demo_folder(d));  // `demo` of an earlier version
  std::ofstream(d / "thesis.tex") << "mine";
  EXPECT_FALSE(is_demo_folder(d));
  fs::remove(d / "thesis.tex");
  ASSERT_TRUE(mark_demo_folder(d).ok());
  EXPECT_TRUE(is_demo_folder(d));
  fs::remove(d / "shapes_world.json");
  EXPECT_TRUE(is_demo_folder(d));  // marked
  fs::create_directories(d / "world");
  std::ofstream(d / "demo.unveil") << "";
  EXPECT_TRUE(is_demo_folder(d));  // the demo project's layout
  std::ofstream(d / "report.html") << "";
  EXPECT_FALSE(is_demo_folder(d));
  EXPECT_FALSE(is_demo_folder(d / "missing"));
  fs::remove_all(d);
}
