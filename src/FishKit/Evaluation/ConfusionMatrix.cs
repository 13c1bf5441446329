namespace FishKit.Evaluation;

/// <summary>Counts of a yes/no prediction against the labels, and the rates read from them.</summary>
public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>Number of labelled frames.</summary>
    public int Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Number of positive labels.</summary>
    public int Positives => TruePositives + FalseNegatives;

    /// <summary>Number of negative labels.</summary>
    public int Negatives => FalsePositives + TrueNegatives;

    /// <summary>True positive rate (recall, sensitivity): TP / positives; NaN without positives.</summary>
    public double Tpr => (double)TruePositives / Positives;

    /// <summary>False positive rate: FP / negatives; NaN without negatives.</summary>
    public double Fpr => (double)FalsePositives / Negatives;

    /// <summary>TP / (TP + FP); 1 when nothing is predicted positive (scikit-learn's precision-recall curve convention).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>(TP + TN) / all.</summary>
    public double Accuracy => (double)(TruePositives + TrueNegatives) / Count;

    /// <summary>Youden's J = TPR - FPR.</summary>
    public double YoudenJ => Tpr - Fpr;

    /// <summary>
    /// The confusion matrix when predicting 1 for <c>score &gt;= threshold</c>. One class only is allowed here;
    /// empty input, unequal lengths, NaN/infinite scores or a NaN threshold throw <see cref="FishKitException"/>.
    /// </summary>
    public static ConfusionMatrix At(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double threshold)
    {
        if (double.IsNaN(threshold))
            throw new FishKitException("the threshold is NaN; give a number (predict 1 when score >= threshold).");
        int positives = ScoredLabels.Check(labels, scores, needBothClasses: false);
        int tp = 0, fp = 0;
        for (int i = 0; i < labels.Length; i++)
            if (scores[i] >= threshold)
            {
                if (labels[i]) tp++;
                else fp++;
            }
        int negatives = labels.Length - positives;
        return new ConfusionMatrix(tp, fp, negatives - fp, positives - tp);
    }
}
