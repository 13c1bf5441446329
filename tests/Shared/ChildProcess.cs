using System.Diagnostics;

namespace FishKit.TestSupport;

/// <summary>Runs a program to completion for a test, with a time bound, and captures what it printed.</summary>
static class ChildProcess
{
    /// <summary>What a finished program printed and its exit code.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Both streams, for a failure message.</summary>
        public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    /// <summary>The dotnet host running this test (so a child uses the same SDK and runtime).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="folder"/> (default: the current
    /// one), with <paramref name="environment"/> added to this process's; a run longer than <paramref name="limit"/> is
    /// killed and fails the test.
    /// </summary>
    public static Result Run(string program, IEnumerable<string> arguments, TimeSpan limit, string? folder = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder ?? Environment.CurrentDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} ran longer than {limit}; killed. stdout so far:\n{output.Result}\nstderr:\n{error.Result}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
