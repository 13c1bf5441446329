#!/usr/bin/python3
"""Reference values for FishKit.Evaluation, computed once with scikit-learn 1.2.1 and numpy (Debian's /usr/bin/python3).

Writes evaluation_reference.json beside this script:
  datasets: seeded label/score series with many ties, and per dataset
    roc_curve (drop_intermediate True and False), roc_auc_score, precision_recall_curve, average_precision_score;
    the thresholds of max Youden J and max accuracy over roc_curve(drop_intermediate=False), found with exact
    fractions and ties going to the first (highest) threshold, as np.argmax over roc_curve's arrays does;
  delong: pairs of correlated score series on the same labels with DeLong's AUCs, variances, covariance, z and
    two-sided p, computed by a deliberately plain O(n^2) implementation (placement of every positive against every
    negative, then np.cov), independent of the kit's O(n log n) one;
  erfc: math.erfc at a range of points.

Run: /usr/bin/python3 tests/FishKit.Tests/Reference/make_evaluation_reference.py
"""
import json
import math
import os
from fractions import Fraction

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve


def datasets():
    rng = np.random.default_rng(20210615)
    out = {}
    # small, with heavy ties (one decimal)
    y = rng.random(24) < 0.4
    out["small_ties"] = (y, np.round(rng.random(24) * 0.6 + 0.3 * y, 1))
    # the write-up's shape: ~13 % positives, scores rounded to 2 decimals, informative but noisy
    y = rng.random(600) < 0.13
    out["imbalanced_ties"] = (y, np.round(1 / (1 + np.exp(-(rng.normal(size=600) + 1.2 * y))), 2))
    # continuous scores, no ties, negative values and a wide range
    y = rng.random(300) < 0.5
    out["continuous_signed"] = (y, rng.normal(size=300) * 1e3 + 300 * y)
    # integer-valued scores with a few levels, zeros of both signs
    y = rng.random(200) < 0.3
    s = rng.integers(-2, 3, size=200).astype(float) + y
    s[s == 0] = np.where(rng.random((s == 0).sum()) < 0.5, 0.0, -0.0)
    out["few_levels_signed_zero"] = (y, s)
    # perfect, inverted and all-tied
    y = np.array([0, 0, 1, 0, 1, 1, 0, 1], dtype=bool)
    out["perfect"] = (y, np.where(y, 0.9, 0.1) + np.arange(8) * 0.01)
    out["inverted"] = (y, np.where(y, 0.1, 0.9) + np.arange(8) * 0.01)
    out["all_tied"] = (y, np.full(8, 0.5))
    return out


def best_threshold(fps, tps, thresholds, objective):
    """First (highest-threshold) maximum of an exact objective over the ROC points."""
    values = [objective(int(fp), int(tp)) for fp, tp in zip(fps, tps)]
    best = max(values)
    return values.index(best)


def dataset_reference(y, s):
    fpr, tpr, thr = roc_curve(y, s)
    fpr_all, tpr_all, thr_all = roc_curve(y, s, drop_intermediate=False)
    precision, recall, pr_thr = precision_recall_curve(y, s)
    P, N = int(y.sum()), int((~y).sum())
    fps = np.round(fpr_all * N).astype(int)
    tps = np.round(tpr_all * P).astype(int)
    j = best_threshold(fps, tps, thr_all, lambda fp, tp: Fraction(tp, P) - Fraction(fp, N))
    a = best_threshold(fps, tps, thr_all, lambda fp, tp: Fraction(tp + N - fp, P + N))
    return {
        "labels": [int(v) for v in y],
        "scores": [float(v) for v in s],
        "roc_curve": {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": thr.tolist()},
        "roc_curve_all": {"fpr": fpr_all.tolist(), "tpr": tpr_all.tolist(), "thresholds": thr_all.tolist()},
        "roc_auc_score": float(roc_auc_score(y, s)),
        "precision_recall_curve": {"precision": precision.tolist(), "recall": recall.tolist(), "thresholds": pr_thr.tolist()},
        "average_precision_score": float(average_precision_score(y, s)),
        "youden": {"j": float(tpr_all[j] - fpr_all[j]), "threshold": float(thr_all[j]), "tpr": float(tpr_all[j]), "fpr": float(fpr_all[j])},
        "max_accuracy": {"accuracy": (int(tps[a]) + N - int(fps[a])) / (P + N), "threshold": float(thr_all[a]),
                         "tpr": float(tpr_all[a]), "fpr": float(fpr_all[a])},
    }


def delong_quadratic(y, a, b):
    """DeLong et al. (1988) straight from the definition: O(n^2) placements, sample covariances (ddof 1)."""
    def placements(s):
        x, z = s[y][:, None], s[~y][None, :]
        psi = (x > z) + 0.5 * (x == z)          # positives x negatives
        return psi.mean(axis=1), psi.mean(axis=0)  # V10 per positive, V01 per negative
    v10a, v01a = placements(a)
    v10b, v01b = placements(b)
    m, n = int(y.sum()), int((~y).sum())
    s10 = np.cov(np.vstack([v10a, v10b]))
    s01 = np.cov(np.vstack([v01a, v01b]))
    cov = s10 / m + s01 / n
    auc_a, auc_b = v10a.mean(), v10b.mean()
    z = (auc_a - auc_b) / math.sqrt(cov[0, 0] + cov[1, 1] - 2 * cov[0, 1])
    return {"auc_a": auc_a, "auc_b": auc_b, "variance_a": cov[0, 0], "variance_b": cov[1, 1],
            "covariance": cov[0, 1], "z": z, "p_value": math.erfc(abs(z) / math.sqrt(2))}


def delong_cases():
    rng = np.random.default_rng(1988)
    cases = {}
    for name, n, rate, decimals in [("tied_200", 200, 0.3, 1), ("imbalanced_800", 800, 0.13, 2), ("continuous_400", 400, 0.5, None)]:
        y = rng.random(n) < rate
        latent = rng.normal(size=n) + 1.0 * y
        a = latent + rng.normal(size=n) * 0.8
        b = latent + rng.normal(size=n) * 1.1 + 0.3 * y
        if decimals is not None:
            a, b = np.round(a, decimals), np.round(b, decimals)
        r = delong_quadratic(y, a, b)
        assert abs(r["auc_a"] - roc_auc_score(y, a)) < 1e-12 and abs(r["auc_b"] - roc_auc_score(y, b)) < 1e-12
        cases[name] = {"labels": [int(v) for v in y], "scores_a": a.tolist(), "scores_b": b.tolist(),
                       **{k: float(v) for k, v in r.items()}}
    return cases


def main():
    reference = {
        "made_by": f"make_evaluation_reference.py with scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "datasets": {name: dataset_reference(y, s) for name, (y, s) in datasets().items()},
        "delong": delong_cases(),
        "erfc": [[x, math.erfc(x)] for x in [0.0, 1e-8, 0.1, 0.5, 0.9, 1.0, 1.4, 1.5, 1.6, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 20.0, 26.0]],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evaluation_reference.json")
    with open(path, "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
