// Ctrl+C as a request to stop: while an InterruptGuard lives, the first SIGINT sets its flag
// (long commands poll it and stop cleanly, keeping what they stored); the second ends the
// program as SIGINT always does. The previous handler comes back when the guard goes.
#pragma once

#include <atomic>
#include <csignal>

namespace unveil::cli {

class InterruptGuard {
 public:
  InterruptGuard() {
    flag_.store(false);
    struct sigaction sa = {};
    sa.sa_handler = &InterruptGuard::on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;  // the second Ctrl+C gets the default: the program ends
    sigaction(SIGINT, &sa, &previous_);
  }
  ~InterruptGuard() { sigaction(SIGINT, &previous_, nullptr); }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  const std::atomic<bool>& flag() const { return flag_; }

 private:
  static void on_signal(int /*signal*/) { flag_.store(true); }
  // Lock-free, so a signal handler may store to it.
  static inline std::atomic<bool> flag_{false};
  struct sigaction previous_ = {};
};

}  // namespace unveil::cli
