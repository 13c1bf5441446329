namespace FishKit.Evaluation;

/// <summary>
/// A ROC curve as scikit-learn 1.2's <c>roc_curve</c> returns it: points from (0, 0) to (1, 1), one per distinct
/// score (ties give one point), thresholds descending; the first threshold is the highest score + 1 ("predict nothing").
/// </summary>
public sealed record RocCurve(double[] Fpr, double[] Tpr, double[] Thresholds);

/// <summary>Receiver operating characteristic: the curve and the area under it.</summary>
public static class Roc
{
    /// <summary>
    /// Area under the ROC curve, equal to the Mann-Whitney U / (positives * negatives) with ties counted 1/2 (what
    /// scikit-learn's <c>roc_auc_score</c> computes by the trapezoid rule). O(n log n); throws
    /// <see cref="FishKitException"/> on empty input, unequal lengths, NaN/infinite scores or one class only.
    /// </summary>
    public static double Auc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var ranking = ClassRanking.Of(labels, scores);
        var credit = new PairCredit(ranking.Negatives.Length);
        ranking.Walk(ref credit);
        return credit.Auc(ranking.Positives.Length);
    }

    /// <summary>The ROC curve of <paramref name="scores"/> against <paramref name="labels"/> (see <see cref="Curve(ThresholdCounts, bool)"/>).</summary>
    public static RocCurve Curve(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool dropIntermediate = true) =>
        Curve(ThresholdCounts.Of(labels, scores), dropIntermediate);

    /// <summary>
    /// The ROC curve. With <paramref name="dropIntermediate"/> (scikit-learn's default) points that lie on a straight
    /// segment between their neighbours are left out (they never change the curve or its area); without it every
    /// distinct score keeps its point.
    /// </summary>
    public static RocCurve Curve(ThresholdCounts counts, bool dropIntermediate = true)
    {
        var tps = counts.TruePositives;
        var fps = counts.FalsePositives;
        int k = tps.Length;
        var kept = new List<int>(k);
        for (int i = 0; i < k; i++)
            if (!dropIntermediate || k <= 2 || i == 0 || i == k - 1 || IsCorner(tps, fps, i))
                kept.Add(i);

        var fpr = new double[kept.Count + 1];
        var tpr = new double[kept.Count + 1];
        var thresholds = new double[kept.Count + 1];
        thresholds[0] = counts.AboveAll;
        for (int m = 0; m < kept.Count; m++)
        {
            int i = kept[m];
            fpr[m + 1] = (double)fps[i] / counts.Negatives;
            tpr[m + 1] = (double)tps[i] / counts.Positives;
            thresholds[m + 1] = counts.Thresholds[i];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /// <summary>True when point i is not collinear with its neighbours (a non-zero second difference).</summary>
    static bool IsCorner(ReadOnlySpan<int> tps, ReadOnlySpan<int> fps, int i) =>
        fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0;
}
