using FishKit.Evaluation;

namespace FishKit.Tests.Evaluation;

public class PairedBootstrapTests
{
    static readonly bool[] Labels = [true, false, true, false, true, false, true, false];

    [Fact]
    public void The_difference_is_the_hand_counted_auc_difference_and_the_interval_holds_it()
    {
        // A ranks positives (0.1, 0.3, 0.5, 0.7) against negatives (0.2, 0.4, 0.6, 0.8): 0+1+2+3 of 16 pairs = 6/16.
        double[] a = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
        double[] b = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4]; // every positive above every negative: AUC 1
        var d = PairedBootstrap.Interval(Labels, [(a, b)], resamples: 500, seed: 3);
        Assert.Equal(1 - 6.0 / 16, d.Difference, 12);
        Assert.InRange(d.Difference, d.Lower, d.Upper);
        Assert.True(d.Lower > 0, $"lower {d.Lower}");
        Assert.Equal(d, PairedBootstrap.Interval(Labels, [(a, b)], resamples: 500, seed: 3));
    }

    [Fact]
    public void Equal_series_differ_by_exactly_zero()
    {
        double[] a = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
        var d = PairedBootstrap.Interval(Labels, [(a, a), (a, a)], resamples: 200, seed: 1);
        Assert.Equal((0.0, 0.0, 0.0), (d.Difference, d.Lower, d.Upper));
        Assert.True(d.IncludesZero);
    }
}
