using FishKit.IO;
using FishKit.WriteUp;

namespace FishKit.Tests.WriteUp;

public class WriteUpCloneTests
{
    [Fact]
    public void A_clone_with_the_published_layout_opens_with_every_array()
    {
        var clone = WriteUpClone.Open(WriteUpFixture.Clone);
        Assert.Equal(["train", "validation", "test"], clone.Splits.Select(s => s.Name));
        Assert.Equal([700, 400, 600], clone.Splits.Select(s => s.YTilde.Length));
        Assert.All(clone.Splits, s => Assert.Equal(s.YTilde.Length, s.Labels.Length));
        Assert.Equal((119, 588), clone.Scored);
        Assert.Equal(600, clone.Baseline.Length);
        Assert.Equal(470, clone.ConvLstm.Length);
        Assert.Equal(470, clone.TwoLayer.Length);
    }

    public static TheoryData<string, Action<string>, string, string> Damages => new()
    {
        { "test/Y_pred.npy", c => File.Delete(Target(c, "test", "Y_pred.npy")), "is missing", "clone it again" },
        { "validation/Y_label.npy", c => File.Move(Target(c, "validation", "Y_label.npy"), Target(c, "validation", "Y_labels.npy")), "is missing", "clone it again" },
        { "train/Y_label.npy", c => Series.Write(Target(c, "train", "Y_label.npy"), new double[699], "label"), "has 699 values but must have 700", "restore it" },
        { "test/Y_pred_baseline.npy", c => Series.Write(Target(c, "test", "Y_pred_baseline.npy"), new double[601], "p"), "has 601 values but must have 600", "restore it" },
        { "test/Y_pred.npy", c => Series.Write(Target(c, "test", "Y_pred.npy"), new double[470], "p"), "holds float64 values but the write-up saved float32", "restore it" },
        { "test/Y_tilde.npy", c => Series.WriteLabels(Target(c, "test", "Y_tilde.npy"), new bool[600], "y"), "holds bool values but the write-up saved float64", "restore it" },
        { "validation/Y_label.npy", c => Series.Write(Target(c, "validation", "Y_label.npy"), Enumerable.Repeat(0.5, 400).ToArray(), "label"), "is 0.5; labels must be 0 or 1", "" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_clone_is_refused_in_one_line_naming_the_file_and_nothing_is_written(string file, Action<string> damage, string problem, string remedy)
    {
        using var dir = new TempDir();
        var clone = WriteUpFixture.CopyTo(dir);
        damage(clone);

        var result = Cli.Run("reproduce", "--writeup", clone, "--no-notebooks", "--out", dir["out"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.Combine("targets", file) + "'", line);
        Assert.Contains(problem, line);
        Assert.Contains(remedy, line);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Fact]
    public void A_missing_clone_and_conflicting_options_are_refused_in_one_line()
    {
        using var dir = new TempDir();
        var missing = Cli.Run("reproduce", "--writeup", dir["nowhere"], "--no-notebooks", "--out", dir["out"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("git clone https://github.com/M-Lin-DM/Convolutional-LSTMs-for-Motion-Forcasting", missing.Error);

        var both = Cli.Run("reproduce", "--writeup", WriteUpFixture.Clone, "--data", dir.Path, "--no-notebooks", "--out", dir["out"]);
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("--data and --writeup", both.Error);

        var runAlone = Cli.Run("reproduce", "--ytilde-run", dir.Path, "--no-notebooks", "--out", dir["out"]);
        Assert.Equal(1, runAlone.ExitCode);
        Assert.Contains("--ytilde-run is for --writeup", runAlone.Error);
        Assert.False(Directory.Exists(dir["out"]));
    }

    static string Target(string clone, string split, string name) => WriteUpFixture.Target(clone, split, name);
}
