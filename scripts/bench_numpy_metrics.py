#!/usr/bin/python3
"""The NumPy baseline of docs/PERFORMANCE.md: the metrics of `unveil-cli metrics FILE --bins 15`,
written the way a data scientist would (json module + NumPy), with the definitions of
docs/METRICS.md. Run it with Debian's /usr/bin/python3 (python3-numpy).

    /usr/bin/python3 scripts/bench_numpy_metrics.py PRED.jsonl [--bins 15]
        [--compare CLI.json] [--quiet]

Prints the metrics as JSON (17 significant digits) on stdout and the timings on stderr:
"read" (json.loads of every line into arrays), "compute" and "total". With --compare it also
checks every scalar and the bin table against `unveil-cli metrics ... --format json` output and
exits 1 when a value differs by more than 1e-9 (absolute).

Logits only (the benchmark files); label as an index; optional idk_index. Clopper-Pearson bin
intervals use scipy.stats.beta when SciPy is installed, else a small pure-Python inverse of the
regularised incomplete beta function (continued fraction, Numerical Recipes 6.4, plus bisection).
"""

import argparse
import json
import math
import sys
import time

import numpy as np


# --- Clopper-Pearson ---------------------------------------------------------------------------

def _betacf(a, b, x):
    """Continued fraction of the incomplete beta function (Numerical Recipes, 2nd ed., 6.4)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        de = d * c
        h *= de
        if abs(de - 1.0) < 1e-16:
            break
    return h


def _ibeta(a, b, x):
    """I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(lbt) * _betacf(a, b, x) / a
    return 1.0 - math.exp(lbt) * _betacf(b, a, 1.0 - x) / b


def _beta_ppf(p, a, b):
    lo, hi = 0.0, 1.0
    for _ in range(200):  # bisection to the last bit
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            break
        if _ibeta(a, b, mid) < p:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


try:
    from scipy.stats import beta as _scipy_beta  # type: ignore

    def beta_ppf(p, a, b):
        return float(_scipy_beta.ppf(p, a, b))
except ImportError:  # Debian's python3 without python3-scipy
    beta_ppf = _beta_ppf


def clopper_pearson(k, n, level=0.95):
    if n == 0:
        return 0.0, 1.0
    alpha = 1.0 - level
    lo = 0.0 if k == 0 else beta_ppf(alpha / 2, k, n - k + 1)
    hi = 1.0 if k == n else beta_ppf(1 - alpha / 2, k + 1, n - k)
    return lo, hi


# --- Reading -----------------------------------------------------------------------------------

def read_jsonl(path):
    logits, labels, idk = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            logits.append(d["logits"])
            labels.append(d["label"])
            idk.append(d.get("idk_index", -1))
    return (np.asarray(logits, dtype=np.float64), np.asarray(labels, dtype=np.int64),
            np.asarray(idk, dtype=np.int64))


# --- Metrics -----------------------------------------------------------------------------------

def bin_stats(conf, correct, bin_index, bins):
    count = np.bincount(bin_index, minlength=bins)
    conf_sum = np.bincount(bin_index, weights=conf, minlength=bins)
    corr_sum = np.bincount(bin_index, weights=correct.astype(np.float64), minlength=bins)
    return count, conf_sum, corr_sum


def ece_mce_rmsce(count, conf_sum, corr_sum):
    nz = count > 0
    share = count[nz] / count.sum()
    gap = corr_sum[nz] / count[nz] - conf_sum[nz] / count[nz]
    return (float(np.sum(share * np.abs(gap))), float(np.max(np.abs(gap))),
            float(np.sqrt(np.sum(share * gap * gap))))


def width_bins(conf, bins):
    return np.minimum(np.floor(conf * bins).astype(np.int64), bins - 1)


def mass_bins(conf, bins):
    """Bin of every item for equal-mass binning, and the stable ascending order."""
    n = conf.size
    order = np.argsort(conf, kind="stable")
    pos = np.arange(n, dtype=np.int64)
    # sorted position p is in bin k when floor(k n / B) <= p < floor((k + 1) n / B)
    bounds = (np.arange(1, bins + 1, dtype=np.int64) * n) // bins
    b_sorted = np.searchsorted(bounds, pos, side="right")
    b = np.empty(n, dtype=np.int64)
    b[order] = b_sorted
    return b, order


def auroc(conf, correct):
    pos = int(correct.sum())
    neg = correct.size - pos
    if pos == 0 or neg == 0:
        return None
    # Mann-Whitney U from average ranks (ties count 1/2).
    order = np.argsort(conf, kind="stable")
    c = conf[order]
    starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
    ends = np.r_[starts[1:], c.size]
    avg_rank = (starts + ends + 1) / 2.0  # ranks are 1-based
    ranks = np.empty(c.size)
    ranks[order] = np.repeat(avg_rank, ends - starts)
    u = ranks[correct].sum() - pos * (pos + 1) / 2.0
    return float(u / (pos * neg))


