using FishKit.Evaluation;

namespace FishKit.Tests.Evaluation;

/// <summary>The verdict rules the notebooks print, at and around their boundaries.</summary>
public class ReadingsTests
{
    [Theory]
    [InlineData(0.56, "better than chance")]
    [InlineData(0.55, "about as well as chance")]
    [InlineData(0.45, "about as well as chance")]
    [InlineData(0.44, "worse than chance: on this video its bet fails more often than it holds")]
    public void An_AUC_reads_against_chance(double auc, string reading) => Assert.Equal(reading, Readings.Auc(auc));

    [Fact]
    public void DeLong_says_above_or_below_when_p_is_under_the_level_and_within_chance_otherwise()
    {
        var above = new DeLongComparison(0.80, 0.70, 0, 0, 0, 2.5, 0.0124);
        Assert.Equal("A's AUC is above B's by 0.100 (z = 2.50, p = 0.012), more than chance explains at the 5 % level", Readings.DeLong(above, "A", "B"));
        var below = above with { AucA = 0.6, Z = -3, PValue = 0.0027 };
        Assert.StartsWith("A's AUC is below B's by 0.100", Readings.DeLong(below, "A", "B"));
        var noise = above with { PValue = 0.05 };
        Assert.Equal("A's and B's AUCs differ by 0.100 (z = 2.50, p = 0.05), within what chance explains at the 5 % level", Readings.DeLong(noise, "A", "B"));
    }

    [Theory]
    [InlineData(0.7, 0.40, 0.468, "it ranks the validation clips better than chance and its validation loss beats the best constant output's")]
    [InlineData(0.7, 0.60, 0.468, "it ranks the validation clips better than chance, though its validation loss has not yet beaten the best constant output's")]
    [InlineData(0.5, 0.40, 0.468, "it does not rank the validation clips better than chance yet")]
    public void A_training_run_reads_against_chance_and_the_constant_output(double auc, double loss, double constant, string reading) =>
        Assert.Equal(reading, Readings.Training(auc, loss, constant));
}
