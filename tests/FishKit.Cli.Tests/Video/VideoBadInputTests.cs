using FishKit.Video;

namespace FishKit.Tests.Video;

/// <summary>
/// Bad input to <c>fishkit frames extract</c>: one clear line each (fishkit: error: ...), a non-zero exit, and nothing
/// under the final output name (no folder, no hidden temporary folder beside it).
/// </summary>
public class VideoBadInputTests(VideoFixture video) : IClassFixture<VideoFixture>
{
    /// <summary>Runs extract on <paramref name="input"/> into a fresh folder; checks the one-line error and that nothing was written.</summary>
    static string Refused(string scratch, string input, params string[] options)
    {
        var output = Path.Combine(scratch, "frames");
        var result = Cli.Run(["frames", "extract", input, "--out", output, .. options]);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("fishkit: error: ", lines[0]);
        Assert.False(Directory.Exists(output), "the output folder must not exist");
        Assert.Empty(VideoFixture.Leftovers(scratch, Path.GetFileName(input)));
        return lines[0];
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var temp = new TempDir();
        var error = Refused(temp.Path, temp["nowhere.mp4"]);
        Assert.Contains("nowhere.mp4' does not exist", error);
    }

    [FfmpegFact]
    public void A_file_that_is_not_a_video_is_refused()
    {
        var scratch = video.Scratch("text");
        var text = Path.Combine(scratch, "notes.mp4");
        File.WriteAllText(text, "these are my notes, not a video\n");
        var error = Refused(scratch, text);
        Assert.Contains("notes.mp4' is not a video ffmpeg can read (Invalid data found when processing input)", error);
    }

    [Fact]
    public void An_empty_file_is_refused_before_ffmpeg_runs()
    {
        using var temp = new TempDir();
        File.WriteAllBytes(temp["empty.mp4"], []);
        var error = Refused(temp.Path, temp["empty.mp4"]);
        Assert.Contains("empty.mp4' is empty (0 bytes)", error);
    }

    /// <summary>The fixture's video with 4 KB of seeded random bytes written over its middle: its index is intact, some of its frames are not.</summary>
    string Damaged(string scratch)
    {
        var damaged = Path.Combine(scratch, "damaged.mp4");
        var bytes = File.ReadAllBytes(video.Mp4);
        new Random(4096).NextBytes(bytes.AsSpan(bytes.Length / 2, 4096));
        File.WriteAllBytes(damaged, bytes);
        return damaged;
    }

    [FfmpegFact]
    public void A_video_with_damaged_frames_is_refused_unless_decoding_errors_are_allowed()
    {
        var scratch = video.Scratch("damaged");
        var damaged = Damaged(scratch);

        var error = Refused(scratch, damaged);
        Assert.Matches(@"^fishkit: error: ffmpeg reported \d+ error\(s\) while decoding '.*damaged\.mp4' \(first: .+\); the file is damaged and some of its \d+ frames may be garbled or missing: copy or export it again, or extract anyway with --allow-decode-errors", error);

        var output = Path.Combine(scratch, "kept");
        var kept = Cli.Run("frames", "extract", damaged, "--out", output, "--allow-decode-errors");
        Assert.True(kept.ExitCode == 0, kept.Error);
        Assert.Contains($"all in {Path.Combine(output, DecodeErrors.FileName)}", kept.Output);
        var record = File.ReadAllLines(Path.Combine(output, DecodeErrors.FileName));
        Assert.StartsWith("# ffmpeg reported ", record[0]);
        Assert.True(record.Length > 2, "the record lists ffmpeg's messages");
        Assert.NotEmpty(Directory.GetFiles(output, "*.png"));
    }

