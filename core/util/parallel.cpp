#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace unveil {
namespace {
std::atomic<int> g_workers{0};
}

int worker_threads() {
  const int n = g_workers.load(std::memory_order_relaxed);
  if (n > 0) return n;
  return std::max(1u, std::thread::hardware_concurrency());
}

void set_worker_threads(int n) {
  g_workers.store(std::max(1, n), std::memory_order_relaxed);
}

void parallel_chunks(std::size_t n, std::size_t min_per_chunk,
                     const std::function<void(int, std::size_t, std::size_t)>& body,
                     int* chunks_used) {
  const std::size_t by_size = std::max<std::size_t>(1, n / std::max<std::size_t>(1, min_per_chunk));
  const int chunks = static_cast<int>(std::min<std::size_t>(worker_threads(), by_size));
  if (chunks_used) *chunks_used = chunks;
  if (chunks <= 1) {
    body(0, 0, n);
    return;
  }
  std::vector<std::thread> threads;
  threads.reserve(chunks - 1);
  for (int c = 1; c < chunks; ++c) {
    threads.emplace_back([&, c] { body(c, n * c / chunks, n * (c + 1) / chunks); });
  }
  body(0, 0, n / chunks);
  for (auto& t : threads)
    t.join();
}

}  // namespace unveil
