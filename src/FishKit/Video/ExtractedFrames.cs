using FishKit.Frames;

namespace FishKit.Video;

/// <summary>What an extraction wrote: the frame count, size and rate, and what ffmpeg reported while decoding (damaged packets, ...).</summary>
/// <param name="Folder">The frames folder.</param>
/// <param name="Frames">The number of frames written (00000.png ...).</param>
/// <param name="Size">The frame size.</param>
/// <param name="FramesPerSecond">The frame rate of the frames written (the --fps asked for, else the video's).</param>
/// <param name="DecoderMessages">ffmpeg's messages about the decoding (the first few), empty when it decoded cleanly.</param>
/// <param name="DecoderMessageCount">How many messages ffmpeg wrote in all.</param>
public sealed record ExtractedFrames(string Folder, int Frames, FrameSize Size, double FramesPerSecond,
    IReadOnlyList<string> DecoderMessages, int DecoderMessageCount);
