#!/usr/bin/python3
"""Reference values for FishKit.Evaluation's AUC by burst kind, computed with scikit-learn 1.2.1 and numpy (Debian's /usr/bin/python3).

Writes burst_kind_reference.json beside this script: a seeded 800-frame case with a truth-bursts.csv text (bursts in
bouts and alone), labels (positives in the 46 frames before onsets, some dropped, plus a few that precede no onset),
tied informative scores, and per kind (first_of_bout: onset - previous end_frame > 89 or the first burst; in_bout:
<= 89) the kinds of the bursts, the frames of that kind's positives plus all negatives, the counts and
roc_auc_score over those frames. The assignment is written out plainly here (each positive t takes the smallest onset
o with t <= o <= t + 46), independent of the kit's one-pass version.

Run: /usr/bin/python3 tests/FishKit.Tests/Reference/make_burst_kind_reference.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

WINDOW, LOOK_AHEAD, T = 89, 45, 800


def main():
    rng = np.random.default_rng(20240613)
    # (precursor_start, onset, end): a lone burst, a bout of three (gaps 70, 50, 42), a lone one (gap 120), then gaps of
    # exactly 89 (in bout) and 90 (first of bout)
    bursts = [(95, 130, 160), (195, 230, 250), (265, 300, 330), (337, 372, 400), (485, 520, 545), (599, 634, 660), (715, 750, 770)]
    labels = np.zeros(T, dtype=bool)
    for _, o, _ in bursts:
        for t in range(o - LOOK_AHEAD - 1, o):
            labels[t] = rng.random() < 0.8
    for t in (20, 21, 22, 470):  # positives no onset follows within t + 46
        labels[t] = True
    labels[300] = True  # a positive at an onset precedes that burst
    scores = np.round(rng.random(T) * 0.7 + 0.3 * labels, 1)

    kinds = ["first_of_bout" if i == 0 or b[1] - bursts[i - 1][2] > WINDOW else "in_bout" for i, b in enumerate(bursts)]
    burst_of = []
    for t in range(T):
        if not labels[t]:
            burst_of.append(-1)
            continue
        following = [i for i, b in enumerate(bursts) if t <= b[1] <= t + LOOK_AHEAD + 1]
        burst_of.append(min(following) if following else -2)

    by_kind = {}
    for kind in ("first_of_bout", "in_bout"):
        frames = [t for t in range(T) if burst_of[t] == -1 or (burst_of[t] >= 0 and kinds[burst_of[t]] == kind)]
        y = labels[frames]
        by_kind[kind] = {
            "frames": frames,
            "positives": int(y.sum()),
            "negatives": int((~y).sum()),
            "bursts": len({burst_of[t] for t in frames if burst_of[t] >= 0}),
            "roc_auc_score": float(roc_auc_score(y, scores[frames])),
        }

    csv = "onset_frame,precursor_start_frame,end_frame,initiator,target\n" + "".join(
        f"{o},{p},{e},{i % 7},{(i + 1) % 7}\n" for i, (p, o, e) in enumerate(bursts))
    out = {
        "made_by": f"make_burst_kind_reference.py with scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "window": WINDOW,
        "look_ahead": LOOK_AHEAD,
        "truth_csv": csv,
        "labels": [int(v) for v in labels],
        "scores": [float(v) for v in scores],
        "kinds": kinds,
        "burst_of": burst_of,
        "unmatched": sum(1 for b in burst_of if b == -2),
        "by_kind": by_kind,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "burst_kind_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
