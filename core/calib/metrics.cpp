#include "calib/metrics.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <tuple>

#include "calib/metric_catalog.h"
#include "calib/stats.h"
#include "util/huge_pages.h"

namespace unveil::calib {
namespace {

// Item weights: all 1 (plain metrics) or bootstrap multiplicities.
struct UnitWeight {
  std::uint32_t operator()(std::size_t) const { return 1; }
};
struct SpanWeight {
  std::span<const std::uint32_t> w;
  std::uint32_t operator()(std::size_t i) const { return w[i]; }
};

struct Accum {
  double n = 0, conf = 0, correct = 0;
  double lo = INFINITY, hi = -INFINITY;
};

BinTable finish_table(std::vector<Accum>& acc, Binning binning, bool intervals) {
  BinTable t;
  t.binning = binning;
  t.bins.resize(acc.size());
  const double nb = static_cast<double>(acc.size());
  for (std::size_t b = 0; b < acc.size(); ++b) {
    Bin& bin = t.bins[b];
    const Accum& a = acc[b];
    bin.count = static_cast<std::size_t>(a.n);
    bin.correct = static_cast<std::size_t>(a.correct);
    if (binning == Binning::kEqualWidth) {
      bin.lo = static_cast<double>(b) / nb;
      bin.hi = static_cast<double>(b + 1) / nb;
    } else {
      bin.lo = a.n > 0 ? a.lo : NAN;
      bin.hi = a.n > 0 ? a.hi : NAN;
    }
    if (a.n == 0) {
      bin.confidence = bin.accuracy = bin.gap = bin.ci_lo = bin.ci_hi = NAN;
      continue;
    }
    bin.confidence = a.conf / a.n;
    bin.accuracy = a.correct / a.n;
    bin.gap = bin.accuracy - bin.confidence;
    if (intervals) {
      std::tie(bin.ci_lo, bin.ci_hi) = clopper_pearson(bin.correct, bin.count);
    } else {
      bin.ci_lo = bin.ci_hi = NAN;
    }
  }
  return t;
}

// Outcomes gathered into ascending confidence order once, so that the walks below (equal-mass
// bins, AUROC, AURC) read memory in sequence instead of jumping through the order.
struct SortedView {
  std::vector<double> conf;
  std::vector<std::uint8_t> correct;
  std::vector<std::uint32_t> w;
  std::vector<std::int8_t> said_idk;
};

template <class W>
SortedView gather(const Outcomes& o, std::span<const std::uint32_t> order, W weight) {
  SortedView v;
  const std::size_t n = order.size();
  v.conf.resize(n);
  v.correct.resize(n);
  v.w.resize(n);
  v.said_idk.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint32_t i = order[j];
    v.conf[j] = o.confidence[i];
    v.correct[j] = o.correct[i];
    v.w[j] = weight(i);
    v.said_idk[j] = o.said_idk[i];
  }
  return v;
}

// Equal-width reliability table over the items for which include(i) holds.
template <class W, class F>
BinTable width_table(const Outcomes& o, W weight, F include, int bins, bool intervals) {
  std::vector<Accum> acc(static_cast<std::size_t>(bins));
  const std::size_t n = o.size();
  const double nb = bins;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t w = weight(i);
    if (w == 0 || !include(i)) continue;
    const double c = o.confidence[i];
    // c == 1.0 must land in the last bin, as in the study's code: min(floor(c * B), B - 1).
    const int b = std::min(static_cast<int>(std::floor(c * nb)), bins - 1);
    Accum& a = acc[static_cast<std::size_t>(b)];
    a.n += w;
    a.conf += w * c;
    a.correct += w * o.correct[i];
  }
  return finish_table(acc, Binning::kEqualWidth, intervals);
}

