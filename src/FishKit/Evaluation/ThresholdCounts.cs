namespace FishKit.Evaluation;

/// <summary>
/// For each distinct score, from the highest down, how many positives and negatives score at or above it
/// (scikit-learn's <c>_binary_clf_curve</c>): the table every curve, threshold and summary here is read from.
/// Build it once with <see cref="Of"/> and ask it for as many metrics as needed.
/// </summary>
public sealed class ThresholdCounts
{
    readonly double[] thresholds;
    readonly int[] truePositives;
    readonly int[] falsePositives;

    /// <summary>Number of labelled scores.</summary>
    public int Count => Positives + Negatives;

    /// <summary>Number of positive labels (1).</summary>
    public int Positives { get; }

    /// <summary>Number of negative labels (0).</summary>
    public int Negatives { get; }

    /// <summary>Area under the ROC curve (Mann-Whitney: ties count 1/2).</summary>
    public double Auc { get; }

    /// <summary>The distinct scores, descending; "predict 1 when score &gt;= threshold".</summary>
    public ReadOnlySpan<double> Thresholds => thresholds;

    /// <summary>The threshold that predicts nothing positive: the highest score + 1, as scikit-learn 1.2's <c>roc_curve</c>.</summary>
    public double AboveAll => thresholds[0] + 1;

    /// <summary>Positives scoring at or above each threshold.</summary>
    public ReadOnlySpan<int> TruePositives => truePositives;

    /// <summary>Negatives scoring at or above each threshold.</summary>
    public ReadOnlySpan<int> FalsePositives => falsePositives;

    ThresholdCounts(int positives, int negatives, double auc, double[] thresholds, int[] truePositives, int[] falsePositives)
    {
        (Positives, Negatives, Auc) = (positives, negatives, auc);
        (this.thresholds, this.truePositives, this.falsePositives) = (thresholds, truePositives, falsePositives);
    }

    /// <summary>
    /// Ranks <paramref name="scores"/> against <paramref name="labels"/> (true = positive). Throws
    /// <see cref="FishKitException"/> when the input is empty, of unequal lengths, has a NaN or infinite score,
    /// or holds one class only. O(n log n).
    /// </summary>
    public static ThresholdCounts Of(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var ranking = ClassRanking.Of(labels, scores);
        var tally = new Tally(ranking.Positives.Length, ranking.Negatives.Length);
        ranking.Walk(ref tally);
        return tally.ToCounts();
    }

    /// <summary>Fills the table during the walk, and the AUC with it.</summary>
    struct Tally(int positives, int negatives) : IScoreGroupVisitor
    {
        readonly List<double> thresholds = [];
        readonly List<int> truePositives = [];
        readonly List<int> falsePositives = [];
        PairCredit credit = new(negatives);
        int tp, fp;

        public void Visit(ulong key, int positivesHere, int negativesHere)
        {
            credit.Visit(key, positivesHere, negativesHere);
            tp += positivesHere;
            fp += negativesHere;
            thresholds.Add(ScoreKeys.ToScore(key));
            truePositives.Add(tp);
            falsePositives.Add(fp);
        }

        public readonly ThresholdCounts ToCounts() =>
            new(positives, negatives, credit.Auc(positives), [.. thresholds], [.. truePositives], [.. falsePositives]);
    }
}
