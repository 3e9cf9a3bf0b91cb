// Store::import_predictions: predictions must agree with the dataset they are imported into, an
// id must not come twice, and a refused import leaves nothing behind; a set of answers only is
// stored as such.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "calib/accuracy_only.h"
#include "calib/outcomes.h"
#include "calib/prediction_formats.h"
#include "store/sqlite.h"
#include "store/store.h"

using namespace unveil::store;
using unveil::calib::PredictionInput;
using unveil::calib::PredictionSet;
using unveil::calib::PredictionSource;
using unveil::calib::ScoreKind;
namespace fs = std::filesystem;

namespace {

class ImportPredictions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_import_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    auto st = Store::open(dir_ / "p.unveil");
    ASSERT_TRUE(st.ok()) << st.error().message;
    store_ = std::make_unique<Store>(std::move(*st));
    // Items q0..q3 with three options (q3 with four) and answers 0, 1, 2, 0.
    unveil::data::Dataset ds;
    ds.name = "shapes";
    for (int i = 0; i < 4; ++i) {
      unveil::data::Item it;
      it.id = "q" + std::to_string(i);
      it.question = "Which?";
      for (int k = 0; k < (i == 3 ? 4 : 3); ++k)
        it.options.push_back({static_cast<char>('A' + k), "o" + std::to_string(k)});
      it.answer = i % 3;
      ds.items.push_back(std::move(it));
    }
    ASSERT_TRUE(store_->add_dataset(ds, "shapes.json", "llava").ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  std::size_t runs() { return store_->runs()->size(); }
  std::size_t datasets() { return store_->datasets()->size(); }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

struct P {
  std::string id;
  int options;
  int label;
};

PredictionSet make(std::initializer_list<P> ps) {
  PredictionSet set;
  PredictionInput in;
  for (const P& p : ps) {
    in.clear();
    in.id = p.id;
    in.scores.assign(static_cast<std::size_t>(p.options), 0.0);
    in.scores[0] = 1.0;
    in.label = p.label;
    set.add(in);
  }
  return set;
}

// Predictions at lines 3, 5, 9, ... of their file.
PredictionSource lines(std::vector<std::size_t> l) {
  PredictionSource s;
  s.format = "predictions-jsonl";
  s.positions = std::move(l);
  return s;
}

}  // namespace

TEST_F(ImportPredictions, AgreeingPredictionsAreImported) {
  const auto set = make({{"q0", 3, 0}, {"q1", 3, 1}, {"q3", 4, 0}});
  auto r = store_->import_predictions(set, "shapes", "run", PredictionImportOptions{});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 3u);
  EXPECT_EQ(r->skipped, 0u);
  EXPECT_EQ(store_->run(r->run_id)->predictions, 3u);
}

TEST_F(ImportPredictions, AnOptionCountThatDisagreesRefusesTheFile) {
  const auto set = make({{"q0", 3, 0}, {"q1", 4, 1}});
  const PredictionSource src = lines({3, 5});
  PredictionImportOptions o;
  o.source = &src;
  auto r = store_->import_predictions(set, "shapes", "run", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "line 5: prediction \"q1\" has 4 options, but item \"q1\" of dataset \"shapes\" has "
            "3");
  EXPECT_EQ(runs(), 0u);  // nothing imported
}

TEST_F(ImportPredictions, ALabelThatDisagreesRefusesTheFile) {
  const auto set = make({{"q2", 3, 1}});
  auto r = store_->import_predictions(set, "shapes", "run", PredictionImportOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "prediction 1: prediction \"q2\" has label 1 (B), but item \"q2\" of dataset "
            "\"shapes\" has answer 2 (C)");
  EXPECT_EQ(runs(), 0u);
}

TEST_F(ImportPredictions, AnUnknownIdRefusesTheFile) {
  auto r = store_->import_predictions(make({{"q0", 3, 0}, {"nobody", 3, 0}}), "shapes", "run");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "prediction 2: prediction id \"nobody\" is not an item of dataset \"shapes\"");
  EXPECT_EQ(runs(), 0u);
}