def aurc(conf, correct):
    order = np.argsort(-conf, kind="stable")  # descending, ties in input order
    errors = np.cumsum(~correct[order])
    return float(np.mean(errors / np.arange(1, conf.size + 1)))


def metrics(logits, labels, idk, bins):
    n, k = logits.shape
    z = logits - logits.max(axis=1, keepdims=True)
    logsum = np.log(np.exp(z).sum(axis=1))
    logp = z - logsum[:, None]
    p = np.exp(logp)
    pred = p.argmax(axis=1)  # first maximum: ties go to the lowest index
    conf = p.max(axis=1)
    correct = pred == labels
    rows = np.arange(n)
    onehot = np.zeros_like(p)
    onehot[rows, labels] = 1.0

    out = {"n": int(n), "accuracy": float(correct.mean())}
    count, conf_sum, corr_sum = bin_stats(conf, correct, width_bins(conf, bins), bins)
    out["ece"], out["mce"], out["rmsce"] = ece_mce_rmsce(count, conf_sum, corr_sum)
    mb, _ = mass_bins(conf, bins)
    out["ace"] = ece_mce_rmsce(*bin_stats(conf, correct, mb, bins))[0]
    out["brier"] = float(np.mean(np.sum((p - onehot) ** 2, axis=1)))
    out["nll"] = float(np.mean(-logp[rows, labels]))
    out["auroc"] = auroc(conf, correct)
    out["aurc"] = aurc(conf, correct)
    if np.any(idk >= 0):
        known = idk >= 0
        said = (pred == idk) & known
        out["idk_rate"] = float(said.sum() / known.sum())
        ans = ~said
        out["accuracy_answered"] = float(correct[ans].mean()) if ans.any() else None
        if ans.any():
            c2, s2, k2 = bin_stats(conf[ans], correct[ans], width_bins(conf[ans], bins), bins)
            out["ece_answered"] = ece_mce_rmsce(c2, s2, k2)[0]
        else:
            out["ece_answered"] = None
        out["answered"] = int(ans.sum())
    out["mean_confidence"] = float(conf.mean())
    table = []
    for b in range(bins):
        cnt = int(count[b])
        row = {"lo": b / bins, "hi": (b + 1) / bins, "count": cnt}
        if cnt:
            acc = corr_sum[b] / cnt
            cf = conf_sum[b] / cnt
            lo, hi = clopper_pearson(int(round(corr_sum[b])), cnt)
            row.update(confidence=float(cf), accuracy=float(acc), gap=float(acc - cf),
                       ci_lo=lo, ci_hi=hi)
        else:
            row.update(confidence=None, accuracy=None, gap=None, ci_lo=None, ci_hi=None)
        table.append(row)
    out["bins"] = table
    return out


# --- Comparison with unveil-cli ----------------------------------------------------------------

def compare(ours, cli_path, tol=1e-9):
    with open(cli_path, encoding="utf-8") as f:
        theirs = json.load(f)
    problems, worst = [], 0.0

    def check(name, a, b):
        nonlocal worst
        if a is None or b is None:
            if a is not b:
                problems.append(f"{name}: numpy {a} vs unveil-cli {b}")
            return
        d = abs(float(a) - float(b))
        worst = max(worst, d)
        if d > tol:
            problems.append(f"{name}: numpy {a!r} vs unveil-cli {b!r} (|diff| {d:.3g})")

    for key, value in ours.items():
        if key == "bins":
            continue
        if key not in theirs:
            problems.append(f"{key}: missing in unveil-cli output")
            continue
        check(key, value, theirs[key])
    if len(ours["bins"]) != len(theirs.get("bins", [])):
        problems.append("bins: different number of bins")
    else:
        for i, (a, b) in enumerate(zip(ours["bins"], theirs["bins"])):
            for key in a:
                check(f"bins[{i}].{key}", a[key], b.get(key))
    for p in problems:
        print("MISMATCH " + p, file=sys.stderr)
    print(f"compare: {'OK' if not problems else 'FAILED'}, largest |diff| {worst:.3g} "
          f"(tolerance {tol:g})", file=sys.stderr)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--bins", type=int, default=15)
    ap.add_argument("--compare", metavar="CLI.json", help="unveil-cli metrics --format json output")
    ap.add_argument("--quiet", action="store_true", help="do not print the metrics")
    args = ap.parse_args()

    t0 = time.perf_counter()
    logits, labels, idk = read_jsonl(args.file)
    t1 = time.perf_counter()
    out = metrics(logits, labels, idk, args.bins)
    t2 = time.perf_counter()
    print(f"numpy: read {t1 - t0:.3f} s, compute {t2 - t1:.3f} s, total {t2 - t0:.3f} s",
          file=sys.stderr)
    if not args.quiet:
        print(json.dumps(out, indent=2, default=float))
    if args.compare and not compare(out, args.compare):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
