namespace FishKit.Video;

/// <summary>Draws frame <paramref name="index"/> into <paramref name="pixels"/> (8-bit gray, row-major), e.g. a simulator's renderer.</summary>
public delegate void FrameSource(int index, Span<byte> pixels);
