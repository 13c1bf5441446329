using System.Buffers.Binary;
using System.Runtime.InteropServices;
using FishKit.IO;
using FishKit.Tests.Frames;
using FishKit.Tests.Training;
using FishKit.Training;

namespace FishKit.Tests.Robustness;

/// <summary>
/// Issue #15's readers: what they cannot trust they refuse, by name, in one line: damaged PNG chunks and zlib streams,
/// special files among the frames, frames that split would have copied blind, damaged checkpoints, a JSON key given
/// twice, and the messages that named the wrong thing.
/// </summary>
[Collection(FishKit.Tests.Models.GlobalGeneratorCollection.Name)]
public partial class UntrustedInputTests
{
    const int Width = 32, Height = 24;

    static string Frames(TempDir dir, int count)
    {
        TestImages.SaveSequence(dir["frames"], [.. Enumerable.Range(0, count).Select(i => TestImages.Pattern(Width, Height, i))], Width, Height);
        return dir["frames"];
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);

    static void ReplaceWithFifo(string path)
    {
        File.Delete(path);
        Assert.True(MakeFifo(path, 0b110_100_100) == 0, $"mkfifo failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>POSIX test -p, independently of the kit's own check.</summary>
    static bool IsFifo(string path)
    {
        var test = new System.Diagnostics.ProcessStartInfo("sh") { ArgumentList = { "-c", "test -p \"$0\"", path } };
        using var process = System.Diagnostics.Process.Start(test)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [Theory]
    [InlineData("ytilde")]
    [InlineData("frames pack")]
    public void A_fifo_among_the_frames_is_refused_by_name_instead_of_blocking(string command)
    {
        using var dir = new TempDir();
        var frames = Frames(dir, 60);
        ReplaceWithFifo(Path.Combine(frames, "00040.png"));
        var result = Expect.Within(60, () => Cli.Run([.. command.Split(' '), frames, "--out", dir["out.bin"]]));
        Assert.Equal($"fishkit: error: frame '{frames}/00040.png' is a named pipe (FIFO), not a regular file: reading it could wait forever; remove it or give a regular file.",
            Expect.OneLine(result, exitCode: 5));
        Assert.Equal(["frames"], Expect.Entries(dir.Path));
    }

    [Fact]
    public void A_fifo_given_as_a_series_is_refused_by_name_instead_of_blocking()
    {
        using var dir = new TempDir();
        ReplaceWithFifo(dir["y.npy"]);
        var line = Expect.OneLine(Expect.Within(60, () => Cli.Run("label", dir["y.npy"], "--out", dir["l.npy"])), exitCode: 5);
        Assert.Equal($"fishkit: error: series '{dir["y.npy"]}' is a named pipe (FIFO), not a regular file: reading it could wait forever; remove it or give a regular file.", line);
    }

    [Fact]
    public void A_fifo_given_as_the_output_is_refused_and_left_as_it_is()
    {
        using var dir = new TempDir();
        Series.Write(dir["y.npy"], new double[300], "ytilde");
        ReplaceWithFifo(dir["out.npy"]);
        var line = Expect.OneLine(Expect.Within(60, () => Cli.Run("label", dir["y.npy"], "--out", dir["out.npy"])), exitCode: 5);
        Assert.Equal($"fishkit: error: output '{dir["out.npy"]}' is a named pipe (FIFO); give the path of a regular file to write.", line);
        Assert.Equal(["out.npy", "y.npy"], Expect.Entries(dir.Path));
        Assert.True(IsFifo(dir["out.npy"]), "the FIFO was replaced by a file");
    }

    /// <summary>Damage the kit's PNG path used to decode without a word, and what it says now.</summary>
    public static TheoryData<string, Func<byte[], byte[]>, string> DamagedPngs() => new()
    {
        { "an IHDR CRC mismatch", png => Flip(png, 29), "the IHDR chunk's CRC does not match its content (the file is damaged)" },
        { "an IDAT CRC mismatch", png => Flip(png, IdatData(png) + 5), "the IDAT chunk's CRC does not match its content (the file is damaged)" },
        { "a flipped compression-method byte", png => Flip(png, 26), "the IHDR chunk's CRC does not match its content (the file is damaged)" },
        { "compression method 1 with a matching CRC", png => TestImages.WithChunk(png, "IHDR", h => { h[10] = 1; return h; }),
            "invalid PNG header (bit depth 8, colour type 0, compression 1, filter 0, interlace 0)" },
        { "a zlib stream cut before its Adler-32", png => TestImages.WithChunk(png, "IDAT", d => d[..^4]), "the compressed image data is damaged (a wrong zlib checksum or coding)" },
        { "a wrong Adler-32", png => TestImages.WithChunk(png, "IDAT", d => { d[^1] ^= 1; return d; }), "the compressed image data is damaged (a wrong zlib checksum or coding)" },
    };

    static byte[] Flip(byte[] png, int at)
    {
        var copy = (byte[])png.Clone();
        copy[at] ^= 0x04;
        return copy;
    }

    /// <summary>Where the first IDAT chunk's data starts.</summary>
    static int IdatData(byte[] png)
    {
        int at = 8;
        while (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) != "IDAT") at += BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at)) + 12;
        return at + 8;
    }

    [Theory, MemberData(nameof(DamagedPngs))]
    public void A_damaged_png_is_refused_naming_the_frame_and_the_damage(string damage, Func<byte[], byte[]> make, string reason)
    {
        using var dir = new TempDir();
        var frames = Frames(dir, 3);
        var frame = Path.Combine(frames, "00001.png");
        File.WriteAllBytes(frame, make(TestImages.HandFilteredPng(TestImages.Pattern(Width, Height, 1), Width, Height, row => (byte)(row % 5))));
        var line = Expect.OneLine(Cli.Run("ytilde", frames, "--out", dir["y.npy"]), exitCode: 1);
        Assert.True(line == $"fishkit: error: frame '{frame}' is damaged or not a valid PNG image ({reason}); re-export it or remove it from the folder.", $"{damage}: {line}");
        Assert.False(File.Exists(dir["y.npy"]));
    }

