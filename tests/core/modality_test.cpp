// Text versus image uncertainty: runs per condition made once and reused, and every
// number checked against a computation written out here from the stored predictions.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>

#include "analysis/modality.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "store/store.h"
#include "test_util.h"
#include "tiny_demo_project.h"

using namespace unveil;
namespace fs = std::filesystem;

namespace {

// Tiny demo models on a tiny shapes world, exactly as model_test.cpp's fixture makes them.
class Modality : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { test::tiny_demo_suite_dir("unveil_modality", &dir_); }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  // A fresh project per test holding the world as dataset "shapes".
  void SetUp() override { test::tiny_demo_project(dir_, &db_); }

  analysis::ModalitySpec spec(const std::string& model, std::vector<std::string> conditions) const {
    analysis::ModalitySpec s;
    s.db = db_;
    s.card = dir_ / "models" / (model + ".json");
    s.dataset = "shapes";
    s.split = "test";
    s.conditions = std::move(conditions);
    s.device = model::DeviceChoice::kCpu;
    return s;
  }

  std::size_t run_count() const {
    auto st = store::Store::open(db_);
    return st->runs()->size();
  }

  static fs::path dir_;
  fs::path db_;
};
fs::path Modality::dir_;

// What one stored prediction gives, computed here by hand: p = softmax(logits), confidence =
// max p (first maximum wins), entropy = -sum p ln p.
struct ByHand {
  double confidence = 0, entropy = 0;
  bool correct = false;
};

ByHand by_hand(const store::PredictionRecord& r) {
  double mx = r.logits[0];
  for (double z : r.logits)
    mx = std::max(mx, z);
  double sum = 0;
  for (double z : r.logits)
    sum += std::exp(z - mx);
  ByHand h;
  int best = 0;
  for (std::size_t k = 0; k < r.logits.size(); ++k) {
    const double p = std::exp(r.logits[k] - mx) / sum;
    if (p > 0) h.entropy -= p * std::log(p);
    if (p > h.confidence) {
      h.confidence = p;
      best = static_cast<int>(k);
    }
  }
  h.correct = best == r.label;
  return h;
}

std::map<std::int64_t, ByHand> stored_by_hand(const fs::path& db, std::int64_t run) {
  auto st = store::Store::open(db);
  auto recs = st->predictions(run);
  std::map<std::int64_t, ByHand> out;
  for (const auto& r : *recs)
    out[r.item_id] = by_hand(r);
  return out;
}

// ECE over 10 equal-width bins, bin = min(floor(10 c), 9), as docs/METRICS.md defines it.
double ece_by_hand(const std::map<std::int64_t, ByHand>& items) {
  double conf[10] = {}, right[10] = {}, count[10] = {};
  for (const auto& [id, h] : items) {
    const int b = std::min(static_cast<int>(std::floor(h.confidence * 10)), 9);
    conf[b] += h.confidence;
    right[b] += h.correct;
    count[b] += 1;
  }
  double ece = 0;
  for (int b = 0; b < 10; ++b) {
    if (count[b] > 0) ece += std::abs(right[b] - conf[b]) / static_cast<double>(items.size());
  }
  return ece;
}

}  // namespace

TEST_F(Modality, RunsAreMadeOnceAndReusedWithTheSameNumbers) {
  std::vector<double> overall;
  auto first = analysis::run_modality(
      spec("shapes-mm", {"image", "text", "blank"}), nullptr,
      [&](const analysis::ModalityProgress& p) { overall.push_back(p.overall); });
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->conditions.size(), 3u);
  EXPECT_EQ(run_count(), 3u);
  for (const auto& c : first->conditions)
    EXPECT_EQ(c.origin, analysis::RunOrigin::kCreated) << c.condition;
  ASSERT_FALSE(overall.empty());
  EXPECT_TRUE(std::is_sorted(overall.begin(), overall.end()));
  EXPECT_DOUBLE_EQ(overall.back(), 1.0);

  auto second = analysis::run_modality(spec("shapes-mm", {"image", "text", "blank"}));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(run_count(), 3u);  // nothing new
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& a = first->conditions[i];
    const auto& b = second->conditions[i];
    EXPECT_EQ(b.origin, analysis::RunOrigin::kReused);
    EXPECT_EQ(b.run_id, a.run_id);
    EXPECT_EQ(b.n, a.n);
    EXPECT_EQ(b.accuracy, a.accuracy);
    EXPECT_EQ(b.ece, a.ece);
    EXPECT_EQ(b.mean_entropy, a.mean_entropy);
    EXPECT_EQ(b.confidence.counts, a.confidence.counts);
  }
}

