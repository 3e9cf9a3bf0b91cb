#include "data/shapes_world.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/image_codecs.h"
#include "util/atomic_file.h"
#include "util/random.h"

namespace unveil::data {
namespace {

constexpr int kGrid = 3;  // scenes are laid out on a 3x3 grid of cells

struct Shape {
  int type = 0;    // index into shapes()
  int colour = 0;  // index into colours()
  bool large = false;
  int cell = 0;  // 0..8, row-major
};

struct Scene {
  std::vector<Shape> shapes;
  double noise = 0;  // sigma in 0..1 intensity units
};

const std::array<cv::Scalar, 5> kBgr = {cv::Scalar(45, 45, 215), cv::Scalar(70, 165, 55),
                                        cv::Scalar(200, 90, 40), cv::Scalar(35, 205, 230),
                                        cv::Scalar(160, 60, 150)};

int count_type(const Scene& s, int type) {
  return static_cast<int>(std::count_if(s.shapes.begin(), s.shapes.end(),
                                        [&](const Shape& x) { return x.type == type; }));
}
int count_colour(const Scene& s, int colour) {
  return static_cast<int>(std::count_if(s.shapes.begin(), s.shapes.end(),
                                        [&](const Shape& x) { return x.colour == colour; }));
}

Scene make_scene(Xoshiro256& rng, double noise_share) {
  Scene s;
  const int n = 1 + static_cast<int>(rng.below(4));
  std::array<int, kGrid * kGrid> cells{};
  for (int i = 0; i < kGrid * kGrid; ++i)
    cells[i] = i;
  for (int i = kGrid * kGrid - 1; i > 0; --i) {
    std::swap(cells[i], cells[static_cast<int>(rng.below(static_cast<std::uint64_t>(i) + 1))]);
  }
  for (int i = 0; i < n; ++i) {
    Shape sh;
    sh.type = static_cast<int>(rng.below(ShapesVocabulary::shapes().size()));
    sh.colour = static_cast<int>(rng.below(ShapesVocabulary::colours().size()));
    sh.large = rng.below(2) == 1;
    sh.cell = cells[i];
    s.shapes.push_back(sh);
  }
  if (rng.uniform() < noise_share) s.noise = 0.02 + 0.06 * rng.uniform();
  return s;
}

cv::Mat draw(const Scene& s, int size, std::uint64_t seed) {
  cv::Mat img(size, size, CV_8UC3, cv::Scalar(236, 236, 236));
  const double cell = static_cast<double>(size) / kGrid;
  for (const Shape& sh : s.shapes) {
    const double cx = (sh.cell % kGrid + 0.5) * cell, cy = (sh.cell / kGrid + 0.5) * cell;
    const double r = cell * (sh.large ? 0.42 : 0.25);
    const cv::Scalar& col = kBgr[static_cast<std::size_t>(sh.colour)];
    const auto pt = [&](double x, double y) {
      return cv::Point(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)));
    };
    switch (sh.type) {
      case 0:
        cv::circle(img, pt(cx, cy), static_cast<int>(std::lround(r)), col, cv::FILLED, cv::LINE_AA);
        break;
      case 1:
        cv::rectangle(img, pt(cx - r * 0.85, cy - r * 0.85), pt(cx + r * 0.85, cy + r * 0.85), col,
                      cv::FILLED);
        break;
      case 2: {
        const std::vector<cv::Point> tri{pt(cx, cy - r), pt(cx - r, cy + r * 0.8),
                                         pt(cx + r, cy + r * 0.8)};
        cv::fillConvexPoly(img, tri, col, cv::LINE_AA);
        break;
      }
      default: {
        const std::vector<cv::Point> dia{pt(cx, cy - r), pt(cx + r, cy), pt(cx, cy + r),
                                         pt(cx - r, cy)};
        cv::fillConvexPoly(img, dia, col, cv::LINE_AA);
      }
    }
  }
  if (s.noise > 0) {
    Xoshiro256 rng(seed);
    for (int y = 0; y < size; ++y) {
      auto* row = img.ptr<cv::Vec3b>(y);
      for (int x = 0; x < size; ++x) {
        for (int c = 0; c < 3; ++c) {
          // Box-Muller from the project's own generator: identical bytes on every platform.
          const double u1 = std::max(rng.uniform(), 1e-300), u2 = rng.uniform();
          const double z = std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
          row[x][c] = cv::saturate_cast<std::uint8_t>(row[x][c] + z * s.noise * 255.0);
        }
      }
    }
  }
  return img;
}

