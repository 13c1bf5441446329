using System.ComponentModel;
using System.Diagnostics;

namespace FishKit.Video;

/// <summary>
/// Where the kit finds ffmpeg and ffprobe (by default on the PATH), and how it starts them: arguments passed as a list
/// (no shell), standard input closed, standard output and error captured. A missing tool is one line saying how to install it.
/// </summary>
public sealed record FfmpegTools(string Ffmpeg = "ffmpeg", string Ffprobe = "ffprobe")
{
    /// <summary>ffmpeg and ffprobe found on the PATH.</summary>
    public static FfmpegTools OnPath { get; } = new();

    /// <summary>How to install ffmpeg (which brings ffprobe) on each platform.</summary>
    public const string InstallHint =
        "install ffmpeg (it brings ffprobe): 'sudo apt-get install ffmpeg' on Debian/Ubuntu, 'brew install ffmpeg' on macOS, 'winget install Gyan.FFmpeg' on Windows";

    /// <summary>
    /// The first line of <c>ffmpeg -version</c> and of <c>ffprobe -version</c> (e.g. "ffmpeg version 5.1.6 ..."): a check that
    /// both run, before any work. A missing tool is a <see cref="FishKitException"/> saying how to install it.
    /// </summary>
    public (string Ffmpeg, string Ffprobe) Versions() => (Version(Ffmpeg), Version(Ffprobe));

    static string Version(string tool)
    {
        using var process = Start(tool, ["-version"]);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new FishKitException($"'{tool} -version' failed with exit code {process.ExitCode} ({LastLine(error.Result)}); {InstallHint}.");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? tool;
    }

    /// <summary>
    /// Starts <paramref name="tool"/> with <paramref name="arguments"/>; a tool that cannot be started is a <see cref="FishKitException"/>.
    /// Its standard input is closed unless <paramref name="keepInput"/> (then the caller writes to it and closes it).
    /// </summary>
    internal static Process Start(string tool, IEnumerable<string> arguments, bool keepInput = false)
    {
        var info = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        try
        {
            var process = Process.Start(info) ?? throw new Win32Exception($"{tool} did not start");
            if (!keepInput) process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception e)
        {
            const int NotFound = 2; // ENOENT on Unix, ERROR_FILE_NOT_FOUND on Windows
            throw new FishKitException(e.NativeErrorCode == NotFound
                ? $"'{tool}' was not found; {InstallHint}."
                : $"cannot run '{tool}' ({e.Message.TrimEnd('.')}); {InstallHint}.", e);
        }
    }

    /// <summary>
    /// ffmpeg's name for a local file: the <c>file:</c> protocol and the full path, so that a name starting with '-' or
    /// holding ':' is never read as an option or another protocol.
    /// </summary>
    internal static string FileUrl(string path) => "file:" + Path.GetFullPath(path);

    /// <summary>Kills a tool run (and anything it started) that is still running.</summary>
    internal static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
    }

    /// <summary>The last line ffmpeg or ffprobe wrote to standard error, without the file's own name.</summary>
    internal static string Reason(string error, string path)
    {
        var line = LastLine(error);
        var url = FileUrl(path) + ": ";
        return (line.StartsWith(url, StringComparison.Ordinal) ? line[url.Length..] : line).TrimEnd('.');
    }

    static string LastLine(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no reason given";
}
