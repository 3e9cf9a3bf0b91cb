// The process-wide worker count (set once at start-up) and a chunked parallel loop.
#pragma once

#include <cstddef>
#include <functional>

namespace unveil {

/// Number of worker threads core uses for data-parallel loops. Defaults to the hardware
/// concurrency; set once in main().
int worker_threads();
void set_worker_threads(int n);

/// Calls body(chunk, begin, end) for `chunks` contiguous ranges covering [0, n), in parallel on up
/// to worker_threads() threads. Ranges smaller than min_per_chunk are not split.
void parallel_chunks(std::size_t n, std::size_t min_per_chunk,
                     const std::function<void(int chunk, std::size_t begin, std::size_t end)>& body,
                     int* chunks_used = nullptr);

}  // namespace unveil