struct Question {
  std::string category;  // kind/template
  std::string text;
  std::vector<std::string> options;  // without "I don't know"
  int answer = -1;                   // index into options, -1: the right answer is IDK
};

const std::vector<std::string> kNumbers = {"one", "two", "three", "four"};
const std::vector<std::string> kCornerWords = {"zero", "three", "four", "five"};

// Distractors: `answer` plus others from `pool`, in pool order (shuffled later with IDK).
Question choose(std::string category, std::string text, const std::vector<std::string>& pool,
                int answer_in_pool, Xoshiro256& rng) {
  Question q{std::move(category), std::move(text), {}, -1};
  std::vector<int> idx;
  for (int i = 0; i < static_cast<int>(pool.size()); ++i) {
    if (i != answer_in_pool) idx.push_back(i);
  }
  for (int i = static_cast<int>(idx.size()) - 1; i > 0; --i) {
    std::swap(idx[i], idx[static_cast<int>(rng.below(static_cast<std::uint64_t>(i) + 1))]);
  }
  idx.resize(std::min<std::size_t>(idx.size(), answer_in_pool >= 0 ? 3 : 4));
  if (answer_in_pool >= 0) idx.push_back(answer_in_pool);
  // Options in random order, so that no letter is favoured.
  for (int i = static_cast<int>(idx.size()) - 1; i > 0; --i) {
    std::swap(idx[i], idx[static_cast<int>(rng.below(static_cast<std::uint64_t>(i) + 1))]);
  }
  for (int i : idx)
    q.options.push_back(pool[static_cast<std::size_t>(i)]);
  if (answer_in_pool >= 0) {
    q.answer = static_cast<int>(std::find(idx.begin(), idx.end(), answer_in_pool) - idx.begin());
  }
  return q;
}

std::optional<Question> image_question(const Scene& s, int which, Xoshiro256& rng) {
  const auto& shapes = ShapesVocabulary::shapes();
  const auto& colours = ShapesVocabulary::colours();
  switch (which) {
    case 0: {  // colour of a shape that appears once
      std::vector<int> once;
      for (int t = 0; t < 4; ++t) {
        if (count_type(s, t) == 1) once.push_back(t);
      }
      if (once.empty()) return std::nullopt;
      const int t = once[rng.below(once.size())];
      const auto it =
          std::find_if(s.shapes.begin(), s.shapes.end(), [&](auto& x) { return x.type == t; });
      return choose("image/colour", "What colour is the " + shapes[t] + "?", colours, it->colour,
                    rng);
    }
    case 1: {  // how many of a present shape
      const int t = s.shapes[rng.below(s.shapes.size())].type;
      return choose("image/count", "How many " + shapes[t] + "s are in the picture?", kNumbers,
                    count_type(s, t) - 1, rng);
    }
    case 2: {  // shape of a colour that appears once
      std::vector<int> once;
      for (int c = 0; c < 5; ++c) {
        if (count_colour(s, c) == 1) once.push_back(c);
      }
      if (once.empty()) return std::nullopt;
      const int c = once[rng.below(once.size())];
      const auto it =
          std::find_if(s.shapes.begin(), s.shapes.end(), [&](auto& x) { return x.colour == c; });
      return choose("image/shape", "What shape is the " + colours[c] + " object?", shapes, it->type,
                    rng);
    }
    default: {  // the leftmost shape, when one is clearly leftmost
      int best = -1, col = kGrid, ties = 0;
      for (int i = 0; i < static_cast<int>(s.shapes.size()); ++i) {
        const int c = s.shapes[i].cell % kGrid;
        if (c < col) {
          col = c;
          best = i;
          ties = 1;
        } else if (c == col) {
          ++ties;
        }
      }
      if (ties != 1 || s.shapes.size() < 2) return std::nullopt;
      return choose("image/leftmost", "Which shape is furthest to the left?", shapes,
                    s.shapes[best].type, rng);
    }
  }
}

