using FishKit.Frames;
using FishKit.Store;
using FishKit.Tests.Frames;

namespace FishKit.Tests.Store;

public class FramePackerTests
{
    /// <summary>Writes <paramref name="count"/> pattern frames of <paramref name="size"/> as PNGs; returns the folder.</summary>
    static string Frames(TempDir dir, int count, FrameSize size)
    {
        var folder = dir["frames"];
        TestImages.SaveSequence(folder, Enumerable.Range(0, count).Select(i => TestImages.Pattern(size.Width, size.Height, i)).ToList(), size.Width, size.Height);
        return folder;
    }

    [Fact]
    public void Halving_keeps_the_odd_rows_and_columns_of_each_frame_as_Pillow_does()
    {
        using var dir = new TempDir();
        var folder = Frames(dir, 30, new FrameSize(320, 240));
        var header = FramePacker.Pack(FrameSequence.Open(folder), dir["s.fkframes"], FramePacker.ModelSize);

        using var store = FrameStore.Open(dir["s.fkframes"]);
        Assert.Equal(header, store.Header);
        Assert.Equal((30, new FrameSize(160, 120), new FrameSize(320, 240), ResizeMethod.Nearest), (store.Count, store.Size, header.SourceSize, header.Resize));
        Assert.Equal(Path.GetFullPath(folder), header.Source);
        Assert.Equal(("00000.png", "00029.png"), (header.FirstFile, header.LastFile));
        foreach (int i in new[] { 0, 1, 17, 29 })
        {
            var full = TestImages.ImageSharpGray(Path.Combine(folder, $"{i:D5}.png"));
            var expected = new byte[160 * 120];
            for (int y = 0; y < 120; y++)
                for (int x = 0; x < 160; x++) expected[y * 160 + x] = full[(2 * y + 1) * 320 + 2 * x + 1];
            Assert.Equal(expected, store.Frame(i).ToArray());
        }
    }

    [Fact]
    public void Any_size_equals_FrameResize_Nearest_of_the_frames_as_ImageSharp_decodes_them()
    {
        using var dir = new TempDir();
        var from = new FrameSize(101, 67);
        var to = new FrameSize(37, 29);
        var folder = Frames(dir, 12, from);
        FramePacker.Pack(FrameSequence.Open(folder), dir["s.fkframes"], to, maxParallelism: 1);

        using var store = FrameStore.Open(dir["s.fkframes"]);
        var expected = new byte[to.Pixels];
        foreach (int i in new[] { 0, 5, 11 })
        {
            FrameResize.Nearest(TestImages.ImageSharpGray(Path.Combine(folder, $"{i:D5}.png")), from, expected, to);
            Assert.Equal(expected, store.Frame(i).ToArray());
        }
    }

    [Fact]
    public void Bilinear_halving_averages_each_two_by_two_block()
    {
        using var dir = new TempDir();
        var folder = Frames(dir, 3, new FrameSize(64, 48));
        FramePacker.Pack(FrameSequence.Open(folder), dir["s.fkframes"], new FrameSize(32, 24), ResizeMethod.Bilinear);

        using var store = FrameStore.Open(dir["s.fkframes"]);
        Assert.Equal(ResizeMethod.Bilinear, store.Header.Resize);
        for (int i = 0; i < 3; i++)
        {
            var full = TestImages.ImageSharpGray(Path.Combine(folder, $"{i:D5}.png"));
            var frame = store.Frame(i);
            for (int y = 0; y < 24; y++)
                for (int x = 0; x < 32; x++)
                {
                    int Px(int dx, int dy) => full[(2 * y + dy) * 64 + 2 * x + dx];
                    double mean = (Px(0, 0) + Px(1, 0) + Px(0, 1) + Px(1, 1)) / 4.0;
                    Assert.InRange(frame[y * 32 + x], Math.Floor(mean), Math.Ceiling(mean)); // rounded to a neighbouring level
                    if (mean % 1 != 0.5) Assert.Equal(Math.Round(mean), frame[y * 32 + x]);
                }
        }
    }

    [Fact]
    public void Frames_already_at_the_size_are_stored_unchanged_and_progress_reaches_the_total()
    {
        using var dir = new TempDir();
        var size = new FrameSize(40, 30);
        var folder = Frames(dir, 9, size);
        var reports = new List<(long Done, long Total)>();
        FramePacker.Pack(FrameSequence.Open(folder), dir["s.fkframes"], size, progress: new SyncProgress(reports.Add));

        using var store = FrameStore.Open(dir["s.fkframes"]);
        for (int i = 0; i < 9; i++) Assert.Equal(TestImages.Pattern(40, 30, i), store.Frame(i).ToArray());
        Assert.Equal((9L, 9L), reports[^1]);
    }

    [Fact]
    public void A_damaged_frame_stops_the_pack_naming_it_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var folder = Frames(dir, 20, new FrameSize(32, 24));
        var bad = Path.Combine(folder, "00013.png");
        File.WriteAllBytes(bad, File.ReadAllBytes(bad)[..60]);

        var e = Assert.Throws<FishKitException>(() => FramePacker.Pack(FrameSequence.Open(folder), dir["out/s.fkframes"], new FrameSize(16, 12)));
        Assert.Contains("00013.png", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir["out"]));
    }

    [Fact]
    public void A_cancelled_pack_leaves_nothing_behind()
    {
        using var dir = new TempDir();
        var folder = Frames(dir, 5, new FrameSize(32, 24));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            FramePacker.Pack(FrameSequence.Open(folder), dir["out/s.fkframes"], new FrameSize(16, 12), cancellationToken: cancel.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir["out"]));
    }

    [Fact]
    public void An_existing_output_is_kept_unless_forced_and_an_input_is_never_overwritten()
    {
        using var dir = new TempDir();
        var folder = Frames(dir, 4, new FrameSize(32, 24));
        var frames = FrameSequence.Open(folder);
        File.WriteAllText(dir["s.fkframes"], "precious");

        var e = Assert.Throws<FishKitException>(() => FramePacker.Pack(frames, dir["s.fkframes"], new FrameSize(16, 12)));
        Assert.Contains("exists", e.Message);
        Assert.Equal("precious", File.ReadAllText(dir["s.fkframes"]));
        FramePacker.Pack(frames, dir["s.fkframes"], new FrameSize(16, 12), force: true);
        using (var store = FrameStore.Open(dir["s.fkframes"])) Assert.Equal(4, store.Count);

        var frame = Path.Combine(folder, "00002.png");
        var before = File.ReadAllBytes(frame);
        e = Assert.Throws<FishKitException>(() => FramePacker.Pack(frames, frame, new FrameSize(16, 12), force: true));
        Assert.Contains("is an input", e.Message);
        Assert.Equal(before, File.ReadAllBytes(frame));
    }

    sealed class SyncProgress(Action<(long, long)> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value)
        {
            lock (this) report(value);
        }
    }
}
