using System.Globalization;
using FishKit.Frames;

namespace FishKit.Video;

// VideoExtraction, part: argument building: the checked plan, ffmpeg's command line, the frames expected.
public static partial class VideoExtraction
{
    /// <summary>A checked extraction: the video, ffmpeg's arguments, the frame size and rate, and the frames expected.</summary>
    sealed record Plan(VideoInfo Source, List<string> Arguments, FrameSize Size, double Rate, long Expected)
    {
        /// <summary>Checks <paramref name="options"/> against <paramref name="source"/> and plans its decoding.</summary>
        public static Plan Of(VideoInfo source, ExtractOptions options)
        {
            options.Validate();
            if (source.DurationSeconds is { } length && options.StartSeconds >= length)
                throw FishKitException.Refusal(FormattableString.Invariant(
                    $"{FishKitException.Say(Term.Start)} {options.StartSeconds} s is at or past the end of '{source.Path}' ({length:F1} s long); give an earlier start."),
                    new(File: source.Path, Parameter: Term.Start, Value: options.StartSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), Allowed: FormattableString.Invariant($"below {length:F1} s")));
            var size = options.Size ?? source.Size;
            if (size.Pixels > FrameDecoder.MaxPixels)
                throw FishKitException.Refusal($"'{source.Path}' has {size} frames, over the {FrameDecoder.MaxPixels / 1e6:0} megapixel limit of the kit's frames; give a smaller {FishKitException.Say(Term.Size)} (e.g. 320x240).", new(File: source.Path, Parameter: Term.Size, Value: size.ToString()));
            double rate = options.FramesPerSecond ?? source.FramesPerSecond;
            return new Plan(source, VideoExtraction.Arguments(source, options, size), size, rate, VideoExtraction.Expected(source, options, rate));
        }

        /// <summary>Runs ffmpeg once, handing every frame to a sink made by <paramref name="sink"/> (see <see cref="Run.Decode"/>); <paramref name="folder"/> names the output in errors.</summary>
        public (int Frames, IReadOnlyList<string> Messages, int MessageCount) Decode(string folder, IProgress<(long Done, long Total)>? progress,
            CancellationToken cancellation, FfmpegTools? tools, Func<FrameSink> sink, bool inline = false) =>
            new Run(Source, folder, Size, Expected, progress, cancellation).Decode(Arguments, (tools ?? FfmpegTools.OnPath).Ffmpeg, sink, inline);
    }

    /// <summary>ffmpeg's command line: seek, decode one video stream, resample, scale, gray, raw frames to standard output.</summary>
    static List<string> Arguments(VideoInfo source, ExtractOptions options, FrameSize size)
    {
        var c = CultureInfo.InvariantCulture;
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-loglevel", "error" };
        if (options.StartSeconds > 0) arguments.AddRange(["-ss", options.StartSeconds.ToString("R", c)]);
        arguments.AddRange(["-i", FfmpegTools.FileUrl(source.Path)]);
        if (options.DurationSeconds is { } d) arguments.AddRange(["-t", d.ToString("R", c)]);
        string filters = (options.FramesPerSecond is { } fps ? $"fps={fps.ToString("R", c)}," : "") +
                         $"scale={size.Width}:{size.Height}:flags=area,format=gray";
        arguments.AddRange(["-map", $"0:{source.StreamIndex}", "-an", "-sn", "-dn", "-vf", filters, "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"]);
        return arguments;
    }

    /// <summary>The frames expected from the span and rate asked for (for progress; the true count is what ffmpeg delivers).</summary>
    static long Expected(VideoInfo source, ExtractOptions options, double rate)
    {
        if (source.DurationSeconds is not { } length)
            return options.DurationSeconds is { } only ? (long)Math.Round(only * rate) : source.FrameCount ?? 0;
        double span = Math.Min(length - options.StartSeconds, options.DurationSeconds ?? double.PositiveInfinity);
        if (options.FramesPerSecond is null && options.StartSeconds == 0 && options.DurationSeconds is null && source.FrameCount is { } n) return n;
        return (long)Math.Round(Math.Max(0, span) * rate);
    }
}
