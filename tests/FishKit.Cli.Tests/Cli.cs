using FishKit.Cli;

namespace FishKit.Tests;

/// <summary>Runs the fishkit command line in process and captures what it prints.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }
}
