#!/usr/bin/python3
"""A small stand-in for a clone of the write-up's repository, for `fishkit reproduce --writeup` tests: the same layout,
file names and dtypes as the published targets/ folder, but short synthetic series (nothing of the write-up's data).

Writes, beside this script:
  writeup-fixture/targets/{train,validation,test}/Y_tilde.npy   float64 (T,), y-tilde-like: calm noise with bursts,
                                                                 first and last value 0 as in the published arrays
  writeup-fixture/targets/{train,validation,test}/Y_label.npy   float64 (T,), 0/1 by the write-up's rule (h=45, b=0.1,
                                                                 c=0.001, n=30; ALGORITHMS.md), written as plain loops
  writeup-fixture/targets/test/Y_pred_baseline.npy              float64 (T,), the algorithmic baseline on 119 .. T-12
  writeup-fixture/targets/test/Y_pred.npy                       float32 (T-130, 1), a noisy score of the labels, frames
  writeup-fixture/targets/test/Y_pred_visionary_serenity.npy    119 .. T-12 (the second one noisier, with ties)
  writeup_fixture_expected.json  per published model over test frames 119 .. T-12: scikit-learn's roc_auc_score and
                                 average_precision_score, and max Youden J / max accuracy with their threshold, TPR and
                                 FPR over roc_curve(drop_intermediate=False), the first (highest) threshold on ties

Run: /usr/bin/python3 tests/FishKit.Tests/Reference/make_writeup_fixture.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20210707)


def ytilde(T):
    y = 0.0008 + 0.0002 * rng.standard_normal(T)
    for onset in rng.choice(np.arange(40, T - 60), size=max(3, T // 120), replace=False):
        length = int(rng.integers(20, 70))
        y[onset:onset + length] += np.linspace(0.003, 0.0005, length)[: len(y[onset:onset + length])]
    y = np.abs(y)
    y[0] = 0.0
    y[-1] = 0.0
    return y


def labels(y, h=45, b=0.1, c=0.001, n=30):
    out = np.zeros(len(y))
    for t in range(4 * n - 1, len(y) - 2 - h + 1):
        w = y[t:t + h + 1]
        r = w.max() - w.min()
        if r >= c and y[t] <= w.min() + b * r:
            out[t] = 1.0
    return out


def baseline(y, d=89, b=0.2, c=0.0006, g1=5300.0, g2=11000.0):
    out = np.zeros(len(y))
    for t in range(119, len(y) - 2 - 10 + 1):
        w = y[t - d:t]
        r = w.max() - w.min()
        low = w.min() + b * r
        out[t] = (1 / (1 + np.exp(-g1 * (r - c))) + 1 / (1 + np.exp(g2 * (y[t - 1] - low)))) / 2
    return out


def optimum(y, s, objective):
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    p, n = y.sum(), len(y) - y.sum()
    values = objective(tpr * p, fpr * n, p, n)
    i = int(np.argmax(values))
    return float(values[i]), float(thr[i]), float(tpr[i]), float(fpr[i])


def main():
    sizes = {"train": 700, "validation": 400, "test": 600}
    folder = os.path.join(HERE, "writeup-fixture", "targets")
    series = {}
    for split, T in sizes.items():
        os.makedirs(os.path.join(folder, split), exist_ok=True)
        y = ytilde(T)
        series[split] = (y, labels(y))
        np.save(os.path.join(folder, split, "Y_tilde.npy"), y)
        np.save(os.path.join(folder, split, "Y_label.npy"), series[split][1])

    y, lab = series["test"]
    T = len(y)
    scored = lab[119:T - 12 + 1]
    pred = 1 / (1 + np.exp(-(2.0 * scored - 1.0 + rng.standard_normal(len(scored)))))
    two_layer = np.round(1 / (1 + np.exp(-(1.0 * scored - 0.5 + rng.standard_normal(len(scored))))), 2)
    arrays = {
        "Y_pred_baseline.npy": baseline(y),
        "Y_pred.npy": pred.astype(np.float32).reshape(-1, 1),
        "Y_pred_visionary_serenity.npy": two_layer.astype(np.float32).reshape(-1, 1),
    }
    for name, a in arrays.items():
        np.save(os.path.join(folder, "test", name), a)

    expected = {"sklearn": sklearn.__version__, "first": 119, "last": T - 12, "models": {}}
    models = {"baseline": arrays["Y_pred_baseline.npy"][119:T - 12 + 1],
              "convlstm": arrays["Y_pred.npy"][:, 0].astype(np.float64),
              "two_layer": arrays["Y_pred_visionary_serenity.npy"][:, 0].astype(np.float64)}
    for name, s in models.items():
        j = optimum(scored, s, lambda tp, fp, p, n: tp / p - fp / n)
        acc = optimum(scored, s, lambda tp, fp, p, n: (tp + n - fp) / (p + n))
        expected["models"][name] = {
            "auc": float(roc_auc_score(scored, s)),
            "average_precision": float(average_precision_score(scored, s)),
            "youden": dict(zip(["j", "threshold", "tpr", "fpr"], j)),
            "max_accuracy": dict(zip(["accuracy", "threshold", "tpr", "fpr"], acc)),
        }
    with open(os.path.join(HERE, "writeup_fixture_expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
    print({split: (len(y), int(l.sum())) for split, (y, l) in series.items()}, "scored test frames", len(scored), int(scored.sum()))


if __name__ == "__main__":
    main()
