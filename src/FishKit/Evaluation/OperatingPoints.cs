using System.Globalization;

namespace FishKit.Evaluation;

/// <summary>One row of the threshold table: predicting 1 when <c>score &gt;= Threshold</c> gives <see cref="Matrix"/>.</summary>
public sealed record OperatingPoint(double Threshold, ConfusionMatrix Matrix)
{
    public double Tpr => Matrix.Tpr;
    public double Fpr => Matrix.Fpr;
    public double Precision => Matrix.Precision;
    public double Accuracy => Matrix.Accuracy;
    public double YoudenJ => Matrix.YoudenJ;
}

/// <summary>The threshold with the largest Youden's J (TPR - FPR), and the rates there.</summary>
public sealed record YoudenOptimum(double J, double Threshold, double Tpr, double Fpr);

/// <summary>The threshold with the largest accuracy, and the rates there.</summary>
public sealed record AccuracyOptimum(double Accuracy, double Threshold, double Tpr, double Fpr);

/// <summary>
/// Operating points: every threshold worth trying and the best ones. The candidates are the ROC curve's points
/// without dropping any: "predict nothing" (threshold = highest score + 1, as scikit-learn 1.2) and each distinct score.
/// Ties between equal maxima are decided exactly (integer counts, no rounding) in favour of the HIGHEST threshold,
/// which is what <c>thresholds[argmax(...)]</c> over scikit-learn's <c>roc_curve</c> gives.
/// </summary>
public static class OperatingPoints
{
    /// <summary>The threshold table, thresholds descending, starting with "predict nothing".</summary>
    public static OperatingPoint[] Table(ThresholdCounts counts)
    {
        var table = new OperatingPoint[counts.Thresholds.Length + 1];
        for (int row = 0; row < table.Length; row++) table[row] = At(counts, row);
        return table;
    }

    /// <summary>The threshold table of <paramref name="scores"/> against <paramref name="labels"/>.</summary>
    public static OperatingPoint[] Table(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        Table(ThresholdCounts.Of(labels, scores));

    /// <summary>The threshold with the largest Youden's J; J = 0 at "predict nothing" when no threshold does better.</summary>
    public static YoudenOptimum MaxYouden(ThresholdCounts counts)
    {
        // J = tp/P - fp/N, compared exactly as tp*N - fp*P.
        var best = At(counts, Best(counts, (tp, fp) => (long)tp * counts.Negatives - (long)fp * counts.Positives));
        return new YoudenOptimum(best.YoudenJ, best.Threshold, best.Tpr, best.Fpr);
    }

    /// <summary>The threshold with the largest accuracy (it may be "predict nothing").</summary>
    public static AccuracyOptimum MaxAccuracy(ThresholdCounts counts)
    {
        // Accuracy = (tp + N - fp) / n, compared exactly as tp - fp.
        var best = At(counts, Best(counts, (tp, fp) => (long)tp - fp));
        return new AccuracyOptimum(best.Accuracy, best.Threshold, best.Tpr, best.Fpr);
    }

    /// <summary>What tables, charts and the CLI show for a threshold that flags no frame.</summary>
    public const string PredictNone = "predict none";

    /// <summary>
    /// A threshold as people read it: <see cref="PredictNone"/> where it flags no frame (TPR = FPR = 0, as at the
    /// threshold above every score that scikit-learn writes as the highest score + 1), else the number in
    /// <paramref name="format"/> (invariant culture). Give the rates of the threshold's row or optimum.
    /// </summary>
    public static string ThresholdText(double threshold, double tpr, double fpr, string format = "0.###") =>
        tpr == 0 && fpr == 0 ? PredictNone : threshold.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The first row (highest threshold) with the largest objective.</summary>
    static int Best(ThresholdCounts counts, Func<int, int, long> objective)
    {
        int bestRow = 0;
        long best = objective(0, 0);
        for (int i = 0; i < counts.Thresholds.Length; i++)
        {
            long value = objective(counts.TruePositives[i], counts.FalsePositives[i]);
            if (value > best) (best, bestRow) = (value, i + 1);
        }
        return bestRow;
    }

    /// <summary>Row 0 is "predict nothing"; row i + 1 is the i-th distinct score.</summary>
    static OperatingPoint At(ThresholdCounts counts, int row)
    {
        if (row == 0)
            return new(counts.AboveAll, new ConfusionMatrix(0, 0, counts.Negatives, counts.Positives));
        int tp = counts.TruePositives[row - 1], fp = counts.FalsePositives[row - 1];
        return new(counts.Thresholds[row - 1], new ConfusionMatrix(tp, fp, counts.Negatives - fp, counts.Positives - tp));
    }
}
