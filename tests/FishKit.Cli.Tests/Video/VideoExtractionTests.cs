using FishKit.Frames;
using FishKit.Video;

namespace FishKit.Tests.Video;

/// <summary>Videos to frames with ffmpeg: the frames that went into an .mp4 come back out, selected and scaled as asked.</summary>
public class VideoExtractionTests(VideoFixture video) : IClassFixture<VideoFixture>
{
    [FfmpegFact]
    public void Frames_come_back_from_an_H264_mp4_with_their_count_size_and_content()
    {
        var folder = Path.Combine(video.Scratch("round-trip"), "frames");
        var result = Cli.Run("frames", "extract", video.Mp4, "--out", folder);

        Assert.True(result.ExitCode == 0, result.Error);
        // The source is described first: rate, size and frame count.
        var first = result.Output.Split('\n')[0];
        Assert.Contains("30 fps", first);
        Assert.Contains("320x240", first);
        Assert.Contains("60 frames", first);
        var frames = FrameSequence.Open(folder);
        Assert.Equal(VideoFixture.Frames, frames.Count);
        Assert.Equal(new FrameSize(VideoFixture.Width, VideoFixture.Height), frames.Size);
        Assert.Equal("00000.png", Path.GetFileName(frames.Paths[0]));
        Assert.Equal("00059.png", Path.GetFileName(frames.Paths[^1]));
        // H.264 at crf 18 is lossy, but only just: about 0.1 grey level per frame on such frames (measured with ffmpeg and numpy).
        for (int t = 0; t < frames.Count; t++)
            Assert.InRange(VideoFixture.MeanAbsoluteDifference(frames.Read(t), video.Rendered[t]), 0, 1.5);
    }

    [FfmpegFact]
    public void The_probe_reports_rate_size_frame_count_and_duration()
    {
        var info = VideoProbe.Probe(video.Mp4);
        Assert.Equal(30, info.FramesPerSecond, 6);
        Assert.Equal(new FrameSize(320, 240), info.Size);
        Assert.Equal(60, info.FrameCount);
        Assert.True(info.FrameCountStated);
        Assert.Equal(2.0, info.DurationSeconds!.Value, 2);
        Assert.Equal("h264", info.Codec);
    }

    [FfmpegFact]
    public void A_lower_rate_keeps_every_third_frame()
    {
        var folder = Path.Combine(video.Scratch("fps"), "frames");
        var result = VideoExtraction.Extract(VideoProbe.Probe(video.Mp4), folder, new ExtractOptions { FramesPerSecond = 10 });
        Assert.Equal(20, result.Frames);
        var frames = FrameSequence.Open(folder);
        Assert.Equal(20, frames.Count);
        // ffmpeg's fps filter takes the frame nearest each output time: 0, 3, 6, ...
        for (int k = 0; k < frames.Count; k++)
            Assert.InRange(VideoFixture.MeanAbsoluteDifference(frames.Read(k), video.Rendered[3 * k]), 0, 1.5);
    }

    [FfmpegFact]
    public void A_smaller_size_is_the_area_average_of_the_frame()
    {
        var folder = Path.Combine(video.Scratch("size"), "frames");
        VideoExtraction.Extract(VideoProbe.Probe(video.Mp4), folder, new ExtractOptions { Size = new FrameSize(160, 120) });
        var frames = FrameSequence.Open(folder);
        Assert.Equal(new FrameSize(160, 120), frames.Size);
        Assert.Equal(VideoFixture.Frames, frames.Count);
        for (int t = 0; t < frames.Count; t += 7)
        {
            var full = video.Rendered[t];
            var half = new byte[160 * 120];
            for (int y = 0; y < 120; y++)
                for (int x = 0; x < 160; x++)
                {
                    int i = 2 * y * 320 + 2 * x;
                    half[y * 160 + x] = (byte)((full[i] + full[i + 1] + full[i + 320] + full[i + 321] + 2) / 4);
                }
            Assert.InRange(VideoFixture.MeanAbsoluteDifference(frames.Read(t), half), 0, 1.5);
        }
    }

    [FfmpegFact]
    public void Start_and_duration_take_a_span_of_the_video()
    {
        var folder = Path.Combine(video.Scratch("span"), "frames");
        var result = Cli.Run("frames", "extract", video.Mp4, "--out", folder, "--start", "1", "--duration", "0.5");
        Assert.True(result.ExitCode == 0, result.Error);
        var frames = FrameSequence.Open(folder);
        Assert.Equal(15, frames.Count);
        for (int k = 0; k < frames.Count; k++)
            Assert.InRange(VideoFixture.MeanAbsoluteDifference(frames.Read(k), video.Rendered[30 + k]), 0, 1.5);
    }

    [FfmpegFact]
    public void A_video_recorded_rotated_comes_out_upright_with_width_and_height_swapped()
    {
        var scratch = video.Scratch("rotated");
        var rotated = Path.Combine(scratch, "phone.mp4");
        Ffmpeg.Run("-i", video.Mp4, "-c", "copy", "-metadata:s:v", "rotate=90", rotated);
        var info = VideoProbe.Probe(rotated);
        Assert.Equal(new FrameSize(240, 320), info.Size);
        VideoExtraction.Extract(info, Path.Combine(scratch, "frames"), new ExtractOptions { DurationSeconds = 0.2 });
        var frames = FrameSequence.Open(Path.Combine(scratch, "frames"));
        Assert.Equal(new FrameSize(240, 320), frames.Size);
        // A display rotation of 90 degrees (counter-clockwise) turns output (x, y) into input (W-1-y, x).
        var upright = frames.Read(0);
        var turned = new byte[upright.Length];
        for (int y = 0; y < 320; y++)
            for (int x = 0; x < 240; x++)
                turned[y * 240 + x] = video.Rendered[0][x * 320 + (319 - y)];
        Assert.InRange(VideoFixture.MeanAbsoluteDifference(upright, turned), 0, 1.5);
    }

    [FfmpegFact]
    public void Cancelling_stops_ffmpeg_and_leaves_nothing_behind()
    {
        var scratch = video.Scratch("cancel");
        using var cancel = new CancellationTokenSource();
        var progress = new Cancelling(cancel);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            VideoExtraction.Extract(VideoProbe.Probe(video.Mp4), Path.Combine(scratch, "frames"), progress: progress, cancellationToken: cancel.Token));
        Assert.Empty(VideoFixture.Leftovers(scratch));
    }

    /// <summary>Cancels at the first progress report, i.e. once a frame has been written.</summary>
    sealed class Cancelling(CancellationTokenSource cancel) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => cancel.Cancel();
    }

    [FfmpegFact]
    public void Extract_with_preprocess_writes_bright_fish_on_black_and_no_raw_frames()
    {
        var scratch = video.Scratch("preprocess");
        var folder = Path.Combine(scratch, "frames");
        var result = Cli.Run("frames", "extract", video.Mp4, "--out", folder, "--preprocess");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("bright fish", result.Output); // the clean rendering is bright fish on black already
        var frames = FrameSequence.Open(folder);
        Assert.Equal(VideoFixture.Frames, frames.Count);
        Assert.True(File.Exists(Path.Combine(folder, "preprocessing.json")));
        Assert.Equal(["frames"], VideoFixture.Leftovers(scratch));
    }
}
