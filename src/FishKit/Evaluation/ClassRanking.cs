namespace FishKit.Evaluation;

/// <summary>Receives the distinct scores from the highest down, with how many positives and negatives hold each.</summary>
interface IScoreGroupVisitor
{
    void Visit(ulong key, int positives, int negatives);
}

/// <summary>
/// The positives' and the negatives' scores, each sorted: the one O(n log n) step that every ranking metric shares.
/// Walking both lists together from the top visits each distinct score once, ties grouped exactly.
/// </summary>
sealed class ClassRanking
{
    /// <summary>Sorted keys (<see cref="ScoreKeys"/>) of the positives' scores, ascending.</summary>
    public ulong[] Positives { get; }

    /// <summary>Sorted keys of the negatives' scores, ascending.</summary>
    public ulong[] Negatives { get; }

    ClassRanking(ulong[] positives, ulong[] negatives) => (Positives, Negatives) = (positives, negatives);

    /// <summary>Checks the input (see <see cref="ScoredLabels.Check"/>) and ranks it.</summary>
    public static ClassRanking Of(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        int p = ScoredLabels.Check(labels, scores);
        var positives = new ulong[p];
        var negatives = new ulong[labels.Length - p];
        for (int i = 0, ip = 0, ineg = 0; i < labels.Length; i++)
        {
            if (labels[i]) positives[ip++] = ScoreKeys.Of(scores[i]);
            else negatives[ineg++] = ScoreKeys.Of(scores[i]);
        }
        if (labels.Length >= ParallelFrom)
            Parallel.Invoke(() => ScoreKeys.Sort(positives), () => ScoreKeys.Sort(negatives));
        else
        {
            ScoreKeys.Sort(positives);
            ScoreKeys.Sort(negatives);
        }
        return new ClassRanking(positives, negatives);
    }

    /// <summary>Below this many scores, sorting both classes on one core is faster than starting a second.</summary>
    const int ParallelFrom = 50_000;

    /// <summary>Visits every distinct score from the highest down.</summary>
    public void Walk<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IScoreGroupVisitor
    {
        ulong[] pos = Positives, neg = Negatives;
        int i = pos.Length - 1, j = neg.Length - 1;
        while (i >= 0 || j >= 0)
        {
            ulong key = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.Max(pos[i], neg[j]);
            int p = 0, q = 0;
            while (i >= 0 && pos[i] == key) { i--; p++; }
            while (j >= 0 && neg[j] == key) { j--; q++; }
            visitor.Visit(key, p, q);
        }
    }
}

/// <summary>
/// Accumulates the Mann-Whitney count behind ROC AUC: each (positive, negative) pair scores 1 when the positive is
/// higher and 1/2 when tied. Kept doubled, in integers, so the AUC is one exact division.
/// </summary>
struct PairCredit(int negatives) : IScoreGroupVisitor
{
    long negativesAbove;
    long doubledCredit;

    public void Visit(ulong key, int positives, int negativesHere)
    {
        negativesAbove += negativesHere;
        long below = negatives - negativesAbove;
        doubledCredit += positives * (2 * below + negativesHere);
    }

    /// <summary>The area under the ROC curve: credit / (positives * negatives).</summary>
    public readonly double Auc(int positives) => doubledCredit / (2.0 * positives * negatives);
}
