using FishKit.Frames;

namespace FishKit.Video;

/// <summary>What an encoding wrote: the video file, its frame count, size and rate, and its size on disk.</summary>
/// <param name="Path">The video file.</param>
/// <param name="Frames">The number of frames encoded.</param>
/// <param name="Size">The frame size.</param>
/// <param name="FramesPerSecond">The frame rate.</param>
/// <param name="Bytes">The file's size in bytes.</param>
public sealed record EncodedVideo(string Path, int Frames, FrameSize Size, double FramesPerSecond, long Bytes);
