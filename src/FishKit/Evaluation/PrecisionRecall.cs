namespace FishKit.Evaluation;

/// <summary>
/// A precision-recall curve as scikit-learn 1.2's <c>precision_recall_curve</c> returns it: thresholds ascending
/// (one per distinct score), precision and recall one longer, ending with the point (recall 0, precision 1).
/// </summary>
public sealed record PrecisionRecallCurve(double[] Precision, double[] Recall, double[] Thresholds);

/// <summary>Precision-recall curve and average precision.</summary>
public static class PrecisionRecall
{
    /// <summary>The precision-recall curve of <paramref name="scores"/> against <paramref name="labels"/>.</summary>
    public static PrecisionRecallCurve Curve(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        Curve(ThresholdCounts.Of(labels, scores));

    /// <summary>The precision-recall curve read from <paramref name="counts"/>.</summary>
    public static PrecisionRecallCurve Curve(ThresholdCounts counts)
    {
        int k = counts.Thresholds.Length;
        var precision = new double[k + 1];
        var recall = new double[k + 1];
        var thresholds = new double[k];
        for (int i = 0; i < k; i++)
        {
            int at = k - 1 - i; // ascending thresholds
            int tp = counts.TruePositives[at];
            precision[i] = (double)tp / (tp + counts.FalsePositives[at]);
            recall[i] = (double)tp / counts.Positives;
            thresholds[i] = counts.Thresholds[at];
        }
        precision[k] = 1;
        recall[k] = 0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    /// <summary>
    /// Average precision, scikit-learn's step-wise definition (not a trapezoid): the sum over thresholds, highest
    /// first, of (R_n - R_(n-1)) * P_n with R_(-1) = 0. In (0, 1]; throws like <see cref="Roc.Auc"/>.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        AveragePrecision(ThresholdCounts.Of(labels, scores));

    /// <summary>Average precision read from <paramref name="counts"/>.</summary>
    public static double AveragePrecision(ThresholdCounts counts)
    {
        double sum = 0;
        int previousTp = 0;
        for (int i = 0; i < counts.Thresholds.Length; i++)
        {
            int tp = counts.TruePositives[i];
            if (tp == previousTp) continue; // recall did not move: this step adds nothing
            double recallStep = (double)(tp - previousTp) / counts.Positives;
            sum += recallStep * tp / (tp + counts.FalsePositives[i]);
            previousTp = tp;
        }
        return sum;
    }
}