TEST_F(ImportPredictions, AnIdTwiceIsNamedWithBothLines) {
  const auto set = make({{"q0", 3, 0}, {"q1", 3, 1}, {"q0", 3, 0}});
  const PredictionSource src = lines({3, 4, 9});
  PredictionImportOptions o;
  o.source = &src;
  auto r = store_->import_predictions(set, "shapes", "run", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "prediction id \"q0\" appears twice (lines 3 and 9)");
  EXPECT_EQ(runs(), 0u);
  // Without the file's lines, by their places in the set.
  auto r2 = store_->import_predictions(set, "shapes", "run");
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().message, "prediction id \"q0\" appears twice (predictions 1 and 3)");
  // Into a new dataset too, which is then not created: no raw SQLite message, nothing left.
  auto r3 = store_->import_predictions(set, "fresh", "run", o);
  ASSERT_FALSE(r3.ok());
  EXPECT_EQ(r3.error().message, "prediction id \"q0\" appears twice (lines 3 and 9)");
  EXPECT_EQ(datasets(), 1u);
  EXPECT_EQ(runs(), 0u);
}

TEST_F(ImportPredictions, SkipInvalidSkipsAndCounts) {
  const auto set = make({{"q0", 3, 0}, {"q1", 4, 1}, {"q2", 3, 1}, {"q0", 3, 0}, {"q3", 4, 0}});
  const PredictionSource src = lines({1, 2, 3, 4, 5});
  PredictionImportOptions o;
  o.source = &src;
  o.skip_invalid = true;
  auto r = store_->import_predictions(set, "shapes", "run", o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 2u);
  EXPECT_EQ(r->skipped, 3u);
  ASSERT_EQ(r->problems.size(), 3u);
  EXPECT_EQ(r->problems[0], "prediction id \"q0\" appears twice (lines 1 and 4)");
  EXPECT_EQ(r->problems[1],
            "line 2: prediction \"q1\" has 4 options, but item \"q1\" of dataset \"shapes\" has 3");
  EXPECT_EQ(r->problems[2],
            "line 3: prediction \"q2\" has label 1 (B), but item \"q2\" of dataset \"shapes\" "
            "has answer 2 (C)");
  EXPECT_EQ(store_->run(r->run_id)->predictions, 2u);
  EXPECT_EQ(store_->run(r->run_id)->spec.expected, 2u);
  // Nothing left: an error, and no run.
  const PredictionSource one = lines({1});
  o.source = &one;
  auto none = store_->import_predictions(make({{"q1", 4, 1}}), "shapes", "run2", o);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message,
            "no prediction is left to import: all 1 were skipped (the first: line 1: prediction "
            "\"q1\" has 4 options, but item \"q1\" of dataset \"shapes\" has 3)");
  EXPECT_EQ(runs(), 1u);
}