TEST_F(Modality, NumbersEqualAComputationFromTheStoredPredictions) {
  auto r = analysis::run_modality(spec("shapes-mm", {"image", "text", "blank"}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->reference, "image");
  const auto reference = stored_by_hand(db_, r->conditions[0].run_id);
  for (const auto& c : r->conditions) {
    const auto items = stored_by_hand(db_, c.run_id);
    ASSERT_EQ(c.n, items.size()) << c.condition;
    ASSERT_GT(c.n, 0u);
    double conf = 0, ent = 0, right = 0;
    for (const auto& [id, h] : items) {
      conf += h.confidence;
      ent += h.entropy;
      right += h.correct;
    }
    const double n = static_cast<double>(items.size());
    EXPECT_NEAR(c.mean_confidence, conf / n, 1e-12) << c.condition;
    EXPECT_NEAR(c.mean_entropy, ent / n, 1e-12) << c.condition;
    EXPECT_NEAR(c.accuracy, right / n, 1e-12) << c.condition;
    EXPECT_NEAR(c.ece, ece_by_hand(items), 1e-12) << c.condition;
    // Histograms: 20 bins over [0, 1] and [0, ln 5] (five options), every item counted once.
    ASSERT_EQ(c.confidence.counts.size(), 20u);
    EXPECT_NEAR(c.entropy.hi, std::log(5.0), 1e-15);
    std::size_t in_conf = 0, in_ent = 0;
    for (auto k : c.confidence.counts)
      in_conf += k;
    for (auto k : c.entropy.counts)
      in_ent += k;
    EXPECT_EQ(in_conf, c.n);
    EXPECT_EQ(in_ent, c.n);
    if (c.condition == "image") {
      EXPECT_FALSE(c.versus_reference.has_value());
      continue;
    }
    // Transitions from this condition to the image, joined by item here.
    ASSERT_TRUE(c.versus_reference.has_value());
    analysis::Transitions t;
    std::size_t shared = 0;
    for (const auto& [id, h] : items) {
      const auto with = reference.find(id);
      if (with == reference.end()) continue;
      ++shared;
      const bool img = with->second.correct;
      t.kept_right += h.correct && img;
      t.kept_wrong += !h.correct && !img;
      t.changed_to_right += !h.correct && img;
      t.changed_to_wrong += h.correct && !img;
    }
    const auto& v = *c.versus_reference;
    EXPECT_EQ(v.reference, "image");
    EXPECT_EQ(v.shared, shared);
    EXPECT_EQ(v.transitions.total(), shared);
    EXPECT_EQ(v.transitions.kept_right, t.kept_right) << c.condition;
    EXPECT_EQ(v.transitions.kept_wrong, t.kept_wrong) << c.condition;
    EXPECT_EQ(v.transitions.changed_to_right, t.changed_to_right) << c.condition;
    EXPECT_EQ(v.transitions.changed_to_wrong, t.changed_to_wrong) << c.condition;
    ASSERT_EQ(v.pairs.size(), shared);
  }
  const auto json = analysis::to_json(*r);
  EXPECT_EQ(json["conditions"].size(), 3u);
  EXPECT_TRUE(json["conditions"][0]["versus_reference"].is_null());
  EXPECT_EQ(json["conditions"][1]["versus_reference"]["transitions"].size(), 4u);
}

TEST_F(Modality, TheTextOnlyModelIgnoresTheImage) {
  // A real check of the plumbing: the base model has no image input, so a blank image changes
  // nothing at all.
  auto r = analysis::run_modality(spec("shapes-base", {"image", "blank"}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto& image = r->conditions[0];
  const auto& blank = r->conditions[1];
  EXPECT_EQ(blank.accuracy, image.accuracy);
  EXPECT_EQ(blank.ece, image.ece);
  EXPECT_EQ(blank.mean_entropy, image.mean_entropy);
  const auto& v = *blank.versus_reference;
  EXPECT_EQ(v.shared, image.n);
  EXPECT_EQ(v.transitions.changed_to_right, 0u);
  EXPECT_EQ(v.transitions.changed_to_wrong, 0u);
  for (const auto& p : v.pairs)
    EXPECT_EQ(p.confidence, p.reference) << p.item;
}

TEST_F(Modality, WithoutAnImageConditionTheFirstIsTheReference) {
  auto r = analysis::run_modality(spec("shapes-mm", {"text", "noise:0.3"}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->reference, "text");
  EXPECT_FALSE(r->conditions[0].versus_reference.has_value());
  ASSERT_TRUE(r->conditions[1].versus_reference.has_value());
  EXPECT_EQ(r->conditions[1].versus_reference->reference, "text");
}

TEST_F(Modality, BadConditionsAndUnknownDatasetsAreRefusedBeforeAnyRun) {
  for (const std::string bad : {"noise:abc", "fog"}) {
    auto r = analysis::run_modality(spec("shapes-mm", {"image", bad}));
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("condition \"" + bad + "\""), std::string::npos)
        << r.error().message;
  }
  auto twice = analysis::run_modality(spec("shapes-mm", {"grey", "gray"}));
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("listed twice"), std::string::npos);
  auto s = spec("shapes-mm", {"image"});
  s.dataset = "no-such-set";
  auto unknown = analysis::run_modality(s);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("no dataset named \"no-such-set\""), std::string::npos)
      << unknown.error().message;
  EXPECT_EQ(run_count(), 0u);
}

TEST_F(Modality, ACancelledRunIsResumedByTheNextCall) {
  auto s = spec("shapes-mm", {"image", "blank"});
  s.batch = 4;
  std::atomic<bool> cancel{false};
  auto first = analysis::run_modality(s, &cancel, [&](const analysis::ModalityProgress& p) {
    if (p.condition_index == 1 && p.run.done >= 4) cancel = true;
  });
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->cancelled);
  EXPECT_TRUE(first->conditions.empty());
  EXPECT_EQ(run_count(), 2u);
  auto second = analysis::run_modality(s);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_FALSE(second->cancelled);
  EXPECT_EQ(second->conditions[0].origin, analysis::RunOrigin::kReused);
  EXPECT_EQ(second->conditions[1].origin, analysis::RunOrigin::kResumed);
  EXPECT_EQ(second->conditions[1].n, second->conditions[0].n);
  EXPECT_EQ(run_count(), 2u);
}
