using FishKit.Frames;

namespace FishKit.Tests.Frames;

public class ChronologicalSplitTests
{
    [Fact]
    public void The_write_ups_split_of_53916_frames_has_its_counts()
    {
        var split = ChronologicalSplit.WriteUp(53_916);
        Assert.Equal(new FrameRange(0, 44_956), split.Train);
        Assert.Equal(new FrameRange(44_956, 3_593), split.Validation);
        Assert.Equal(new FrameRange(48_549, 5_367), split.Test);
        Assert.Equal(53_916, split.Total);
    }

    [Fact]
    public void The_write_ups_percentages_are_its_counts_rounded()
    {
        var split = ChronologicalSplit.WriteUp(53_916);
        Assert.Equal([83.38, 6.66, 9.95], split.Ranges.Select(r => Math.Round(100.0 * r.Count / 53_916, 2)));
    }

    [Fact]
    public void Rounding_the_percentages_does_not_give_the_write_ups_counts()
    {
        // 53,916 x 0.8338 = 44,955.16 -> 44,955; 53,916 x 0.9004 = 48,545.97 -> 48,546; rest 5,370.
        var split = ChronologicalSplit.ByFractions(53_916, 0.8338, 0.0666);
        Assert.Equal([44_955, 3_591, 5_370], split.Ranges.Select(r => r.Count));
    }

    [Fact]
    public void The_write_ups_ratios_scale_to_other_lengths()
    {
        // 1,000 x 44,956 / 53,916 = 833.8 -> 834; 1,000 x 48,549 / 53,916 = 900.5 -> 900 (900.457...)
        var split = ChronologicalSplit.WriteUp(1_000);
        Assert.Equal([834, 66, 100], split.Ranges.Select(r => r.Count));
    }

    [Fact]
    public void Counts_split_in_time_order()
    {
        var split = ChronologicalSplit.ByCounts(10, 6, 3);
        Assert.Equal([new FrameRange(0, 6), new FrameRange(6, 3), new FrameRange(9, 1)], split.Ranges);
    }

    [Fact]
    public void Every_split_needs_a_frame()
    {
        Assert.Contains("each split needs at least one frame", Assert.Throws<FishKitException>(() => ChronologicalSplit.ByCounts(10, 6, 4)).Message);
        Assert.Throws<FishKitException>(() => ChronologicalSplit.WriteUp(5));
        Assert.Throws<FishKitException>(() => ChronologicalSplit.ByFractions(100, 0.9, 0.2));
        Assert.Throws<FishKitException>(() => ChronologicalSplit.ByFractions(100, double.NaN, 0.1));
    }

    [Fact]
    public void Writes_the_three_folders_with_the_frames_of_each_split()
    {
        using var dir = new TempDir();
        var source = Directory.CreateDirectory(dir["frames"]).FullName;
        for (int i = 0; i < 10; i++) TestImages.SavePng(Path.Combine(source, $"{i:D5}.png"), [(byte)i], 1, 1);
        var frames = FrameSequence.Open(source);
        var split = ChronologicalSplit.ByCounts(10, 6, 3);

        split.WriteFolders(frames, dir["split"]);

        Assert.Equal(["00000.png", "00001.png", "00002.png", "00003.png", "00004.png", "00005.png"], Names(dir["split/train"]));
        Assert.Equal(["00006.png", "00007.png", "00008.png"], Names(dir["split/validation"]));
        Assert.Equal(["00009.png"], Names(dir["split/test"]));
        Assert.Equal([9], FrameSequence.Open(dir["split/test"]).Read(0));
        Assert.Equal(3, split.Of(frames)[1].Count);

        Assert.Contains("not empty", Assert.Throws<FishKitException>(() => split.WriteFolders(frames, dir["split"])).Message);
        Assert.Contains("holds 10", Assert.Throws<FishKitException>(() => ChronologicalSplit.ByCounts(11, 6, 3).WriteFolders(frames, dir["other"])).Message);
        Assert.False(Directory.Exists(dir["other"]));
    }

    static string[] Names(string folder) => Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray()!;
}
