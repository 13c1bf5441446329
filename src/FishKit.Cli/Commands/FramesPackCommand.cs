using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FishKit.Frames;
using FishKit.Store;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit frames pack</c>: a split's frames at the model's resolution in one memory-mapped frame store.</summary>
static class FramesPackCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("frames-dir") { Description = "Folder of one split's frames in natural numeric order." };
        var output = CommonOptions.Out("Frame store file to write (e.g. train.fkframes).");
        var size = new Option<string>("--size")
        {
            Description = "Stored frame size WxH (the write-up's model input: 160x120).",
            DefaultValueFactory = _ => "160x120",
        };
        var resize = new Option<string>("--resize")
        {
            Description = "Resize method: nearest (Pillow's indices, as the original) or bilinear.",
            DefaultValueFactory = _ => "nearest",
        };
        resize.AcceptOnlyFromAmong("nearest", "bilinear");
        var allowGaps = new Option<bool>("--allow-gaps") { Description = "Accept gaps in the frame numbering and treat the frames present as consecutive." };
        var force = CommonOptions.Force();
        var command = new Command("pack", "Pack a split's frames once at the model's resolution into one checksummed uint8 file that training memory-maps.")
        {
            input, output, size, resize, allowGaps, force,
        };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var frames = FrameSequence.Open(parse.GetValue(input)!, parse.GetValue(allowGaps));
            var target = ParseSize(parse.GetValue(size)!);
            var method = parse.GetValue(resize) == "bilinear" ? ResizeMethod.Bilinear : ResizeMethod.Nearest;
            string outPath = parse.GetValue(output)!;
            using var cancel = CliCancellation.OnCtrlC();
            var clock = Stopwatch.StartNew();
            var header = CliProgress.Run(writer, "packing frames", progress =>
                FramePacker.Pack(frames, outPath, target, method, parse.GetValue(force), progress, cancel.Token));
            double seconds = clock.Elapsed.TotalSeconds;
            long bytes = new FileInfo(outPath).Length;
            writer.WriteLine($"packed {header.Count:N0} frames {header.SourceSize} -> {header.Size} ({method.ToString().ToLowerInvariant()}) " +
                             $"in {seconds:0.0} s ({header.Count / Math.Max(seconds, 1e-9):N0} frames/s): {outPath}, {bytes / 1048576.0:N1} MiB");
            return 0;
        });
        return command;
    }

    /// <summary>"160x120" as width 160, height 120.</summary>
    static FrameSize ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height)
            && width > 0 && height > 0)
            return new FrameSize(width, height);
        throw new FishKitException($"--size '{text}' must be WIDTHxHEIGHT in pixels, like 160x120.");
    }
}
