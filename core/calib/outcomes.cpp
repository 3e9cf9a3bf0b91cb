#include "calib/outcomes.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "util/huge_pages.h"
#include "util/vexp.h"

namespace unveil::calib {
namespace {
// -log p for given probabilities is clamped at p = 1e-12, as docs/METRICS.md defines NLL.
constexpr double kMaxProbNll = 27.631021115928547;  // -log(1e-12)

// Items per chunk: a chunk's scratch columns (K + 6 doubles per item) stay in L1/L2.
constexpr std::size_t kChunk = 256;

// Four items at a time, with GCC's vector extensions: one source that the compiler lowers to two
// SSE2 operations each in the baseline build and to one AVX operation in the AVX2 build below.
using v4d = double __attribute__((vector_size(32)));

// The vector helpers and the kernel are always inlined, so GCC's note about passing 32-byte
// vectors without AVX (a different ABI) does not concern them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

[[gnu::always_inline]] inline v4d load4(const double* p) {
  v4d v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
[[gnu::always_inline]] inline void store4(double* p, const v4d& v) {
  std::memcpy(p, &v, sizeof v);
}

// Scratch of one chunk, column-wise ("structure of arrays"): z holds K rows of `stride` values,
// row k being option k of every item, so that four items are computed side by side, each with its
// K options in the same order as in the per-item code (chunk_mixed).
// The chunk's outcomes are written to the last six columns and appended to the output from
// there (so the output columns are written once, not zero-filled first).
struct Scratch {
  std::vector<double> z;  // K x stride: logits, then (z - zmax) / T, then exp of that
  std::vector<double> arg, lab, zl, sum;
  std::vector<double> conf, brier, nll;
  std::vector<std::int32_t> predicted;
  std::vector<std::uint8_t> correct;
  std::vector<std::int8_t> said_idk;
  explicit Scratch(std::size_t k)
      : z(k * kChunk),
        arg(kChunk),
        lab(kChunk),
        zl(kChunk),
        sum(kChunk),
        conf(kChunk),
        brier(kChunk),
        nll(kChunk),
        predicted(kChunk),
        correct(kChunk),
        said_idk(kChunk) {}
};

// Outcomes of items [c0, c0 + len) that all have K options, their logits contiguous from z_in.
// Every value is computed by the same operations in the same order as chunk_mixed, so the
// results are identical apart from the exp/log implementation (both libmvec, 4 ulp). Always
// inlined into the two instantiations below: compiled once for baseline x86-64, once for AVX2.
template <std::size_t K>
[[gnu::always_inline]] inline void chunk_kernel(const PredictionSet& set, std::size_t c0,
                                                std::size_t len, const double* z_in, double inv_t,
                                                Scratch& s) {
  const std::size_t stride = (len + 3) & ~std::size_t{3};
  double* z = s.z.data();
  // Transpose into rows; labels as doubles so that the selects compare doubles. The padding items
  // up to a multiple of four get logits 0 and no label.
  for (std::size_t i = 0; i < len; ++i) {
    const double* zi = z_in + i * K;
    for (std::size_t k = 0; k < K; ++k)
      z[k * stride + i] = zi[k];
    s.lab[i] = set.label(c0 + i);
  }
  for (std::size_t i = len; i < stride; ++i) {
    for (std::size_t k = 0; k < K; ++k)
      z[k * stride + i] = 0;
    s.lab[i] = -1;
  }
  const v4d vinv_t = v4d{} + inv_t;
  for (std::size_t i = 0; i < stride; i += 4) {
    // Argmax on the raw logits (dividing by T > 0 keeps the order); ties go to the lowest index.
    v4d m = load4(z + i), a = v4d{};
    for (std::size_t k = 1; k < K; ++k) {
      const v4d v = load4(z + k * stride + i);
      const auto gt = v > m;
      m = gt ? v : m;
      a = gt ? v4d{} + static_cast<double>(k) : a;
    }
    // Shifted, scaled logits; zl = (z_label - z_max) / T for the NLL.
    const v4d lab = load4(s.lab.data() + i);
    v4d l = v4d{};
    for (std::size_t k = 0; k < K; ++k) {
      const v4d v = (load4(z + k * stride + i) - m) * vinv_t;
      store4(z + k * stride + i, v);
      l = lab == static_cast<double>(k) ? v : l;
    }
    store4(s.arg.data() + i, a);
    store4(s.zl.data() + i, l);
  }
  exp_inplace(z, K * stride);
  for (std::size_t i = 0; i < stride; i += 4) {
    // Sums in option order; exp(0) = 1 exactly for the argmax (a one-hot distribution has
    // confidence exactly 1.0).
    const v4d a = load4(s.arg.data() + i), lab = load4(s.lab.data() + i);
    v4d sm = v4d{}, sq = v4d{}, pe = v4d{};
    for (std::size_t k = 0; k < K; ++k) {
      const v4d zv = load4(z + k * stride + i);
      const v4d e = a == static_cast<double>(k) ? v4d{} + 1.0 : zv;
      sm += e;
      sq += e * e;
      pe = lab == static_cast<double>(k) ? e : pe;
    }
    const v4d inv_sum = 1.0 / sm;
    const v4d p_label = pe * inv_sum;
    // Brier: sum_k (p_k - y_k)^2 = sum_k p_k^2 - 2 p_label + 1, clamped at 0 (std::max(0.0, b)).
    const v4d b = sq * inv_sum * inv_sum - 2.0 * p_label + 1.0;
    store4(s.conf.data() + i, inv_sum);
    store4(s.brier.data() + i, 0.0 < b ? b : v4d{});
    store4(s.sum.data() + i, sm);
  }
  log_inplace(s.sum.data(), stride);
  double* nll = s.nll.data();
  std::int32_t* predicted = s.predicted.data();
  std::uint8_t* correct = s.correct.data();
  std::int8_t* said_idk = s.said_idk.data();
  for (std::size_t i = 0; i < len; ++i) {
    double v = s.sum[i] - s.zl[i];
    if (set.kind(c0 + i) == ScoreKind::kProbabilities) v = std::min(v, kMaxProbNll);
    nll[i] = v;
    const int a = static_cast<int>(s.arg[i]);
    predicted[i] = a;
    correct[i] = s.arg[i] == s.lab[i] ? 1 : 0;
    const int idk = set.idk_index(c0 + i);
    said_idk[i] = static_cast<std::int8_t>(idk < 0 ? -1 : (a == idk ? 1 : 0));
  }
}

template <std::size_t K>
void chunk_default(const PredictionSet& set, std::size_t c0, std::size_t len, const double* z,
                   double inv_t, Scratch& s) {
  chunk_kernel<K>(set, c0, len, z, inv_t, s);
}

#if defined(__x86_64__)
template <std::size_t K>
__attribute__((target("avx2"))) void chunk_avx2(const PredictionSet& set, std::size_t c0,
                                                std::size_t len, const double* z, double inv_t,
                                                Scratch& s) {
  chunk_kernel<K>(set, c0, len, z, inv_t, s);
}
#endif

#pragma GCC diagnostic pop

using ChunkFn = void (*)(const PredictionSet&, std::size_t, std::size_t, const double*, double,
                         Scratch&);

template <std::size_t K>
ChunkFn pick() {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) return &chunk_avx2<K>;
#endif
  return &chunk_default<K>;
}

// One instantiation per common option count (the loops over options unroll); nullptr for others,
// which go item by item.
ChunkFn chunk_fn(std::size_t k) {
  switch (k) {
    case 2:
      return pick<2>();
    case 3:
      return pick<3>();
    case 4:
      return pick<4>();
    case 5:
      return pick<5>();
    case 6:
      return pick<6>();
    case 7:
      return pick<7>();
    case 8:
      return pick<8>();
    default:
      return nullptr;
  }
}

// The same for items of mixed option counts, item by item (the exp still vectorised per chunk).
void chunk_mixed(const PredictionSet& set, std::size_t c0, std::size_t c1, double inv_t,
                 std::vector<double>& e, Scratch& o) {
  std::size_t start[kChunk + 1];
  std::int32_t args[kChunk];
  e.clear();
  for (std::size_t i = c0; i < c1; ++i) {
    const auto z = set.logits(i);
    // Argmax on the raw logits: dividing by T > 0 keeps the order, ties go to the lowest index.
    std::size_t arg = 0;
    for (std::size_t k = 1; k < z.size(); ++k) {
      if (z[k] > z[arg]) arg = k;
    }
    args[i - c0] = static_cast<std::int32_t>(arg);
    start[i - c0] = e.size();
    const double zmax = z[arg];
    for (double v : z)
      e.push_back((v - zmax) * inv_t);
  }
  start[c1 - c0] = e.size();
  exp_inplace(e.data(), e.size());
  for (std::size_t i = c0; i < c1; ++i) {
    const std::size_t b = start[i - c0], k_count = start[i - c0 + 1] - b;
    const std::size_t arg = static_cast<std::size_t>(args[i - c0]);
    double* ei = e.data() + b;
    ei[arg] = 1.0;  // exp(0) exactly: a one-hot distribution has confidence exactly 1.0
    double sum = 0, sq = 0;
    for (std::size_t k = 0; k < k_count; ++k) {
      sum += ei[k];
      sq += ei[k] * ei[k];
    }
    const int label = set.label(i);
    const double inv_sum = 1.0 / sum;
    const double p_label = ei[label] * inv_sum;
    const std::size_t j = i - c0;
    o.conf[j] = inv_sum;
    // Brier: sum_k (p_k - y_k)^2 = sum_k p_k^2 - 2 p_label + 1.
    o.brier[j] = std::max(0.0, sq * inv_sum * inv_sum - 2.0 * p_label + 1.0);
    const auto z = set.logits(i);
    double nll = std::log(sum) - (z[label] - z[arg]) * inv_t;
    if (set.kind(i) == ScoreKind::kProbabilities) nll = std::min(nll, kMaxProbNll);
    o.nll[j] = nll;
    o.predicted[j] = static_cast<std::int32_t>(arg);
    o.correct[j] = static_cast<int>(arg) == label ? 1 : 0;
    const int idk = set.idk_index(i);
    o.said_idk[j] = idk < 0 ? -1 : (static_cast<int>(arg) == idk ? 1 : 0);
  }
}

}  // namespace

std::vector<double> softmax(std::span<const double> logits, double temperature) {
  std::vector<double> p(logits.size());
  double zmax = -INFINITY;
  for (double z : logits)
    zmax = std::max(zmax, z);
  double sum = 0;
  for (std::size_t k = 0; k < logits.size(); ++k) {
    p[k] = std::exp((logits[k] - zmax) / temperature);
    sum += p[k];
  }
  for (double& v : p)
    v /= sum;
  return p;
}

namespace {
// Items given as probabilities, at T = 1: every outcome from the probabilities exactly as given,
// so that a file's 0.6 is the confidence 0.6 and lands in the bin NumPy puts it in.
void exact_given_probs(const PredictionSet& set, std::size_t i, Outcomes& o) {
  const auto p = set.given_probs(i);
  std::size_t arg = 0;
  for (std::size_t k = 1; k < p.size(); ++k) {
    if (p[k] > p[arg]) arg = k;
  }
  const auto label = static_cast<std::size_t>(set.label(i));
  double brier = 0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const double d = p[k] - (k == label ? 1.0 : 0.0);
    brier += d * d;
  }
  o.confidence[i] = p[arg];
  o.brier[i] = brier;
  o.nll[i] = p[label] > 1e-12 ? -std::log(p[label]) : kMaxProbNll;
  o.predicted[i] = static_cast<std::int32_t>(arg);
}

// The probability of option a of item i at temperature T (the option-level distribution).
double option_probability(const PredictionSet& set, std::size_t i, std::size_t a, double inv_t) {
  const auto p = set.given_probs(i);
  if (!p.empty() && inv_t == 1.0) return p[a];
  const auto z = set.logits(i);
  double zmax = -INFINITY;
  for (double v : z)
    zmax = std::max(zmax, v);
  double sum = 0;
  for (double v : z)
    sum += v == zmax ? 1.0 : std::exp((v - zmax) * inv_t);
  return (z[a] == zmax ? 1.0 : std::exp((z[a] - zmax) * inv_t)) / sum;
}

// Recorded answers (and unanswered items) replace the argmax the kernels computed.
void apply_recorded_answers(const PredictionSet& set, double inv_t, Outcomes& o) {
  const std::size_t n = set.size();
  o.unanswered.assign(n, 0);
  const bool given = set.has_given_probs() && inv_t == 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    if (given && set.kind(i) != ScoreKind::kLogits) exact_given_probs(set, i, o);
    const int a = set.answer(i);
    if (a == kAnswerFromScores) {
      const int p = o.predicted[i];
      o.correct[i] = p == set.label(i) ? 1 : 0;
      const int idk = set.idk_index(i);
      o.said_idk[i] = static_cast<std::int8_t>(idk < 0 ? -1 : (p == idk ? 1 : 0));
      continue;
    }
    const int idk = set.idk_index(i);
    if (a == kUnanswered) {
      o.unanswered[i] = 1;
      o.predicted[i] = -1;
      o.correct[i] = 0;
      o.said_idk[i] = static_cast<std::int8_t>(idk < 0 ? -1 : 0);
      continue;  // keeps max p as its confidence
    }
    if (a != o.predicted[i]) {
      o.confidence[i] = option_probability(set, i, static_cast<std::size_t>(a), inv_t);
    }
    o.predicted[i] = a;
    o.correct[i] = a == set.label(i) ? 1 : 0;
    o.said_idk[i] = static_cast<std::int8_t>(idk < 0 ? -1 : (a == idk ? 1 : 0));
  }
}

