namespace FishKit.Evaluation;

/// <summary>A percentile bootstrap interval of an AUC difference (B - A, averaged over the pairs given).</summary>
public sealed record AucDifference(double Difference, double Lower, double Upper, double Confidence, int Resamples, int Skipped)
{
    /// <summary>True when the interval holds 0: the data cannot tell the two apart.</summary>
    public bool IncludesZero => Lower <= 0 && Upper >= 0;
}

/// <summary>
/// Paired bootstrap of the AUC difference between score series on the same frames: every resample draws the frames
/// once (with replacement, seeded) and scores every series on the same draw, so the interval keeps the pairing. The
/// scheme (streams, skipped resamples, percentiles) is <see cref="Bootstrap"/>'s, as for <see cref="BootstrapAuc"/>.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>
    /// The mean over <paramref name="pairs"/> of AUC(B) - AUC(A) and its percentile interval; resample b draws from
    /// its own SplitMix64 stream (seed, b), so the result does not depend on the number of cores. Resamples that draw
    /// one class only are skipped and counted.
    /// </summary>
    public static AucDifference Interval(bool[] labels, IReadOnlyList<(double[] A, double[] B)> pairs, int resamples, int seed, double confidence = 0.95)
    {
        if (pairs.Count == 0) throw new FishKitException("no score pairs to compare; give at least one pair of series.");
        if (resamples < 1) throw new FishKitException($"bootstrap resamples is {resamples}; give at least 1 (1000 or more for a useful interval).");
        if (!(confidence > 0 && confidence < 1)) throw new FishKitException($"confidence is {confidence}; give a level between 0 and 1, e.g. 0.95.");
        double observed = MeanDifference(labels, pairs, i => i);
        int n = labels.Length;
        var (lower, upper, skipped) = Bootstrap.Interval(resamples, seed, confidence, () => new int[n],
            (random, draw) =>
            {
                for (int i = 0; i < n; i++) draw[i] = random.Below(n);
                return ScoredLabels.BothClasses(draw.Count(i => labels[i]), n) ? MeanDifference(labels, pairs, i => draw[i]) : double.NaN;
            },
            $"every one of the {resamples} bootstrap resamples drew one class only; the validation frames hold too few positives or negatives.");
        return new AucDifference(observed, lower, upper, confidence, resamples, skipped);
    }

    static double MeanDifference(bool[] labels, IReadOnlyList<(double[] A, double[] B)> pairs, Func<int, int> frame)
    {
        int n = labels.Length;
        var l = new bool[n];
        var a = new double[n];
        var b = new double[n];
        for (int i = 0; i < n; i++) l[i] = labels[frame(i)];
        double sum = 0;
        foreach (var pair in pairs)
        {
            if (pair.A.Length != n || pair.B.Length != n)
                throw new FishKitException($"score series of {pair.A.Length} and {pair.B.Length} values do not match {n} labels; compare series of the same frames.");
            for (int i = 0; i < n; i++)
            {
                a[i] = pair.A[frame(i)];
                b[i] = pair.B[frame(i)];
            }
            sum += Roc.Auc(l, b) - Roc.Auc(l, a);
        }
        return sum / pairs.Count;
    }
}
