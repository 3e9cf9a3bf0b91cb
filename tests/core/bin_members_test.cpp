// calib::bin_members: the items of a reliability-table bin, by the rules of docs/METRICS.md, worked
// by hand on small sets (ties, confidence exactly 1.0 and 0, empty bins), and consistent with the
// counts of the engine's own tables.
#include <gtest/gtest.h>

#include <random>

#include "calib/bin_members.h"
#include "calib/metrics.h"
#include "test_util.h"

using namespace unveil;
using calib::Binning;

TEST(BinMembers, EqualWidthByHand) {
  // B = 4: [0, .25) [.25, .5) [.5, .75) [.75, 1]; 1.0 goes to the last bin, .5 to the third.
  const std::vector<double> c = {0.0, 0.25, 0.5, 0.74999, 1.0, 0.3, 0.75};
  EXPECT_EQ(calib::bin_assignment(c, 4, Binning::kEqualWidth),
            (std::vector<int>{0, 1, 2, 2, 3, 1, 3}));
  EXPECT_EQ(calib::bin_members(c, 4, Binning::kEqualWidth, 1), (std::vector<std::size_t>{1, 5}));
  EXPECT_EQ(calib::bin_members(c, 4, Binning::kEqualWidth, 3), (std::vector<std::size_t>{4, 6}));
  EXPECT_TRUE(calib::bin_members(c, 8, Binning::kEqualWidth, 7).size() == 1);  // only the 1.0
  EXPECT_TRUE(calib::bin_members(c, 4, Binning::kEqualWidth, 4).empty());      // out of range
  EXPECT_TRUE(calib::bin_members(c, 4, Binning::kEqualWidth, -1).empty());
}

TEST(BinMembers, EqualMassByHandWithTies) {
  // N = 5, B = 2: sorted positions [0, 2) and [2, 5) (floor(5/2) = 2). Stable ascending order of
  // c = {.9, .2, .9, .2, .5} is items 1, 3, 4, 0, 2 (ties keep input order).
  const std::vector<double> c = {0.9, 0.2, 0.9, 0.2, 0.5};
  EXPECT_EQ(calib::bin_assignment(c, 2, Binning::kEqualMass), (std::vector<int>{1, 0, 1, 0, 1}));
  // B = 3: positions [0,1) [1,3) [3,5): item 1 | items 3, 4 | items 0, 2.
  EXPECT_EQ(calib::bin_assignment(c, 3, Binning::kEqualMass), (std::vector<int>{2, 0, 2, 1, 1}));
  // More bins than items: some bins are empty. N = 2, B = 4: positions [0,0) [0,1) [1,1) [1,2).
  EXPECT_EQ(calib::bin_assignment(std::vector<double>{0.7, 0.1}, 4, Binning::kEqualMass),
            (std::vector<int>{3, 1}));
}

TEST(BinMembers, CountsMatchTheEngineTables) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(0, 1);
  calib::PredictionSet set;
  calib::PredictionInput in;
  for (int i = 0; i < 997; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    in.scores = {3 * u(rng), 3 * u(rng), 3 * u(rng)};
    in.label = i % 3;
    set.add(in);
  }
  const auto o = calib::compute_outcomes(set);
  for (Binning b : {Binning::kEqualWidth, Binning::kEqualMass}) {
    for (int bins : {1, 7, 15}) {
      const auto table = calib::bin_table(o, bins, b);
      for (int k = 0; k < bins; ++k) {
        const auto members = calib::bin_members(o.confidence, bins, b, k);
        EXPECT_EQ(members.size(), table.bins[static_cast<std::size_t>(k)].count)
            << "binning " << calib::to_string(b) << ", " << bins << " bins, bin " << k;
      }
    }
  }
}
