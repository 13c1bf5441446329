using FishKit.Frames;
using FishKit.IO;
using Microsoft.Win32.SafeHandles;

namespace FishKit.Video;

// VideoExtraction, part: writing: frames to PNGs on every core, the background's sample file.
public static partial class VideoExtraction
{
    /// <summary>A new hidden file beside <paramref name="folder"/> for the background's sample, deleted when closed.</summary>
    static SafeFileHandle OpenSampleFile(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(parent);
            return File.OpenHandle(Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.sample"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FishKitException($"cannot write beside output folder '{folder}': {e.Message}; choose a writable folder.", e);
        }
    }

    /// <summary>Each sampled frame's place in the sample file.</summary>
    static Dictionary<int, long> Slots(int[] samples) => samples.Select((index, slot) => (index, slot)).ToDictionary(p => p.index, p => (long)p.slot);

    /// <summary>A writer of extracted frames as PNGs into <paramref name="folder"/> (<paramref name="finalFolder"/> names it in errors).</summary>
    static FrameSink PngWriter(string folder, string finalFolder, FrameSize size)
    {
        var encoder = new GrayPngEncoder();
        return (index, pixels) =>
        {
            var png = encoder.Encode(pixels, size.Width, size.Height);
            try
            {
                File.WriteAllBytes(Path.Combine(folder, FrameFileName.Png(index)), png.Span);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FishKitException($"cannot write frame {FrameFileName.Png(index)} for '{finalFolder}': {e.Message}", e);
            }
        };
    }

    /// <summary>What one core does with each decoded frame (<paramref name="pixels"/>: gray bytes, row-major); failures are <see cref="FishKitException"/>s.</summary>
    delegate void FrameSink(int index, ReadOnlySpan<byte> pixels);
}
