// store::TemperatureParams (core/store/temperature_params.h): the one encoding of a stored
// temperature scaling's parameters, and the reasons broken ones are refused.
#include "store/temperature_params.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/store.h"

using namespace unveil::store;
namespace fs = std::filesystem;

namespace {

TEST(TemperatureParamsTest, ATemperatureRoundTripsExactly) {
  for (const double t : {1.0, 0.37, 2.718281828459045, 1e-3, 9.99, 1.0 / 3.0}) {
    SCOPED_TRACE(t);
    const auto back = TemperatureParams::parse(TemperatureParams{t}.to_json());
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->temperature, t);
  }
}

TEST(TemperatureParamsTest, TheStoredFormIsAnObjectWithTheTemperature) {
  EXPECT_EQ(TemperatureParams{1.5}.to_json(), R"({"temperature":1.5})");
  // What earlier versions of the window and the demo project stored reads the same.
  for (const char* stored : {R"({"temperature":1.7})", R"({"temperature": 1.7})"}) {
    const auto p = TemperatureParams::parse(stored);
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->temperature, 1.7);
  }
}

TEST(TemperatureParamsTest, BrokenParametersAreRefusedWithTheReason) {
  const struct {
    const char* params;
    const char* reason;
  } cases[] = {
      {"", "are not JSON"},
      {"temperature=1.5", "are not JSON"},
      {R"({"temperature": NaN})", "are not JSON"},  // Python's json writes NaN so
      {"[1.5]", "are not a JSON object"},
      {"1.5", "are not a JSON object"},
      {"{}", "have no \"temperature\""},
      {R"({"T": 1.5})", "have no \"temperature\""},
      {R"({"temperature": "1.5"})", "hold no number as \"temperature\""},
      {R"({"temperature": null})", "hold no number as \"temperature\""},  // a NaN, as JSON
      {R"({"temperature": 0})", "not a finite number greater than 0"},
      {R"({"temperature": -1.2})", "not a finite number greater than 0"},
      {R"({"temperature": 1e999})", ""},  // out of range: refused, whichever way
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.params);
    const auto p = TemperatureParams::parse(c.params);
    ASSERT_FALSE(p.ok()) << p->temperature;
    EXPECT_NE(p.error().message.find(c.reason), std::string::npos) << p.error().message;
    // The message quotes what was found.
    EXPECT_NE(p.error().message.find(c.params), std::string::npos) << p.error().message;
  }
}

TEST(TemperatureParamsTest, ACalibrationsParametersNameItWhenBroken) {
  CalibrationInfo c;
  c.id = 12;
  c.method = std::string(kTemperatureMethod);
  c.params = TemperatureParams{0.8}.to_json();
  const auto ok = temperature_params(c);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->temperature, 0.8);

  c.params = R"({"temperature": -3})";
  const auto negative = temperature_params(c);
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().message.rfind("calibration 12: ", 0), 0u) << negative.error().message;

  c.method = "histogram";
  c.params = TemperatureParams{0.8}.to_json();
  const auto other = temperature_params(c);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("not a temperature scaling"), std::string::npos)
      << other.error().message;
}

TEST(TemperatureParamsTest, StoredParametersReadBackFromTheProject) {
  const fs::path dir =
      fs::temp_directory_path() / ("unveil_temperature_params_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    auto st = Store::open(dir / "p.unveil");
    ASSERT_TRUE(st.ok()) << st.error().message;
    unveil::calib::PredictionSet set;
    unveil::calib::PredictionInput in;
    in.id = "q0";
    in.scores = {1.0, 0.0};
    set.add(in);
    auto run = st->import_predictions(set, "d", "r");
    ASSERT_TRUE(run.ok()) << run.error().message;
    CalibrationInfo c;
    c.run_id = *run;
    c.method = std::string(kTemperatureMethod);
    c.params = TemperatureParams{1.0 / 7.0}.to_json();
    c.fit_split = "calibration";
    ASSERT_TRUE(st->add_calibration(c).ok());
    auto list = st->calibrations(*run);
    ASSERT_TRUE(list.ok()) << list.error().message;
    ASSERT_EQ(list->size(), 1u);
    const auto p = temperature_params(list->front());
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->temperature, 1.0 / 7.0);
  }
  fs::remove_all(dir);
}

}  // namespace
