namespace FishKit.Tests.Errors;

/// <summary>The command line's error boundary: one line by default, the stack trace with --verbose, a usage error without the help.</summary>
public class CliBoundaryTests
{
    [Fact]
    public void Verbose_adds_the_stack_trace_after_the_same_line()
    {
        using var dir = new TempDir();
        var plain = Cli.Run("label", dir["missing.npy"], "--out", dir["l.npy"]);
        var verbose = Cli.Run("label", dir["missing.npy"], "--out", dir["l.npy"], "--verbose");
        var line = $"fishkit: error: '{dir["missing.npy"]}' not found; check the path.";
        Assert.Equal(line, plain.Error.TrimEnd('\n'));
        var lines = verbose.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(line, lines[0]);
        Assert.StartsWith("FishKit.FishKitException: ", lines[1]);
        Assert.Contains(lines, l => l.Contains("at FishKit.IO.Series.Read(", StringComparison.Ordinal));
        Assert.Equal(1, verbose.ExitCode);
    }

    [Fact]
    public void No_command_is_a_usage_error_in_one_line()
    {
        var result = Cli.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("fishkit: error: give a command; see 'fishkit --help'.", result.Error.TrimEnd('\n'));
        Assert.Equal("", result.Output);
    }
}
