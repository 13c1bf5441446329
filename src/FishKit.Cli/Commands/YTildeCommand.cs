using System.CommandLine;
using FishKit.Frames;
using FishKit.IO;
using FishKit.Motion;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit ytilde &lt;frames-dir&gt; --out &lt;file.npy|file.csv&gt;</c>: the per-frame motion energy of a folder of frames.</summary>
static class YTildeCommand
{
    public static Command Create()
    {
        var frames = new Argument<string>("frames-dir") { Description = "Folder of frames named in time order (00000.png, ...): PNG, PGM, TIFF, JPEG or BMP." };
        var output = CommonOptions.Out("y-tilde series to write: .npy (float64) or .csv (frame,ytilde); length = number of frames, last value 0.");
        var allowGaps = new Option<bool>("--allow-gaps") { Description = "Accept gaps in the frame numbering and treat the frames present as consecutive." };
        var command = new Command("ytilde", "Per-frame motion energy: mean |X[t+1] - X[t]| over pixels, X = pixel/255 (the write-up's y-tilde).")
        {
            frames, output, allowGaps,
        };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            string folder = parse.GetValue(frames)!, outPath = parse.GetValue(output)!;
            var sequence = FrameSequence.Open(folder, parse.GetValue(allowGaps));
            RefuseOverwritingInput(sequence, outPath);
            if (sequence.Gaps.Count > 0)
                writer.WriteLine($"note: {sequence.Gaps.Count:N0} gap(s) in the numbering, first between '{sequence.Gaps[0].Before}' and '{sequence.Gaps[0].After}'; frames on either side are treated as consecutive.");
            using var cancel = CliCancellation.OnCtrlC();
            var ytilde = CliProgress.Run(writer, "y-tilde", progress => YTilde.Compute(sequence, progress, cancel.Token));
            Series.Write(outPath, ytilde, "ytilde");
            writer.WriteLine($"wrote y-tilde of {sequence.Count:N0} frames ({sequence.Size}) to {outPath}: mean {ytilde.Average():G4}, max {ytilde.Max():G4}");
            return 0;
        });
        return command;
    }

    static void RefuseOverwritingInput(FrameSequence sequence, string outPath)
    {
        var target = Path.GetFullPath(outPath);
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        bool isInput = string.Equals(target.TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(sequence.Folder).TrimEnd(Path.DirectorySeparatorChar), comparison)
                       || sequence.Paths.Any(p => string.Equals(Path.GetFullPath(p), target, comparison));
        if (isInput)
            throw new FishKitException($"output '{outPath}' is an input (the frames folder or one of its frames); choose another output path.");
    }
}