Outcomes kernel_outcomes(const PredictionSet& set, double temperature);
}  // namespace

const char* to_string(ConfidenceKind k) {
  return k == ConfidenceKind::kVocab ? "vocab" : "options";
}

const char* to_string(UnansweredPolicy p) {
  return p == UnansweredPolicy::kDrop ? "drop" : "wrong";
}

double vocab_confidence(const PredictionSet& set, std::size_t i, double temperature) {
  if (temperature == 1.0 && !std::isnan(set.conf_vocab(i))) return set.conf_vocab(i);
  const auto v = set.vocab_logits(i);
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto z = set.logits(i);
  int a = set.answer(i);
  if (a < 0) {
    a = 0;
    for (std::size_t k = 1; k < z.size(); ++k) {
      if (z[k] > z[static_cast<std::size_t>(a)]) a = static_cast<int>(k);
    }
  }
  const double inv_t = 1.0 / temperature;
  double vmax = -INFINITY;
  for (double x : v)
    vmax = std::max(vmax, x);
  double sum = 0;
  for (double x : v)
    sum += std::exp((x - vmax) * inv_t);
  return std::exp((z[static_cast<std::size_t>(a)] - vmax) * inv_t) / sum;
}

Outcomes compute_outcomes(const PredictionSet& set, double temperature) {
  Outcomes o = kernel_outcomes(set, temperature);
  if (set.has_recorded_answers() || set.has_given_probs()) {
    apply_recorded_answers(set, 1.0 / temperature, o);
  } else {
    o.unanswered.assign(set.size(), 0);
  }
  return o;
}

