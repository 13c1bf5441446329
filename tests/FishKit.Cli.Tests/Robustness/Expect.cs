namespace FishKit.Tests.Robustness;

/// <summary>The promise of issue #15, as assertions: one line that starts "fishkit: error: ", the class's exit code, nothing on standard output.</summary>
static class Expect
{
    /// <summary>The error line of <paramref name="result"/>, after checking that it is the only one and that the exit code is <paramref name="exitCode"/>.</summary>
    public static string OneLine(Cli.Result result, int exitCode)
    {
        Assert.True(result.ExitCode == exitCode, $"exit code {result.ExitCode}, expected {exitCode}: {result.Error}");
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fishkit: error: ", line);
        Assert.DoesNotContain("System.", line);
        return line;
    }

    /// <summary>The names in <paramref name="folder"/> (files and folders, hidden ones included), in order.</summary>
    public static string[] Entries(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    /// <summary>Runs <paramref name="work"/> and fails the test instead of waiting when it has not ended after <paramref name="seconds"/>.</summary>
    public static T Within<T>(int seconds, Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"still running after {seconds} s: it hangs");
        return task.Result;
    }
}
