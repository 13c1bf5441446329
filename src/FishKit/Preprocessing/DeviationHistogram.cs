using System.Numerics;

namespace FishKit.Preprocessing;

/// <summary>
/// Counts of deviations from the background in bins of 1/8 grey level over [-1024, 1024) (values beyond go to the end
/// bins), for percentiles over many frames in fixed memory. Percentiles interpolate linearly within a bin.
/// </summary>
sealed class DeviationHistogram
{
    const int BinsPerLevel = 8, Range = 1024, Bins = 2 * Range * BinsPerLevel;
    readonly long[] counts = new long[Bins];

    /// <summary>All values counted.</summary>
    public long Total { get; private set; }

    public void Add(float value)
    {
        int bin = (int)Math.Clamp(MathF.Floor((value + Range) * BinsPerLevel), 0, Bins - 1);
        counts[bin]++;
        Total++;
    }

    /// <summary>Adds every value of <paramref name="values"/>, the bins computed a vector at a time (the same bins as <see cref="Add(float)"/>).</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var range = new Vector<float>(Range);
            var scale = new Vector<float>(BinsPerLevel);
            var last = new Vector<float>(Bins - 1);
            Span<int> bins = stackalloc int[Vector<int>.Count];
            for (; i + Vector<float>.Count <= values.Length; i += Vector<float>.Count)
            {
                var bin = Vector.Floor((new Vector<float>(values[i..]) + range) * scale);
                Vector.ConvertToInt32(Vector.Min(Vector.Max(bin, Vector<float>.Zero), last)).CopyTo(bins);
                foreach (int b in bins) counts[b]++;
            }
            Total += i;
        }
        for (; i < values.Length; i++) Add(values[i]);
    }

    public void Merge(DeviationHistogram other)
    {
        for (int i = 0; i < Bins; i++) counts[i] += other.counts[i];
        Total += other.Total;
    }

    /// <summary>The value below which a fraction <paramref name="q"/> of all values lie.</summary>
    public double Quantile(double q) => QuantileAbove(double.NegativeInfinity, q);

    /// <summary>The <paramref name="q"/>-quantile of the values above <paramref name="threshold"/>; NaN when there are none.</summary>
    public double QuantileAbove(double threshold, double q)
    {
        int first = FirstBinAbove(threshold);
        long total = 0;
        for (int i = first; i < Bins; i++) total += counts[i];
        if (total == 0) return double.NaN;
        double target = q * total, seen = 0;
        for (int i = first; i < Bins; i++)
        {
            if (counts[i] == 0) continue;
            if (seen + counts[i] >= target) return Edge(i) + (target - seen) / counts[i] / BinsPerLevel;
            seen += counts[i];
        }
        return Edge(Bins);
    }

    /// <summary>Values above <paramref name="threshold"/> (counted from the first bin that starts above it).</summary>
    public long CountAbove(double threshold)
    {
        long n = 0;
        for (int i = FirstBinAbove(threshold); i < Bins; i++) n += counts[i];
        return n;
    }

    /// <summary>Values below <paramref name="threshold"/> (counted up to the last bin that ends below it).</summary>
    public long CountBelow(double threshold)
    {
        long n = 0;
        for (int i = 0; i < Bins && Edge(i + 1) <= threshold; i++) n += counts[i];
        return n;
    }

    /// <summary>The histogram of the negated values (bins reversed: exact, since the bins are symmetric about 0).</summary>
    public DeviationHistogram Mirrored()
    {
        var mirrored = new DeviationHistogram { Total = Total };
        for (int i = 0; i < Bins; i++) mirrored.counts[Bins - 1 - i] = counts[i];
        return mirrored;
    }

    static double Edge(int bin) => (double)bin / BinsPerLevel - Range;

    static int FirstBinAbove(double threshold) =>
        double.IsNegativeInfinity(threshold) ? 0 : (int)Math.Clamp(Math.Ceiling((threshold + Range) * BinsPerLevel), 0, Bins);
}
