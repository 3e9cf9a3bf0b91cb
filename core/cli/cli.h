// unveil-cli: every analysis of the workbench, headless. Exit status 0 on success, 1 on bad input
// (with a one-line reason on stderr), 2 on usage errors.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace unveil::cli {

enum Exit : int { kOk = 0, kBadInput = 1, kUsage = 2 };

int run(int argc, char** argv);
/// args excludes the program name.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace unveil::cli
