#include "util/vexp.h"

#include <cmath>

#if defined(UNVEIL_HAVE_LIBMVEC)
#include <immintrin.h>
// glibc's vector exp and log (x86-64 vector function ABI names; IFUNCs that pick the best
// implementation of their width for the processor at load time): SSE2 calling convention with 2
// doubles, AVX2 calling convention with 4. The AVX2 ones may only be called on a processor with
// AVX2, hence the run-time check below.
extern "C" __m128d _ZGVbN2v_exp(__m128d);
extern "C" __m128d _ZGVbN2v_log(__m128d);
extern "C" __m256d _ZGVdN4v_exp(__m256d);
extern "C" __m256d _ZGVdN4v_log(__m256d);
#endif

namespace unveil {
namespace {

#if defined(UNVEIL_HAVE_LIBMVEC)
bool use_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

// Returns how many leading elements were done (a multiple of the width).
__attribute__((target("avx2"))) std::size_t exp_avx2(double* x, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {  // two independent calls in flight
    const __m256d a = _ZGVdN4v_exp(_mm256_loadu_pd(x + i));
    const __m256d b = _ZGVdN4v_exp(_mm256_loadu_pd(x + i + 4));
    _mm256_storeu_pd(x + i, a);
    _mm256_storeu_pd(x + i + 4, b);
  }
  for (; i + 4 <= n; i += 4)
    _mm256_storeu_pd(x + i, _ZGVdN4v_exp(_mm256_loadu_pd(x + i)));
  return i;
}

__attribute__((target("avx2"))) std::size_t log_avx2(double* x, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4)
    _mm256_storeu_pd(x + i, _ZGVdN4v_log(_mm256_loadu_pd(x + i)));
  return i;
}
#endif

}  // namespace

void exp_inplace(double* x, std::size_t n) {
  std::size_t i = 0;
#if defined(UNVEIL_HAVE_LIBMVEC)
  if (use_avx2()) i = exp_avx2(x, n);
  for (; i + 2 <= n; i += 2)
    _mm_storeu_pd(x + i, _ZGVbN2v_exp(_mm_loadu_pd(x + i)));
#endif
  for (; i < n; ++i)
    x[i] = std::exp(x[i]);
}

void log_inplace(double* x, std::size_t n) {
  std::size_t i = 0;
#if defined(UNVEIL_HAVE_LIBMVEC)
  if (use_avx2()) i = log_avx2(x, n);
  for (; i + 2 <= n; i += 2)
    _mm_storeu_pd(x + i, _ZGVbN2v_log(_mm_loadu_pd(x + i)));
#endif
  for (; i < n; ++i)
    x[i] = std::log(x[i]);
}

}  // namespace unveil
