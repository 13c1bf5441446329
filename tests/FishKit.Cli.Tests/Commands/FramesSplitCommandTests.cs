using FishKit.Frames;
using FishKit.Synthetic;

namespace FishKit.Tests.Commands;

public class FramesSplitCommandTests
{
    static string MakeFrames(TempDir dir, int count)
    {
        var folder = dir["frames"];
        var sim = TankSimulator.Run(new TankParameters(), seed: 3, frames: count);
        TankSession.Write(sim, folder);
        return folder;
    }

    [Fact]
    public void Splits_by_counts_into_three_folders_in_time_order()
    {
        using var dir = new TempDir();
        var frames = MakeFrames(dir, 30);
        var result = Cli.Run("frames", "split", frames, "--out", dir["split"], "--counts", "20,4");
        Assert.Equal(0, result.ExitCode);
        var test = FrameSequence.Open(dir["split/test"]);
        Assert.Equal(20, FrameSequence.Open(dir["split/train"]).Count);
        Assert.Equal(4, FrameSequence.Open(dir["split/validation"]).Count);
        Assert.Equal(6, test.Count);
        Assert.Equal(File.ReadAllBytes(Path.Combine(frames, "00024.png")), File.ReadAllBytes(test.Paths[0]));
    }

    [Fact]
    public void Bad_counts_and_an_occupied_output_are_refused_in_one_line()
    {
        using var dir = new TempDir();
        var frames = MakeFrames(dir, 10);
        var bad = Cli.Run("frames", "split", frames, "--out", dir["split"], "--counts", "seven");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--counts 'seven'", bad.Error);
        Directory.CreateDirectory(dir["busy"]);
        File.WriteAllText(dir["busy/keep.txt"], "mine");
        var busy = Cli.Run("frames", "split", frames, "--out", dir["busy"], "--counts", "6,2");
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("not empty", busy.Error);
        Assert.Equal("mine", File.ReadAllText(dir["busy/keep.txt"]));
    }
}
