using FishKit.Labeling;
using FishKit.Tests.Reference;

namespace FishKit.Tests.Labeling;

public class CalmBeforeBurstLabelerTests
{
    const double Calm = 0.0005;

    static double[] Flat(int length, double value = Calm) => Enumerable.Repeat(value, length).ToArray();

    [Fact]
    public void Matches_numpy_reference_of_the_write_up_rule()
    {
        var r = SignalReference.Load();
        var labels = CalmBeforeBurstLabeler.Label(r.Ytilde);
        Assert.Equal(r.Labels, labels.Select(l => l ? 1 : 0));
        Assert.InRange(r.Labels.Sum(), 50, 600); // the reference exercises both classes
    }

    [Fact]
    public void Labels_the_calm_frames_whose_look_ahead_holds_a_burst_within_the_valid_range()
    {
        // T = 170: labelled range is 119 .. 170-2-45 = 123. A burst at 150 is inside every look-ahead.
        var y = Flat(170);
        y[150] = 0.003;
        var labels = CalmBeforeBurstLabeler.Label(y);
        var positives = Enumerable.Range(0, 170).Where(t => labels[t]).ToArray();
        Assert.Equal([119, 120, 121, 122, 123], positives);
    }

    [Fact]
    public void Look_ahead_window_includes_frame_t_plus_h_and_no_further()
    {
        var y = Flat(170);
        y[165] = 0.003; // t + h = 165 only for t = 120
        var labels = CalmBeforeBurstLabeler.Label(y);
        Assert.False(labels[119]);
        Assert.True(labels[120]);
    }

    [Fact]
    public void Flat_series_has_no_positive()
    {
        Assert.DoesNotContain(true, CalmBeforeBurstLabeler.Label(Flat(500)));
    }

    [Fact]
    public void Frame_during_the_burst_is_not_calm()
    {
        var y = Flat(300);
        for (int t = 150; t < 170; t++) y[t] = 0.003;
        var labels = CalmBeforeBurstLabeler.Label(y);
        Assert.True(labels[149]);
        Assert.False(labels[150]);
    }

    [Fact]
    public void Range_equal_to_c_and_level_equal_to_threshold_both_count()
    {
        // Small parameters so the window is easy to reason about: h = 2, n = 1 -> labelled range 3 .. T-4.
        var p = new LabelParameters(H: 2, B: 0.5, C: 0.002, N: 1);
        double[] y = [0, 0, 0, 0.001, 0, 0.002, 0, 0, 0];
        var labels = CalmBeforeBurstLabeler.Label(y, p);
        // t = 3: W = [0.001, 0, 0.002], R = 0.002 >= c, y[3] = 0.001 <= 0 + 0.5 * 0.002 -> 1.
        Assert.True(labels[3]);
        // t = 4: W = [0, 0.002, 0], calm -> 1; t = 5: W = [0.002, 0, 0], y[5] = 0.002 > 0.001 -> 0.
        Assert.True(labels[4]);
        Assert.False(labels[5]);
        // Outside the range 3 .. 9-4 = 5.
        Assert.False(labels[2]);
        Assert.False(labels[6]);
    }

    [Fact]
    public void Too_short_series_names_the_minimum_length()
    {
        var e = Assert.Throws<FishKitException>(() => CalmBeforeBurstLabeler.Label(Flat(165)));
        Assert.Contains("165", e.Message);
        Assert.Contains("at least 166", e.Message);
        Assert.Single(CalmBeforeBurstLabeler.Label(Flat(166)).Where((_, t) => t == 119)); // 166 works
    }

    [Theory]
    [InlineData(double.NaN, "frame 130")]
    [InlineData(double.PositiveInfinity, "frame 130")]
    [InlineData(-0.001, "negative")]
    public void Bad_values_are_refused_with_the_frame(double bad, string expected)
    {
        var y = Flat(200);
        y[130] = bad;
        var e = Assert.Throws<FishKitException>(() => CalmBeforeBurstLabeler.Label(y));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Nonsense_parameters_are_refused_by_name()
    {
        var e = Assert.Throws<FishKitException>(() => CalmBeforeBurstLabeler.Label(Flat(500), new LabelParameters(B: 1.5)));
        Assert.Contains("b = 1.5", e.Message);
    }
}
