using Microsoft.Win32.SafeHandles;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FishKit.Frames;

/// <summary>
/// Decodes one frame file to 8-bit grayscale, one byte per pixel, row by row. 8-bit grayscale non-interlaced PNGs
/// (the write-up's frames) take a fast path on .NET's zlib; every other image (PNG of another kind, PGM, TIFF,
/// JPEG, BMP) is decoded by ImageSharp 2.1.13. Colour becomes gray by ITU-R BT.601 luma with Pillow's integer
/// rounding, <c>L = (19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c>, exactly as Pillow's <c>convert('L')</c>
/// (ImageSharp's own L8 conversion uses BT.709 weights instead); alpha is ignored, as Pillow does; 16-bit samples
/// are scaled to 8 bits (Pillow would clip them). JPEGs may differ from Pillow by one level (another IDCT).
/// Sizes are read from the header and refused above <see cref="MaxPixels"/> before any pixel is decoded.
/// Not thread-safe: use one per thread (<see cref="ForCurrentThread"/>); it reuses its buffers.
/// </summary>
public sealed class FrameDecoder
{
    /// <summary>The largest frame accepted, in pixels (~50 megapixels); larger headers are refused before decoding.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>Files larger than this cannot be a frame the kit accepts.</summary>
    const long MaxFileBytes = 1L << 30;

    [ThreadStatic] static FrameDecoder? perThread;

    /// <summary>A decoder owned by the calling thread.</summary>
    public static FrameDecoder ForCurrentThread => perThread ??= new FrameDecoder();

    readonly Configuration imageSharp;
    readonly PngGray8 png = new();
    byte[] file = [];
    Rgb24[] colour = [];

    public FrameDecoder()
    {
        imageSharp = Configuration.Default.Clone();
        imageSharp.MaxDegreeOfParallelism = 1; // frames are decoded in parallel, one per thread
    }

    /// <summary>The frame size stated in the file's header, without decoding the pixels.</summary>
    public FrameSize ReadSize(string path)
    {
        int length = Load(path);
        try
        {
            return HeaderSize(path, length);
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            throw Damaged(path, e);
        }
    }

    /// <summary>
    /// Decodes <paramref name="path"/> into <paramref name="gray"/> (<paramref name="expected"/>.Pixels bytes, row-major)
    /// when its header states <paramref name="expected"/>; otherwise decodes nothing, returns false and gives the stated size.
    /// </summary>
    public bool TryDecode(string path, FrameSize expected, Span<byte> gray, out FrameSize actual)
    {
        if (gray.Length < expected.Pixels)
            throw new ArgumentException($"buffer holds {gray.Length} bytes; a {expected} frame needs {expected.Pixels}", nameof(gray));
        int length = Load(path);
        try
        {
            actual = HeaderSize(path, length);
            if (actual != expected) return false;
            var pixels = gray[..(int)expected.Pixels];
            if (PngGray8.IsPng(file))
            {
                var header = PngGray8.ReadHeader(file.AsSpan(0, length));
                if (header.IsGray8 && png.TryDecode(file, length, header, pixels)) return true;
            }
            if (TruncationCheck.Problem(file.AsSpan(0, length)) is { } problem) throw new InvalidDataException(problem);
            using var stream = new MemoryStream(file, 0, length, writable: false);
            using var image = Image.Load(imageSharp, stream);
            ToGray(image, pixels);
            return true;
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            throw Damaged(path, e);
        }
    }

    /// <summary>The header's size, refused above <see cref="MaxPixels"/>.</summary>
    FrameSize HeaderSize(string path, int length)
    {
        FrameSize size;
        if (PngGray8.IsPng(file))
        {
            size = PngGray8.ReadHeader(file.AsSpan(0, length)).Size;
        }
        else
        {
            using var stream = new MemoryStream(file, 0, length, writable: false);
            var info = Image.Identify(imageSharp, stream)
                ?? throw new FishKitException($"frame '{path}' is not an image ImageSharp can read (PNG, PGM, TIFF, JPEG, BMP); remove it from the folder.");
            size = new FrameSize(info.Width, info.Height);
        }
        if (size.Width <= 0 || size.Height <= 0)
            throw new InvalidDataException($"header states an empty image ({size})");
        if (size.Pixels > MaxPixels)
            throw new FishKitException($"frame '{path}' claims {size} = {size.Pixels / 1e6:0.#} megapixels, over the {MaxPixels / 1e6:0} megapixel limit; it was not decoded. Remove or downscale it.");
        return size;
    }

    /// <summary>Reads the whole file into the reused buffer; returns its length.</summary>
    int Load(string path)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            long length = RandomAccess.GetLength(handle);
            if (length > MaxFileBytes)
                throw new FishKitException($"frame '{path}' is {length / (1 << 20):N0} MiB, too large to be a frame; remove it from the folder.");
            if (file.Length < length) file = new byte[Math.Max(length, 2L * file.Length)];
            int done = 0, read;
            while (done < length && (read = RandomAccess.Read(handle, file.AsSpan(done, (int)length - done), done)) > 0) done += read;
            return done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FishKitException($"cannot read frame '{path}': {e.Message}", e);
        }
    }

    /// <summary>ImageSharp's image in its own pixel format to gray bytes (copied when already 8-bit gray).</summary>
    void ToGray(Image image, Span<byte> gray)
    {
        if (image is Image<L8> l8)
        {
            l8.CopyPixelDataTo(gray);
            return;
        }
        using var rgb = image.CloneAs<Rgb24>(imageSharp);
        if (colour.Length < gray.Length) colour = new Rgb24[gray.Length];
        rgb.CopyPixelDataTo(colour.AsSpan(0, gray.Length));
        Luma.FromRgb(colour.AsSpan(0, gray.Length), gray);
    }

    /// <summary>
    /// The fast path reports damage as <see cref="InvalidDataException"/>; ImageSharp throws many kinds of exceptions on
    /// malformed files (a truncated TIFF directory gives InvalidOperationException), so any exception but the kit's own
    /// and running out of memory counts as a damaged file.
    /// </summary>
    static bool IsDecodeFailure(Exception e) => e is not (FishKitException or OutOfMemoryException or OperationCanceledException);

    static FishKitException Damaged(string path, Exception e) =>
        new($"frame '{path}' is damaged or not a valid {Path.GetExtension(path).TrimStart('.').ToUpperInvariant()} image ({OneLine(e.Message)}); re-export it or remove it from the folder.", e);

    static string OneLine(string message) => message.ReplaceLineEndings(" ").TrimEnd('.', ' ');
}
