namespace FishKit.Evaluation;

/// <summary>
/// DeLong's test of two correlated ROC AUCs (two score series on the same labels): both AUCs, their variances and
/// covariance, z = (AucA - AucB) / sqrt(VarianceA + VarianceB - 2 Covariance), and the two-sided p-value.
/// </summary>
public sealed record DeLongComparison(double AucA, double AucB, double VarianceA, double VarianceB, double Covariance, double Z, double PValue);

/// <summary>DeLong, DeLong and Clarke-Pearson (1988) for paired ROC curves, in O(n log n).</summary>
public static class DeLong
{
    /// <summary>
    /// Compares <paramref name="scoresA"/> with <paramref name="scoresB"/> on the same <paramref name="labels"/>.
    /// Each positive's placement is the share of negatives it outranks (ties 1/2), each negative's the share of positives
    /// that outrank it: the midrank counts of Sun and Xu (2014), found here by binary search in the other class's sorted
    /// scores. The AUC is the mean placement; the (co)variances are the placements' sample covariances over positives / m
    /// plus over negatives / n. Needs two positives and two negatives; throws when the two series rank every frame alike
    /// (the difference then has no variance and the test is undefined).
    /// </summary>
    public static DeLongComparison Compare(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB)
    {
        if (scoresA.Length != scoresB.Length)
            throw new FishKitException($"the two score series differ in length ({scoresA.Length} and {scoresB.Length}); compare series of the same frames.");
        var (posA, negA) = Placements(labels, scoresA);
        var (posB, negB) = Placements(labels, scoresB);
        int m = posA.Length, n = negA.Length;
        if (m < 2 || n < 2)
            throw new FishKitException($"DeLong's test needs at least 2 positives and 2 negatives; the labels hold {m} and {n}.");
        double aucA = posA.Average(), aucB = posB.Average();
        double varA = Covariance(posA, posA) / m + Covariance(negA, negA) / n;
        double varB = Covariance(posB, posB) / m + Covariance(negB, negB) / n;
        double cov = Covariance(posA, posB) / m + Covariance(negA, negB) / n;
        double varDiff = varA + varB - 2 * cov;
        if (!(varDiff > 0))
            throw new FishKitException("the two score series rank the frames alike (the AUC difference has zero variance); DeLong's test is undefined for them.");
        double z = (aucA - aucB) / Math.Sqrt(varDiff);
        return new DeLongComparison(aucA, aucB, varA, varB, cov, z, NormalDistribution.TwoSidedP(z));
    }

    /// <summary>
    /// Placements in frame order: for each positive, (negatives below + half the tied ones) / n; for each negative,
    /// (positives above + half the tied ones) / m.
    /// </summary>
    static (double[] Positives, double[] Negatives) Placements(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var ranking = ClassRanking.Of(labels, scores);
        int m = ranking.Positives.Length;
        var pos = new double[m];
        var neg = new double[ranking.Negatives.Length];
        for (int i = 0, ip = 0, ineg = 0; i < labels.Length; i++)
        {
            ulong key = ScoreKeys.Of(scores[i]);
            if (labels[i])
            {
                var (below, tied) = Position(ranking.Negatives, key);
                pos[ip++] = (below + 0.5 * tied) / neg.Length;
            }
            else
            {
                var (below, tied) = Position(ranking.Positives, key);
                neg[ineg++] = (m - below - tied + 0.5 * tied) / m;
            }
        }
        return (pos, neg);
    }

    /// <summary>How many sorted keys are below <paramref name="key"/>, and how many equal it.</summary>
    static (int Below, int Tied) Position(ulong[] sorted, ulong key)
    {
        int below = LowerBound(sorted, key, orEqual: false);
        return (below, LowerBound(sorted, key, orEqual: true) - below);
    }

    /// <summary>The number of keys &lt; key (or &lt;= key with <paramref name="orEqual"/>).</summary>
    static int LowerBound(ulong[] sorted, ulong key, bool orEqual)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key || (orEqual && sorted[mid] == key)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Sample covariance (denominator count - 1).</summary>
    static double Covariance(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (x[i] - mx) * (y[i] - my);
        return sum / (x.Length - 1);
    }
}
