using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary>`fishkit simulate`: what it writes, the chronological split, and one clear line for each bad input.</summary>
public class SimulateCommandTests
{
    internal static void AssertOneLineError(Cli.Result r, string mentions)
    {
        Assert.Equal(1, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("fishkit: error: ", lines[0]);
        Assert.Contains(mentions, lines[0]);
    }

    /// <summary>Nothing under the final name and no temporary folder left beside it.</summary>
    static void AssertNothingWritten(string parent, string name)
    {
        Assert.False(Directory.Exists(Path.Combine(parent, name)));
        if (Directory.Exists(parent))
            Assert.DoesNotContain(Directory.GetFileSystemEntries(parent), e => Path.GetFileName(e).Contains(".partial"));
    }

    [Fact]
    public void Writes_frames_truth_and_a_summary_line()
    {
        using var temp = new TempDir();
        var r = Cli.Run("simulate", "--frames", "40", "--out", temp["s"], "--seed", "3");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("wrote 40 frames (320x240, seed 3)", r.Output);
        Assert.Contains("frames/s", r.Output);
        Assert.Equal(40, Directory.GetFiles(temp["s"], "*.png").Length);
        foreach (var f in new[] { "truth-fish.csv", "truth-frames.csv", "truth-bursts.csv", "truth-decoys.csv", "simulation.json" })
            Assert.True(File.Exists(Path.Combine(temp["s"], f)), f);
    }

    [Fact]
    public void Split_writes_train_validation_test_with_restarted_indices_and_the_sessions_frames()
    {
        using var temp = new TempDir();
        var r = Cli.Run("simulate", "--frames", "60", "--split", "30,15,15", "--out", temp["split"], "--seed", "4");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0, Cli.Run("simulate", "--frames", "60", "--out", temp["whole"], "--seed", "4").ExitCode);
        Assert.Equal(["test", "train", "validation"], Directory.GetDirectories(temp["split"]).Select(Path.GetFileName).Order());
        Assert.Equal(30, Directory.GetFiles(temp["split/train"], "*.png").Length);
        Assert.Equal(15, Directory.GetFiles(temp["split/validation"], "*.png").Length);
        Assert.Equal(15, Directory.GetFiles(temp["split/test"], "*.png").Length);
        // validation/00000.png is frame 30 of the whole session, test/00014.png its frame 59
        Assert.Equal(File.ReadAllBytes(temp["whole/00030.png"]), File.ReadAllBytes(temp["split/validation/00000.png"]));
        Assert.Equal(File.ReadAllBytes(temp["whole/00059.png"]), File.ReadAllBytes(temp["split/test/00014.png"]));
        var whole = File.ReadAllLines(temp["whole/truth-frames.csv"]);
        var validation = File.ReadAllLines(temp["split/validation/truth-frames.csv"]);
        Assert.Equal(whole[0], validation[0]);
        Assert.StartsWith("0,0.0000,", validation[1]);
        Assert.Equal(whole[31].Split(',')[2..], validation[1].Split(',')[2..]); // same speeds and phase, index restarted
        Assert.Contains("\"session_frame_offset\": 45", File.ReadAllText(temp["split/test/simulation.json"]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10000001")]
    public void Refuses_a_frame_count_out_of_range(string frames)
    {
        using var temp = new TempDir();
        var r = Cli.Run("simulate", "--frames", frames, "--out", temp["s"]);
        AssertOneLineError(r, $"--frames {frames}");
        AssertNothingWritten(temp.Path, "s");
    }

    [Theory]
    [InlineData("--width", "5000")]
    [InlineData("--width", "31")]
    [InlineData("--height", "10")]
    [InlineData("--height", "4097")]
    public void Refuses_an_absurd_frame_size(string option, string value)
    {
        using var temp = new TempDir();
        var r = Cli.Run("simulate", "--frames", "10", option, value, "--out", temp["s"]);
        AssertOneLineError(r, $"{option[2..]} {value} is out of range");
        AssertNothingWritten(temp.Path, "s");
    }

    [Theory]
    [InlineData("30,15", "needs 3 frame counts")]
    [InlineData("30,15,14", "adds up to 59 frames but --frames is 60")]
    [InlineData("30,0,30", "validation count '0'")]
    [InlineData("30,x,15", "validation count 'x'")]
    public void Refuses_a_split_that_does_not_fit(string split, string mentions)
    {
        using var temp = new TempDir();
        var r = Cli.Run("simulate", "--frames", "60", "--split", split, "--out", temp["s"]);
        AssertOneLineError(r, mentions);
        AssertNothingWritten(temp.Path, "s");
    }

    [Fact]
    public void Refuses_a_non_empty_folder_unless_forced_and_then_replaces_it()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp["s"]);
        File.WriteAllText(temp["s/keep.txt"], "mine");
        var r = Cli.Run("simulate", "--frames", "10", "--out", temp["s"]);
        AssertOneLineError(r, "not empty");
        Assert.Equal(["keep.txt"], Directory.GetFiles(temp["s"]).Select(Path.GetFileName));

        var forced = Cli.Run("simulate", "--frames", "10", "--out", temp["s"], "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.False(File.Exists(temp["s/keep.txt"]));
        Assert.Equal(10, Directory.GetFiles(temp["s"], "*.png").Length);
    }

    [Fact]
    public void Refuses_an_output_that_is_a_file()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp["f"], "a file");
        AssertOneLineError(Cli.Run("simulate", "--frames", "10", "--out", temp["f"]), "is a file");
        Assert.Equal("a file", File.ReadAllText(temp["f"]));
    }

    [Fact]
    public void Refuses_an_output_folder_that_cannot_be_created()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp["blocker"], "a file where a folder should be");
        var r = Cli.Run("simulate", "--frames", "10", "--out", temp["blocker/sub/s"]);
        AssertOneLineError(r, $"cannot write '{temp["blocker/sub/s"]}': a folder on its path is missing or is a file; check the path.");
        Assert.Equal("a file where a folder should be", File.ReadAllText(temp["blocker"]));
    }

    [Fact]
    public void Cancelled_write_leaves_nothing_under_the_final_name()
    {
        using var temp = new TempDir();
        var sim = TankSimulator.Run(TankParameters.Default, 1, 200);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Done >= 32) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => TankSession.Write(sim, temp["s"], progress: progress, cancellationToken: cancel.Token));
        AssertNothingWritten(temp.Path, "s");
    }

    [Fact]
    public void Library_refuses_bad_parameters_with_the_parameter_named()
    {
        var e = Assert.Throws<FishKitException>(() => TankSimulator.Run(TankParameters.Default with { FishCount = 1 }, 1, 10));
        Assert.Contains("FishCount", e.Message);
        e = Assert.Throws<FishKitException>(() => TankSimulator.Run(TankParameters.Default, 1, 0));
        Assert.Contains("frames = 0 is out of range", e.Message);
        e = Assert.Throws<FishKitException>(() => TankSimulator.Run(TankParameters.Default with { FishCount = 64 }, 1, 2_000_000));
        Assert.Contains("frames x fish", e.Message);
    }

    sealed class SyncProgress(Action<(long Done, long Total)> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => report(value);
    }
}