// Equal-mass table: sorted position p (0-based, among included items, with multiplicity) belongs
// to bin k when floor(k N / B) <= p < floor((k + 1) N / B).
BinTable mass_table(const SortedView& v, bool answered_only, int bins, bool intervals) {
  std::vector<Accum> acc(static_cast<std::size_t>(bins));
  const std::size_t n = v.conf.size();
  std::uint64_t total = 0;
  for (std::size_t j = 0; j < n; ++j) {
    if (!answered_only || v.said_idk[j] != 1) total += v.w[j];
  }
  const auto bound = [&](std::uint64_t k) { return k * total / static_cast<std::uint64_t>(bins); };
  std::uint64_t pos = 0, k = 0, next = bound(1);
  for (std::size_t j = 0; j < n; ++j) {
    std::uint64_t w = v.w[j];
    if (w == 0 || (answered_only && v.said_idk[j] == 1)) continue;
    const double c = v.conf[j];
    while (w > 0) {
      while (pos >= next) {
        ++k;
        next = bound(k + 1);
      }
      const std::uint64_t take = std::min(w, next - pos);
      Accum& a = acc[k];
      a.n += static_cast<double>(take);
      a.conf += static_cast<double>(take) * c;
      a.correct += static_cast<double>(take) * v.correct[j];
      a.lo = std::min(a.lo, c);
      a.hi = std::max(a.hi, c);
      pos += take;
      w -= take;
    }
  }
  return finish_table(acc, Binning::kEqualMass, intervals);
}

struct Summary {
  double ece = 0, mce = 0, rmsce = 0;
};

Summary summarise(const BinTable& t) {
  double total = 0;
  for (const Bin& b : t.bins)
    total += static_cast<double>(b.count);
  Summary s;
  if (total == 0) return s;
  double sq = 0;
  for (const Bin& b : t.bins) {
    if (b.count == 0) continue;
    const double share = static_cast<double>(b.count) / total;
    const double g = std::fabs(b.gap);
    s.ece += share * g;
    sq += share * b.gap * b.gap;
    s.mce = std::max(s.mce, g);
  }
  s.rmsce = std::sqrt(sq);
  return s;
}

template <class W>
Metrics compute(const Outcomes& o, std::span<const std::uint32_t> order, W weight,
                const MetricsOptions& opt, bool intervals) {
  Metrics m;
  const std::size_t n = o.size();
  double total = 0, correct = 0, brier = 0, nll = 0, conf = 0;
  double idk_known = 0, idk_said = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double w = weight(i);
    if (w == 0) continue;
    total += w;
    correct += w * o.correct[i];
    brier += w * o.brier[i];
    nll += w * o.nll[i];
    conf += w * o.confidence[i];
    if (o.said_idk[i] >= 0) {
      idk_known += w;
      idk_said += w * o.said_idk[i];
    }
  }
  m.n = static_cast<std::size_t>(total);
  if (total == 0) return m;
  m.accuracy = correct / total;
  m.brier = brier / total;
  m.nll = nll / total;
  m.mean_confidence = conf / total;

  const auto all = [](std::size_t) { return true; };
  const SortedView v = gather(o, order, weight);
  m.table = opt.binning == Binning::kEqualWidth ? width_table(o, weight, all, opt.bins, intervals)
                                                : mass_table(v, false, opt.bins, intervals);
  const Summary s = summarise(m.table);
  m.ece = s.ece;
  m.mce = s.mce;
  m.rmsce = s.rmsce;
  m.ace = opt.binning == Binning::kEqualMass ? s.ece
                                             : summarise(mass_table(v, false, opt.bins, false)).ece;

  const std::size_t len = v.conf.size();
  // AUROC of confidence as a predictor of correctness (Mann-Whitney U / (P * N), ties count 1/2),
  // walking tie groups of the ascending order.
  if (correct > 0 && total - correct > 0) {
    double neg_below = 0, u = 0;
    std::size_t g = 0;
    while (g < len) {
      std::size_t e = g;
      double pos = 0, neg = 0;
      const double c = v.conf[g];
      while (e < len && v.conf[e] == c) {
        (v.correct[e] ? pos : neg) += v.w[e];
        ++e;
      }
      u += pos * (neg_below + 0.5 * neg);
      neg_below += neg;
      g = e;
    }
    m.auroc = u / (correct * (total - correct));
  }

  // AURC: confidence descending, ties in input order; risk(k) = errors among the first k / k.
  {
    double risk_sum = 0, errors = 0, seen = 0;
    std::size_t end = len;
    while (end > 0) {
      std::size_t begin = end - 1;
      const double c = v.conf[begin];
      while (begin > 0 && v.conf[begin - 1] == c)
        --begin;
      for (std::size_t j = begin; j < end; ++j) {
        const double err = v.correct[j] ? 0.0 : 1.0;
        for (std::uint32_t t = 0; t < v.w[j]; ++t) {
          seen += 1;
          errors += err;
          risk_sum += errors / seen;
        }
      }
      end = begin;
    }
    m.aurc = risk_sum / total;
  }

  if (o.has_idk) {
    m.has_idk = true;
    m.idk_rate = idk_known > 0 ? idk_said / idk_known : 0.0;
    const auto answered = [&](std::size_t i) { return o.said_idk[i] != 1; };
    double ans = 0, ans_correct = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!answered(i)) continue;
      ans += weight(i);
      ans_correct += static_cast<double>(weight(i)) * o.correct[i];
    }
    m.answered = static_cast<std::size_t>(ans);
    if (ans > 0) {
      m.accuracy_answered = ans_correct / ans;
      m.ece_answered = summarise(opt.binning == Binning::kEqualWidth
                                     ? width_table(o, weight, answered, opt.bins, false)
                                     : mass_table(v, true, opt.bins, false))
                           .ece;
    }
  }
  return m;
}