    [Fact]
    public void Splitting_refuses_a_garbage_frame_before_copying_anything()
    {
        using var dir = new TempDir();
        var frames = Frames(dir, 20);
        var garbage = new byte[100];
        new Random(13).NextBytes(garbage);
        File.WriteAllBytes(Path.Combine(frames, "00013.png"), garbage);
        var line = Expect.OneLine(Cli.Run("frames", "split", frames, "--out", dir["splits"], "--counts", "12,4"), exitCode: 1);
        Assert.StartsWith($"fishkit: error: frame '{frames}/00013.png' is ", line);
        Assert.Contains("remove it from the folder", line);
        Assert.Equal(["frames"], Expect.Entries(dir.Path));
    }

    [Fact]
    public void Splitting_refuses_a_frame_of_another_size_before_copying_anything()
    {
        using var dir = new TempDir();
        var frames = Frames(dir, 20);
        TestImages.SavePng(Path.Combine(frames, "00007.png"), TestImages.Pattern(16, 12, 7), 16, 12);
        var line = Expect.OneLine(Cli.Run("frames", "split", frames, "--out", dir["splits"], "--counts", "12,4"), exitCode: 1);
        Assert.Equal($"fishkit: error: frame '{frames}/00007.png' is 16x12 but the first frame '00000.png' is 32x24; all frames of a sequence must have one size.", line);
        Assert.Equal(["frames"], Expect.Entries(dir.Path));
    }

    [Fact]
    public void A_checkpoint_with_damaged_content_is_refused_and_one_from_before_checksums_still_loads()
    {
        using var dir = new TempDir();
        var (train, validation) = RunsTests.Splits(dir);
        var folder = new RunFolder(dir["run"]);
        Runs.Train(RunsTests.Tiny, train, validation, folder);
        var scores = Runs.Predict(folder, validation);
        var good = File.ReadAllBytes(folder.Best);

        var damaged = (byte[])good.Clone();
        damaged[damaged.Length / 2] ^= 0x10;
        File.WriteAllBytes(folder.Best, damaged);
        var line = Expect.OneLine(Cli.Run("predict", "--run", folder.Path, "--frames", validation, "--out", dir["s.npy"]), exitCode: 1);
        Assert.Equal($"fishkit: error: checkpoint '{folder.Best}' is damaged (its checksum does not match its content); use another checkpoint of the run (e.g. best.ckpt or an epoch's) or train again.", line);
        Assert.False(File.Exists(dir["s.npy"]));

        // Format version 1, as the kit wrote checkpoints before the checksum: the same bytes without it.
        var version1 = good[..^8];
        const int versionAt = 19; // after the magic string: a length byte and "FISHKIT-CHECKPOINT"
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(version1.AsSpan(versionAt)));
        BinaryPrimitives.WriteInt32LittleEndian(version1.AsSpan(versionAt), 1);
        File.WriteAllBytes(folder.Best, version1);
        Assert.Equal(scores, Runs.Predict(folder, validation));
    }

    [Fact]
    public void A_key_given_twice_is_refused_by_name_in_a_grid_and_in_a_run_config()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["g.json"], """{"data": {"train": "t", "validation": "v"}, "factors": {"training.epochs": [1, 2]}, "seeds": [1], "seeds": [2]}""");
        Assert.Equal($"fishkit: error: grid '{dir["g.json"]}' is not valid JSON: Duplicate property 'seeds' encountered during deserialization.",
            Expect.OneLine(Cli.Run("ablate", "--grid", dir["g.json"], "--out", dir["results"]), exitCode: 1));
        Assert.Equal(["g.json"], Expect.Entries(dir.Path));

        File.WriteAllText(dir["run.json"], """{"training": {"epochs": 1, "epochs": 5}}""");
        var line = Expect.OneLine(Cli.Run("train", "--config", dir["run.json"], "--train", dir.Path, "--val", dir.Path, "--out", dir["run"]), exitCode: 1);
        Assert.Contains("Duplicate property 'epochs'", line);
    }

    [Fact]
    public void A_setting_a_run_config_does_not_have_is_refused_by_name_instead_of_ignored()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["run.json"], """{"training": {"epoch": 3}}""");
        var line = Expect.OneLine(Cli.Run("train", "--config", dir["run.json"], "--train", dir.Path, "--val", dir.Path, "--out", dir["run"]), exitCode: 1);
        Assert.StartsWith($"fishkit: error: {dir["run.json"]} is not a valid run config: The JSON property 'epoch' could not be mapped to any .NET member", line);
        Assert.Equal(["run.json"], Expect.Entries(dir.Path));
    }

    [Fact]
    public void Messages_name_what_is_wrong()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir["big.npy"], [.. new NpyHeader("<f8", false, [1_000_000_000_000]).ToBytes(), .. new byte[64]]);
        Assert.Equal($"fishkit: error: '{dir["big.npy"]}' announces 1,000,000,000,000 float64 values, more than a series can hold (2,147,483,591); the file is damaged or not a per-frame series.",
            Expect.OneLine(Cli.Run("label", dir["big.npy"], "--out", dir["l.npy"]), exitCode: 1));
        Assert.Equal($"fishkit: error: grid file '{dir.Path}' is a folder; give a file.",
            Expect.OneLine(Cli.Run("ablate", "--grid", dir.Path, "--out", dir["results"]), exitCode: 1));
    }
}
