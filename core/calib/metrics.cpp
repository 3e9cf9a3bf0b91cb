#include "calib/metrics.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <tuple>

#include "calib/stats.h"

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

}  // namespace

const char* to_string(Binning b) {
  return b == Binning::kEqualWidth ? "width" : "mass";
}

std::vector<std::pair<std::string, std::optional<double>>> scalars(const Metrics& m) {
  std::vector<std::pair<std::string, std::optional<double>>> v = {
      {"accuracy", m.accuracy}, {"ece", m.ece},     {"mce", m.mce},
      {"rmsce", m.rmsce},       {"ace", m.ace},     {"brier", m.brier},
      {"nll", m.nll},           {"auroc", m.auroc}, {"aurc", m.aurc},
  };
  if (m.has_idk) {
    v.emplace_back("idk_rate", m.idk_rate);
    v.emplace_back("accuracy_answered", m.accuracy_answered);
    v.emplace_back("ece_answered", m.ece_answered);
  }
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

Metrics compute_metrics(const Outcomes& o, const MetricsOptions& options) {
  const auto order = confidence_order(o.confidence);
  return compute(o, order, UnitWeight{}, options, true);
}

Metrics compute_metrics_weighted(const Outcomes& o, std::span<const std::uint32_t> order,
                                 std::span<const std::uint32_t> weights,
                                 const MetricsOptions& options) {
  return compute(o, order, SpanWeight{weights}, options, false);
}

}  // namespace unveil::calib
