#!/usr/bin/python3
"""Peer for the `auc` benchmark: scikit-learn's roc_auc_score on the benchmark's data.

usage: auc_peer.py LABELS.npy SCORES.npy REPEATS
Loads both series (written by the kit), runs roc_auc_score once to warm up, then REPEATS times timed with
time.perf_counter; prints "<median seconds> <auc>" on one line (the AUC with full precision).
"""
import sys
import time

import numpy as np
from sklearn.metrics import roc_auc_score


def main():
    labels, scores, repeats = np.load(sys.argv[1]), np.load(sys.argv[2]), int(sys.argv[3])
    auc = roc_auc_score(labels, scores)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        auc = roc_auc_score(labels, scores)
        times.append(time.perf_counter() - start)
    print(f"{float(np.median(times))!r} {float(auc)!r}")


if __name__ == "__main__":
    main()