    [FfmpegFact]
    public void A_truncated_video_is_refused_as_damaged()
    {
        var scratch = video.Scratch("truncated");
        var cut = Path.Combine(scratch, "cut.mp4");
        var bytes = File.ReadAllBytes(video.Mp4);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]); // ffmpeg writes the index (moov) last: half a file has none
        var error = Refused(scratch, cut);
        Assert.Contains("cut.mp4' is not a video ffmpeg can read", error);
        Assert.Contains("re-copy a damaged one", error);
    }

    [FfmpegFact]
    public void A_video_cut_inside_its_index_is_called_truncated_not_a_file_without_a_picture()
    {
        var scratch = video.Scratch("cut-index");
        var indexFirst = Path.Combine(video.Scratch("index-first"), "fast.mp4");
        Ffmpeg.Run("-i", video.Mp4, "-c", "copy", "-movflags", "+faststart", indexFirst);
        var bytes = File.ReadAllBytes(indexFirst);
        int ftyp = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes);
        Assert.Equal("moov", System.Text.Encoding.ASCII.GetString(bytes, ftyp + 4, 4));
        var cut = Path.Combine(scratch, "cut.mp4");
        File.WriteAllBytes(cut, bytes[..(ftyp + 200)]); // the file type, then the start of the index (moov) only
        var error = Refused(scratch, cut);
        Assert.Contains("cut.mp4' has no video stream (only data streams); if it is a video, it is truncated or damaged (copy it again)", error);
    }

    [FfmpegFact]
    public void A_file_with_only_sound_has_no_video_stream()
    {
        var scratch = video.Scratch("audio");
        var audio = Path.Combine(scratch, "hydrophone.m4a");
        Ffmpeg.Run("-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-t", "1", "-c:a", "aac", audio);
        var error = Refused(scratch, audio);
        Assert.Contains("hydrophone.m4a' has no video stream (only audio streams)", error);
    }

    [FfmpegFact]
    public void A_still_image_is_not_a_video()
    {
        var scratch = video.Scratch("still");
        var png = Path.Combine(scratch, "tank.png");
        Ffmpeg.Run("-i", video.Mp4, "-frames:v", "1", png);
        var error = Refused(scratch, png);
        Assert.Contains("tank.png' is a still image", error);
    }

    [FfmpegFact]
    public void A_size_or_rate_of_zero_is_refused()
    {
        var scratch = video.Scratch("zero");
        Assert.Contains("--size 0x240 is out of range", Refused(scratch, video.Mp4, "--size", "0x240"));
        Assert.Contains("--size 'big' is not a frame size", Refused(scratch, video.Mp4, "--size", "big"));
        Assert.Contains("--fps 0 is out of range", Refused(scratch, video.Mp4, "--fps", "0"));
        Assert.Contains("--duration 0 is out of range", Refused(scratch, video.Mp4, "--duration", "0"));
        Assert.Contains("--start 5 s is at or past the end", Refused(scratch, video.Mp4, "--start", "5"));
    }

    [FfmpegFact]
    public void An_output_folder_with_files_is_refused_unless_forced()
    {
        var scratch = video.Scratch("busy");
        var output = Path.Combine(scratch, "frames");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        var busy = Cli.Run("frames", "extract", video.Mp4, "--out", output);
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("not empty; choose another folder or pass --force", busy.Error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "keep.txt")));

        var forced = Cli.Run("frames", "extract", video.Mp4, "--out", output, "--force", "--duration", "0.5");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.False(File.Exists(Path.Combine(output, "keep.txt")));
        Assert.Equal(15, Directory.GetFiles(output, "*.png").Length);
        Assert.Equal(["frames"], VideoFixture.Leftovers(scratch));
    }

    [FfmpegFact]
    public void Too_few_frames_for_a_background_estimate_are_refused()
    {
        var scratch = video.Scratch("short");
        var error = Refused(scratch, video.Mp4, "--preprocess", "--duration", "0.5");
        Assert.Contains("tank.mp4' gave 15 frame(s); a background estimate needs at least 25", error);
    }

    [Fact]
    public void Preprocessing_options_without_preprocess_are_refused()
    {
        using var temp = new TempDir();
        var error = Refused(temp.Path, temp["tank.mp4"], "--crop", "0,0,10,10", "--polarity", "dark");
        Assert.Contains("--crop, --polarity apply only with --preprocess", error);
    }

    [Fact]
    public void Without_ffmpeg_the_error_says_how_to_install_it()
    {
        using var temp = new TempDir();
        File.WriteAllBytes(temp["tank.mp4"], [0, 0, 0, 24, 102, 116, 121, 112]);
        var missing = new FfmpegTools(temp["no-ffmpeg"], temp["no-ffprobe"]);
        var error = Assert.Throws<FishKitException>(() => VideoProbe.Probe(temp["tank.mp4"], missing));
        Assert.Contains("no-ffprobe' was not found", error.Message);
        Assert.Contains("sudo apt-get install ffmpeg", error.Message);
        Assert.Contains("brew install ffmpeg", error.Message);
        Assert.Contains("winget install", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
