namespace FishKit.Frames;

/// <summary>A frame's width and height in pixels (the write-up's frames are 320x240, W x H).</summary>
public readonly record struct FrameSize(int Width, int Height)
{
    /// <summary>Width x height.</summary>
    public long Pixels => (long)Width * Height;

    public override string ToString() => $"{Width}x{Height}";
}
