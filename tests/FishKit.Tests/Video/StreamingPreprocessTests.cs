using FishKit.Frames;
using FishKit.Preprocessing;
using FishKit.Tests.Preprocessing;
using FishKit.Video;

namespace FishKit.Tests.Video;

/// <summary>
/// Extract-and-preprocess streams the video through the preprocessing without raw frame files; what it writes must be
/// what the two steps it replaces write (extract to PNGs, then preprocess the folder), byte for byte.
/// </summary>
public class StreamingPreprocessTests : IDisposable
{
    /// <summary>120 frames of raw footage (dark fish on an uneven floor, sensor noise), more than the background samples.</summary>
    static readonly RawTank Tank = new() { Width = 160, Height = 120, Frames = 120, FishTop = 50 };

    readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> Cases => new() { "whole", "fps", "span-crop", "recount", "bright-no-normalise" };

    [FfmpegTheory]
    [MemberData(nameof(Cases))]
    public void Streaming_writes_the_same_bytes_as_extracting_then_preprocessing(string name)
    {
        var size = new FrameSize(Tank.Width, Tank.Height);
        var mp4 = temp["tank.mp4"];
        VideoEncoder.EncodeH264(mp4, size, 30, Tank.Frames, (t, pixels) => Tank.Frame(t).CopyTo(pixels));
        var source = VideoProbe.Probe(mp4);
        var (extract, preprocess) = name switch
        {
            "fps" => (new ExtractOptions { FramesPerSecond = 17 }, PreprocessOptions.Default),
            "span-crop" => (new ExtractOptions { StartSeconds = 0.5, DurationSeconds = 2.7 }, PreprocessOptions.Default with { Crop = new CropRegion(10, 20, 120, 80) }),
            // 2.71 s at 30 fps is 81.3 frames by the clock, and ffmpeg gives 82: the sample guessed from 81 is taken again.
            "recount" => (new ExtractOptions { DurationSeconds = 2.71 }, PreprocessOptions.Default with { BackgroundFrames = 40 }),
            "bright-no-normalise" => (new ExtractOptions { Size = new FrameSize(80, 60) },
                PreprocessOptions.Default with { Polarity = FishPolarity.BrightFish, NormaliseBrightness = false, Smooth = false, BackgroundFrames = 30 }),
            _ => (new ExtractOptions(), PreprocessOptions.Default),
        };

        var raw = VideoExtraction.Extract(source, temp["raw"], extract);
        var twoSteps = FramePreprocessor.Write(FrameSequence.Open(temp["raw"]), temp["two-steps"], preprocess);
        var (streamedRaw, streamed) = VideoExtraction.ExtractPreprocessed(source, temp["streamed"], extract, preprocess);

        Assert.Equal(raw.Frames, streamedRaw.Frames);
        Assert.Equal(twoSteps.Frames, streamed.Frames);
        Assert.Equal(twoSteps.Model.SampleFrames, streamed.Model.SampleFrames);
        var expected = Directory.GetFiles(temp["two-steps"]).Select(Path.GetFileName).Order().ToArray();
        var actual = Directory.GetFiles(temp["streamed"]).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(expected, actual);
        Assert.Contains(FramePreprocessor.RecordFile, actual);
        foreach (var file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(temp["two-steps"], file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(temp["streamed"], file!))),
                $"{file} differs between the two-step and the streaming path ({name})");
        // Nothing is left beside the output: no raw frames, no background sample.
        Assert.Equal(["raw", "streamed", "tank.mp4", "two-steps"], Directory.GetFileSystemEntries(temp.Path).Select(p => Path.GetFileName(p)!).Order().ToArray());
    }
}
