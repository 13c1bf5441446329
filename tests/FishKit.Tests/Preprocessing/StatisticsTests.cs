using FishKit.Preprocessing;
using FsCheck.Xunit;

namespace FishKit.Tests.Preprocessing;

/// <summary>The small statistics under preprocessing: medians by selection and percentiles from histograms.</summary>
public class StatisticsTests
{
    [Property]
    public bool The_median_by_selection_is_the_median_of_the_sorted_values(float[] values)
    {
        var finite = values.Where(float.IsFinite).ToArray();
        if (finite.Length == 0) return true;
        var sorted = finite.Order().ToArray();
        int n = sorted.Length;
        float expected = n % 2 == 1 ? sorted[n / 2] : 0.5f * (sorted[n / 2 - 1] + sorted[n / 2]);
        return Selection.Median(finite) == expected;
    }

    [Fact]
    public void Histogram_percentiles_are_within_an_eighth_of_a_grey_level()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20_000).Select(_ => (float)(random.NextDouble() * 200 - 50)).ToArray();
        var histogram = new DeviationHistogram();
        foreach (var v in values) histogram.Add(v);
        var sorted = values.Order().ToArray();
        foreach (double q in new[] { 0.25, 0.5, 0.75, 0.99 })
            Assert.Equal(sorted[(int)(q * sorted.Length)], histogram.Quantile(q), 0.125);
        var above = sorted.Where(v => v > 100).ToArray();
        Assert.Equal(above[(int)(0.9 * above.Length)], histogram.QuantileAbove(100, 0.9), 0.125);
        Assert.Equal(above.Length, histogram.CountAbove(100));
        Assert.Equal(sorted.Count(v => v < -20), histogram.CountBelow(-20));
        Assert.Equal(-histogram.Quantile(0.25), histogram.Mirrored().Quantile(0.75), 1e-9);
    }
}
