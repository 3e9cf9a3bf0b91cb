#!/usr/bin/env python3
"""Writes the synthetic example that Unveil opens on first launch.

SYNTHETIC data, not a real model: an over-confident 5-option classifier whose last option (E) is
"I don't know". For every item a calibrated option distribution p is drawn; the label is sampled
from p (so p is calibrated by construction), and the "model" reports logits = SHARPNESS * log p,
i.e. it is over-confident, and temperature scaling should find T close to SHARPNESS. A share of
the items is unanswerable: their right answer is the IDK option, which the model seldom chooses.

Deterministic (seeded, pure Python `random`); no NumPy. Usage:
    python3 scripts/make_example_predictions.py [OUT_DIR]   (default: resources/examples)
"""

import json
import math
import os
import random
import sys

OPTIONS = 5
IDK_INDEX = 4
SHARPNESS = 2.2  # the over-confidence the example has; a fitted temperature should recover it
UNANSWERABLE_SHARE = 0.12
ITEMS_PER_SPLIT = 2000
SEED = 20250119


def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def sample(rng, p):
    u = rng.random()
    acc = 0.0
    for k, pk in enumerate(p):
        acc += pk
        if u < acc:
            return k
    return len(p) - 1


def make_item(rng):
    """Returns (logits, label) of one synthetic prediction."""
    unanswerable = rng.random() < UNANSWERABLE_SHARE
    z = [rng.gauss(0.0, 0.8) for _ in range(OPTIONS)]
    favoured = rng.randrange(OPTIONS - 1)
    z[favoured] += rng.uniform(0.0, 3.5)  # how sure the underlying evidence is
    if unanswerable:
        # The question cannot be answered; the model mostly picks an option anyway.
        z[IDK_INDEX] = rng.gauss(0.9, 1.0)
        label = IDK_INDEX
    else:
        z[IDK_INDEX] = rng.gauss(-1.5, 0.7)
        label = sample(rng, softmax(z))
    p = softmax(z)
    logits = [SHARPNESS * math.log(pk) for pk in p]
    shift = max(logits)  # logits are shift-invariant; keep them near 0 for readability
    return [round(v - shift, 4) for v in logits], label


def write_split(path, rng, split, prefix):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for i in range(ITEMS_PER_SPLIT):
            logits, label = make_item(rng)
            record = {
                "id": "%s-%04d" % (prefix, i + 1),
                "logits": logits,
                "label": label,
                "idk_index": IDK_INDEX,
                "split": split,
            }
            out.write(json.dumps(record, separators=(", ", ": ")) + "\n")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "resources", "examples")
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SEED)
    write_split(os.path.join(out_dir, "synthetic_calibration.jsonl"), rng, "calibration", "cal")
    write_split(os.path.join(out_dir, "synthetic_test.jsonl"), rng, "test", "test")


if __name__ == "__main__":
    main()
