"""Reference labels and baseline scores for FishKit's tests, computed literally from the write-up's rules
(ALGORITHMS.md) with plain numpy loops, independent of the kit's code.

Run with Debian's Python: /usr/bin/python3 make_signal_reference.py  (writes signal_reference.json beside it)
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20211)
T = 1500
# A y-tilde-like series: calm noise around 0.0008 with bursts of fast swimming.
y = 0.0008 + 0.0002 * rng.standard_normal(T)
for onset in rng.choice(np.arange(150, T - 100), size=12, replace=False):
    length = int(rng.integers(20, 80))
    y[onset:onset + length] += np.linspace(0.003, 0.0005, length)[: len(y[onset:onset + length])]
y = np.abs(y)
y[-1] = 0.0  # the original convention: the last value is 0

# Labels: h=45, b=0.1, c=0.001, n=30.
h, b, c, n = 45, 0.1, 0.001, 30
labels = np.zeros(T, dtype=int)
for t in range(4 * n - 1, T - 2 - h + 1):
    w = y[t:t + h + 1]
    r = w.max() - w.min()
    labels[t] = int(r >= c and y[t] <= w.min() + b * r)

# Baseline: d=89, b=0.2, c=0.0006, gamma1=5300, gamma2=11000, scored on 119 .. T-2-10.
d, bb, cc, g1, g2 = 89, 0.2, 0.0006, 5300.0, 11000.0
sig = lambda x: 1.0 / (1.0 + np.exp(-x))
scores = np.zeros(T)
for t in range(119, T - 2 - 10 + 1):
    w = y[t - d:t]
    r = w.max() - w.min()
    low = w.min() + bb * r
    scores[t] = (sig(g1 * (r - cc)) + sig(-g2 * (y[t - 1] - low))) / 2

out = {"ytilde": y.tolist(), "labels": labels.tolist(), "baseline": scores.tolist()}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "signal_reference.json"), "w") as f:
    json.dump(out, f)
print("positives", labels.sum(), "of", T)
