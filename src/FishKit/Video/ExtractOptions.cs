using System.Globalization;
using FishKit.Frames;

namespace FishKit.Video;

/// <summary>What to take from a video: the frame rate, the frame size and the time span (all optional: every frame, as stored).</summary>
public sealed record ExtractOptions
{
    /// <summary>Frames per second to sample (ffmpeg's fps filter: frames are dropped or repeated to this rate); null keeps every decoded frame.</summary>
    public double? FramesPerSecond { get; init; }

    /// <summary>The frame size to scale to (area averaging; the aspect ratio is not kept); null keeps the video's displayed size.</summary>
    public FrameSize? Size { get; init; }

    /// <summary>Where to start, in seconds from the video's start.</summary>
    public double StartSeconds { get; init; }

    /// <summary>How many seconds to take; null takes the rest of the video.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>
    /// Keep the frames even when ffmpeg reports decoding errors (a damaged file: frames may be garbled or missing); its
    /// messages are then written beside the frames (<see cref="DecodeErrors.FileName"/>). By default such a video is refused.
    /// </summary>
    public bool AllowDecodeErrors { get; init; }

    /// <summary>Throws a <see cref="FishKitException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (FramesPerSecond is { } fps && !(fps > 0 && fps <= 1000))
            throw FishKitException.Refusal(Invariant($"{FishKitException.Say(Term.Fps)} {fps} is out of range; give a frame rate above 0 and at most 1000 (e.g. 30), or leave it out to keep every frame."), new(Parameter: Term.Fps));
        if (Size is { } size && (size.Width < 1 || size.Height < 1 || size.Pixels > FrameDecoder.MaxPixels))
            throw FishKitException.Refusal($"{FishKitException.Say(Term.Size)} {size} is out of range; give a width and height of at least 1 pixel and at most {FrameDecoder.MaxPixels / 1e6:0} megapixels (e.g. 320x240).", new(Parameter: Term.Size));
        if (!(StartSeconds >= 0 && double.IsFinite(StartSeconds)))
            throw FishKitException.Refusal(Invariant($"{FishKitException.Say(Term.Start)} {StartSeconds} is out of range; give the seconds from the video's start (0 or more)."), new(Parameter: Term.Start));
        if (DurationSeconds is { } d && !(d > 0 && double.IsFinite(d)))
            throw FishKitException.Refusal(Invariant($"{FishKitException.Say(Term.Duration)} {d} is out of range; give a number of seconds above 0, or leave it out to take the rest of the video."), new(Parameter: Term.Duration));
    }

    /// <summary>Reads a frame size written "WIDTHxHEIGHT" (e.g. "320x240"); <paramref name="option"/> names it in errors.</summary>
    public static FrameSize ParseSize(string text, string option = "--size")
    {
        var parts = text.Trim().Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height))
            return new FrameSize(width, height);
        throw new FishKitException($"{option} '{text}' is not a frame size; write it WIDTHxHEIGHT, e.g. 320x240.");
    }

    static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
