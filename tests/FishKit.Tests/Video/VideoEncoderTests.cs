using FishKit.Frames;
using FishKit.Video;

namespace FishKit.Tests.Video;

/// <summary>
/// Frames to an H.264 .mp4 with the kit's encoder: ffprobe sees h264 at the rate and size asked for, and ffmpeg itself
/// (called here directly, not through the kit) decodes the same frames back, up to H.264's small loss.
/// </summary>
public class VideoEncoderTests(VideoFixture video) : IClassFixture<VideoFixture>
{
    static readonly FrameSize Size = new(VideoFixture.Width, VideoFixture.Height);

    [FfmpegFact]
    public void Encoded_frames_decode_back_with_their_count_rate_and_content()
    {
        var path = Path.Combine(video.Scratch("encode"), "tank.mp4");
        var reports = new List<(long Done, long Total)>();
        var result = VideoEncoder.EncodeH264(path, Size, 25, VideoFixture.Frames, (t, pixels) => video.Rendered[t].CopyTo(pixels),
            progress: new Collect(reports));

        Assert.Equal(VideoFixture.Frames, result.Frames);
        Assert.Equal(new FileInfo(path).Length, result.Bytes);
        Assert.Equal((VideoFixture.Frames, VideoFixture.Frames), reports[^1]);
        var probe = Ffmpeg.Probe(path, "stream=codec_name,width,height,avg_frame_rate,nb_frames,pix_fmt");
        Assert.Equal("h264,320,240,yuv420p,25/1,60", probe);

        var raw = Path.Combine(video.Scratch("decode"), "frames.gray");
        Ffmpeg.Run("-i", path, "-f", "rawvideo", "-pix_fmt", "gray", raw);
        var decoded = File.ReadAllBytes(raw);
        Assert.Equal(VideoFixture.Frames * (int)Size.Pixels, decoded.Length);
        for (int t = 0; t < VideoFixture.Frames; t++)
            Assert.InRange(VideoFixture.MeanAbsoluteDifference(decoded.AsSpan(t * (int)Size.Pixels, (int)Size.Pixels), video.Rendered[t]), 0, 1.5);
        Assert.Equal([], VideoFixture.Leftovers(Path.GetDirectoryName(path)!, "tank.mp4"));
    }

    [FfmpegFact]
    public void An_existing_video_is_kept_unless_forced()
    {
        var path = Path.Combine(video.Scratch("exists"), "tank.mp4");
        File.WriteAllText(path, "keep me");
        var error = Assert.Throws<FishKitException>(() => VideoEncoder.EncodeH264(path, Size, 30, 2, (_, p) => p.Clear()));
        Assert.Contains("exists", error.Message);
        Assert.Equal("keep me", File.ReadAllText(path));

        VideoEncoder.EncodeH264(path, Size, 30, 2, (_, p) => p.Clear(), force: true);
        Assert.Equal("h264", Ffmpeg.Probe(path, "stream=codec_name"));
    }

    [Theory]
    [InlineData("tank.avi", 320, 240, 30.0, 10, "must end in .mp4")]
    [InlineData("tank.mp4", 321, 240, 30.0, 10, "even width and height")]
    [InlineData("tank.mp4", 320, 240, 0.0, 10, "frame rate 0 is out of range")]
    [InlineData("tank.mp4", 320, 240, 30.0, 0, "0 frames to encode")]
    public void Bad_requests_are_refused_in_one_line_before_ffmpeg_starts(string name, int width, int height, double fps, int frames, string expected)
    {
        using var temp = new TempDir();
        var missing = new FfmpegTools(temp["no-ffmpeg"], temp["no-ffprobe"]); // proves ffmpeg is never started
        var error = Assert.Throws<FishKitException>(() =>
            VideoEncoder.EncodeH264(temp[name], new FrameSize(width, height), fps, frames, (_, p) => p.Clear(), tools: missing));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Without_ffmpeg_encoding_and_the_version_check_say_how_to_install_it()
    {
        using var temp = new TempDir();
        var missing = new FfmpegTools(temp["no-ffmpeg"], temp["no-ffprobe"]);
        var encode = Assert.Throws<FishKitException>(() => VideoEncoder.EncodeH264(temp["tank.mp4"], Size, 30, 2, (_, p) => p.Clear(), tools: missing));
        var check = Assert.Throws<FishKitException>(() => missing.Versions());
        foreach (var error in new[] { encode, check })
        {
            Assert.Contains("no-ffmpeg' was not found", error.Message);
            Assert.Contains("sudo apt-get install ffmpeg", error.Message);
        }
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [FfmpegFact]
    public void The_version_check_names_both_tools()
    {
        var (ffmpeg, ffprobe) = FfmpegTools.OnPath.Versions();
        Assert.StartsWith("ffmpeg version ", ffmpeg);
        Assert.StartsWith("ffprobe version ", ffprobe);
    }

    [FfmpegFact]
    public void A_failing_frame_source_leaves_no_file()
    {
        var folder = video.Scratch("fails");
        var path = Path.Combine(folder, "tank.mp4");
        Assert.Throws<InvalidOperationException>(() =>
            VideoEncoder.EncodeH264(path, Size, 30, 10, (t, p) => { if (t == 5) throw new InvalidOperationException("camera unplugged"); p.Clear(); }));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    sealed class Collect(List<(long, long)> reports) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => reports.Add(value);
    }
}
