#!/usr/bin/env python3
"""Write seeded synthetic predictions JSONL for the benchmarks (docs/PERFORMANCE.md).

The model is the one of bench/bench_calibration.cpp: an over-confident 5-option model whose last
option (index 4) is "I don't know".

    z_k ~ N(0, 1) for every option; z_4 -= 0.5; z_label += 1.4 (label uniform over 0..3);
    logits = 2.2 * z, printed to 9 decimals.

Accuracy is about 0.65 and mean confidence about 0.75. Each line reads
    {"id":"q17","logits":[...5 numbers...],"label":2,"idk_index":4}
(compact, as json.dumps(..., separators=(",", ":")) writes it), about 113 bytes, so 1,000,000 lines
make about 113 MB. Plain Python (no NumPy); the same seed
always gives the same file. The random stream differs from the C++ benchmark's (Python's
Mersenne Twister), the distribution is the same.

    python3 scripts/make_bench_predictions.py OUT.jsonl [--n 1000000] [--seed 20240613]
"""

import argparse
import math
import random
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output file ('-' for stdout)")
    ap.add_argument("--n", type=int, default=1_000_000, help="number of lines (default 1000000)")
    ap.add_argument("--seed", type=int, default=20240613, help="random seed (default 20240613)")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("--n must be at least 1")

    rng = random.Random(args.seed)
    uniform = rng.random
    log, sqrt, cos, sin, two_pi = math.log, math.sqrt, math.cos, math.sin, 2.0 * math.pi

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="ascii", newline="\n")
    fmt = '{"id":"q%d","logits":[%.9f,%.9f,%.9f,%.9f,%.9f],"label":%d,"idk_index":4}\n'
    chunk = []
    try:
        for i in range(args.n):
            label = int(uniform() * 4)
            z = [0.0] * 6
            # Box-Muller: three pairs of normals (one spare); 1 - u keeps the log's argument > 0.
            for j in (0, 2, 4):
                r = sqrt(-2.0 * log(1.0 - uniform()))
                a = two_pi * uniform()
                z[j] = r * cos(a)
                z[j + 1] = r * sin(a)
            z[4] -= 0.5
            z[label] += 1.4
            chunk.append(fmt % (i, 2.2 * z[0], 2.2 * z[1], 2.2 * z[2], 2.2 * z[3], 2.2 * z[4],
                                label))
            if len(chunk) == 65536:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
