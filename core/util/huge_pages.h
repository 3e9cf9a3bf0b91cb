// A hint for large, freshly allocated buffers: back them with transparent huge pages.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace unveil {

/// Asks the kernel to back the 2 MiB-aligned interior of [p, p + bytes) with transparent huge
/// pages where the system grants them on request (THP "madvise" or "always" mode): the first write
/// to a fresh buffer then takes one page fault per 2 MiB instead of one per 4 KiB. Call it before
/// the buffer is first written. Only a hint: the contents are unaffected, and it does nothing for
/// buffers under 4 MiB, when the kernel declines, or off Linux.
inline void advise_huge_pages(const void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  if (bytes < 2 * kHuge) return;
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t lo = (a + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t hi = (a + bytes) & ~(kHuge - 1);
  if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

/// v.reserve(n) for an empty vector, then advise_huge_pages on the new storage (before anything
/// is written to it).
template <class Vector>
void reserve_huge(Vector& v, std::size_t n) {
  v.reserve(n);
  advise_huge_pages(v.data(), n * sizeof(typename Vector::value_type));
}

}  // namespace unveil
