using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using FishKit.Frames;
using Microsoft.Win32.SafeHandles;

namespace FishKit.Store;

/// <summary>
/// The frame store file, format version 1. All integers little-endian.
/// <code>
/// offset  bytes  field
///      0      8  magic "FKFRAMES"
///      8      4  format version (1)
///     12      4  data offset D: where frame 0 starts (a multiple of 4096, so frames start on a page boundary)
///     16      4  width W (stored frames)
///     20      4  height H
///     24      4  frame count N
///     28      4  resize method (0 nearest, 1 bilinear)
///     32      4  source width
///     36      4  source height
///     40      4  info length L
///     44      L  info: UTF-8 JSON {"source", "firstFile", "lastFile", "created" (ISO 8601 UTC), "tool"}
///   44+L    ...  zeros up to D
///      D  N*W*H  frames: frame i at D + i*W*H, rows top to bottom, one byte per pixel
///  D+N*W*H    8  XxHash3 (64-bit, seed 0) of every byte before it (header and frames)
/// </code>
/// </summary>
static class FrameStoreFormat
{
    public const int Version = 1;
    public const int FixedBytes = 44;
    public const int TrailerBytes = 8;
    const int Alignment = 4096;

    static ReadOnlySpan<byte> Magic => "FKFRAMES"u8;

    /// <summary>The header bytes (length = data offset) for <paramref name="header"/>.</summary>
    public static byte[] Encode(FrameStoreHeader header)
    {
        var info = new MemoryStream();
        using (var json = new Utf8JsonWriter(info, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("source", header.Source);
            json.WriteString("firstFile", header.FirstFile);
            json.WriteString("lastFile", header.LastFile);
            json.WriteString("created", header.Created.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("tool", header.Tool);
            json.WriteEndObject();
        }
        int infoLength = (int)info.Length;
        int dataOffset = (FixedBytes + infoLength + Alignment - 1) / Alignment * Alignment;
        var bytes = new byte[dataOffset];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        Int(span, 8, Version);
        Int(span, 12, dataOffset);
        Int(span, 16, header.Size.Width);
        Int(span, 20, header.Size.Height);
        Int(span, 24, header.Count);
        Int(span, 28, (int)header.Resize);
        Int(span, 32, header.SourceSize.Width);
        Int(span, 36, header.SourceSize.Height);
        Int(span, 40, infoLength);
        info.GetBuffer().AsSpan(0, infoLength).CopyTo(span[FixedBytes..]);
        return bytes;
    }

    /// <summary>
    /// Reads and checks the header of the store at <paramref name="path"/> (open as <paramref name="file"/>), including
    /// that the file is exactly as long as the header promises; returns it with the data offset.
    /// </summary>
    public static (FrameStoreHeader Header, int DataOffset) Decode(string path, SafeFileHandle file)
    {
        long length = RandomAccess.GetLength(file);
        Span<byte> head = stackalloc byte[FixedBytes];
        if (length < FixedBytes || RandomAccess.Read(file, head, 0) < FixedBytes || !head.StartsWith(Magic))
            throw FishKitException.Refusal($"'{path}' is not a FishKit frame store (it does not start with FKFRAMES); make one with {FishKitException.Say(Term.PackFrames)}.", new(File: path));
        int version = Int(head, 8);
        if (version != Version)
            throw FishKitException.Refusal($"frame store '{path}' has format version {version}; this FishKit reads version {Version}: re-pack it with {FishKitException.Say(Term.PackFrames)}.", new(File: path));
        int dataOffset = Int(head, 12), width = Int(head, 16), height = Int(head, 20), count = Int(head, 24), resize = Int(head, 28);
        int sourceWidth = Int(head, 32), sourceHeight = Int(head, 36), infoLength = Int(head, 40);
        if (width < 1 || height < 1 || (long)width * height > FrameDecoder.MaxPixels || count < 1 || resize is < 0 or > 1
            || sourceWidth < 1 || sourceHeight < 1 || infoLength < 0 || dataOffset < FixedBytes + (long)infoLength)
            throw Damaged(path, "impossible sizes in the header");
        long expected = dataOffset + (long)count * width * height + TrailerBytes;
        if (length < expected)
            throw FishKitException.Refusal($"frame store '{path}' is truncated: {length:N0} bytes where its header promises {expected:N0} ({count:N0} frames of {width}x{height}); re-pack it with {FishKitException.Say(Term.PackFrames)}.", new(File: path));
        if (length > expected)
            throw FishKitException.Refusal($"frame store '{path}' has {length - expected:N0} bytes more than its header promises ({count:N0} frames of {width}x{height}); re-pack it with {FishKitException.Say(Term.PackFrames)}.", new(File: path));

        var info = new byte[infoLength];
        if (RandomAccess.Read(file, info, FixedBytes) < infoLength) throw Damaged(path, "the header's info ends early");
        try
        {
            using var json = JsonDocument.Parse(info);
            var root = json.RootElement;
            string Text(string name) => root.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
            var created = DateTimeOffset.Parse(Text("created"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var header = new FrameStoreHeader(new FrameSize(width, height), count, (ResizeMethod)resize, new FrameSize(sourceWidth, sourceHeight),
                Text("source"), Text("firstFile"), Text("lastFile"), created, Text("tool"));
            return (header, dataOffset);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Damaged(path, $"unreadable info ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')})");
        }
    }

    static FishKitException Damaged(string path, string why) =>
        FishKitException.Refusal($"frame store '{path}' has a damaged header ({why}); re-pack it with {FishKitException.Say(Term.PackFrames)}.", new(File: path));

    static void Int(Span<byte> span, int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(span[at..], value);

    static int Int(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
}
