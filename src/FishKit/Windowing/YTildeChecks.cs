namespace FishKit.Windowing;

/// <summary>Checks a y-tilde series before labels or baselines use it, naming the first bad frame.</summary>
public static class YTildeChecks
{
    /// <summary>
    /// Throws a <see cref="FishKitException"/> unless every value is finite and non-negative and the series
    /// has at least <paramref name="minimumLength"/> values (<paramref name="why"/> says which parameters need it).
    /// </summary>
    public static void Require(ReadOnlySpan<double> ytilde, int minimumLength, string why)
    {
        for (int t = 0; t < ytilde.Length; t++)
        {
            double v = ytilde[t];
            if (double.IsNaN(v) || double.IsInfinity(v))
                throw new FishKitException($"y-tilde at frame {t} is {v}; y-tilde must be finite: recompute it from the frames.");
            if (v < 0)
                throw new FishKitException($"y-tilde at frame {t} is negative ({v}); y-tilde is a mean absolute difference and cannot be negative: recompute it from the frames.");
        }
        if (ytilde.Length < minimumLength)
            throw new FishKitException($"y-tilde has {ytilde.Length} values but {why} need at least {minimumLength}; use a longer video or smaller parameters.");
    }
}
