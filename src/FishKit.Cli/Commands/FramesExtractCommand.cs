using System.CommandLine;
using System.Globalization;
using FishKit.Video;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit frames extract &lt;video&gt; --out &lt;dir&gt;</c>: a video to 8-bit grayscale PNG frames with ffmpeg, optionally preprocessed.</summary>
static class FramesExtractCommand
{
    public static Command Create()
    {
        var video = new Argument<string>("video") { Description = "Video file (.mp4, .avi, .mov, ... anything ffmpeg reads)." };
        var output = CommonOptions.Out("Folder to receive the frames 00000.png, 00001.png, ...");
        var fps = new Option<double?>("--fps") { Description = "Frames per second to take (default: every frame of the video)." };
        var size = new Option<string?>("--size") { Description = "Scale frames to WIDTHxHEIGHT, e.g. 320x240 as the write-up (default: the video's size)." };
        var start = new Option<double>("--start") { Description = "Start this many seconds into the video." };
        var duration = new Option<double?>("--duration") { Description = "Take this many seconds (default: to the end)." };
        var force = CommonOptions.Force();
        var allowDecodeErrors = new Option<bool>("--allow-decode-errors")
        {
            Description = $"Keep the frames of a video ffmpeg reports errors in (damaged or truncated); its messages go to {DecodeErrors.FileName} beside them. By default such a video is refused.",
        };
        var preprocess = new Option<bool>("--preprocess")
        {
            Description = "Also preprocess the frames (as 'fishkit preprocess': background removed, bright fish on black); the raw frames are not kept.",
        };
        var preprocessing = new PreprocessArguments();
        var command = new Command("extract", "Decode a video into 8-bit grayscale PNG frames with ffmpeg (needs ffmpeg and ffprobe).")
        {
            video, output, fps, size, start, duration, force, allowDecodeErrors, preprocess,
        };
        preprocessing.AddTo(command, "(with --preprocess)");
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var options = new ExtractOptions
            {
                FramesPerSecond = parse.GetValue(fps),
                Size = parse.GetValue(size) is { } text ? ExtractOptions.ParseSize(text) : null,
                StartSeconds = parse.GetValue(start),
                DurationSeconds = parse.GetValue(duration),
                AllowDecodeErrors = parse.GetValue(allowDecodeErrors),
            };
            options.Validate();
            if (!parse.GetValue(preprocess) && preprocessing.Given(parse).ToList() is [_, ..] given)
                throw new FishKitException($"{string.Join(", ", given)} appl{(given.Count == 1 ? "ies" : "y")} only with --preprocess; add --preprocess or leave {(given.Count == 1 ? "it" : "them")} out.");
            string path = parse.GetValue(video)!, folder = parse.GetValue(output)!;
            using var cancel = CliCancellation.OnCtrlC();
            var source = VideoProbe.Probe(path, cancellationToken: cancel.Token);
            writer.WriteLine($"video: {source}");
            ExtractedFrames extracted;
            if (parse.GetValue(preprocess))
            {
                var preprocessOptions = preprocessing.Read(parse);
                var (raw, frames) = CliProgress.Run(writer, "extracting and preprocessing", progress =>
                    VideoExtraction.ExtractPreprocessed(source, folder, options, preprocessOptions, parse.GetValue(force), progress, cancel.Token));
                extracted = raw;
                writer.WriteLine(frames.Model.Summary());
            }
            else
            {
                extracted = CliProgress.Run(writer, "extracting", progress =>
                    VideoExtraction.Extract(source, folder, options, parse.GetValue(force), progress, cancel.Token));
            }
            if (extracted.DecoderMessageCount > 0)
                writer.WriteLine($"note: ffmpeg reported {extracted.DecoderMessageCount} error(s) while decoding (kept: --allow-decode-errors), first: {extracted.DecoderMessages[0]}; all in {Path.Combine(folder, DecodeErrors.FileName)}");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {extracted.Frames:N0} {(parse.GetValue(preprocess) ? "preprocessed " : "")}frames ({extracted.Size}, {extracted.FramesPerSecond:0.###} fps) to {folder}"));
            return 0;
        });
        return command;
    }
}