// --- compute_metrics with every weight 1: a fused path
// --------------------------------------------
//
// The same sums in the same order as compute() with unit weights, so that the results are
// identical, in three passes instead of about ten:
//   1. over the items in input order: totals, the equal-width tables (all and answered items) and
//      a histogram of the coarse sort key;
//   2. a stable scatter of packed (confidence, correct, answered) words into the coarse buckets;
//   3. per coarse bucket, a stable counting sort on the next bits and an insertion sort for the
//      rest, then (while the bucket is in cache) the ascending walk: AUROC tie groups and the
//      equal-mass tables;
// and one backward walk over the sorted words for AURC (confidence descending, ties in input
// order). No permutation is built: the walks only need (confidence, correct, answered).

// A sorted item: the bits of its confidence (non-negative, so the bit patterns order like the
// values and leave the top two bits zero) with "correct" in bit 63 and "answered" (did not say
// IDK) in bit 62.
constexpr std::uint64_t kCorrectBit = std::uint64_t{1} << 63;
constexpr std::uint64_t kAnsweredBit = std::uint64_t{1} << 62;
constexpr std::uint64_t kKeyMask = kAnsweredBit - 1;
// Sort key digits: f = floor(c * 2^30) (exact: a power of two) for c in [0, 1], 2^30 - 1 for
// c = 1; the coarse bucket is its top kCoarseBits bits, the fine bucket (as many of the next bits
// as the bucket needs) below. Monotone in c.
// (8 to 11 coarse bits measured alike on 1M items; 10 keeps the scatter's 1,024 write streams
// within L1/L2.)
constexpr int kKeyBits = 30;
constexpr int kCoarseBits = 10;
constexpr int kFineBits = kKeyBits - kCoarseBits;
constexpr std::size_t kCoarse = std::size_t{1} << kCoarseBits;
constexpr std::uint32_t kFineMask = (std::uint32_t{1} << kFineBits) - 1;

inline std::uint32_t sort_digits(double c) {
  // Clamped on both sides so that a confidence outside [0, 1] or NaN (rejected after pass 1)
  // cannot index out of range.
  const std::int64_t f =
      static_cast<std::int64_t>(c * static_cast<double>(std::int64_t{1} << kKeyBits));
  return static_cast<std::uint32_t>(
      std::clamp<std::int64_t>(f, 0, (std::int64_t{1} << kKeyBits) - 1));
}

inline double key_conf(std::uint64_t w) {
  return std::bit_cast<double>(w & kKeyMask);
}

struct UnitAccum {
  double conf = 0;
  std::uint64_t n = 0, correct = 0;
  double lo = 0, hi = 0;
};

std::vector<Accum> to_accum(const std::vector<UnitAccum>& u) {
  std::vector<Accum> acc(u.size());
  for (std::size_t b = 0; b < u.size(); ++b) {
    acc[b].n = static_cast<double>(u[b].n);
    acc[b].conf = u[b].conf;
    acc[b].correct = static_cast<double>(u[b].correct);
    if (u[b].n > 0) {
      acc[b].lo = u[b].lo;
      acc[b].hi = u[b].hi;
    }
  }
  return acc;
}

