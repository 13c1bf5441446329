using System.IO.Hashing;
using FishKit.IO;

namespace FishKit.Store;

/// <summary>
/// Writes a frame store from frames handed over in time order (by <see cref="FramePacker"/>, or straight from a
/// simulator): the header, the frames as they come, then the checksum. The file appears under its name only when
/// complete (<see cref="AtomicFile"/>); a failure or cancellation inside <c>fill</c> leaves nothing behind.
/// </summary>
public sealed class FrameStoreWriter
{
    readonly Stream stream;
    readonly XxHash3 hash = new();
    long bytes;

    FrameStoreWriter(Stream stream, FrameStoreHeader header)
    {
        this.stream = stream;
        Header = header;
    }

    /// <summary>The header being written.</summary>
    public FrameStoreHeader Header { get; }

    /// <summary>Frames written so far.</summary>
    public int Written => (int)(bytes / Header.FrameBytes);

    /// <summary>
    /// Writes the store <paramref name="path"/> described by <paramref name="header"/>, whose frames
    /// <paramref name="fill"/> appends; refuses to replace an existing file unless <paramref name="force"/>.
    /// </summary>
    public static void Write(string path, FrameStoreHeader header, bool force, Action<FrameStoreWriter> fill)
    {
        if (Directory.Exists(path))
            throw new FishKitException($"output '{path}' is a folder; give a file path for the frame store (e.g. train.fkframes).");
        if (File.Exists(path) && !force)
            throw FishKitException.Refusal($"output '{path}' exists; choose another path or {FishKitException.Say(Term.Force)} to replace it.", new(File: path));
        AtomicFile.Write(path, stream =>
        {
            var writer = new FrameStoreWriter(stream, header);
            writer.Add(FrameStoreFormat.Encode(header));
            fill(writer);
            writer.Finish(path);
        });
    }

    /// <summary>Appends whole frames (row-major, <see cref="FrameStoreHeader.FrameBytes"/> each), the next ones in time order.</summary>
    public void Append(ReadOnlySpan<byte> frames)
    {
        if (frames.Length % Header.FrameBytes != 0)
            throw new ArgumentException($"{frames.Length} bytes are not whole {Header.Size} frames", nameof(frames));
        if (Written + frames.Length / Header.FrameBytes > Header.Count)
            throw new InvalidOperationException($"more frames than the {Header.Count} the header announces");
        Add(frames);
        bytes += frames.Length;
    }

    void Add(ReadOnlySpan<byte> data)
    {
        hash.Append(data);
        stream.Write(data);
    }

    void Finish(string path)
    {
        if (Written != Header.Count)
            throw new InvalidOperationException($"'{path}': {Written} frames written, the header announces {Header.Count}");
        Span<byte> trailer = stackalloc byte[FrameStoreFormat.TrailerBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(trailer, hash.GetCurrentHashAsUInt64());
        stream.Write(trailer);
    }
}
