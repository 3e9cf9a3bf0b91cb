#include "util/vexp.h"

#include <cmath>

#if defined(UNVEIL_HAVE_LIBMVEC)
#include <emmintrin.h>
// glibc's vector exp, SSE2 calling convention, 2 doubles (an IFUNC: it picks the best
// implementation for the processor at load time). x86-64 vector function ABI name.
extern "C" __m128d _ZGVbN2v_exp(__m128d);
#endif

namespace unveil {

void exp_inplace(double* x, std::size_t n) {
  std::size_t i = 0;
#if defined(UNVEIL_HAVE_LIBMVEC)
  for (; i + 2 <= n; i += 2)
    _mm_storeu_pd(x + i, _ZGVbN2v_exp(_mm_loadu_pd(x + i)));
#endif
  for (; i < n; ++i)
    x[i] = std::exp(x[i]);
}

}  // namespace unveil
