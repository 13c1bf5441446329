using FishKit.Baselines;
using FishKit.Tests.Reference;

namespace FishKit.Tests.Baselines;

public class AlgorithmicBaselineTests
{
    static double[] Flat(int length, double value = 0.0005) => Enumerable.Repeat(value, length).ToArray();

    [Fact]
    public void Matches_numpy_reference_of_the_write_up_formula()
    {
        var r = SignalReference.Load();
        var scores = AlgorithmicBaseline.Predict(r.Ytilde);
        Assert.Equal(r.Baseline.Length, scores.Length);
        for (int t = 0; t < scores.Length; t++)
            Assert.True(Math.Abs(r.Baseline[t] - scores[t]) <= 1e-12, $"frame {t}: numpy {r.Baseline[t]}, kit {scores[t]}");
    }

    [Fact]
    public void Flat_series_scores_the_hand_computed_value_inside_the_write_up_range_and_zero_outside()
    {
        // R = 0 and y[t-1] = low: p = (sigmoid(5300 * (0 - 0.0006)) + sigmoid(0)) / 2.
        double expected = (1 / (1 + Math.Exp(3.18)) + 0.5) / 2;
        var scores = AlgorithmicBaseline.Predict(Flat(300));
        Assert.Equal(0, scores[118]);
        Assert.Equal(expected, scores[119], 15);
        Assert.Equal(expected, scores[300 - 12], 15);
        Assert.Equal(0, scores[300 - 11]);
    }

    [Fact]
    public void Window_is_the_d_frames_before_t_and_excludes_t()
    {
        var y = Flat(400);
        var baseline = AlgorithmicBaseline.Predict(y);
        int t = 200;
        var spikeAtFirst = (double[])y.Clone();
        spikeAtFirst[t - 89] = 0.004; // the oldest frame of t's window
        Assert.NotEqual(baseline[t], AlgorithmicBaseline.Predict(spikeAtFirst)[t]);
        var spikeBefore = (double[])y.Clone();
        spikeBefore[t - 90] = 0.004; // just outside
        Assert.Equal(baseline[t], AlgorithmicBaseline.Predict(spikeBefore)[t]);
        var spikeAtT = (double[])y.Clone();
        spikeAtT[t] = 0.004; // the frame itself is not seen
        Assert.Equal(baseline[t], AlgorithmicBaseline.Predict(spikeAtT)[t]);
    }

    [Fact]
    public void Calm_after_recent_activity_scores_high_and_active_now_scores_low()
    {
        var y = Flat(400);
        for (int i = 150; i < 170; i++) y[i] = 0.004; // a burst
        var p = AlgorithmicBaseline.Predict(y);
        Assert.True(p[200] > 0.95, $"calm after a burst: {p[200]}");
        Assert.True(p[165] < 0.55, $"during the burst: {p[165]}");
    }

    [Fact]
    public void Defined_mode_scores_every_frame_with_a_window_and_marks_the_rest_NaN()
    {
        var y = Flat(300);
        var p = AlgorithmicBaseline.Predict(y, frames: ScoredFrames.Defined);
        Assert.True(double.IsNaN(p[88]));
        Assert.False(double.IsNaN(p[89]));
        Assert.False(double.IsNaN(p[299]));
        Assert.Equal(p[150], AlgorithmicBaseline.Predict(y)[150]);
    }

    [Fact]
    public void Too_short_series_names_the_minimum_length()
    {
        var e = Assert.Throws<FishKitException>(() => AlgorithmicBaseline.Predict(Flat(130)));
        Assert.Contains("at least 131", e.Message);
    }

    [Fact]
    public void Large_gammas_do_not_overflow()
    {
        var y = Flat(300);
        y[200] = 1;
        var p = AlgorithmicBaseline.Predict(y, new BaselineParameters(Gamma1: 1e9, Gamma2: 1e9));
        Assert.All(p, v => Assert.True(double.IsFinite(v)));
    }
}
