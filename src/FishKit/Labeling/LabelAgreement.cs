namespace FishKit.Labeling;

/// <summary>How often two labellings of one video agree (e.g. labels from preprocessed camera footage against a clean rendering's).</summary>
public static class LabelAgreement
{
    /// <summary>
    /// The fraction of the labelled frames, 4n-1 .. T-2-h under <paramref name="parameters"/> (default: the write-up's),
    /// where <paramref name="a"/> and <paramref name="b"/> give the same label. Frames outside that range are 0 in both by
    /// definition, so they are left out rather than counted as agreement.
    /// </summary>
    public static double Fraction(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, LabelParameters? parameters = null)
    {
        var p = parameters ?? LabelParameters.WriteUp;
        if (a.Length != b.Length)
            throw new FishKitException($"two labellings of one video need one length; got {a.Length} and {b.Length} labels.");
        int first = p.FirstFrame, last = p.LastFrame(a.Length);
        if (last < first)
            throw new FishKitException($"{a.Length} frames hold no labelled frames (labels start at frame {first} and need {p.H + 2} frames after it); give at least {p.MinimumLength} frames.");
        int same = 0;
        for (int t = first; t <= last; t++)
            if (a[t] == b[t]) same++;
        return (double)same / (last - first + 1);
    }
}
