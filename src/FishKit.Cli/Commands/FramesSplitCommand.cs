using System.CommandLine;
using FishKit.Frames;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit frames split</c>: chronological train/validation/test folders, by the write-up's fractions or given counts.</summary>
static class FramesSplitCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("frames-dir") { Description = "Folder of frames in natural numeric order." };
        var output = CommonOptions.Out("Folder to receive train/, validation/ and test/.");
        var counts = new Option<string?>("--counts")
        {
            Description = "Train and validation frame counts as 'TRAIN,VALIDATION' (the rest is test). Default: the write-up's fractions (83.38 % / 6.66 % / 9.95 %).",
        };
        var allowGaps = new Option<bool>("--allow-gaps") { Description = "Accept gaps in the frame numbering." };
        var force = CommonOptions.Force();
        var command = new Command("split", "Split a frame folder chronologically (no shuffling) into train/, validation/ and test/ folders.")
        {
            input, output, counts, allowGaps, force,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var frames = FrameSequence.Open(parseResult.GetValue(input)!, parseResult.GetValue(allowGaps));
            var split = parseResult.GetValue(counts) is { } text ? ByCounts(frames.Count, text) : ChronologicalSplit.WriteUp(frames.Count);
            string outDir = parseResult.GetValue(output)!;
            using var cancel = CliCancellation.OnCtrlC();
            CliProgress.Run(writer, "copying frames", p =>
            {
                split.WriteFolders(frames, outDir, parseResult.GetValue(force), p, cancel.Token);
                return 0;
            });
            for (int i = 0; i < 3; i++)
                writer.WriteLine($"{ChronologicalSplit.FolderNames[i],-11} {split.Ranges[i]}");
            writer.WriteLine($"-> {outDir}");
            return 0;
        });
        return command;
    }

    static ChronologicalSplit ByCounts(int total, string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int train) || !int.TryParse(parts[1], out int validation))
            throw new FishKitException($"--counts '{text}' must be two whole numbers 'TRAIN,VALIDATION' (the rest of the {total} frames is test).");
        return ChronologicalSplit.ByCounts(total, train, validation);
    }
}
