using System.CommandLine;
using System.CommandLine.Parsing;
using FishKit.Cli.Commands;
using FishKit.Errors;

namespace FishKit.Cli;

/// <summary>
/// The fishkit command line: builds the command tree, and is the error boundary: whatever ends a command, it prints
/// one line that names the file or parameter at fault and exits with the code of its class (<see cref="ErrorClass"/>);
/// <c>--verbose</c> adds the stack trace.
/// </summary>
public static class CliApp
{
    /// <summary>All commands, in the order `fishkit --help` lists them.</summary>
    static IEnumerable<Command> Commands() =>
    [
        ReproduceCommand.Create(),
        SimulateCommand.Create(),
        FramesCommand.Create(),
        PreprocessCommand.Create(),
        YTildeCommand.Create(),
        LabelCommand.Create(),
        BaselineCommand.Create(),
        EvaluateCommand.Create(),
        TrainCommand.Create(),
        ShowcaseCommand.Create(),
        PredictCommand.Create(),
        ImportCommand.Create(),
        AblateCommand.Create(),
        NotebooksCommand.Create(),
        DoctorCommand.Create(),
    ];

    /// <summary>Runs fishkit with <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("fishkit: reproduce \"Predicting Fish Movement with Convolutional LSTMs\" step by step.");
        foreach (var command in Commands()) root.Subcommands.Add(command);
        var verbose = new Option<bool>("--verbose") { Description = "On an error, print the stack trace after the one-line message.", Recursive = true };
        root.Options.Add(verbose);
        OptionValues.Check(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !parse.Tokens.Any(t => t.Value is "--help" or "-h" or "-?"))
        {
            error.WriteLine($"fishkit: error: {UsageError(parse)}");
            return (int)ErrorClass.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var report = ErrorReport.Of(e, CliTerms.Word);
            error.WriteLine(report.Class == ErrorClass.Cancelled ? $"fishkit: {report.Message}" : $"fishkit: error: {report.Message}");
            if (parse.GetValue(verbose)) error.WriteLine(e);
            return report.ExitCode;
        }
    }

    /// <summary>The first parse error in plain words, and where to read what the command takes (not the whole help).</summary>
    static string UsageError(ParseResult parse)
    {
        var first = parse.Errors[0];
        string message = first.SymbolResult switch
        {
            OptionResult { Option: var o, Tokens: [var token, ..] } when OptionValues.Problem(o.Name, o.ValueType, token.Value) is { } plain => plain,
            CommandResult { Tokens.Count: 0 } when parse.CommandResult.Command is RootCommand => "give a command.",
            _ => string.Join(' ', first.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
        };
        var path = new List<string>();
        for (SymbolResult? s = parse.CommandResult; s is CommandResult c; s = s.Parent) path.Insert(0, c.Command.Name);
        path[0] = "fishkit";
        return $"{message.TrimEnd('.')}; see '{string.Join(' ', path)} --help'.";
    }
}
