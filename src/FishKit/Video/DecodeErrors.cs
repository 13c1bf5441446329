using System.Globalization;
using FishKit.IO;

namespace FishKit.Video;

/// <summary>
/// What the kit does when ffmpeg reports errors while decoding (a damaged or truncated file): by default the extraction
/// is refused, since frames may be garbled or missing and y-tilde would count the damage as motion; allowed, the frames
/// are kept and ffmpeg's messages are written beside them. ffmpeg (5.x) does not say which frames its errors touched, so
/// the record holds its messages, not frame numbers.
/// </summary>
public static class DecodeErrors
{
    /// <summary>The record written beside the frames when decoding errors were allowed.</summary>
    public const string FileName = "decode-errors.txt";

    /// <summary>
    /// Refuses <paramref name="extracted"/> when ffmpeg reported errors, unless <paramref name="allow"/>; then writes the
    /// record into <paramref name="folder"/> (the extraction's folder, before it gets its final name).
    /// </summary>
    public static void Check(VideoInfo source, ExtractedFrames extracted, bool allow, string folder)
    {
        if (extracted.DecoderMessageCount == 0) return;
        if (!allow)
            throw FishKitException.Refusal(string.Create(CultureInfo.InvariantCulture,
                $"ffmpeg reported {extracted.DecoderMessageCount} error(s) while decoding '{source.Path}' (first: {extracted.DecoderMessages[0]}); the file is damaged and some of its {extracted.Frames} frames may be garbled or missing: copy or export it again, or extract anyway with {FishKitException.Say(Term.AllowDecodeErrors)} (the errors are then written to {FileName} beside the frames)."), new(File: source.Path));
        var lines = new List<string>
        {
            $"# ffmpeg reported {extracted.DecoderMessageCount} error(s) while decoding {source.Path}; {extracted.Frames} frames were kept (--allow-decode-errors).",
            "# ffmpeg does not say which frames they touched; the first messages:",
        };
        lines.AddRange(extracted.DecoderMessages);
        AtomicFile.WriteText(Path.Combine(folder, FileName), string.Join('\n', lines) + "\n");
    }
}
