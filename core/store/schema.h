#pragma once

#include <string>
#include <vector>

namespace unveil::store {

/// migrations()[k] brings a file from version k to version k + 1.
const std::vector<std::string>& migrations();

}  // namespace unveil::store
