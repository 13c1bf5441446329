using System.Diagnostics;

namespace FishKit.Benchmarks;

/// <summary>Timing helpers shared by the benchmarks: medians of repeated runs, and peers run as processes.</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="action"/> <paramref name="repeats"/> times after one warm-up; returns the median seconds.</summary>
    public static double MedianSeconds(int repeats, Action action)
    {
        action();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalSeconds;
        }
        return Median(times);
    }

    /// <summary>Wall-clock seconds and CPU seconds (every thread of this process, user + system) of one run of <paramref name="action"/>.</summary>
    public static (double Wall, double Cpu) WallAndCpu(Action action)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        action();
        return (clock.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
    }

    /// <summary>
    /// CPU seconds (user + system) of this process's finished child processes (e.g. ffmpeg), from /proc/self/stat's
    /// cutime and cstime at 100 ticks per second (Linux's USER_HZ); null off Linux.
    /// </summary>
    public static double? ChildrenCpuSeconds()
    {
        if (!File.Exists("/proc/self/stat")) return null;
        var text = File.ReadAllText("/proc/self/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields from the third (state) on
        return (long.Parse(fields[16 - 3]) + long.Parse(fields[17 - 3])) / 100.0;
    }

    /// <summary>The load averages over 1, 5 and 15 minutes (as `uptime` prints them), or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>Debian's Python, which has numpy, Pillow, OpenCV, scikit-learn and PyTorch (see PLATFORM-NOTES).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a peer script from the peers/ folder and returns its standard output (throws if it fails).</summary>
    public static string RunPeer(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peers", script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Python}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"peer {script} failed ({p.ExitCode}): {stderr}\nInstall the peers with: apt-get install python3-numpy python3-pil python3-opencv python3-sklearn python3-torch");
        return stdout.Result;
    }

    /// <summary>Runs this benchmark program again as a child process (the kit's side in a fresh process) and returns its output.</summary>
    public static string RunSelf(string[] args)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(Measure).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"kit child failed ({p.ExitCode}): {stderr}");
        return stdout.Result;
    }

    /// <summary>The value after <paramref name="name"/> on the command line, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The whole number after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    /// <summary>A one-line description of this machine for result tables.</summary>
    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}";
}
