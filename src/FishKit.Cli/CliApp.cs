using System.CommandLine;
using FishKit.Cli.Commands;

namespace FishKit.Cli;

/// <summary>The fishkit command line: builds the command tree and turns kit errors into one-line messages.</summary>
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
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (FishKitException e)
        {
            error.WriteLine($"fishkit: error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("fishkit: cancelled; nothing was written under the final output name.");
            return 130;
        }
    }
}
