using FishKit.Evaluation;

namespace FishKit.Labeling;

/// <summary>Runs of consecutive frames labelled 1: how many and how long (the write-up's had a median of 3 frames).</summary>
/// <param name="Count">Number of runs.</param>
/// <param name="Median">Median run length in frames (NaN without runs).</param>
/// <param name="Mean">Mean run length (NaN without runs).</param>
/// <param name="Longest">The longest run (0 without runs).</param>
public sealed record LabelRuns(int Count, double Median, double Mean, int Longest)
{
    /// <summary>Lengths of the runs of consecutive true values, in order.</summary>
    public static int[] Lengths(ReadOnlySpan<bool> labels)
    {
        var lengths = new List<int>();
        int run = 0;
        foreach (var l in labels)
        {
            if (l) run++;
            else if (run > 0) { lengths.Add(run); run = 0; }
        }
        if (run > 0) lengths.Add(run);
        return [.. lengths];
    }

    /// <summary>The runs of <paramref name="labels"/> summarised.</summary>
    public static LabelRuns Of(ReadOnlySpan<bool> labels)
    {
        var sorted = Lengths(labels).Order().Select(l => (double)l).ToArray();
        return sorted.Length == 0
            ? new LabelRuns(0, double.NaN, double.NaN, 0)
            : new LabelRuns(sorted.Length, BootstrapAuc.Percentile(sorted, 0.5), sorted.Average(), (int)sorted[^1]);
    }
}
