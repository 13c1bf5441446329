using System.CommandLine;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit frames</c>: commands that make or convert frame folders.</summary>
static class FramesCommand
{
    public static Command Create()
    {
        var command = new Command("frames", "Make, convert and pack frame folders.");
        foreach (var sub in Subcommands()) command.Subcommands.Add(sub);
        return command;
    }

    static IEnumerable<Command> Subcommands() =>
    [
        FramesSplitCommand.Create(),
        FramesExtractCommand.Create(),
        FramesPackCommand.Create(),
    ];
}