Result<Outcomes> compute_outcomes(const PredictionSet& set, double temperature,
                                  const Scoring& scoring) {
  const bool drop = scoring.unanswered == UnansweredPolicy::kDrop && set.unanswered() > 0;
  if (!drop && scoring.confidence == ConfidenceKind::kOptions) {
    return compute_outcomes(set, temperature);
  }
  std::vector<std::size_t> keep;
  if (drop) {
    keep.reserve(set.size());
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (set.answer(i) != kUnanswered) keep.push_back(i);
    }
  }
  const PredictionSet kept = drop ? set.subset(keep) : PredictionSet{};
  const PredictionSet& s = drop ? kept : set;
  Outcomes o = compute_outcomes(s, temperature);
  if (scoring.confidence == ConfidenceKind::kVocab) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const double c = vocab_confidence(s, i, temperature);
      if (std::isnan(c)) {
        return Error{"item \"" + std::string(s.id(i)) + "\" has no full-vocabulary confidence" +
                     (temperature == 1.0 ? std::string()
                                         : std::string(" at a temperature other than 1 (that "
                                                       "needs the answer step's vocabulary "
                                                       "logits)")) +
                     "; use the option-level confidence (--confidence options)"};
      }
      o.confidence[i] = c;
    }
    o.confidence_kind = ConfidenceKind::kVocab;
  }
  if (drop) {
    o.dropped_unanswered = set.size() - keep.size();
    o.index.assign(keep.begin(), keep.end());
  }
  return o;
}

