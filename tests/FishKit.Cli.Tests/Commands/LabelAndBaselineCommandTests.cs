using FishKit.IO;
using FishKit.Tests.Reference;

namespace FishKit.Tests.Commands;

public class LabelAndBaselineCommandTests
{
    [Theory]
    [InlineData(".npy")]
    [InlineData(".csv")]
    public void Label_and_baseline_round_trip_the_numpy_reference(string extension)
    {
        using var dir = new TempDir();
        var r = SignalReference.Load();
        var ytilde = dir["ytilde" + extension];
        Series.Write(ytilde, r.Ytilde, "ytilde");

        var label = Cli.Run("label", ytilde, "--out", dir["labels" + extension]);
        Assert.Equal(0, label.ExitCode);
        Assert.Equal(r.Labels, Series.ReadLabels(dir["labels" + extension]).Select(l => l ? 1 : 0));

        var baseline = Cli.Run("baseline", ytilde, "--out", dir["baseline" + extension]);
        Assert.Equal(0, baseline.ExitCode);
        var scores = Series.Read(dir["baseline" + extension]);
        for (int t = 0; t < scores.Length; t++) Assert.Equal(r.Baseline[t], scores[t], 12);
    }

    [Fact]
    public void Labels_then_evaluate_gives_a_perfect_score_for_the_labels_themselves()
    {
        using var dir = new TempDir();
        var r = SignalReference.Load();
        Series.Write(dir["y.npy"], r.Ytilde, "ytilde");
        Assert.Equal(0, Cli.Run("label", dir["y.npy"], "--out", dir["l.npy"]).ExitCode);
        Series.Write(dir["s.npy"], r.Labels.Select(l => (double)l).ToArray(), "score");
        var result = Cli.Run("evaluate", "--labels", dir["l.npy"], "--scores", dir["s.npy"], "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"auc\": 1", result.Output.Replace("\"auc\":1", "\"auc\": 1"));
    }

    [Fact]
    public void Output_equal_to_input_is_refused_and_the_input_survives()
    {
        using var dir = new TempDir();
        var r = SignalReference.Load();
        Series.Write(dir["y.npy"], r.Ytilde, "ytilde");
        var before = File.ReadAllBytes(dir["y.npy"]);
        foreach (var command in new[] { "label", "baseline" })
        {
            var result = Cli.Run(command, dir["y.npy"], "--out", dir["y.npy"]);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("is the input file", result.Error);
            Assert.Single(result.Error.Trim().Split('\n'));
        }
        Assert.Equal(before, File.ReadAllBytes(dir["y.npy"]));
    }

    [Fact]
    public void Too_short_series_says_the_minimum_and_writes_nothing()
    {
        using var dir = new TempDir();
        Series.Write(dir["y.csv"], Enumerable.Repeat(0.001, 100).ToArray(), "ytilde");
        var result = Cli.Run("label", dir["y.csv"], "--out", dir["l.npy"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 166", result.Error);
        Assert.False(File.Exists(dir["l.npy"]));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Negative_ytilde_names_the_frame()
    {
        using var dir = new TempDir();
        var y = Enumerable.Repeat(0.001, 300).ToArray();
        y[42] = -1;
        Series.Write(dir["y.npy"], y, "ytilde");
        var result = Cli.Run("baseline", dir["y.npy"], "--out", dir["b.npy"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("frame 42", result.Error);
        Assert.False(File.Exists(dir["b.npy"]));
    }
}
