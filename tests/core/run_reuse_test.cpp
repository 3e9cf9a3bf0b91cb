// Which stored run an analysis takes (core/analysis/run_reuse.h): the rules of find_run
// on hand-made run lists.
#include <gtest/gtest.h>

#include <vector>

#include "analysis/run_reuse.h"

using namespace unveil;
using analysis::RunOrigin;

namespace {

analysis::RunKey key(const std::string& condition = "image", bool seeded = false) {
  analysis::RunKey k;
  k.model_id = 1;
  k.dataset_id = 2;
  k.split = "test";
  k.condition = condition;
  k.prompt = "{question}";
  k.seed = 0;
  k.seeded = seeded;
  return k;
}

store::RunInfo run(std::int64_t id, store::RunStatus status, const std::string& condition = "image",
                   const std::string& settings = "{\"seed\":0}") {
  store::RunInfo r;
  r.id = id;
  r.status = status;
  r.spec.model_id = 1;
  r.spec.dataset_id = 2;
  r.spec.split = "test";
  r.spec.condition = condition;
  r.spec.prompt = "{question}";
  r.spec.settings = settings;
  return r;
}

}  // namespace

TEST(RunReuse, TheLatestCompleteRunIsReusedBeforeAnyStoppedOne) {
  const std::vector<store::RunInfo> runs = {run(1, store::RunStatus::kComplete),
                                            run(2, store::RunStatus::kComplete),
                                            run(3, store::RunStatus::kCancelled)};
  const auto found = analysis::find_run(runs, key());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, 2);
  EXPECT_EQ(found->origin, RunOrigin::kReused);
}

TEST(RunReuse, TheLatestStoppedRunIsResumedAndARunningOneLeftAlone) {
  const std::vector<store::RunInfo> runs = {
      run(1, store::RunStatus::kFailed), run(2, store::RunStatus::kInterrupted),
      run(3, store::RunStatus::kRunning), run(4, store::RunStatus::kImported)};
  const auto found = analysis::find_run(runs, key());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, 2);
  EXPECT_EQ(found->origin, RunOrigin::kResumed);
  EXPECT_FALSE(
      analysis::find_run(std::vector<store::RunInfo>{run(3, store::RunStatus::kRunning)}, key())
          .has_value());
}

TEST(RunReuse, EveryPartOfTheKeyMustMatch) {
  auto k = key();
  const std::vector<store::RunInfo> runs = {run(1, store::RunStatus::kComplete)};
  EXPECT_TRUE(analysis::find_run(runs, k).has_value());
  auto other = k;
  other.split = "idk";
  EXPECT_FALSE(analysis::find_run(runs, other).has_value());
  other = k;
  other.prompt = "{question}?";
  EXPECT_FALSE(analysis::find_run(runs, other).has_value());
  other = k;
  other.condition = "blank";
  EXPECT_FALSE(analysis::find_run(runs, other).has_value());
  other = k;
  other.dataset_id = 3;
  EXPECT_FALSE(analysis::find_run(runs, other).has_value());
  other = k;
  other.model_id = 9;
  EXPECT_FALSE(analysis::find_run(runs, other).has_value());
  other.model_id.reset();  // the project has no row for the model: nothing can match
  EXPECT_FALSE(analysis::find_run(runs, other).has_value());
}

TEST(RunReuse, TheSeedMattersOnlyForConditionsThatDrawRandomNumbers) {
  // A run made with seed 1 (as the demo project makes them) serves an unperturbed image asked for
  // with seed 0; a noise run does not.
  const std::vector<store::RunInfo> runs = {
      run(1, store::RunStatus::kComplete, "image", "{\"seed\":1}"),
      run(2, store::RunStatus::kComplete, "noise:0.3", "{\"seed\":1}")};
  EXPECT_EQ(analysis::find_run(runs, key("image"))->id, 1);
  EXPECT_FALSE(analysis::find_run(runs, key("noise:0.3", true)).has_value());
  auto same = key("noise:0.3", true);
  same.seed = 1;
  EXPECT_EQ(analysis::find_run(runs, same)->id, 2);
}
