using FishKit.Baselines;
using FishKit.Labeling;
using FishKit.Synthetic;

namespace FishKit.Evaluation;

/// <summary>What a burst's positive frames can be foretold by.</summary>
public enum BurstKind
{
    /// <summary>The first burst of a bout: the previous burst ended more than the window before its onset, so only the precursor foretells it.</summary>
    FirstOfBout,

    /// <summary>A later burst of a bout: the previous burst ended within the window before its onset, so motion history also foretells it.</summary>
    InBout,
}

/// <summary>
/// How positive frames are tied to truth bursts. A burst is <see cref="BurstKind.InBout"/> when
/// onset - (previous burst's end_frame) &lt;= <paramref name="Window"/>, else <see cref="BurstKind.FirstOfBout"/>; the
/// first burst of the file counts as first of bout. With the default, the algorithmic baseline's d = 89 frames, every
/// positive frame of an in-bout burst (at most h + 1 frames before the onset) still has the previous burst's last frame
/// in its 89-frame window, while the latest positives of a first-of-bout burst do not. The simulator's in-bout calm spells
/// (1.5-1.8 s after a 0.4 s decay) put 58-67 frames between end and onset; between-bout spells (1.8-22 s) 67-673, and
/// the shortest of those (below about 2.5 s) count as in bout, rightly: the previous burst is still in view. A file of
/// one split starts at its first burst: one whose previous burst lies in the split before has onset - end &gt; onset, so
/// it is first of bout whenever its onset is past the window (and earlier positives are unlabelled anyway: labels start at 4n - 1).
/// A positive frame t precedes the first burst with t &lt;= onset &lt;= t + <paramref name="LookAhead"/> + 1 (the labels'
/// look-ahead y-tilde[t .. t+h] covers frames up to t + h + 1); a positive with no such onset is unmatched.
/// </summary>
/// <param name="Window">Frames between the previous burst's end and the onset up to which a burst counts as in bout.</param>
/// <param name="LookAhead">The labels' look-ahead h.</param>
public sealed record BurstKindRule(int Window, int LookAhead)
{
    /// <summary>The baseline's window d = 89 and the write-up's look-ahead h = 45.</summary>
    public static BurstKindRule WriteUp { get; } = new(BaselineParameters.WriteUp.D, LabelParameters.WriteUp.H);

    /// <summary>The kind of every burst, in the order given (bursts in time order, frames of one file).</summary>
    public BurstKind[] Classify(IReadOnlyList<BurstEvent> bursts)
    {
        var kinds = new BurstKind[bursts.Count];
        for (int i = 0; i < kinds.Length; i++)
            kinds[i] = i > 0 && bursts[i].Onset - bursts[i - 1].End <= Window ? BurstKind.InBout : BurstKind.FirstOfBout;
        return kinds;
    }
}

/// <summary>
/// Which burst each positive frame of a label series precedes (<see cref="BurstKindRule"/>), and each burst's kind.
/// <see cref="BurstOf"/>[t] is the burst's index, <see cref="Negative"/> for a negative frame, <see cref="Unmatched"/>
/// for a positive that precedes no truth onset.
/// </summary>
public sealed record BurstAssignment(int[] BurstOf, BurstKind[] Kinds, BurstKindRule Rule)
{
    /// <summary>Marks a negative frame in <see cref="BurstOf"/>.</summary>
    public const int Negative = -1;

    /// <summary>Marks a positive frame that precedes no truth onset within the look-ahead.</summary>
    public const int Unmatched = -2;

    /// <summary>Ties every positive of <paramref name="labels"/> to a burst of <paramref name="bursts"/> (same frame numbering, time order).</summary>
    public static BurstAssignment Of(ReadOnlySpan<bool> labels, IReadOnlyList<BurstEvent> bursts, BurstKindRule? rule = null)
    {
        var r = rule ?? BurstKindRule.WriteUp;
        var burstOf = new int[labels.Length];
        int next = 0; // the first burst whose onset is at or after t
        for (int t = 0; t < labels.Length; t++)
        {
            while (next < bursts.Count && bursts[next].Onset < t) next++;
            burstOf[t] = !labels[t] ? Negative
                : next < bursts.Count && bursts[next].Onset <= t + r.LookAhead + 1 ? next
                : Unmatched;
        }
        return new BurstAssignment(burstOf, r.Classify(bursts), r);
    }

    /// <summary>Whether frame <paramref name="t"/> is a positive preceding a burst of <paramref name="kind"/>.</summary>
    public bool IsPositiveOf(int t, BurstKind kind) => BurstOf[t] >= 0 && Kinds[BurstOf[t]] == kind;

