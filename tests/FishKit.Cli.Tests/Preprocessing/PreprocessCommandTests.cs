using System.Text.Json;
using FishKit.Frames;
using FishKit.Preprocessing;
using FishKit.Tests.Video;

namespace FishKit.Tests.Preprocessing;

/// <summary><c>fishkit preprocess</c>: frames in input order and size, the record beside them, and bad input refused in one line.</summary>
public class PreprocessCommandTests
{
    [Fact]
    public void Frames_come_out_in_input_order_renumbered_from_zero_with_the_record_beside_them()
    {
        using var temp = new TempDir();
        var tank = new RawTank();
        tank.Write(temp["raw"], firstNumber: 10, step: 2); // 00010.png, 00012.png, ...: gaps in the numbering
        var result = Cli.Run("preprocess", temp["raw"], "--out", temp["out"], "--allow-gaps");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("dark fish (detected:", result.Output);
        Assert.Contains($"wrote {tank.Frames} frames (64x48)", result.Output);

        var frames = FrameSequence.Open(temp["out"]);
        Assert.Equal(tank.Frames, frames.Count);
        Assert.Equal(new FrameSize(tank.Width, tank.Height), frames.Size);
        Assert.Equal("00000.png", Path.GetFileName(frames.Paths[0]));
        for (int t = 0; t < tank.Frames; t++)
        {
            // The brightest column of the fish's rows is inside the fish of frame t, and only of frame t.
            var pixels = frames.Read(t);
            int row = tank.FishTop + tank.FishSide / 2;
            int brightest = Enumerable.Range(0, tank.Width).MaxBy(x => pixels[row * tank.Width + x]);
            Assert.InRange(brightest, tank.FishLeft(t), tank.FishLeft(t) + tank.FishSide - 1);
        }
        using var record = JsonDocument.Parse(File.ReadAllText(temp["out/preprocessing.json"]));
        Assert.Equal("dark fish", record.RootElement.GetProperty("polarity").GetString());
        Assert.Equal(tank.Frames, record.RootElement.GetProperty("background_sample_frames").GetInt32());
        Assert.Empty(VideoFixture.Leftovers(temp.Path, "raw", "out"));
    }

    [Fact]
    public void A_crop_sets_the_output_size()
    {
        using var temp = new TempDir();
        new RawTank().Write(temp["raw"]);
        var result = Cli.Run("preprocess", temp["raw"], "--out", temp["out"], "--crop", "8,10,40,30");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(new FrameSize(40, 30), FrameSequence.Open(temp["out"]).Size);
    }

    /// <summary>Runs preprocess with <paramref name="arguments"/>; checks the one-line error and that temp/out was not written.</summary>
    static string Refused(TempDir temp, params string[] arguments)
    {
        var result = Cli.Run(["preprocess", .. arguments]);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("fishkit: error: ", lines[0]);
        Assert.False(Directory.Exists(temp["out"]), "the output folder must not exist");
        Assert.DoesNotContain(VideoFixture.Leftovers(temp.Path), name => name.StartsWith('.'));
        return lines[0];
    }

    [Fact]
    public void Bad_input_is_refused_in_one_line_and_nothing_is_written()
    {
        using var temp = new TempDir();
        new RawTank().Write(temp["raw"]);
        new RawTank { Frames = 12 }.Write(temp["short"]);
        var mask = new byte[32 * 32];
        File.WriteAllBytes(temp["small-mask.png"], new GrayPngEncoder().Encode(mask, 32, 32).ToArray());
        File.WriteAllBytes(temp["black-mask.png"], new GrayPngEncoder().Encode(new byte[64 * 48], 64, 48).ToArray());

        Assert.Contains("frames folder", Refused(temp, temp["missing"], "--out", temp["out"]));
        Assert.Contains("holds 12 frame(s); a background estimate needs at least 25", Refused(temp, temp["short"], "--out", temp["out"]));
        Assert.Contains("--crop 60,0,10,10 is not inside the 64x48 frames", Refused(temp, temp["raw"], "--out", temp["out"], "--crop", "60,0,10,10"));
        Assert.Contains("--crop '1,2,3' is not a rectangle", Refused(temp, temp["raw"], "--out", temp["out"], "--crop", "1,2,3"));
        Assert.Contains("small-mask.png' is 32x32 but the frames are 64x48", Refused(temp, temp["raw"], "--out", temp["out"], "--mask", temp["small-mask.png"]));
        Assert.Contains("black-mask.png' is black everywhere", Refused(temp, temp["raw"], "--out", temp["out"], "--mask", temp["black-mask.png"]));
        Assert.Contains("mask '", Refused(temp, temp["raw"], "--out", temp["out"], "--mask", temp["nowhere.png"]));
        Assert.Contains("is or holds the input frames folder", Refused(temp, temp["raw"], "--out", temp["raw"], "--force"));
        Assert.Contains("is or holds the input frames folder", Refused(temp, temp["raw"], "--out", temp.Path, "--force"));
        Assert.Equal(40, Directory.GetFiles(temp["raw"], "*.png").Length);

        var png = File.ReadAllBytes(temp["raw/00030.png"]);
        File.WriteAllBytes(temp["raw/00030.png"], png[..(png.Length / 2)]);
        Assert.Contains("00030.png' is damaged", Refused(temp, temp["raw"], "--out", temp["out"])); // a sampled frame
        // 25 of 40 frames sampled (round(k * 39 / 24): 29 and 31, not 30): the damage is found while mapping.
        Assert.Contains("00030.png' is damaged", Refused(temp, temp["raw"], "--out", temp["out"], "--background-frames", "25"));
    }

    [Fact]
    public void An_output_folder_with_files_is_refused_unless_forced()
    {
        using var temp = new TempDir();
        new RawTank().Write(temp["raw"]);
        Directory.CreateDirectory(temp["out"]);
        File.WriteAllText(temp["out/keep.txt"], "mine");
        var busy = Cli.Run("preprocess", temp["raw"], "--out", temp["out"]);
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("not empty; choose another folder or pass --force", busy.Error);
        Assert.Equal("mine", File.ReadAllText(temp["out/keep.txt"]));
        var forced = Cli.Run("preprocess", temp["raw"], "--out", temp["out"], "--force");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.False(File.Exists(temp["out/keep.txt"]));
        Assert.Equal(40, FrameSequence.Open(temp["out"]).Count);
    }

    [Fact]
    public void Cancelling_leaves_nothing_behind()
    {
        using var temp = new TempDir();
        new RawTank().Write(temp["raw"]);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(cancel);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            FramePreprocessor.Write(FrameSequence.Open(temp["raw"]), temp["out"], progress: progress, cancellationToken: cancel.Token, maxParallelism: 1));
        Assert.Equal(["raw"], VideoFixture.Leftovers(temp.Path));
    }

    /// <summary>Cancels at the first progress report, once some frames are written.</summary>
    sealed class Progress(CancellationTokenSource cancel) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => cancel.Cancel();
    }
}
