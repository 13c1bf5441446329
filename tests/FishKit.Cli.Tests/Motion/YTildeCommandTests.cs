using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using FishKit.Tests.Frames;

namespace FishKit.Tests.Motion;

/// <summary><c>fishkit ytilde</c>: values written as .npy and .csv, and every bad input refused in one line with nothing written.</summary>
public class YTildeCommandTests
{
    static readonly byte[][] Frames = [[0, 0, 0, 0], [255, 0, 0, 0], [255, 255, 0, 0], [0, 0, 0, 0], [0, 0, 0, 51]];
    static readonly double[] Expected = [0.25, 0.25, 0.5, 0.05, 0]; // as worked out in YTildeTests

    [Fact]
    public void Writes_csv_with_one_value_per_frame()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames, 2, 2);

        var run = Cli.Run("ytilde", dir["frames"], "--out", dir["y.csv"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 frames", run.Output);
        var lines = File.ReadAllLines(dir["y.csv"]);
        Assert.Equal("frame,ytilde", lines[0]);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => i.ToString(CultureInfo.InvariantCulture)), lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal(Expected, lines[1..].Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Writes_npy_float64()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames, 2, 2);

        Assert.Equal(0, Cli.Run("ytilde", dir["frames"], "--out", dir["y.npy"]).ExitCode);

        var bytes = File.ReadAllBytes(dir["y.npy"]);
        Assert.Equal(0x93, bytes[0]);
        Assert.Equal("NUMPY"u8.ToArray(), bytes[1..6]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Contains("'<f8'", header);
        Assert.Contains("(5,)", header);
        var values = Enumerable.Range(0, 5).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(10 + headerLength + 8 * i)));
        Assert.Equal(Expected, values);
    }

    [Fact]
    public void Gaps_are_accepted_with_allow_gaps_and_reported()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames, 2, 2);
        File.Move(dir["frames/00004.png"], dir["frames/00007.png"]);

        Refused(dir, ["ytilde", dir["frames"], "--out", dir["out/y.csv"]], "'00003.png' and '00007.png'");

        var run = Cli.Run("ytilde", dir["frames"], "--out", dir["out/y.csv"], "--allow-gaps");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("gap", run.Output);
        Assert.Equal(Expected, File.ReadAllLines(dir["out/y.csv"])[1..].Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)));
    }

    /// <summary>Runs a command that must fail: exit 1, one error line containing <paramref name="culprit"/>, nothing in out/.</summary>
    static void Refused(TempDir dir, string[] args, string culprit)
    {
        var run = Cli.Run(args);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("fishkit: error: ", lines[0]);
        Assert.Contains(culprit, lines[0]);
        Assert.True(!Directory.Exists(dir["out"]) || !Directory.EnumerateFileSystemEntries(dir["out"]).Any(), "output left behind");
    }

    static string[] YTilde(TempDir dir) => ["ytilde", dir["frames"], "--out", dir["out/y.npy"]];

    [Fact]
    public void An_empty_folder_is_refused()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["frames"]);
        Refused(dir, YTilde(dir), "no frames in");
    }

    [Fact]
    public void A_single_frame_is_refused()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames[..1], 2, 2);
        Refused(dir, YTilde(dir), "at least 2 frames");
    }

    [Fact]
    public void Frames_of_different_sizes_are_refused_naming_the_first_odd_file()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames, 2, 2);
        TestImages.SavePng(dir["frames/00002.png"], new byte[6], 3, 2);
        TestImages.SavePng(dir["frames/00004.png"], new byte[6], 2, 3);
        Refused(dir, YTilde(dir), "00002.png' is 3x2 but the first frame '00000.png' is 2x2");
    }

    [Fact]
    public void Truncated_and_non_image_frames_are_named()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames, 2, 2);
        var whole = File.ReadAllBytes(dir["frames/00003.png"]);
        File.WriteAllBytes(dir["frames/00003.png"], whole[..(whole.Length - 20)]);
        Refused(dir, YTilde(dir), "00003.png");

        File.WriteAllBytes(dir["frames/00003.png"], whole);
        File.WriteAllText(dir["frames/00001.png"], "not an image");
        Refused(dir, YTilde(dir), "00001.png");
    }

    [Fact]
    public void A_header_over_50_megapixels_is_refused()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames, 2, 2);
        File.WriteAllBytes(dir["frames/00000.png"], TestImages.WithChunk(File.ReadAllBytes(dir["frames/00000.png"]), "IHDR", header =>
        {
            BinaryPrimitives.WriteInt32BigEndian(header, 9_000);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 9_000);
            return header;
        }));
        Refused(dir, YTilde(dir), "00000.png' claims 9000x9000 = 81 megapixels");
    }

    [Fact]
    public void An_output_path_equal_to_an_input_is_refused()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir["frames"], Frames, 2, 2);
        var before = File.ReadAllBytes(dir["frames/00002.png"]);

        Refused(dir, ["ytilde", dir["frames"], "--out", dir["frames"]], "is an input");
        Refused(dir, ["ytilde", dir["frames"], "--out", dir["frames/00002.png"]], "is an input");
        Refused(dir, ["ytilde", dir["frames"], "--out", dir["frames"] + "/"], "is an input");

        Assert.Equal(before, File.ReadAllBytes(dir["frames/00002.png"]));
    }
}
