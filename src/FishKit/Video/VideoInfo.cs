using System.Globalization;
using FishKit.Frames;

namespace FishKit.Video;

/// <summary>
/// What ffprobe says about a video's picture: the stream that will be decoded, its frame size as displayed (after the
/// rotation a phone records), frame rate, duration and frame count.
/// </summary>
/// <param name="Path">The video file.</param>
/// <param name="Container">The container format ffprobe found (e.g. "mov,mp4,m4a,3gp,3g2,mj2").</param>
/// <param name="Codec">The video codec (e.g. "h264").</param>
/// <param name="StreamIndex">The index of the decoded video stream in the file.</param>
/// <param name="Size">The frame size as displayed (width and height swapped for a video rotated by 90 degrees).</param>
/// <param name="FramesPerSecond">The stream's average frame rate (its base rate when the average is unknown).</param>
/// <param name="DurationSeconds">The stream's (else the file's) duration; null when the file does not say.</param>
/// <param name="FrameCount">The stream's frame count as the container states it, else duration x frame rate; null when neither is known.</param>
/// <param name="FrameCountStated">True when <paramref name="FrameCount"/> is stated by the container, false when it is estimated.</param>
public sealed record VideoInfo(string Path, string Container, string Codec, int StreamIndex, FrameSize Size,
    double FramesPerSecond, double? DurationSeconds, long? FrameCount, bool FrameCountStated)
{
    /// <summary>One line for people, e.g. "h264 in mp4: 320x240, 30 fps, 1,800 frames (60.0 s)".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string frames = FrameCount is { } n ? string.Format(c, "{0}{1:N0} frames", FrameCountStated ? "" : "about ", n) : "frame count unknown";
        string duration = DurationSeconds is { } d ? string.Format(c, " ({0:F1} s)", d) : "";
        return string.Format(c, "{0} in {1}: {2}, {3:0.###} fps, {4}{5}", Codec, Container, Size, FramesPerSecond, frames, duration);
    }
}
