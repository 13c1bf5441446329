using FishKit.Frames;

namespace FishKit.Preprocessing;

/// <summary>
/// The part of each frame that is tank: a crop rectangle (the whole frame by default) and, optionally, a mask drawn on a
/// frame of the input's size (non-zero inside the tank, 0 outside). Pixels outside the mask become 0 in the output and
/// play no part in the background statistics.
/// </summary>
public sealed class TankRegion
{
    readonly byte[]? inside;

    TankRegion(FrameSize frame, CropRegion crop, byte[]? inside, int insideCount)
    {
        FrameSize = frame;
        Crop = crop;
        this.inside = inside;
        InsideCount = insideCount;
    }

    /// <summary>The input frames' size.</summary>
    public FrameSize FrameSize { get; }

    /// <summary>The rectangle kept.</summary>
    public CropRegion Crop { get; }

    /// <summary>The output frames' size (the crop's).</summary>
    public FrameSize Size => Crop.Size;

    /// <summary>True when the whole frame is kept (no crop).</summary>
    public bool IsWholeFrame => Crop == CropRegion.Whole(FrameSize);

    /// <summary>Pixels of the output inside the mask (all of them without a mask).</summary>
    public int InsideCount { get; }

    /// <summary>True when output pixel <paramref name="index"/> is inside the mask.</summary>
    public bool Contains(int index) => inside is null || inside[index] != 0;

    /// <summary>The region of frames of <paramref name="frame"/>: <paramref name="crop"/> (default: whole) and the mask file <paramref name="maskPath"/> (default: none).</summary>
    public static TankRegion Create(FrameSize frame, CropRegion? crop = null, string? maskPath = null)
    {
        var rectangle = crop ?? CropRegion.Whole(frame);
        rectangle.Check(frame);
        if (maskPath is null) return new TankRegion(frame, rectangle, null, checked((int)rectangle.Size.Pixels));
        var mask = ReadMask(maskPath, frame);
        var inside = new byte[rectangle.Size.Pixels];
        Cut(mask, frame, rectangle, inside);
        int count = inside.Count(v => v != 0);
        if (count == 0)
            throw FishKitException.Refusal($"mask '{maskPath}' is black everywhere{(crop is null ? "" : $" inside {FishKitException.Say(Term.Crop)} {rectangle}")}; paint the tank white (non-zero) and the rest black.", new(File: maskPath));
        return new TankRegion(frame, rectangle, inside, count);
    }

    /// <summary>Copies the region of <paramref name="frame"/> (a whole input frame) into <paramref name="region"/> (Size.Pixels bytes).</summary>
    public void Cut(ReadOnlySpan<byte> frame, Span<byte> region) => Cut(frame, FrameSize, Crop, region);

    static void Cut(ReadOnlySpan<byte> frame, FrameSize size, CropRegion crop, Span<byte> region)
    {
        for (int y = 0; y < crop.Height; y++)
            frame.Slice((crop.Y + y) * size.Width + crop.X, crop.Width).CopyTo(region.Slice(y * crop.Width, crop.Width));
    }

    static byte[] ReadMask(string path, FrameSize frame)
    {
        if (!File.Exists(path))
            throw new FishKitException($"mask '{path}' does not exist; give a PNG of the frames' size ({frame}), white inside the tank and black outside.");
        var decoder = FrameDecoder.ForCurrentThread;
        var mask = new byte[frame.Pixels];
        if (!decoder.TryDecode(path, frame, mask, out var actual))
            throw new FishKitException($"mask '{path}' is {actual} but the frames are {frame}; draw the mask on a frame of the input (white inside the tank, black outside).");
        return mask;
    }
}