// Equal-mass bins over ascending positions: position p is in bin k when
// floor(k N / B) <= p < floor((k + 1) N / B). The current bin is kept in locals (consecutive
// positions share a bin) and stored when the walk leaves it.
struct MassWalk {
  std::vector<UnitAccum> acc;
  std::uint64_t total = 0, pos = 0, next = 0, bins = 0;
  std::size_t k = 0;
  UnitAccum cur;
  MassWalk(int b, std::uint64_t n) : acc(static_cast<std::size_t>(b)), total(n), bins(b) {
    next = total / bins;  // bound(1)
  }
  // Always inlined, so that the walk's state stays in registers.
  [[gnu::always_inline]] void add(double c, std::uint64_t correct) {
    if (pos >= next) advance();
    if (cur.n == 0) cur.lo = c;  // ascending: the first is the smallest, the last the largest
    cur.hi = c;
    cur.n += 1;
    cur.conf += c;
    cur.correct += correct;
    ++pos;
  }
  [[gnu::always_inline]] void advance() {
    while (pos >= next) {
      acc[k] = cur;
      cur = UnitAccum{};
      ++k;
      next = (k + 1) * total / bins;
    }
  }
  void finish() { acc[k] = cur; }
};

// Fine digit width for a coarse bucket of m words: 2^bits >= m, at most kFineBits.
int fine_bits(std::size_t m) {
  int bits = 1;
  while (bits < kFineBits && (std::size_t{1} << bits) < m)
    ++bits;
  return bits;
}

// Stable sort of the words of one coarse bucket, src -> dst (m words).
void sort_bucket(const std::uint64_t* src, std::uint64_t* dst, std::size_t m,
                 std::vector<std::uint32_t>& fine, std::vector<std::uint32_t>& digits) {
  if (m <= 32) {
    std::copy(src, src + m, dst);
  } else {
    // Counting sort on the fine digit, with about as many fine buckets as words.
    const int bits = fine_bits(m);
    const int shift = kFineBits - bits;
    const std::size_t nb = std::size_t{1} << bits;
    std::fill(fine.begin(), fine.begin() + static_cast<std::ptrdiff_t>(nb), 0u);
    const auto digit = [&](std::uint64_t w) {
      return (sort_digits(key_conf(w)) & kFineMask) >> shift;
    };
    for (std::size_t j = 0; j < m; ++j) {
      const std::uint32_t d = digit(src[j]);
      digits[j] = d;
      ++fine[d];
    }
    // Exclusive prefix sums (running total in a register): fine[b] = start of fine bucket b.
    std::uint32_t big = 0, run = 0;
    for (std::size_t b = 0; b < nb; ++b) {
      const std::uint32_t count = fine[b];
      big = std::max(big, count);
      fine[b] = run;
      run += count;
    }
    for (std::size_t j = 0; j < m; ++j)
      dst[fine[digits[j]]++] = src[j];
    if (big > 64) {
      // A pile of distinct confidences in one fine bucket: sort each fine bucket on its own.
      // fine[b] is now the end of fine bucket b.
      std::size_t lo = 0;
      for (std::size_t b = 0; b < nb; ++b) {
        const std::size_t hi = fine[b];
        std::stable_sort(dst + lo, dst + hi, [](std::uint64_t a, std::uint64_t c) {
          return (a & kKeyMask) < (c & kKeyMask);
        });
        lo = hi;
      }
      return;
    }
  }
  // Insertion sort: the words are sorted by fine digit already, so each moves only within its
  // (small) fine bucket. Strictly greater: equal confidences keep input order.
  for (std::size_t j = 1; j < m; ++j) {
    const std::uint64_t w = dst[j];
    const std::uint64_t key = w & kKeyMask;
    std::size_t p = j;
    while (p > 0 && (dst[p - 1] & kKeyMask) > key) {
      dst[p] = dst[p - 1];
      --p;
    }
    dst[p] = w;
  }
}

