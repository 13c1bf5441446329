using System.CommandLine;
using FishKit.Frames;
using FishKit.Preprocessing;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit preprocess &lt;raw-frames-dir&gt; --out &lt;dir&gt;</c>: raw tank frames to the write-up's look, bright fish on black.</summary>
static class PreprocessCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("raw-frames-dir") { Description = "Folder of raw frames in time order (00000.png, ...), e.g. from 'fishkit frames extract'." };
        var output = CommonOptions.Out("Folder to receive the preprocessed frames 00000.png, ... and preprocessing.json.");
        var force = CommonOptions.Force();
        var allowGaps = new Option<bool>("--allow-gaps") { Description = "Accept gaps in the frame numbering (frames are renumbered from 00000 in order)." };
        var options = new PreprocessArguments();
        var command = new Command("preprocess",
            "Remove the static background (per-pixel median of frames spread through the footage), detect the polarity, and stretch the contrast: bright fish on black, as the write-up's frames.")
        {
            input, output, force, allowGaps,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var frames = FrameSequence.Open(parse.GetValue(input)!, parse.GetValue(allowGaps));
            string folder = parse.GetValue(output)!;
            using var cancel = CliCancellation.OnCtrlC();
            var result = CliProgress.Run(writer, "preprocessing", progress =>
                FramePreprocessor.Write(frames, folder, options.Read(parse), parse.GetValue(force), progress, cancel.Token));
            writer.WriteLine(result.Model.Summary());
            writer.WriteLine($"wrote {result.Frames:N0} frames ({result.Size}) to {folder}");
            return 0;
        });
        return command;
    }
}