    /// <summary>Positives among frames <paramref name="frames"/> that precede no truth onset.</summary>
    public int UnmatchedIn(Range frames) => BurstOf.AsSpan(frames).Count(Unmatched);
}

/// <summary>ROC AUC of one burst kind: its positives against all negatives, a bootstrap interval, and the counts.</summary>
/// <param name="Auc">The AUC, or null when the frames hold no positive of this kind.</param>
/// <param name="CiLow">Lower end of the percentile bootstrap interval (null with no AUC).</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="Positives">Positive frames preceding bursts of this kind.</param>
/// <param name="Negatives">Negative frames (all of them).</param>
/// <param name="Bursts">Bursts of this kind that these positives precede.</param>
public sealed record KindAuc(double? Auc, double? CiLow, double? CiHigh, int Positives, int Negatives, int Bursts);

/// <summary>The per-kind AUCs of one score series, and the positives no truth onset follows.</summary>
public sealed record BurstKindReport(KindAuc FirstOfBout, KindAuc InBout, int UnmatchedPositives)
{
    /// <summary>The row of <paramref name="kind"/>.</summary>
    public KindAuc this[BurstKind kind] => kind == BurstKind.FirstOfBout ? FirstOfBout : InBout;
}

/// <summary>ROC AUC by burst kind: the frames of one kind's positives plus all negatives, scored as a whole series is.</summary>
public static class BurstKindEvaluation
{
    /// <summary>Bootstrap resamples of the per-kind intervals where the user gives none.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>The snake_case name of a kind as the CLI and JSON write it: first_of_bout, in_bout.</summary>
    public static string Name(BurstKind kind) => kind == BurstKind.FirstOfBout ? "first_of_bout" : "in_bout";

    /// <summary>
    /// Per kind, the AUC of <paramref name="scores"/> over frames <paramref name="frames"/> (default all) restricted to
    /// that kind's positives and every negative, with a percentile bootstrap interval from
    /// <see cref="BootstrapAuc.Interval"/> (<paramref name="resamples"/>, <paramref name="seed"/>, <paramref name="confidence"/>).
    /// </summary>
    public static BurstKindReport Evaluate(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, BurstAssignment assignment,
        int resamples, int seed, double confidence = 0.95, Range? frames = null)
    {
        var range = frames ?? Range.All;
        KindAuc Row(BurstKind kind, ReadOnlySpan<bool> y, ReadOnlySpan<double> s)
        {
            var (subsetLabels, subsetScores) = Subset(y, s, assignment, kind, range);
            int positives = subsetLabels.Count(true), negatives = subsetLabels.Length - positives;
            int bursts = assignment.BurstOf.AsSpan(range).ToArray().Where(b => b >= 0 && assignment.Kinds[b] == kind).Distinct().Count();
            if (positives == 0 || negatives == 0) return new KindAuc(null, null, null, positives, negatives, bursts);
            var interval = BootstrapAuc.Interval(subsetLabels, subsetScores, resamples, seed, confidence);
            return new KindAuc(interval.Auc, interval.Lower, interval.Upper, positives, negatives, bursts);
        }
        return new BurstKindReport(Row(BurstKind.FirstOfBout, labels, scores), Row(BurstKind.InBout, labels, scores), assignment.UnmatchedIn(range));
    }

    /// <summary>DeLong's test of two score series on the frames of one kind's positives plus all negatives (see <see cref="DeLong.Compare"/>).</summary>
    public static DeLongComparison Compare(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB,
        BurstAssignment assignment, BurstKind kind, Range? frames = null)
    {
        var range = frames ?? Range.All;
        var (y, a) = Subset(labels, scoresA, assignment, kind, range);
        var (_, b) = Subset(labels, scoresB, assignment, kind, range);
        return DeLong.Compare(y, a, b);
    }

    /// <summary>The labels and scores of the frames in <paramref name="range"/> that are negative or a positive of <paramref name="kind"/>.</summary>
    public static (bool[] Labels, double[] Scores) Subset(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, BurstAssignment assignment,
        BurstKind kind, Range range)
    {
        if (labels.Length != assignment.BurstOf.Length || scores.Length != labels.Length)
            throw new FishKitException($"the labels ({labels.Length} frames), scores ({scores.Length}) and burst assignment ({assignment.BurstOf.Length}) differ in length; give series of the same frames.");
        var (offset, count) = range.GetOffsetAndLength(labels.Length);
        var y = new List<bool>(count);
        var s = new List<double>(count);
        for (int t = offset; t < offset + count; t++)
            if (!labels[t] || assignment.IsPositiveOf(t, kind))
            {
                y.Add(labels[t]);
                s.Add(scores[t]);
            }
        return ([.. y], [.. s]);
    }
}