Question text_question(int which, Xoshiro256& rng) {
  const auto& shapes = ShapesVocabulary::shapes();
  if (which == 0) {
    const int t = static_cast<int>(rng.below(4));
    const int corners = ShapesVocabulary::corners(shapes[t]);
    const int answer = corners == 0 ? 0 : corners == 3 ? 1 : 2;
    return choose("text/corners", "How many corners does a " + shapes[t] + " have?", kCornerWords,
                  answer, rng);
  }
  // Only the circle has no corners and only the triangle has three.
  const bool none = rng.below(2) == 0;
  return choose("text/which",
                none ? "Which shape has no corners?" : "Which shape has exactly three corners?",
                shapes, none ? 0 : 2, rng);
}

Question idk_question(const Scene& s, int which, Xoshiro256& rng) {
  const auto& shapes = ShapesVocabulary::shapes();
  if (which == 0) {
    std::vector<int> absent;
    for (int t = 0; t < 4; ++t) {
      if (count_type(s, t) == 0) absent.push_back(t);
    }
    if (!absent.empty()) {
      const int t = absent[rng.below(absent.size())];
      // The same words as an answerable colour question: only the picture tells them apart.
      return choose("idk/absent", "What colour is the " + shapes[t] + "?",
                    ShapesVocabulary::colours(), -1, rng);
    }
  }
  if (rng.below(2) == 0) {
    return choose("idk/unknowable", "Who drew this picture?",
                  {"Alice", "Bruno", "Chen", "Dana", "Emil"}, -1, rng);
  }
  return choose("idk/unknowable", "On which day was this picture drawn?",
                {"Monday", "Tuesday", "Friday", "Saturday", "Sunday"}, -1, rng);
}

}  // namespace

const std::vector<std::string>& ShapesVocabulary::shapes() {
  static const std::vector<std::string> v = {"circle", "square", "triangle", "diamond"};
  return v;
}
const std::vector<std::string>& ShapesVocabulary::colours() {
  static const std::vector<std::string> v = {"red", "green", "blue", "yellow", "purple"};
  return v;
}
int ShapesVocabulary::corners(const std::string& shape) {
  if (shape == "circle") return 0;
  if (shape == "triangle") return 3;
  return 4;
}

