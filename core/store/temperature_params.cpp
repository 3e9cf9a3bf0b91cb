#include "store/temperature_params.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace unveil::store {

std::string TemperatureParams::to_json() const {
  return nlohmann::json{{"temperature", temperature}}.dump();
}

Result<TemperatureParams> TemperatureParams::parse(std::string_view params) {
  const std::string quoted = "the temperature scaling's parameters " +
                             (params.empty() ? std::string("(empty)") : std::string(params));
  const auto j = nlohmann::json::parse(params, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{quoted + " are not JSON"};
  if (!j.is_object()) return Error{quoted + " are not a JSON object"};
  const auto t = j.find("temperature");
  if (t == j.end()) return Error{quoted + " have no \"temperature\""};
  if (!t->is_number()) return Error{quoted + " hold no number as \"temperature\""};
  const double value = t->get<double>();
  if (!std::isfinite(value) || value <= 0) {
    return Error{quoted + " hold a temperature that is not a finite number greater than 0"};
  }
  return TemperatureParams{value};
}

Result<TemperatureParams> temperature_params(const CalibrationInfo& c) {
  const std::string which = "calibration " + std::to_string(c.id);
  if (c.method != kTemperatureMethod) {
    return Error{which + " is \"" + c.method + "\", not a temperature scaling"};
  }
  auto p = TemperatureParams::parse(c.params);
  if (!p) return Error{which + ": " + p.error().message};
  return p;
}

}  // namespace unveil::store