// compute_metrics with unit weights; std::nullopt when a confidence lies outside [0, 1] (or is
// NaN), for which the general path is used.
std::optional<Metrics> compute_unit(const Outcomes& o, const MetricsOptions& opt) {
  const std::size_t n = o.size();
  if (n == 0 || n > std::numeric_limits<std::uint32_t>::max() || opt.bins < 1) return std::nullopt;
  const std::size_t bins = static_cast<std::size_t>(opt.bins);
  const double nb = opt.bins;
  const double* conf = o.confidence.data();
  const std::uint8_t* corr = o.correct.data();
  const std::int8_t* said = o.said_idk.data();
  const double* brier_v = o.brier.data();
  const double* nll_v = o.nll.data();

  // Pass 1, input order.
  std::vector<UnitAccum> width(bins), width_ans(bins);
  std::vector<std::uint32_t> coarse(kCoarse + 1, 0);
  std::uint64_t n_correct = 0, idk_known = 0, idk_said = 0, ans = 0, ans_correct = 0;
  double brier = 0, nll = 0, conf_sum = 0;
  bool in_range = true;
  for (std::size_t i = 0; i < n; ++i) {
    const double c = conf[i];
    const std::uint64_t r = corr[i];
    const int s = said[i];
    in_range &= c >= 0.0 && c <= 1.0;
    n_correct += r;
    brier += brier_v[i];
    nll += nll_v[i];
    conf_sum += c;
    idk_known += s >= 0 ? 1 : 0;
    idk_said += s > 0 ? static_cast<std::uint64_t>(s) : 0;
    const std::uint64_t answered = s != 1 ? 1 : 0;
    ans += answered;
    ans_correct += answered & r;
    // c == 1.0 must land in the last bin, as in the study's code: min(floor(c * B), B - 1); for
    // c >= 0 the truncating conversion is the floor. Clamped below for memory safety only.
    const std::size_t b = static_cast<std::size_t>(std::clamp(
        static_cast<std::int64_t>(c * nb), std::int64_t{0}, static_cast<std::int64_t>(bins) - 1));
    UnitAccum& a = width[b];
    a.n += 1;
    a.conf += c;
    a.correct += r;
    if (answered) {
      UnitAccum& aa = width_ans[b];
      aa.n += 1;
      aa.conf += c;
      aa.correct += r;
    }
    ++coarse[(sort_digits(c) >> kFineBits) + 1];
  }
  if (!in_range) return std::nullopt;

  Metrics m;
  const double total = static_cast<double>(n);
  m.n = n;
  m.accuracy = static_cast<double>(n_correct) / total;
  m.brier = brier / total;
  m.nll = nll / total;
  m.mean_confidence = conf_sum / total;

  // Pass 2: stable scatter into the coarse buckets (in `sorted`, which each bucket is then
  // sorted back into through a small buffer).
  std::size_t biggest = 0;
  {
    std::uint32_t run = 0;
    for (std::size_t b = 0; b <= kCoarse; ++b) {  // coarse[b + 1] counted bucket b
      const std::uint32_t count = coarse[b];
      biggest = std::max<std::size_t>(biggest, count);
      coarse[b] = run + count;
      run += count;
    }
  }
  auto sorted = std::make_unique_for_overwrite<std::uint64_t[]>(n);
  advise_huge_pages(sorted.get(), n * sizeof(std::uint64_t));
  {
    std::vector<std::uint32_t> fill(coarse.begin(), coarse.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const double c = conf[i];
      const std::uint64_t w = std::bit_cast<std::uint64_t>(c) | (corr[i] ? kCorrectBit : 0) |
                              (said[i] != 1 ? kAnsweredBit : 0);
      sorted[fill[sort_digits(c) >> kFineBits]++] = w;
    }
  }
  auto buf = std::make_unique_for_overwrite<std::uint64_t[]>(biggest);

  // Pass 3: each coarse bucket sorted, then walked ascending.
  const bool mass_main = opt.binning == Binning::kEqualMass;
  const bool mass_answered = mass_main && o.has_idk && ans > 0;
  // Equal-mass bins of all items: bin k is sorted positions [bound(k), bound(k + 1)), so its count
  // and its smallest and largest confidence (first and last word) follow from the bounds; the walk
  // only sums. A bin is closed once the walk is past it (its words are final by then).
  std::vector<UnitAccum> mass(bins);
  const auto bound = [&](std::size_t k) { return k * n / bins; };
  std::size_t mk = 0, mend = bound(1);
  double mconf = 0;
  std::uint64_t mcorrect = 0;
  const auto close_bin = [&] {
    const std::size_t start = bound(mk);
    UnitAccum& a = mass[mk];
    a.n = mend - start;
    if (a.n > 0) {
      a.conf = mconf;
      a.correct = mcorrect;
      a.lo = key_conf(sorted[start]);
      a.hi = key_conf(sorted[mend - 1]);
    }
    mconf = 0;
    mcorrect = 0;
    ++mk;
    mend = bound(mk + 1);
  };
  MassWalk mass_ans(opt.bins, ans);  // answered items (equal-mass binning with IDK only)
  std::uint64_t neg_below = 0, u2 = 0, g_pos = 0, g_neg = 0;  // AUROC, 2 U in integers
  std::uint64_t g_key = ~std::uint64_t{0};
  std::vector<std::uint32_t> fine((std::size_t{1} << fine_bits(biggest)) + 1), digits(biggest);
  for (std::size_t b = 0; b < kCoarse; ++b) {
    const std::size_t lo = coarse[b], hi = coarse[b + 1];
    if (lo == hi) continue;
    if (hi - lo > 1) {
      std::copy(sorted.get() + lo, sorted.get() + hi, buf.get());
      sort_bucket(buf.get(), sorted.get() + lo, hi - lo, fine, digits);
    }
    for (std::size_t j = lo; j < hi; ++j) {
      const std::uint64_t w = sorted[j];
      const std::uint64_t key = w & kKeyMask;
      const double c = std::bit_cast<double>(key);
      const std::uint64_t r = w >> 63;
      if (key != g_key) {
        u2 += g_pos * (2 * neg_below + g_neg);
        neg_below += g_neg;
        g_pos = g_neg = 0;
        g_key = key;
      }
      g_pos += r;
      g_neg += r ^ 1;
      while (j >= mend)
        close_bin();
      mconf += c;
      mcorrect += r;
      if (mass_answered && (w & kAnsweredBit)) mass_ans.add(c, r);
    }
  }
  u2 += g_pos * (2 * neg_below + g_neg);
  while (mk < bins)
    close_bin();
  if (mass_answered) mass_ans.finish();

  auto mass_acc = to_accum(mass);
  if (mass_main) {
    m.table = finish_table(mass_acc, Binning::kEqualMass, true);
  } else {
    auto width_acc = to_accum(width);
    m.table = finish_table(width_acc, Binning::kEqualWidth, true);
  }
  const Summary s = summarise(m.table);
  m.ece = s.ece;
  m.mce = s.mce;
  m.rmsce = s.rmsce;
  m.ace = mass_main ? s.ece : summarise(finish_table(mass_acc, Binning::kEqualMass, false)).ece;

  if (n_correct > 0 && n_correct < n) {
    m.auroc = static_cast<double>(u2) * 0.5 /
              (static_cast<double>(n_correct) * static_cast<double>(n - n_correct));
  }

  // AURC: confidence descending, tie groups in input order (ascending within the group).
  {
    double risk_sum = 0;
    std::int64_t errors = 0, seen = 0;  // exact, and equal to compute()'s double counts
    std::size_t end = n;
    const std::uint64_t* v = sorted.get();
    while (end > 0) {
      std::size_t begin = end - 1;
      const std::uint64_t key = v[begin] & kKeyMask;
      while (begin > 0 && (v[begin - 1] & kKeyMask) == key)
        --begin;
      for (std::size_t j = begin; j < end; ++j) {
        ++seen;
        errors += static_cast<std::int64_t>((v[j] >> 63) ^ 1);
        risk_sum += static_cast<double>(errors) / static_cast<double>(seen);
      }
      end = begin;
    }
    m.aurc = risk_sum / total;
  }

  if (o.has_idk) {
    m.has_idk = true;
    m.idk_rate =
        idk_known > 0 ? static_cast<double>(idk_said) / static_cast<double>(idk_known) : 0.0;
    m.answered = ans;
    if (ans > 0) {
      m.accuracy_answered = static_cast<double>(ans_correct) / static_cast<double>(ans);
      auto acc = to_accum(mass_main ? mass_ans.acc : width_ans);
      m.ece_answered =
          summarise(
              finish_table(acc, mass_main ? Binning::kEqualMass : Binning::kEqualWidth, false))
              .ece;
    }
  }
  return m;
}

}  // namespace

