using FishKit.Evaluation;

namespace FishKit.Tests.Evaluation;

/// <summary>Pearson's r against values worked by hand.</summary>
public class CorrelationTests
{
    [Fact]
    public void Pearson_r_matches_the_hand_computed_value()
    {
        // deviations a: -2 -1 0 1 2, b: -2 0 1 0 1; sum ab = 6, sum a^2 = 10, sum b^2 = 6: r = 6 / sqrt(60)
        Assert.Equal(6 / Math.Sqrt(60), Correlation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 15);
    }

    [Fact]
    public void Pearson_r_is_1_for_a_rising_line_and_minus_1_for_a_falling_one_whatever_the_scale()
    {
        double[] a = [0.001, 0.004, 0.002, 0.003];
        Assert.Equal(1, Correlation.Pearson(a, a.Select(x => 1000 * x + 7).ToArray()), 12);
        Assert.Equal(-1, Correlation.Pearson(a, a.Select(x => -3 * x).ToArray()), 12);
    }

    [Fact]
    public void Unequal_lengths_a_single_pair_and_a_constant_series_are_refused()
    {
        Assert.Contains("got 3 and 2 values", Assert.Throws<FishKitException>(() => Correlation.Pearson([1, 2, 3], [1, 2])).Message);
        Assert.Contains("at least 2 pairs", Assert.Throws<FishKitException>(() => Correlation.Pearson([1], [1])).Message);
        Assert.Contains("constant series", Assert.Throws<FishKitException>(() => Correlation.Pearson([1, 2, 3], [4, 4, 4])).Message);
    }
}
