using FishKit.Windowing;
using FishKit.WriteUp;

namespace FishKit.Baselines;

/// <summary>
/// The write-up's algorithmic baseline: a probability that frame t is "calm before a burst", high when the
/// last d frames held a large y-tilde range (recent activity) and y-tilde has just fallen near its low.
/// </summary>
public static class AlgorithmicBaseline
{
    /// <summary>First frame the write-up scored (4n - 1 with n = 30).</summary>
    public const int WriteUpFirstFrame = WriteUpResults.FirstScoredFrame;

    /// <summary>The write-up scored up to frame T - 2 - 10.</summary>
    public const int WriteUpEndMargin = WriteUpResults.ScoredEndMargin;

    /// <summary>
    /// Scores a y-tilde series (length T). With W = y-tilde[t-d .. t-1], R = max(W) - min(W), low = min(W) + b*R:
    /// <c>p[t] = (sigmoid(gamma1*(R - c)) + sigmoid(-gamma2*(y-tilde[t-1] - low))) / 2</c>.
    /// <paramref name="frames"/> chooses the scored frames: the write-up's range with 0 elsewhere (default) or
    /// every frame whose window exists with NaN elsewhere.
    /// </summary>
    public static double[] Predict(ReadOnlySpan<double> ytilde, BaselineParameters? parameters = null, ScoredFrames frames = ScoredFrames.WriteUp)
    {
        var p = parameters ?? BaselineParameters.WriteUp;
        p.Validate();
        var (first, last) = frames switch
        {
            ScoredFrames.WriteUp => (Math.Max(WriteUpFirstFrame, p.D), ytilde.Length - WriteUpEndMargin),
            _ => (p.D, ytilde.Length - 1),
        };
        int minimum = frames == ScoredFrames.WriteUp ? first + WriteUpEndMargin : p.D + 1;
        YTildeChecks.Require(ytilde, minimum, $"the baseline with d = {p.D} ({frames} frames, first scored frame {first})");

        var scores = new double[ytilde.Length];
        if (frames == ScoredFrames.Defined) Array.Fill(scores, double.NaN);
        // Window t covers y-tilde[t-d .. t-1], which is sliding window number t-d.
        var (min, max) = SlidingMinMax.Compute(ytilde, p.D);
        for (int t = first; t <= last; t++)
        {
            double lo = min[t - p.D], range = max[t - p.D] - lo;
            double low = lo + p.B * range;
            scores[t] = (Sigmoid(p.Gamma1 * (range - p.C)) + Sigmoid(-p.Gamma2 * (ytilde[t - 1] - low))) / 2;
        }
        return scores;
    }

    /// <summary>The logistic function, evaluated without overflow for large |x|.</summary>
    internal static double Sigmoid(double x) =>
        x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
