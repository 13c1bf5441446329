using FishKit.Baselines;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Tests.Reference;

namespace FishKit.Tests.Robustness;

/// <summary>
/// Issue #15's numeric options: each has an explicit range, the same one for the same quantity in every command and in
/// the library, checked before any arithmetic can overflow; values that are not numbers are refused in plain words.
/// </summary>
public class ParameterRangeTests
{
    /// <summary>A fresh folder holding the write-up's y-tilde reference series as y.npy and its labels as l.npy.</summary>
    static TempDir WithYTilde()
    {
        var dir = new TempDir();
        Series.Write(dir["y.npy"], SignalReference.Load().Ytilde, "ytilde");
        Series.WriteLabels(dir["l.npy"], CalmBeforeBurstLabeler.Label(SignalReference.Load().Ytilde), "label");
        return dir;
    }

    /// <summary>Runs <paramref name="command"/> with {y}, {l} and {o} standing for y.npy, l.npy and o.npy in <paramref name="dir"/>.</summary>
    static Cli.Result Run(TempDir dir, string command) =>
        Expect.Within(60, () => Cli.Run(command.Replace("{y}", dir["y.npy"]).Replace("{l}", dir["l.npy"]).Replace("{o}", dir["o.npy"]).Split(' ')));

    [Theory]
    [InlineData("evaluate --labels {l} --scores {y} --bootstrap 2147483647", "--bootstrap 2147483647 is out of range; allowed: 1 to 1,000,000 resamples.")]
    [InlineData("label {y} --out {o} --h 2147483647", "label parameter h = 2147483647 is out of range; allowed: 1 to 100,000 frames.")]
    [InlineData("label {y} --out {o} --n 2147483647", "label parameter n = 2147483647 is out of range; allowed: 1 to 100,000 steps.")]
    [InlineData("baseline {y} --out {o} --d 2147483647", "baseline parameter d = 2147483647 is out of range; allowed: 1 to 100,000 frames.")]
    [InlineData("baseline {y} --out {o} --c -1", "baseline parameter c = -1 is out of range; allowed: 0 to 1.")]
    [InlineData("label {y} --out {o} --c -1", "label parameter c = -1 is out of range; allowed: 0 to 1.")]
    [InlineData("baseline {y} --out {o} --gamma2 -5", "baseline parameter gamma2 = -5 is out of range; allowed: above 0, up to 1,000,000,000.")]
    [InlineData("evaluate --labels {l} --scores {y} --bootstrap 100 --confidence 1.5", "--confidence 1.5 is out of range; allowed: above 0 and below 1.")]
    public void A_value_out_of_range_is_refused_naming_the_parameter_and_its_range(string command, string message)
    {
        using var dir = WithYTilde();
        Assert.Equal($"fishkit: error: {message}", Expect.OneLine(Run(dir, command), exitCode: 1));
        Assert.False(File.Exists(dir["o.npy"]));
    }

    [Theory]
    [InlineData("label {y} --out {o} --h abc", "--h 'abc' is not a whole number from -2,147,483,648 to 2,147,483,647; see 'fishkit label --help'.")]
    [InlineData("label {y} --out {o} --h 99999999999", "--h '99999999999' is not a whole number from -2,147,483,648 to 2,147,483,647; see 'fishkit label --help'.")]
    [InlineData("evaluate --labels {y} --scores {y} --to 1e3", "--to '1e3' is not a whole number from -2,147,483,648 to 2,147,483,647; see 'fishkit evaluate --help'.")]
    [InlineData("label {y} --out {o} --b 0,1", "--b '0,1' is not a finite number; write decimals with a point, e.g. 0.001; see 'fishkit label --help'.")]
    [InlineData("baseline {y} --out {o} --gamma1 NaN", "--gamma1 'NaN' is not a finite number; write decimals with a point, e.g. 0.001; see 'fishkit baseline --help'.")]
    [InlineData("frames pack {y} --out {o} --resize cubic", "Argument 'cubic' not recognized. Must be one of: 'nearest' 'bilinear'; see 'fishkit frames pack --help'.")]
    [InlineData("label {y}", "Option '--out' is required; see 'fishkit label --help'.")]
    public void A_value_that_cannot_be_read_is_a_usage_error_in_plain_words_without_the_help(string command, string message)
    {
        using var dir = WithYTilde();
        var result = Run(dir, command);
        Assert.Equal($"fishkit: error: {message}", Expect.OneLine(result, exitCode: 2));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void The_help_shows_each_range()
    {
        var help = Cli.Run("label", "--help").Output + Cli.Run("baseline", "--help").Output + Cli.Run("evaluate", "--help").Output;
        foreach (var range in new[] { "(1 to 100,000 frames)", "(1 to 100,000 steps;", "(0 to 1)", "(above 0, up to 1,000,000,000)", "(1 to 1,000,000 resamples)", "(above 0 and below 1)" })
            Assert.Contains(range, help);
    }

    [Fact]
    public void The_largest_windows_allowed_need_a_longer_series_and_never_overflow()
    {
        var ytilde = SignalReference.Load().Ytilde;
        var label = Assert.Throws<FishKitException>(() => CalmBeforeBurstLabeler.Label(ytilde, new LabelParameters(H: 100_000, N: 100_000)));
        Assert.Contains($"y-tilde has {ytilde.Length} values but labels with n = 100000 and h = 100000 (first labelled frame 399999, ", label.Message);
        Assert.Contains("need at least 500001", label.Message);
        var baseline = Assert.Throws<FishKitException>(() => AlgorithmicBaseline.Predict(ytilde, new BaselineParameters(D: 100_000)));
        Assert.Contains("need at least 100012", baseline.Message);
    }
}
