// exp and log over arrays, vectorised with glibc's libmvec where it is available (its exp and log
// are accurate to 4 ulp); elsewhere the plain std::exp / std::log loops. The softmax of a million
// items spends most of its time here.
//
// On x86-64 the 4-wide AVX2 variants (_ZGVdN4v_*) are used when the processor has AVX2, chosen
// at run time; otherwise the 2-wide SSE2 ones (_ZGVbN2v_*), which every x86-64 processor runs.
#pragma once

#include <cstddef>

namespace unveil {

/// x[i] = exp(x[i]) for i < n; exp(-inf) is 0.
void exp_inplace(double* x, std::size_t n);

/// x[i] = log(x[i]) for i < n (x[i] > 0).
void log_inplace(double* x, std::size_t n);

}  // namespace unveil
