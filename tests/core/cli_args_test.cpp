#include "cli/args.h"

#include <gtest/gtest.h>

using namespace unveil::cli;

TEST(CliArgs, PositionalOptionsAndFlags) {
  const std::vector<std::string> argv{"a.jsonl", "--bins", "15", "--binning=mass",
                                      "--skip-invalid"};
  const auto a = parse_args(argv, {"--bins", "--binning"}, {"--skip-invalid"});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->positional, std::vector<std::string>{"a.jsonl"});
  EXPECT_EQ(*a->get("--bins"), "15");
  EXPECT_EQ(*a->get("--binning"), "mass");
  EXPECT_TRUE(a->flags.count("--skip-invalid"));
}

TEST(CliArgs, UnknownOptionAndMissingValueAreErrors) {
  const std::vector<std::string> unknown{"--frobnicate"};
  EXPECT_NE(parse_args(unknown, {}, {}).error().message.find("--frobnicate"), std::string::npos);
  const std::vector<std::string> missing{"--bins"};
  EXPECT_NE(parse_args(missing, {"--bins"}, {}).error().message.find("needs a value"),
            std::string::npos);
}

TEST(CliArgs, IntegerOptionRange) {
  const std::vector<std::string> argv{"--bins", "0"};
  const auto a = parse_args(argv, {"--bins"}, {});
  const auto v = int_option(*a, "--bins", 10, 1, 100);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("found \"0\""), std::string::npos);
  const std::vector<std::string> none{};
  EXPECT_EQ(*int_option(*parse_args(none, {}, {}), "--bins", 10, 1, 100), 10);
}