TEST_F(ImportPredictions, AnswersOnlyAreStoredAsSuch) {
  PredictionSet set;
  PredictionInput in;
  for (int i = 0; i < 3; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    in.kind = ScoreKind::kAnswerOnly;
    in.scores.assign(3, 0.0);
    in.label = i % 3;
    in.answer = i == 2 ? unveil::calib::kUnanswered : 0;
    in.options = "ABC";
    set.add(in);
  }
  PredictionSource src;
  src.format = "vlmevalkit";
  PredictionImportOptions o;
  o.source = &src;
  auto r = store_->import_predictions(set, "shapes", "answers", o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto info = store_->run(r->run_id);
  const auto settings = nlohmann::json::parse(info->spec.settings);
  EXPECT_EQ(settings["scores"], "none");
  EXPECT_EQ(settings["format"], "vlmevalkit");
  auto q = store_->db().prepare(
      "SELECT score_kind, answer, correct FROM predictions WHERE run_id = ? ORDER BY item_id");
  q.bind(1, r->run_id);
  std::vector<std::array<int, 3>> rows;
  while (q.step())
    rows.push_back({q.integer(0), q.integer(1), q.integer(2)});
  EXPECT_EQ(rows, (std::vector<std::array<int, 3>>{{2, 0, 1}, {2, 0, 0}, {2, -1, 0}}));
  // Read back: answers only, with the stored answers.
  auto back = store_->prediction_set(r->run_id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ(back->kind(0), ScoreKind::kAnswerOnly);
  EXPECT_EQ(back->answer(1), 0);
  EXPECT_EQ(back->answer(2), unveil::calib::kUnanswered);
  const auto a = unveil::calib::accuracy_only(*back);
  EXPECT_EQ(a.correct, 1u);
  EXPECT_EQ(a.unanswered, 1u);
}

namespace {

// The rows of `table` (ordered by `order`), each column as "type:value" with its exact bytes (a
// REAL by its bits), so that two rows compare equal only when SQLite holds the same values.
std::vector<std::vector<std::string>> rows(Db& db, const std::string& table,
                                           const std::vector<std::string>& columns,
                                           const std::string& where, const std::string& order) {
  std::string sql = "SELECT ";
  for (std::size_t c = 0; c < columns.size(); ++c)
    sql += (c ? ", typeof(" : "typeof(") + columns[c] + "), " + columns[c];
  sql += " FROM " + table + " WHERE " + where + " ORDER BY " + order;
  auto q = db.prepare(sql);
  std::vector<std::vector<std::string>> out;
  while (q.step()) {
    std::vector<std::string> row;
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
      const std::string type = q.text(2 * c);
      std::string v;
      if (type == "integer") {
        v = std::to_string(q.int64(2 * c + 1));
      } else if (type == "real") {
        const double d = q.real(2 * c + 1);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        v = std::to_string(bits);
      } else if (type == "text") {
        v = q.text(2 * c + 1);
      } else if (type == "blob") {
        const auto b = q.blob(2 * c + 1);
        v.assign(reinterpret_cast<const char*>(b.data()), b.size());
      }
      row.push_back(type + ":" + v);
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string integer(std::int64_t v) {
  return "integer:" + std::to_string(v);
}
std::string real(double d) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &d, sizeof bits);
  return "real:" + std::to_string(bits);
}
std::string text(std::string_view s) {
  return "text:" + std::string(s);
}
std::string blob(std::span<const double> v) {
  return "blob:" + std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
}
const std::string kNull = "null:";

}  // namespace

// Into a new dataset the items and the predictions are written in bulk: every column of every
// row must be what the items and the predictions say, computed here on their own (the options
// column as nlohmann's dump of [[letter, ""], ...], which is how add_dataset writes it). 149 items:
// written 64 to a statement, the last 21 one at a time.
TEST_F(ImportPredictions, ANewDatasetStoresEveryColumnOfEveryRow) {
  PredictionSet set;
  PredictionInput in;
  // Letters JSON must escape, and none given (A, B, C...), logits, probabilities, answers only,
  // vocabulary confidences and logits, unknown keys, categories and splits.
  const std::vector<std::string> letters = {"ABC", "", "XY\"\\", "abcde", "\x7f!?", "ABCD"};
  for (int i = 0; i < 150; ++i) {
    in.clear();
    in.id = "item-" + std::to_string(i == 141 ? 7 : i);  // 141 repeats 7: skipped
    const std::string& l = letters[static_cast<std::size_t>(i) % letters.size()];
    const std::size_t k = l.empty() ? 3 + static_cast<std::size_t>(i % 4) : l.size();
    in.options = l;
    in.label = i % static_cast<int>(k);
    in.idk_index = i % 3 == 0 ? static_cast<int>(k) - 1 : -1;
    in.category = i % 2 ? "cat " + std::to_string(i % 5) : "";
    in.split = i % 4 == 1 ? "test" : i % 4 == 2 ? "dev" : "";
    in.extra = i % 7 == 0 ? "\"seen\":" + std::to_string(i) : "";
    if (i % 5 == 0) in.conf_vocab = 0.125 * (i % 8);
    in.scores.assign(k, 0.0);
    if (i % 6 == 4) {
      in.kind = ScoreKind::kAnswerOnly;
      in.answer = i % 12 == 4 ? unveil::calib::kUnanswered : static_cast<int>(i % k);
    } else if (i % 3 == 2) {
      in.kind = ScoreKind::kProbabilities;  // sums to 1 exactly: stored as given
      in.scores[i % k] = 0.5;
      for (std::size_t c = 0; c < k; ++c)
        in.scores[c] += 0.5 / static_cast<double>(k);
      in.scores[0] += 1.0 - [&] {
        double s = 0;
        for (double v : in.scores)
          s += v;
        return s;
      }();
    } else {
      for (std::size_t c = 0; c < k; ++c)
        in.scores[c] = 0.37 * static_cast<double>((i * 7 + static_cast<int>(c) * 3) % 11) - 1.5;
      if (i % 10 == 3) in.vocab_logits = {1.0, -2.5, 0.25 * i, 3.0};
    }
    set.add(in);
  }
  PredictionSource src = lines({});
  for (std::size_t i = 0; i < set.size(); ++i)
    src.positions.push_back(i + 1);
  PredictionImportOptions o;
  o.source = &src;
  o.skip_invalid = true;
  auto r = store_->import_predictions(set, "fresh", "run", o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 149u);
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_EQ(r->problems[0], "prediction id \"item-7\" appears twice (lines 8 and 142)");

  Db& db = store_->db();
  const auto ds = store_->dataset_by_name("fresh");
  ASSERT_TRUE(ds.ok() && *ds);
  const std::int64_t dataset_id = (**ds).id;
  const auto dataset_rows = rows(db, "datasets", {"name", "source", "format", "root"},
                                 "id = " + std::to_string(dataset_id), "id");
  EXPECT_EQ(dataset_rows,
            (std::vector<std::vector<std::string>>{
                {text("fresh"), text("imported predictions"), text("predictions"), text("")}}));

  // The items, in the set's order with consecutive ids after the fixture's four.
  std::vector<std::vector<std::string>> items;
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (i == 141) continue;
    kept.push_back(i);
    const std::string_view l = set.options(i);
    nlohmann::json options = nlohmann::json::array();
    for (std::size_t c = 0; c < set.num_options(i); ++c) {
      const char letter = c < l.size() ? l[c] : static_cast<char>('A' + c);
      options.push_back({std::string(1, letter), ""});
    }
    items.push_back({integer(5 + static_cast<std::int64_t>(items.size())), integer(dataset_id),
                     text(set.id(i)), text(set.split(i)), text(set.category(i)), text(""), text(""),
                     text(options.dump()), integer(set.label(i)), integer(set.idk_index(i)),
                     integer(0), kNull, kNull, text(""), integer(0)});
  }
  EXPECT_EQ(items[2][7], text(R"([["X",""],["Y",""],["\"",""],["\\",""]])"));
  EXPECT_EQ(
      rows(db, "items",
           {"id", "dataset_id", "key", "split", "category", "question", "hint", "options", "answer",
            "idk_index", "image_kind", "image_path", "image_bytes", "source_file", "source_line"},
           "dataset_id = " + std::to_string(dataset_id), "id"),
      items);

  // The predictions: outcomes of the items with scores, computed on those alone.
  std::vector<std::size_t> scored;
  for (std::size_t i : kept) {
    if (set.kind(i) != ScoreKind::kAnswerOnly) scored.push_back(i);
  }
  const auto outcomes = unveil::calib::compute_outcomes(set.subset(scored));
  std::vector<std::vector<std::string>> predictions;
  std::size_t j = 0;
  for (std::size_t n = 0; n < kept.size(); ++n) {
    const std::size_t i = kept[n];
    const bool answer_only = set.kind(i) == ScoreKind::kAnswerOnly;
    const bool probs = set.kind(i) == ScoreKind::kProbabilities;
    int answer = 0;
    bool correct = false;
    double conf = 0;
    if (answer_only) {
      answer = set.answer(i) < 0 ? -1 : set.answer(i);
      correct = answer == set.label(i);
      conf = answer >= 0 ? 1.0 : 0.0;
    } else {
      answer = outcomes.predicted[j];
      correct = outcomes.correct[j] != 0;
      conf = outcomes.confidence[j];
      ++j;
    }
    predictions.push_back({integer(r->run_id), integer(5 + static_cast<std::int64_t>(n)),
                           integer(set.label(i)),
                           integer(answer_only ? 2
                                   : probs     ? 3
                                               : 0),
                           blob(probs ? set.given_probs(i) : set.logits(i)), integer(answer),
                           std::isnan(set.conf_vocab(i)) ? kNull : real(set.conf_vocab(i)),
                           real(conf), integer(correct ? 1 : 0), kNull, text(set.extra(i)),
                           set.vocab_logits(i).empty() ? kNull : blob(set.vocab_logits(i))});
  }
  EXPECT_EQ(rows(db, "predictions",
                 {"run_id", "item_id", "label", "score_kind", "logits", "answer", "conf_vocab",
                  "conf_options", "correct", "latency_ms", "extra", "vocab_logits"},
                 "run_id = " + std::to_string(r->run_id), "item_id"),
            predictions);

  // Read back through the store: the same items and predictions as the set's kept ones.
  const auto back = store_->prediction_set(r->run_id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), kept.size());
  const auto stored_items = store_->items(dataset_id);
  ASSERT_TRUE(stored_items.ok());
  ASSERT_EQ(stored_items->size(), kept.size());
  for (std::size_t n = 0; n < kept.size(); ++n) {
    const std::size_t i = kept[n];
    EXPECT_EQ(back->id(n), set.id(i));
    EXPECT_EQ(back->label(n), set.label(i));
    EXPECT_EQ(back->category(n), set.category(i));
    EXPECT_EQ(back->split(n), set.split(i));
    EXPECT_EQ(back->extra(n), set.extra(i));
    EXPECT_EQ((*stored_items)[n].id, set.id(i));
    EXPECT_EQ((*stored_items)[n].options.size(), set.num_options(i));
  }
}

