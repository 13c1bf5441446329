using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using FishKit.Frames;
using FishKit.Store;

namespace FishKit.Tests.Store;

public class FrameStoreTests
{
    static readonly FrameSize Small = new(16, 12);

    [Fact]
    public void The_header_round_trips_and_the_file_has_the_documented_layout()
    {
        using var dir = new TempDir();
        var path = dir["s.fkframes"];
        var written = new FrameStoreHeader(new FrameSize(16, 12), 5, ResizeMethod.Bilinear, new FrameSize(320, 240),
            "/data/fish ünïcode/train", "00007.png", "00011.png", new DateTimeOffset(2021, 3, 4, 5, 6, 7, 891, TimeSpan.Zero), "FishKit test");
        FrameStoreWriter.Write(path, written, force: false, w =>
        {
            for (int i = 0; i < 5; i++) w.Append(TestStores.Frame(i, written.Size));
        });

        using (var store = FrameStore.Open(path)) Assert.Equal(written, store.Header);

        // The layout, read by hand as the format documents it.
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("FKFRAMES"u8.ToArray(), bytes[..8]);
        int I(int at) => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        Assert.Equal([1, 4096, 16, 12, 5, 1, 320, 240], [I(8), I(12), I(16), I(20), I(24), I(28), I(32), I(36)]);
        using var info = JsonDocument.Parse(bytes.AsMemory(44, I(40)));
        Assert.Equal("/data/fish ünïcode/train", info.RootElement.GetProperty("source").GetString());
        Assert.Equal("2021-03-04T05:06:07.8910000Z", info.RootElement.GetProperty("created").GetString());
        Assert.Equal(4096 + 5 * 16 * 12 + 8, bytes.Length);
        Assert.Equal(TestStores.Frame(3, written.Size), bytes.AsSpan(4096 + 3 * 192, 192).ToArray());
        Assert.Equal(XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)), BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8)));
    }

    [Fact]
    public void Frames_are_read_from_the_mapping_as_written()
    {
        using var dir = new TempDir();
        TestStores.WriteIndexed(dir["s.fkframes"], 40, Small);
        using var store = FrameStore.Open(dir["s.fkframes"]);
        Assert.Equal((40, Small, 192), (store.Count, store.Size, store.FrameBytes));
        for (int i = 0; i < 40; i++) Assert.Equal(TestStores.Frame(i, Small), store.Frame(i).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Frame(40).Length);
    }

    [Fact]
    public void Reading_many_frames_allocates_nothing_in_proportion_to_the_store()
    {
        using var dir = new TempDir();
        var size = new FrameSize(160, 120);
        var header = FrameStoreHeader.New(size, 2000, ResizeMethod.Nearest, size, "test", "a", "b");
        var frame = TestStores.Frame(1, size);
        FrameStoreWriter.Write(dir["big.fkframes"], header, false, w => { for (int i = 0; i < 2000; i++) w.Append(frame); }); // 38 MB

        long before = GC.GetAllocatedBytesForCurrentThread();
        using var store = FrameStore.Open(dir["big.fkframes"]); // verifies the checksum: reads every byte
        long sum = 0;
        for (int pass = 0; pass < 3; pass++)
            for (int i = 0; i < store.Count; i++) sum += store.Frame(i)[19_199];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3L * 2000 * frame[19_199], sum);
        Assert.True(allocated < 256 * 1024, $"{allocated:N0} bytes allocated reading {3 * 38.4:N0} MB of frames");
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused_as_such()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["notes.txt"], "FKFRAMEZ and some more text to pass the header length check of 44 bytes");
        File.WriteAllBytes(dir["empty.fkframes"], []);
        foreach (var name in new[] { "notes.txt", "empty.fkframes" })
        {
            var e = Assert.Throws<FishKitException>(() => FrameStore.Open(dir[name]));
            Assert.Contains("is not a FishKit frame store", e.Message);
            Assert.Contains(name, e.Message);
        }
        Assert.Contains("is a folder", Assert.Throws<FishKitException>(() => FrameStore.Open(dir.Path)).Message);
        Assert.Contains("does not exist", Assert.Throws<FishKitException>(() => FrameStore.Open(dir["none.fkframes"])).Message);
    }

    [Fact]
    public void A_truncated_store_is_named_and_re_packing_suggested()
    {
        using var dir = new TempDir();
        var path = dir["cut.fkframes"];
        TestStores.WriteIndexed(path, 10, Small);
        using (var file = File.OpenWrite(path)) file.SetLength(file.Length - 100);

        var e = Assert.Throws<FishKitException>(() => FrameStore.Open(path, verifyChecksum: false));
        Assert.Contains($"'{path}' is truncated", e.Message);
        Assert.Contains("re-pack", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_changed_byte_fails_the_checksum_unless_checking_is_skipped()
    {
        using var dir = new TempDir();
        var path = dir["s.fkframes"];
        TestStores.WriteIndexed(path, 10, Small);
        var bytes = File.ReadAllBytes(path);
        bytes[4096 + 5 * 192 + 77] ^= 1; // one bit of frame 5
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<FishKitException>(() => FrameStore.Open(path));
        // the library names its own API; the CLI words the same remedy as its command (tests/FishKit.Cli.Tests)
        Assert.Equal($"frame store '{path}': checksum mismatch: re-pack with FramePacker.Pack.", e.Message);
        Assert.Equal(path, e.Subject?.File);
        Assert.Equal($"frame store '{path}': checksum mismatch: re-pack with fishkit frames pack.",
            e.MessageIn(t => t == Term.PackFrames ? "fishkit frames pack" : FishKitException.Library(t)));
        using var unchecked_ = FrameStore.Open(path, verifyChecksum: false);
        Assert.Equal(bytes[4096 + 5 * 192 + 77], unchecked_.Frame(5)[77]);
    }

    [Fact]
    public void Another_format_version_and_a_damaged_header_are_refused_with_a_re_pack_hint()
    {
        using var dir = new TempDir();
        var path = dir["s.fkframes"];
        TestStores.WriteIndexed(path, 3, Small);
        var original = File.ReadAllBytes(path);

        var bytes = (byte[])original.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 2);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<FishKitException>(() => FrameStore.Open(path));
        Assert.Contains("format version 2; this FishKit reads version 1", e.Message);

        bytes = (byte[])original.Clone();
        Encoding.ASCII.GetBytes("{{{{").CopyTo(bytes, 44);
        File.WriteAllBytes(path, bytes);
        e = Assert.Throws<FishKitException>(() => FrameStore.Open(path, verifyChecksum: false));
        Assert.Contains("damaged header", e.Message);
        Assert.Contains("re-pack it with FramePacker.Pack", e.Message);
    }

    [Fact]
    public void A_writer_that_hands_over_too_few_frames_leaves_no_file()
    {
        using var dir = new TempDir();
        var header = FrameStoreHeader.New(Small, 4, ResizeMethod.Nearest, Small, "x", "a", "b");
        Assert.Throws<InvalidOperationException>(() => FrameStoreWriter.Write(dir["s.fkframes"], header, false, w => w.Append(new byte[3 * 192])));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }
}