namespace {
Outcomes kernel_outcomes(const PredictionSet& set, double temperature) {
  const std::size_t n = set.size();
  Outcomes o;
  // Fresh columns of up to tens of MB: huge pages spare most of their first-touch page faults.
  reserve_huge(o.confidence, n);
  reserve_huge(o.nll, n);
  reserve_huge(o.brier, n);
  reserve_huge(o.predicted, n);
  reserve_huge(o.correct, n);
  reserve_huge(o.said_idk, n);
  o.has_idk = set.has_idk();
  if (n == 0) return o;
  const double inv_t = 1.0 / temperature;
  // In chunks that stay in cache. A chunk whose items all have the same number of options (the
  // usual case) goes through the column-wise kernel; others item by item.
  const std::size_t k0 = set.num_options(0);
  const ChunkFn uniform = chunk_fn(k0);
  Scratch scratch(uniform ? k0 : 0);
  std::vector<double> e;
  for (std::size_t c0 = 0; c0 < n; c0 += kChunk) {
    const std::size_t c1 = std::min(n, c0 + kChunk);
    bool same = uniform != nullptr;
    for (std::size_t i = c0; i < c1 && same; ++i)
      same = set.num_options(i) == k0;
    if (same) {
      uniform(set, c0, c1 - c0, set.logits(c0).data(), inv_t, scratch);
    } else {
      chunk_mixed(set, c0, c1, inv_t, e, scratch);
    }
    const auto len = static_cast<std::ptrdiff_t>(c1 - c0);
    const auto append = [len](auto& to, const auto& from) {
      to.insert(to.end(), from.begin(), from.begin() + len);
    };
    append(o.confidence, scratch.conf);
    append(o.nll, scratch.nll);
    append(o.brier, scratch.brier);
    append(o.predicted, scratch.predicted);
    append(o.correct, scratch.correct);
    append(o.said_idk, scratch.said_idk);
  }
  return o;
}

}  // namespace

}  // namespace unveil::calib
