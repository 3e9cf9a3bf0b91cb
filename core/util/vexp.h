// exp over an array, vectorised with glibc's libmvec where it is available (its exp is accurate to
// 4 ulp); elsewhere the plain std::exp loop. The softmax of a million items spends most of its
// time here.
#pragma once

#include <cstddef>

namespace unveil {

/// x[i] = exp(x[i]) for i < n; exp(-inf) is 0.
void exp_inplace(double* x, std::size_t n);

}  // namespace unveil
