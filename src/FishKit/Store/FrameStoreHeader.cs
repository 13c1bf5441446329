using System.Reflection;
using FishKit.Frames;

namespace FishKit.Store;

/// <summary>
/// What a frame store holds: <see cref="Count"/> frames of <see cref="Size"/> (8-bit gray, row-major), resized by
/// <see cref="Resize"/> from frames of <see cref="SourceSize"/> found in <see cref="Source"/>, and when and by what it was made.
/// </summary>
/// <param name="Size">The stored frame size (the model's resolution; 160x120 by default).</param>
/// <param name="Count">The number of frames.</param>
/// <param name="Resize">How the source frames were resized (nearest, as the original, or bilinear).</param>
/// <param name="SourceSize">The source frames' size (320x240 for the write-up's frames).</param>
/// <param name="Source">The folder the frames came from (absolute path when packed).</param>
/// <param name="FirstFile">The first source frame's file name.</param>
/// <param name="LastFile">The last source frame's file name.</param>
/// <param name="Created">When the store was written (UTC).</param>
/// <param name="Tool">What wrote it: FishKit and its version.</param>
public sealed record FrameStoreHeader(
    FrameSize Size, int Count, ResizeMethod Resize, FrameSize SourceSize,
    string Source, string FirstFile, string LastFile, DateTimeOffset Created, string Tool)
{
    /// <summary>Bytes of one frame: width x height.</summary>
    public int FrameBytes => (int)Size.Pixels;

    /// <summary>Bytes of all frames.</summary>
    public long DataBytes => (long)Count * FrameBytes;

    /// <summary>"FishKit" and this assembly's version (with the commit it was built from, when known).</summary>
    public static string ThisTool { get; } =
        "FishKit " + (typeof(FrameStoreHeader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    /// <summary>A header for frames about to be written now by this FishKit.</summary>
    public static FrameStoreHeader New(FrameSize size, int count, ResizeMethod resize, FrameSize sourceSize,
        string source, string firstFile, string lastFile) =>
        new(size, count, resize, sourceSize, source, firstFile, lastFile, DateTimeOffset.UtcNow, ThisTool);
}
