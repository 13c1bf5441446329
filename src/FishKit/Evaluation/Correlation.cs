namespace FishKit.Evaluation;

/// <summary>How closely two series move together.</summary>
public static class Correlation
{
    /// <summary>
    /// Pearson's r = sum((a - mean a)(b - mean b)) / sqrt(sum (a - mean a)^2 · sum (b - mean b)^2), in two passes (means
    /// first) in double. Throws <see cref="FishKitException"/> on unequal lengths, fewer than 2 values, or a constant series.
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new FishKitException($"Pearson's r needs two series of one length; got {a.Length} and {b.Length} values.");
        if (a.Length < 2)
            throw new FishKitException($"Pearson's r needs at least 2 pairs of values; got {a.Length}.");
        double ma = 0, mb = 0;
        for (int i = 0; i < a.Length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.Length;
        mb /= b.Length;
        double saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            saa += da * da;
            sbb += db * db;
            sab += da * db;
        }
        if (saa == 0 || sbb == 0)
            throw new FishKitException("Pearson's r is undefined for a constant series (it does not vary); check the input.");
        return sab / Math.Sqrt(saa * sbb);
    }
}
