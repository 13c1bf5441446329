using FishKit.Validation;

namespace FishKit.Evaluation;

/// <summary>
/// A percentile bootstrap confidence interval for ROC AUC. <see cref="Skipped"/> counts resamples that drew one class
/// only (their AUC is undefined); the interval comes from the other <see cref="Resamples"/> - Skipped.
/// </summary>
public sealed record AucInterval(double Auc, double Lower, double Upper, double Confidence, int Resamples, int Skipped);

/// <summary>Bootstrap confidence interval for ROC AUC: frames drawn with replacement, seeded, in parallel.</summary>
public static class BootstrapAuc
{
    /// <summary>
    /// Draws <paramref name="resamples"/> samples of n frames with replacement (seeded by <paramref name="seed"/>; the
    /// result does not depend on the number of cores), computes each one's AUC, and returns the
    /// (1 - confidence)/2 and (1 + confidence)/2 percentiles (linear interpolation, numpy's default).
    /// O(n log n) once, then O(n) per resample: scores are ranked once and each resample only counts draws per rank.
    /// </summary>
    public static AucInterval Interval(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, int resamples, int seed, double confidence = 0.95)
    {
        Limits.Resamples.Check("bootstrap resamples", resamples);
        Limits.Confidence.Check("confidence", confidence);
        var counts = ThresholdCounts.Of(labels, scores);
        var draws = RankedDraws(labels, scores, counts.Thresholds);
        int groups = counts.Thresholds.Length;

        var aucs = new double[resamples];
        Parallel.For(0, resamples,
            () => new int[2 * groups],
            (b, _, tally) =>
            {
                aucs[b] = ResampleAuc(draws, tally, new SplitMix64(((ulong)(uint)seed << 32) | (uint)b));
                return tally;
            },
            _ => { });

        var defined = aucs.Where(double.IsFinite).ToArray();
        int skipped = resamples - defined.Length;
        if (defined.Length == 0)
            throw new FishKitException($"every one of the {resamples} bootstrap resamples drew one class only; the series has too few positives or negatives for a bootstrap.");
        Array.Sort(defined);
        double tail = (1 - confidence) / 2;
        return new AucInterval(counts.Auc, Percentile(defined, tail), Percentile(defined, 1 - tail), confidence, resamples, skipped);
    }

    /// <summary>Per frame, its score's rank among the distinct scores (0 = highest) times 2, plus 1 if positive.</summary>
    static int[] RankedDraws(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> descending)
    {
        var keys = new ulong[descending.Length];
        for (int g = 0; g < keys.Length; g++) keys[g] = ~ScoreKeys.Of(descending[g]); // ascending, for BinarySearch
        var draws = new int[labels.Length];
        for (int i = 0; i < draws.Length; i++)
            draws[i] = 2 * Array.BinarySearch(keys, ~ScoreKeys.Of(scores[i])) + (labels[i] ? 1 : 0);
        return draws;
    }

    /// <summary>The AUC of one resample, or NaN when it drew one class only.</summary>
    static double ResampleAuc(int[] draws, int[] tally, SplitMix64 random)
    {
        Array.Clear(tally);
        int n = draws.Length;
        for (int i = 0; i < n; i++) tally[draws[random.Below(n)]]++;
        int negatives = 0;
        for (int g = 0; g < tally.Length; g += 2) negatives += tally[g];
        int positives = n - negatives;
        if (positives == 0 || negatives == 0) return double.NaN;
        var credit = new PairCredit(negatives);
        for (int g = 0; g < tally.Length; g += 2) credit.Visit(0, tally[g + 1], tally[g]);
        return credit.Auc(positives);
    }

    /// <summary>The q-quantile of sorted values with linear interpolation (numpy's default "linear" method).</summary>
    public static double Percentile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
