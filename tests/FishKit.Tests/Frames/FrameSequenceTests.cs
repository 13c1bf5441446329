using FishKit.Frames;

namespace FishKit.Tests.Frames;

public class FrameSequenceTests
{
    static void Frame(TempDir dir, string name, int width = 4, int height = 3, byte level = 0) =>
        TestImages.SavePng(dir[name], Enumerable.Repeat(level, width * height).ToArray(), width, height);

    [Fact]
    public void Lists_image_files_in_natural_order_and_ignores_everything_else()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "frame_10.png", "frame_9.PNG", "frame_11.tif", "frame_8.Tiff", "frame_12.jpg", "frame_13.jpeg", "frame_14.bmp", "frame_15.pgm" })
            File.WriteAllBytes(dir[name], []);
        Frame(dir, "frame_7.png", 5, 2);
        foreach (var ignored in new[] { ".frame_16.png", "~frame_17.png", "notes.txt", "frame_18.png.tmp", "frame_19.gif" })
            File.WriteAllText(dir[ignored], "x");
        Directory.CreateDirectory(dir["frame_20.png"]);

        var frames = FrameSequence.Open(dir.Path);

        Assert.Equal(
            ["frame_7.png", "frame_8.Tiff", "frame_9.PNG", "frame_10.png", "frame_11.tif", "frame_12.jpg", "frame_13.jpeg", "frame_14.bmp", "frame_15.pgm"],
            frames.Paths.Select(Path.GetFileName));
        Assert.Equal([7L, 8, 9, 10, 11, 12, 13, 14, 15], frames.Numbers);
        Assert.Equal(9, frames.Count);
        Assert.Equal(new FrameSize(5, 2), frames.Size); // from the first frame's header
        Assert.Empty(frames.Gaps);
    }

    static FishKitException Refused(string folder, bool allowGaps = false) =>
        Assert.Throws<FishKitException>(() => FrameSequence.Open(folder, allowGaps));

    [Fact]
    public void An_empty_folder_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["readme.txt"], "no frames here");
        var e = Refused(dir.Path);
        Assert.Contains("no frames", e.Message);
        Assert.Contains(dir.Path, e.Message);
    }

    [Fact]
    public void A_missing_folder_or_a_file_is_refused()
    {
        using var dir = new TempDir();
        Assert.Contains("does not exist", Refused(dir["nope"]).Message);
        File.WriteAllText(dir["file.png"], "");
        Assert.Contains("is a file", Refused(dir["file.png"]).Message);
    }

    [Fact]
    public void A_gap_in_the_numbering_is_refused_unless_allowed()
    {
        using var dir = new TempDir();
        foreach (int i in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 15 }) Frame(dir, $"{i:D5}.png");

        var e = Refused(dir.Path);
        Assert.Contains("3 frame(s) missing", e.Message);
        Assert.Contains("'00009.png' and '00011.png'", e.Message);
        Assert.Contains("allow gaps (allowGaps: true)", e.Message); // the CLI says --allow-gaps (CliTerms)
        Assert.DoesNotContain('\n', e.Message);

        var frames = FrameSequence.Open(dir.Path, allowGaps: true);
        Assert.Equal(13, frames.Count);
        Assert.Equal([new FrameGap("00009.png", "00011.png", 1), new FrameGap("00012.png", "00015.png", 2)], frames.Gaps);
    }

    [Fact]
    public void Repeated_or_restarting_numbers_and_unnumbered_frames_are_refused_even_with_gaps_allowed()
    {
        using (var dir = new TempDir())
        {
            Frame(dir, "0001.png");
            Frame(dir, "1.png");
            Assert.Contains("'0001.png' and '1.png' have the same number 1", Refused(dir.Path, allowGaps: true).Message);
        }
        using (var dir = new TempDir())
        {
            Frame(dir, "a_5.png");
            Frame(dir, "b_1.png");
            Assert.Contains("restarts at 'b_1.png' after 'a_5.png'", Refused(dir.Path, allowGaps: true).Message);
        }
        using (var dir = new TempDir())
        {
            Frame(dir, "first.png");
            Assert.Contains("'first.png' has no number", Refused(dir.Path).Message);
        }
    }

    [Fact]
    public void A_slice_keeps_the_frames_numbers_and_gaps_of_its_range()
    {
        using var dir = new TempDir();
        foreach (int i in new[] { 0, 1, 2, 4, 5, 6 }) Frame(dir, $"{i}.png");
        var frames = FrameSequence.Open(dir.Path, allowGaps: true);

        var slice = frames.Slice(new FrameRange(1, 3));
        Assert.Equal(["1.png", "2.png", "4.png"], slice.Paths.Select(Path.GetFileName));
        Assert.Equal([new FrameGap("2.png", "4.png", 1)], slice.Gaps);
        Assert.Empty(frames.Slice(new FrameRange(3, 3)).Gaps);
        Assert.Throws<FishKitException>(() => frames.Slice(new FrameRange(4, 3)));
    }

    [Fact]
    public void Reads_gray_bytes_and_unit_values()
    {
        using var dir = new TempDir();
        TestImages.SavePng(dir["0.png"], [0, 51, 255, 128, 1, 254], 3, 2);
        var frames = FrameSequence.Open(dir.Path);

        Assert.Equal([0, 51, 255, 128, 1, 254], frames.Read(0));
        var unit = new float[6];
        frames.ReadUnit(0, unit);
        Assert.Equal([0f, 0.2f, 1f, 128f / 255f, 1f / 255f, 254f / 255f], unit);
    }
}
