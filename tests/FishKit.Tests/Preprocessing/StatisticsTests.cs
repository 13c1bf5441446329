using System.Numerics;
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
    public void The_median_network_gives_each_lane_the_median_of_its_sorted_values()
    {
        var random = new Random(11);
        int lanes = Vector<float>.Count;
        foreach (int count in Enumerable.Range(1, 70).Concat([99, 100, 101, 128, 129, 255, 256, 300]))
        {
            // Small integers scaled by per-value factors, as the background's samples are: many ties, many distinct values.
            var columns = Enumerable.Range(0, lanes)
                .Select(_ => Enumerable.Range(0, count).Select(_ => random.Next(0, 12) * (float)(0.9 + 0.2 * random.NextDouble())).ToArray())
                .ToArray();
            var values = Enumerable.Range(0, count).Select(s => new Vector<float>(columns.Select(column => column[s]).ToArray())).ToArray();
            var median = new MedianNetwork(count).Median(values);
            for (int lane = 0; lane < lanes; lane++)
            {
                var sorted = columns[lane].Order().ToArray();
                float expected = count % 2 == 1 ? sorted[count / 2] : 0.5f * (sorted[count / 2 - 1] + sorted[count / 2]);
                Assert.Equal(expected, median[lane]);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Histogram_percentiles_are_within_an_eighth_of_a_grey_level(bool rowAtATime)
    {
        var random = new Random(7);
        // 20,003 values (not a whole number of vectors) with two beyond the histogram's range, which go to its end bins.
        var values = Enumerable.Range(0, 20_001).Select(_ => (float)(random.NextDouble() * 200 - 50)).Concat([-5000f, 5000f]).ToArray();
        var histogram = new DeviationHistogram();
        if (rowAtATime) histogram.Add(values);
        else foreach (var v in values) histogram.Add(v);
        Assert.Equal(values.Length, histogram.Total);
        var sorted = values.Order().ToArray();
        foreach (double q in new[] { 0.25, 0.5, 0.75, 0.99 })
            Assert.Equal(sorted[(int)(q * sorted.Length)], histogram.Quantile(q), 0.125);
        var above = sorted.Where(v => v > 100).ToArray();
        Assert.Equal(above[(int)(0.9 * above.Length)], histogram.QuantileAbove(100, 0.9), 0.125);
        Assert.Equal(above.Length, histogram.CountAbove(100));
        Assert.Equal(sorted.Count(v => v < -20), histogram.CountBelow(-20));
        Assert.Equal(-histogram.Quantile(0.25), histogram.Mirrored().Quantile(0.75), 1e-9);
    }

    [Fact]
    public void The_brightness_gauge_reads_the_lights_factor_through_fish_and_noise()
    {
        // A 100x80 floor from 60 to 200, lit 1.234 times brighter, a twentieth of it covered by dark fish (0.4), +-2 noise.
        var size = new FishKit.Frames.FrameSize(100, 80);
        var region = TankRegion.Create(size);
        var background = new float[size.Pixels];
        var frame = new byte[size.Pixels];
        var random = new Random(3);
        for (int i = 0; i < background.Length; i++)
        {
            background[i] = 60 + 140f * (i % 100) / 99;
            double fish = i / 100 % 20 == 0 ? 0.4 : 1;
            frame[i] = (byte)Math.Clamp(Math.Round(background[i] * 1.234 * fish + random.Next(-2, 3)), 0, 255);
        }
        var gauge = BrightnessGauge.Create(background, region, floor: 140);
        Assert.InRange(gauge.Measure(frame, BrightnessGauge.CreateHistogram()), 1.232, 1.236);
        Assert.Equal(1, BrightnessGauge.None.Measure(frame, BrightnessGauge.CreateHistogram()));
    }
}
