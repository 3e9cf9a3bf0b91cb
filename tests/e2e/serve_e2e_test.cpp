// End-to-end, `unveil-cli serve`: the real binary serves a demo model on a free port, prints the
// URL on its first line, answers the model list, and stops cleanly on SIGINT and SIGTERM; a card
// it cannot serve, a port in use and a bad host end it at once with a reason.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "cli_runner.h"
#include "model/openai_backend.h"

namespace fs = std::filesystem;

namespace {

using unveil::e2e::Run;

Run run_cli(const std::string& args) {
  return unveil::e2e::run_cli(args, "unveil_serve_e2e_stderr_");
}

// `unveil-cli serve ARGS` in the background, its stdout read through a pipe.
class Served {
 public:
  explicit Served(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe(fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(UNVEIL_CLI_PATH));
      argv.push_back(const_cast<char*>("serve"));
      for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(UNVEIL_CLI_PATH, argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out_ = fds[0];
  }
  ~Served() {
    if (pid_ > 0 && status_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;

  // The first line of stdout, waiting up to `seconds`; "" when none came.
  std::string first_line(double seconds) {
    std::string line;
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char c;
      if (::read(out_, &c, 1) != 1) break;
      if (c == '\n') return line;
      line += c;
    }
    return {};
  }
  // Sends `signal` and waits up to `seconds` for the exit status (-1: none).
  int stop(int signal, double seconds) {
    ::kill(pid_, signal);
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      int st = 0;
      if (::waitpid(pid_, &st, WNOHANG) == pid_) {
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        return status_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int status_ = -1;
};

}  // namespace

TEST(ServeE2E, ServesOnAFreePortAndStopsOnSignals) {
  const fs::path dir =
      fs::temp_directory_path() / ("unveil_serve_e2e_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  unveil::e2e::DemoProject demo;
  ASSERT_NO_FATAL_FAILURE(unveil::e2e::make_demo_project(dir, run_cli, &demo));
  const std::string card = demo.out + "/models/shapes-mm.json";

  for (const int signal : {SIGINT, SIGTERM}) {
    Served s({"--model", card, "--port", "0", "--device", "cpu", "--served-model-name", "demo"});
    const std::string line = s.first_line(120);
    const std::string prefix = "Serving demo on http://127.0.0.1:";
    ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
    ASSERT_EQ(line.substr(line.size() - 3), "/v1") << line;
    const std::string url = line.substr(std::string("Serving demo on ").size());
    const std::string port = line.substr(prefix.size(), line.size() - prefix.size() - 3);
    auto listed = unveil::model::list_server_models(url, "", 10);
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    EXPECT_EQ(*listed, std::vector<std::string>{"demo"});

    if (signal == SIGINT) {
      // The port is taken now: a second server says so.
      const auto taken = run_cli("serve --model " + card + " --port " + port + " --device cpu");
      EXPECT_EQ(taken.status, 1);
      EXPECT_NE(taken.err.find("in use"), std::string::npos) << taken.err;
    }
    EXPECT_EQ(s.stop(signal, 30), 0) << "signal " << signal;
    // And it is gone.
    EXPECT_FALSE(unveil::model::list_server_models(url, "", 2).ok());
  }

  // What cannot be served.
  const auto bad_host =
      run_cli("serve --model " + card + " --port 0 --device cpu --host no-such-host.invalid");
  EXPECT_EQ(bad_host.status, 1);
  EXPECT_NE(bad_host.err.find("no-such-host.invalid"), std::string::npos) << bad_host.err;
  const fs::path endpoint = dir / "endpoint.json";
  std::ofstream(endpoint) << R"({"backend": "openai", "base_url": "http://127.0.0.1:9/v1",
                                 "model": "x"})";
  const auto ep = run_cli("serve --model " + endpoint.string() + " --port 0");
  EXPECT_EQ(ep.status, 1);
  EXPECT_NE(ep.err.find("endpoint card"), std::string::npos) << ep.err;
  const auto missing = run_cli("serve --model " + (dir / "nope.json").string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("nope.json"), std::string::npos) << missing.err;
  EXPECT_EQ(run_cli("serve").status, 2);
  EXPECT_EQ(run_cli("serve --model " + card + " --port 70000").status, 2);
  EXPECT_EQ(run_cli("serve --model " + card + " --max-batch 0").status, 2);
  fs::remove_all(dir);
}