// Into an existing dataset the items' option letters are read from their stored options column
// (fast for the common form, by a JSON parse for any other): texts with quotes, backslashes and
// other characters, and letters JSON escapes, must read as add_dataset wrote them.
TEST_F(ImportPredictions, AnExistingDatasetsLettersAreReadWhateverItsTexts) {
  unveil::data::Dataset ds;
  ds.name = "odd";
  const std::vector<std::vector<unveil::data::Option>> options = {
      {{'A', "say \"yes\""}, {'B', "back\\slash"}, {'C', "caf\xc3\xa9"}},
      {{'"', "quote"}, {'\\', "slash"}, {'Z', "line\nbreak"}},
      {{'P', ""}, {'Q', "]],[[\","}},
      {{'A', "x"}, {'B', "y"}, {'C', "z"}, {'D', "w"}}};
  for (std::size_t i = 0; i < options.size(); ++i) {
    unveil::data::Item it;
    it.id = "o" + std::to_string(i);
    it.options = options[i];
    it.answer = i == 1 ? 0 : 2 % static_cast<int>(options[i].size());
    ds.items.push_back(std::move(it));
  }
  ASSERT_TRUE(store_->add_dataset(ds, "odd.json", "llava").ok());
  // Every item's answer, by the right count of options: all imported.
  auto ok = store_->import_predictions(
      make({{"o0", 3, 2}, {"o1", 3, 0}, {"o2", 2, 0}, {"o3", 4, 2}}), "odd", "run");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  // A wrong label names the item's own letters.
  const auto wrong = [&](const std::string& id, int n, int label) {
    auto r = store_->import_predictions(make({{id, n, label}}), "odd", "bad");
    return r.ok() ? std::string("imported") : r.error().message;
  };
  EXPECT_EQ(wrong("o0", 3, 1),
            "prediction 1: prediction \"o0\" has label 1 (B), but item \"o0\" of dataset \"odd\" "
            "has answer 2 (C)");
  EXPECT_EQ(wrong("o1", 3, 1),
            "prediction 1: prediction \"o1\" has label 1 (B), but item \"o1\" of dataset \"odd\" "
            "has answer 0 (\")");
  EXPECT_EQ(wrong("o2", 2, 1),
            "prediction 1: prediction \"o2\" has label 1 (B), but item \"o2\" of dataset \"odd\" "
            "has answer 0 (P)");
  auto count = store_->import_predictions(make({{"o2", 3, 0}}), "odd", "bad");
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.error().message,
            "prediction 1: prediction \"o2\" has 3 options, but item \"o2\" of dataset \"odd\" has "
            "2");
}
