// Helpers shared by the end-to-end tests: run the real unveil-cli and capture what it printed, and
// make the demo world and models with it and import the world into a project.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace unveil::e2e {

struct Run {
  int status = -1;
  std::string out, err;
};

/// Runs `unveil-cli ARGS`: its stdout, its stderr and its exit status (-1 when it did not exit).
/// One stderr file per call, named STDERR_PREFIX, the process id and a counter: ctest runs the
/// tests in parallel processes.
inline Run run_cli(const std::string& args, const std::string& stderr_prefix) {
  static int calls = 0;
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() /
      (stderr_prefix + std::to_string(::getpid()) + "_" + std::to_string(++calls) + ".txt");
  const std::string cmd = std::string(UNVEIL_CLI_PATH) + " " + args + " 2>" + err_file.string();
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  std::size_t got;
  while ((got = fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), got);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream e(err_file);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  std::filesystem::remove(err_file);
  return r;
}

/// The demo project made through the CLI: the world and models in `out`, the project `db`.
struct DemoProject {
  std::string out;  // DIR/demo: shapes_world.json and models/
  std::string db;   // DIR/p.unveil, the world imported as dataset "shapes"
};

/// `unveil-cli demo --out DIR/demo --size 96 --epochs 1`, then the world imported into
/// DIR/p.unveil as "shapes"; both must exit 0. Fails fatally otherwise: call it through
/// ASSERT_NO_FATAL_FAILURE. `run` is the test file's runner.
template <typename RunCli>
void make_demo_project(const std::filesystem::path& dir, RunCli run, DemoProject* project) {
  project->out = (dir / "demo").string();
  ASSERT_EQ(run("demo --out " + project->out + " --size 96 --epochs 1").status, 0);
  project->db = (dir / "p.unveil").string();
  ASSERT_EQ(
      run("import " + project->out + "/shapes_world.json --db " + project->db + " --name shapes")
          .status,
      0);
}

}  // namespace unveil::e2e
