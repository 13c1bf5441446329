namespace FishKit.Statistics;

/// <summary>
/// The kit's one quantile: bootstrap intervals, label run lengths and the notebooks' tables all take it from here (it
/// sits below Evaluation and Labeling, which both use it, so neither depends on the other for it).
/// </summary>
public static class Quantile
{
    /// <summary>The q-quantile of sorted values with linear interpolation (numpy's default "linear" method).</summary>
    public static double Linear(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
