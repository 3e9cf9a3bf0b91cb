// The parameters of a stored temperature scaling (CalibrationInfo::params), typed. The store
// keeps them as JSON, {"temperature": T}; that JSON is written and read here only.
#pragma once

#include <string>
#include <string_view>

#include "store/store.h"
#include "util/result.h"

namespace unveil::store {

/// CalibrationInfo::method of a temperature scaling.
inline constexpr std::string_view kTemperatureMethod = "temperature";

struct TemperatureParams {
  double temperature = 1;  ///< finite and greater than 0

  /// The stored form: {"temperature":T}.
  std::string to_json() const;
  /// Stored parameters back. An error says what is wrong: not JSON, not an object, no
  /// "temperature", not a number, or not a finite number greater than 0.
  static Result<TemperatureParams> parse(std::string_view params);
};

/// The parameters of calibration `c`. An error, naming the calibration, when it is not a
/// temperature scaling or its parameters do not parse.
Result<TemperatureParams> temperature_params(const CalibrationInfo& c);

}  // namespace unveil::store