const char* to_string(Binning b) {
  return b == Binning::kEqualWidth ? "width" : "mass";
}

std::vector<std::pair<std::string, std::optional<double>>> scalars(const Metrics& m) {
  std::vector<std::pair<std::string, std::optional<double>>> v;
  v.reserve(metric_catalog().size());
  for (const MetricInfo& info : metric_catalog())
    if (!info.needs_idk || m.has_idk) v.emplace_back(info.key, info.value(m));
  return v;
}

std::vector<std::uint32_t> confidence_order(std::span<const double> c) {
  const std::size_t n = c.size();
  std::vector<std::uint32_t> idx(n);
  const auto less = [&](std::uint32_t a, std::uint32_t b) { return c[a] < c[b]; };
  if (n < 4096) {
    for (std::size_t i = 0; i < n; ++i)
      idx[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(idx.begin(), idx.end(), less);
    return idx;
  }
  // One stable counting-sort pass on floor(c * 2^16) (confidences lie in [0, 1]), then each bucket
  // in full order: a stable insertion sort for the usual handful of items, stable_sort for a big
  // bucket (confidences piled up just below 1). Equal confidences keep input order throughout.
  constexpr std::size_t kBuckets = 1 << 16;
  const auto bucket = [&](std::size_t i) {
    return std::min<std::size_t>(static_cast<std::size_t>(c[i] * static_cast<double>(kBuckets)),
                                 kBuckets - 1);
  };
  std::vector<std::uint32_t> start(kBuckets + 1, 0);
  for (std::size_t i = 0; i < n; ++i)
    ++start[bucket(i) + 1];
  for (std::size_t b = 0; b < kBuckets; ++b)
    start[b + 1] += start[b];
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  std::vector<double> key(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t dst = fill[bucket(i)]++;
    idx[dst] = static_cast<std::uint32_t>(i);
    key[dst] = c[i];
  }
  for (std::size_t b = 0; b < kBuckets; ++b) {
    const std::size_t lo = start[b], hi = start[b + 1];
    if (hi - lo < 2) continue;
    if (hi - lo > 64) {
      std::stable_sort(idx.begin() + static_cast<std::ptrdiff_t>(lo),
                       idx.begin() + static_cast<std::ptrdiff_t>(hi), less);
      continue;
    }
    for (std::size_t j = lo + 1; j < hi; ++j) {
      const double kj = key[j];
      const std::uint32_t ij = idx[j];
      std::size_t m = j;
      while (m > lo && key[m - 1] > kj) {  // strictly greater: ties stay in input order
        key[m] = key[m - 1];
        idx[m] = idx[m - 1];
        --m;
      }
      key[m] = kj;
      idx[m] = ij;
    }
  }
  return idx;
}

BinTable bin_table(const Outcomes& o, int bins, Binning binning) {
  if (binning == Binning::kEqualWidth) {
    return width_table(
        o, UnitWeight{}, [](std::size_t) { return true; }, bins, true);
  }
  const auto order = confidence_order(o.confidence);
  return mass_table(gather(o, order, UnitWeight{}), false, bins, true);
}

namespace {
// What the outcomes say of unanswered items and of the confidence scored (weights: how often each
// item is drawn; empty for all 1).
void note_scoring(const Outcomes& o, std::span<const std::uint32_t> weights, Metrics& m) {
  std::size_t unanswered = 0;
  for (std::size_t i = 0; i < o.unanswered.size(); ++i) {
    if (o.unanswered[i]) unanswered += weights.empty() ? 1 : weights[i];
  }
  m.n_unanswered = unanswered + o.dropped_unanswered;
  m.unanswered_dropped = o.dropped_unanswered > 0;
  m.confidence = o.confidence_kind;
}
}  // namespace

Metrics compute_metrics(const Outcomes& o, const MetricsOptions& options) {
  auto m = compute_unit(o, options);
  if (!m) {
    const auto order = confidence_order(o.confidence);
    m = compute(o, order, UnitWeight{}, options, true);
  }
  note_scoring(o, {}, *m);
  return std::move(*m);
}

Metrics compute_metrics_weighted(const Outcomes& o, std::span<const std::uint32_t> order,
                                 std::span<const std::uint32_t> weights,
                                 const MetricsOptions& options) {
  Metrics m = compute(o, order, SpanWeight{weights}, options, false);
  note_scoring(o, weights, m);
  return m;
}

}  // namespace unveil::calib