Result<ShapesWorldSummary> write_shapes_world(const std::filesystem::path& dir,
                                              const ShapesWorldOptions& opt) {
  namespace fs = std::filesystem;
  if (opt.train < 12) return Error{"the shapes world needs at least 12 training items"};
  if (opt.image_size < 24 || opt.image_size > 1024) {
    return Error{"image size must lie between 24 and 1024 pixels"};
  }
  std::error_code ec;
  fs::create_directories(dir / "images", ec);
  if (ec) return Error{(dir / "images").string() + ": cannot create: " + ec.message()};

  struct SplitPlan {
    const char* name;
    int count;
  };
  const std::array<SplitPlan, 4> plan = {
      SplitPlan{"train", opt.train}, SplitPlan{"calibration", opt.train / 6},
      SplitPlan{"test", opt.train / 6}, SplitPlan{"idk", opt.train / 12}};
  int total = 0;
  for (const auto& p : plan)
    total += p.count;

  ShapesWorldSummary sum;
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  Xoshiro256 rng(opt.seed);
  int done = 0;
  const std::vector<int> png_params = {cv::IMWRITE_PNG_COMPRESSION, 6};
  AtomicWriteOptions unsynced;
  unsynced.sync = false;
  for (const auto& p : plan) {
    for (int n = 0; n < p.count; ++n) {
      if (opt.cancel && opt.cancel->load()) return Error{"cancelled"};
      const Scene scene = make_scene(rng, opt.noise_share);
      // The kind of question: train mixes all three; calibration/test are answerable; idk is IDK.
      const std::string split = p.name;
      const double u = rng.uniform();
      std::optional<Question> q;
      if (split == "idk" || (split == "train" && u < 0.15)) {
        q = idk_question(scene, static_cast<int>(rng.below(2)), rng);
      } else if (u < 0.45) {
        q = text_question(static_cast<int>(rng.below(2)), rng);
      } else {
        for (int tries = 0; tries < 8 && !q; ++tries)
          q = image_question(scene, static_cast<int>(rng.below(4)), rng);
        if (!q) q = image_question(scene, 1, rng);  // counting always works
      }
      // Insert "I don't know" at a random position among the five options.
      std::vector<std::string> options = q->options;
      const auto idk_pos = static_cast<int>(rng.below(options.size() + 1));
      options.insert(options.begin() + idk_pos, "I don't know");
      const int answer =
          q->answer < 0 ? idk_pos : (q->answer >= idk_pos ? q->answer + 1 : q->answer);

      char id[32];
      std::snprintf(id, sizeof id, "%s-%05d", p.name, n);
      const std::string image = std::string("images/") + id + ".png";
      const cv::Mat img =
          draw(scene, opt.image_size, opt.seed * 1000003ull + static_cast<std::uint64_t>(done));
      std::vector<std::uint8_t> png;
      const auto encoded = codecs::encode(".png", img, png, png_params);
      if (!encoded) return Error{(dir / image).string() + ": " + encoded.error().message};
      if (!*encoded) return Error{(dir / image).string() + ": cannot encode the image as PNG"};
      // Thousands of images that can be made again: no fsync each (the JSON below has one).
      if (auto st = write_file_atomically(
              dir / image, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()),
              "the image", unsynced);
          !st) {
        return st.error();
      }
      std::string human = "<image>\n" + q->text;
      for (std::size_t k = 0; k < options.size(); ++k) {
        human += "\n" + std::string(1, static_cast<char>('A' + k)) + ". " + options[k];
      }
      nlohmann::ordered_json j;
      j["id"] = id;
      j["image"] = image;
      j["conversations"] = {
          {{"from", "human"}, {"value", human}},
          {{"from", "gpt"}, {"value", std::string(1, static_cast<char>('A' + answer))}}};
      j["category"] = q->category;
      j["split"] = split;
      items.push_back(std::move(j));
      ++done;
      if (opt.progress && (done % 200 == 0 || done == total)) opt.progress(done, total);
    }
  }
  sum.json = dir / "shapes_world.json";
  if (auto st = write_file_atomically(sum.json, items.dump(1) + "\n", "the shapes world"); !st) {
    return st.error();
  }
  sum.items = total;
  sum.train = plan[0].count;
  sum.calibration = plan[1].count;
  sum.test = plan[2].count;
  sum.idk = plan[3].count;
  return sum;
}

Status mark_demo_folder(const std::filesystem::path& dir) {
  return write_file_atomically(dir / kDemoFolderMark,
                               "a demo made by Unveil: `unveil-cli demo` may replace this folder\n",
                               "the demo's mark");
}

bool is_demo_folder(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  // What `unveil-cli demo` writes (shapes_world.json, images/, models/) and what the demo
  // project's build writes (world/, models/, demo.unveil and SQLite's files beside it, and the
  // partial project of earlier versions, and the recipe and world mark of a build that stopped).
  static const std::array<const char*, 16> kNames = {kDemoFolderMark,
                                                     "build-recipe.json",
                                                     "world.done",
                                                     "shapes_world.json",
                                                     "images",
                                                     "models",
                                                     "world",
                                                     "demo.unveil",
                                                     "demo.unveil-wal",
                                                     "demo.unveil-shm",
                                                     "demo.unveil-journal",
                                                     "demo.unveil.partial",
                                                     "demo.unveil.partial-wal",
                                                     "demo.unveil.partial-shm",
                                                     "demo.unveil.partial-journal",
                                                     kStagingMark};
  std::error_code ec;
  bool marked = false, world = false;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (std::find_if(kNames.begin(), kNames.end(), [&](const char* n) { return name == n; }) ==
        kNames.end()) {
      return false;
    }
    marked = marked || name == kDemoFolderMark;
    world = world || name == "shapes_world.json" || name == "world" || name == "demo.unveil";
  }
  return !ec && (marked || world);
}

}  // namespace unveil::data
