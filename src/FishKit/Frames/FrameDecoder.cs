using FishKit.IO;
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
/// Sizes are read from the header and refused above <see cref="MaxPixels"/> before any pixel is decoded, and only a
/// regular file is opened (a FIFO, device or socket named like a frame is refused by name, see <see cref="IO.RegularFile"/>).
/// Not thread-safe: use one per thread (<see cref="ForCurrentThread"/>); it reuses its buffers.
/// </summary>
public sealed class FrameDecoder
{
    /// <summary>The largest frame accepted, in pixels (~50 megapixels); larger headers are refused before decoding.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>No frame within <see cref="MaxPixels"/> needs a larger file (50 megapixels of 16-bit RGBA take 400 MB uncompressed).</summary>
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

    /// <summary>The frame size stated in the file's header, without reading or decoding the pixels.</summary>
    public FrameSize ReadSize(string path)
    {
        try
        {
            using var handle = Open(path);
            return HeaderSize(path, handle);
        }
        catch (Exception e) when (IsFailure(e))
        {
            throw Failure(path, e);
        }
    }

    /// <summary>
    /// Decodes <paramref name="path"/> into <paramref name="gray"/> (<paramref name="expected"/>.Pixels bytes, row-major)
    /// when its header states <paramref name="expected"/>; otherwise reads no pixels, returns false and gives the stated size.
    /// </summary>
    public bool TryDecode(string path, FrameSize expected, Span<byte> gray, out FrameSize actual)
    {
        if (gray.Length < expected.Pixels)
            throw new ArgumentException($"buffer holds {gray.Length} bytes; a {expected} frame needs {expected.Pixels}", nameof(gray));
        try
        {
            using var handle = Open(path);
            actual = HeaderSize(path, handle);
            if (actual != expected) return false;
            int length = ReadAll(path, handle);
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
        catch (Exception e) when (IsFailure(e))
        {
            throw Failure(path, e);
        }
    }

    /// <summary>Opens a frame for reading, after checking that it is a regular file (a FIFO would block the open).</summary>
    static SafeFileHandle Open(string path)
    {
        RegularFile.Check(path, "frame");
        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    /// <summary>The header's size (a PNG's IHDR, or ImageSharp's Identify for other formats), refused above <see cref="MaxPixels"/>.</summary>
    FrameSize HeaderSize(string path, SafeFileHandle handle)
    {
        Span<byte> head = stackalloc byte[33];
        head = head[..RandomAccess.Read(handle, head, 0)];
        FrameSize size;
        if (PngGray8.IsPng(head))
        {
            size = PngGray8.ReadHeader(head).Size;
        }
        else
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
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
    int ReadAll(string path, SafeFileHandle handle)
    {
        long length = RandomAccess.GetLength(handle);
        if (length > MaxFileBytes)
            throw new FishKitException($"frame '{path}' is {length / (1 << 20):N0} MiB, too large to be a frame; remove it from the folder.");
        if (file.Length < length) file = new byte[Math.Max(length, 2L * file.Length)];
        int done = 0, read;
        while (done < length && (read = RandomAccess.Read(handle, file.AsSpan(done, (int)length - done), done)) > 0) done += read;
        return done;
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
    /// A read error says so; anything else went wrong decoding: the fast path reports damage as InvalidDataException,
    /// and ImageSharp throws many kinds of exceptions on malformed files (a truncated TIFF directory gives
    /// InvalidOperationException), so every other exception counts as a damaged file.
    /// </summary>
    static bool IsFailure(Exception e) => e is not (FishKitException or OutOfMemoryException or OperationCanceledException);

    static FishKitException Failure(string path, Exception e) => e switch
    {
        (IOException and not EndOfStreamException) or UnauthorizedAccessException => new($"cannot read frame '{path}': {OneLine(e.Message)}.", e),
        _ => new($"frame '{path}' is damaged or not a valid {Path.GetExtension(path).TrimStart('.').ToUpperInvariant()} image ({OneLine(e.Message)}); re-export it or remove it from the folder.", e),
    };

    static string OneLine(string message) => message.ReplaceLineEndings(" ").TrimEnd('.', ' ');
}
