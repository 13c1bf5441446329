using System.ComponentModel;
using System.Diagnostics;

namespace FishKit.Tests.Video;

/// <summary>ffmpeg for the tests: whether it is installed, and a process call that makes test videos.</summary>
public static class Ffmpeg
{
    /// <summary>Why a test that needs ffmpeg is skipped here (CI installs ffmpeg, so there it runs).</summary>
    public const string SkipReason = "ffmpeg is not installed here (sudo apt-get install ffmpeg); .ci/run installs it, so this test runs in CI";

    /// <summary>
    /// Whether a test that needs ffmpeg is skipped: only outside CI. Where <c>CI=true</c>, a missing ffmpeg fails
    /// those tests instead, so a CI machine without a working ffmpeg cannot pass green.
    /// </summary>
    public static bool SkipTests => !Installed && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    static readonly Lazy<bool> installed = new(() => Exists("ffmpeg") && Exists("ffprobe"));

    /// <summary>True when ffmpeg and ffprobe run from the PATH.</summary>
    public static bool Installed => installed.Value;

    static bool Exists(string tool)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, "-version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (quiet, overwriting); fails the test when ffmpeg fails.</summary>
    public static void Run(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-nostdin", "-hide_banner", "-loglevel", "error", "-y", .. arguments]) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg {string.Join(' ', arguments)} failed: {error.Result}");
    }

    /// <summary>ffprobe's values of <paramref name="entries"/> (e.g. "stream=codec_name,width") for the first video stream, comma-separated in ffprobe's order.</summary>
    public static string Probe(string video, string entries)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-v", "error", "-select_streams", "v:0", "-show_entries", entries, "-of", "csv=p=0", video]) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffprobe {video} failed: {error.Result}");
        return output.Trim();
    }

    /// <summary>Encodes <paramref name="frames"/> (00000.png ...) as H.264 in an .mp4 (libx264, yuv420p, crf 18) at <paramref name="fps"/>.</summary>
    public static void EncodeH264(string frames, string video, int fps = 30) =>
        Run("-framerate", fps.ToString(), "-i", Path.Combine(frames, "%05d.png"), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "18", video);
}

/// <summary>A fact that needs ffmpeg: skipped, saying why, where ffmpeg is not installed outside CI.</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        if (Ffmpeg.SkipTests) Skip = Ffmpeg.SkipReason;
    }
}

/// <summary>A theory that needs ffmpeg: skipped, saying why, where ffmpeg is not installed outside CI.</summary>
public sealed class FfmpegTheoryAttribute : TheoryAttribute
{
    public FfmpegTheoryAttribute()
    {
        if (Ffmpeg.SkipTests) Skip = Ffmpeg.SkipReason;
    }
}
