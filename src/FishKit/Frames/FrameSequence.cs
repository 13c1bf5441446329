using System.Collections.Frozen;
using System.Buffers;

namespace FishKit.Frames;

/// <summary>
/// A folder of frames in time order: the image files (PNG, PGM, TIFF, JPEG, BMP; any letter case) in natural
/// numeric order, their frame numbers, and the frame size read from the first frame's header. Hidden and temporary
/// files (names starting with '.' or '~') and other files are ignored. Frames are decoded on demand, never all at once.
/// </summary>
public sealed class FrameSequence
{
    /// <summary>The file extensions read as frames (compared ignoring case).</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        new[] { ".png", ".pgm", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    readonly string[] paths;
    readonly long[] numbers;
    readonly FrameGap[] gaps;

    FrameSequence(string folder, string[] paths, long[] numbers, FrameGap[] gaps, FrameSize size)
    {
        Folder = folder;
        this.paths = paths;
        this.numbers = numbers;
        this.gaps = gaps;
        Size = size;
    }

    /// <summary>The folder the frames were read from.</summary>
    public string Folder { get; }

    /// <summary>The frame files in time order.</summary>
    public IReadOnlyList<string> Paths => paths;

    /// <summary>The frame number of each file (the last digit run of its name).</summary>
    public IReadOnlyList<long> Numbers => numbers;

    /// <summary>Gaps in the numbering (empty unless opened with allowGaps).</summary>
    public IReadOnlyList<FrameGap> Gaps => gaps;

    /// <summary>The size of every frame, from the first frame's header.</summary>
    public FrameSize Size { get; }

    /// <summary>The number of frames.</summary>
    public int Count => paths.Length;

    /// <summary>
    /// Lists the frames of <paramref name="folder"/> in natural order and checks their numbering: a repeated number is
    /// refused, and so is a gap unless <paramref name="allowGaps"/> (then the frames present are treated as consecutive).
    /// </summary>
    public static FrameSequence Open(string folder, bool allowGaps = false)
    {
        if (!Directory.Exists(folder))
            throw new FishKitException(File.Exists(folder)
                ? $"'{folder}' is a file; give the folder that holds the frames."
                : $"frames folder '{folder}' does not exist.");
        string[] files;
        try
        {
            files = new DirectoryInfo(folder).EnumerateFiles()
                .Where(f => Extensions.Contains(f.Extension) && f.Name[0] is not ('.' or '~')
                            && (f.Attributes & (FileAttributes.Hidden | FileAttributes.System)) == 0)
                .Select(f => f.Name)
                .Order(NaturalOrder.Instance)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FishKitException($"cannot list frames folder '{folder}': {e.Message}", e);
        }
        if (files.Length == 0)
            throw new FishKitException($"no frames in '{folder}': expected PNG, PGM, TIFF, JPEG or BMP files named in time order (00000.png, 00001.png, ...).");
        var (numbers, gaps) = FrameNumbering.Check(files, allowGaps);
        var paths = files.Select(name => Path.Combine(folder, name)).ToArray();
        return new FrameSequence(folder, paths, numbers, gaps, FrameDecoder.ForCurrentThread.ReadSize(paths[0]));
    }

    /// <summary>The frames of <paramref name="range"/> as a sequence of their own (e.g. one split).</summary>
    public FrameSequence Slice(FrameRange range)
    {
        if (range.Start < 0 || range.Count < 1 || range.End > Count)
            throw new FishKitException($"frames {range} are not within the {Count:N0} frames of '{Folder}'.");
        var slicePaths = paths[range.Start..range.End];
        var sliceNumbers = numbers[range.Start..range.End];
        return new FrameSequence(Folder, slicePaths, sliceNumbers, FrameNumbering.Gaps(slicePaths, sliceNumbers), Size);
    }

    /// <summary>Decodes frame <paramref name="index"/> to gray bytes (<see cref="Size"/>.Pixels of them, row-major).</summary>
    public void Read(int index, Span<byte> gray)
    {
        if (!FrameDecoder.ForCurrentThread.TryDecode(paths[index], Size, gray, out var actual))
            throw SizeDiffers(index, actual);
    }

    /// <summary>Decodes frame <paramref name="index"/> to a new array of gray bytes.</summary>
    public byte[] Read(int index)
    {
        var gray = new byte[Size.Pixels];
        Read(index, gray);
        return gray;
    }

    /// <summary>Decodes frame <paramref name="index"/> to values in [0,1] (pixel / 255) at full resolution.</summary>
    public void ReadUnit(int index, Span<float> pixels) => ReadUnit(index, Size, ResizeMethod.Nearest, pixels);

    /// <summary>Decodes frame <paramref name="index"/> resized to <paramref name="size"/>, as values in [0,1] (pixel / 255).</summary>
    public void ReadUnit(int index, FrameSize size, ResizeMethod method, Span<float> pixels)
    {
        int count = (int)Size.Pixels;
        var gray = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            Read(index, gray.AsSpan(0, count));
            if (size == Size) FrameResize.ToUnit(gray.AsSpan(0, count), pixels);
            else if (method == ResizeMethod.Nearest) FrameResize.Nearest(gray, Size, pixels, size);
            else FrameResize.Bilinear(gray, Size, pixels, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(gray);
        }
    }

    /// <summary>
    /// Checks frame <paramref name="index"/> without decoding it: a regular file whose image header is intact (a PNG's
    /// CRC included) and states the sequence's size.
    /// </summary>
    public void CheckHeader(int index)
    {
        var actual = FrameDecoder.ForCurrentThread.ReadSize(paths[index]);
        if (actual != Size) throw SizeDiffers(index, actual);
    }

    FishKitException SizeDiffers(int index, FrameSize actual) =>
        new($"frame '{paths[index]}' is {actual} but the first frame '{Path.GetFileName(paths[0])}' is {Size}; all frames of a sequence must have one size.");
}
