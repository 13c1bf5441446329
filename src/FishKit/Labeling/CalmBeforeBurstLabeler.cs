using FishKit.Windowing;

namespace FishKit.Labeling;

/// <summary>
/// The write-up's self-supervised labels: frame t is 1 when the group is calm now and y-tilde rises
/// by at least c within the next h frames.
/// </summary>
public static class CalmBeforeBurstLabeler
{
    /// <summary>
    /// Labels every frame of a y-tilde series (length T). For t in [4n-1, T-2-h], with W = y-tilde[t .. t+h]
    /// and R = max(W) - min(W): label 1 when R &gt;= c and y-tilde[t] &lt;= min(W) + b*R. Frames outside
    /// that range (no full clip behind or no full look-ahead ahead) are 0.
    /// </summary>
    public static bool[] Label(ReadOnlySpan<double> ytilde, LabelParameters? parameters = null)
    {
        var p = parameters ?? LabelParameters.WriteUp;
        p.Validate();
        YTildeChecks.Require(ytilde, p.MinimumLength, $"labels with n = {p.N} and h = {p.H} (first labelled frame {p.FirstFrame}, then a look-ahead of h + 1 frames and y-tilde's final placeholder)");
        var labels = new bool[ytilde.Length];
        var (min, max) = SlidingMinMax.Compute(ytilde, p.H + 1);
        for (int t = p.FirstFrame; t <= p.LastFrame(ytilde.Length); t++)
        {
            double range = max[t] - min[t];
            labels[t] = range >= p.C && ytilde[t] <= min[t] + p.B * range;
        }
        return labels;
    }
}
