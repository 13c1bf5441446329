using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using FishKit.Errors;
using FishKit.Frames;
using FishKit.IO;

namespace FishKit.Store;

/// <summary>
/// A frame store opened for reading: the file is memory-mapped read-only and each frame is handed out as a span over
/// the mapping, so nothing is copied into managed memory and only the pages touched are read from disk (a 54,000-frame
/// split at 160x120 is ~1 GB, never loaded whole). The header is checked on open, and by default the checksum too.
/// Thread-safe for reading; spans must not be used after <see cref="Dispose"/>. The format: <see cref="FrameStoreFormat"/>.
/// </summary>
public sealed unsafe class FrameStore : IDisposable
{
    /// <summary>Bytes hashed per call when verifying (spans are limited to 2 GB).</summary>
    const int HashBlock = 64 << 20;

    readonly MemoryMappedFile map;
    readonly MemoryMappedViewAccessor view;
    readonly byte* file;
    readonly byte* frames;
    int disposed;

    FrameStore(string path, FrameStoreHeader header, int dataOffset, MemoryMappedFile map, MemoryMappedViewAccessor view)
    {
        Path = path;
        Header = header;
        this.map = map;
        this.view = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        file = pointer + view.PointerOffset;
        frames = file + dataOffset;
        DataOffset = dataOffset;
    }

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <summary>What the store holds.</summary>
    public FrameStoreHeader Header { get; }

    /// <summary>The stored frame size.</summary>
    public FrameSize Size => Header.Size;

    /// <summary>The number of frames.</summary>
    public int Count => Header.Count;

    /// <summary>Bytes of one frame (width x height).</summary>
    public int FrameBytes => Header.FrameBytes;

    int DataOffset { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>: checks the header (magic, version, sizes, file length) and, when
    /// <paramref name="verifyChecksum"/>, the checksum of the whole file (XxHash3: a few GB/s, so ~1 GB costs well under a second once cached).
    /// </summary>
    public static FrameStore Open(string path, bool verifyChecksum = true)
    {
        if (Directory.Exists(path))
            throw FishKitException.Refusal($"'{path}' is a folder, not a FishKit frame store; pack it first with {FishKitException.Say(Term.PackFrames)}.", new(File: path));
        if (!File.Exists(path))
            throw FishKitException.Refusal($"frame store '{path}' does not exist; make it with {FishKitException.Say(Term.PackFrames)}.", new(File: path));
        RegularFile.Check(path, "frame store");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw FileErrors.Reading(path, e);
        }
        FrameStore? store = null;
        try
        {
            var (header, dataOffset) = FrameStoreFormat.Decode(path, stream.SafeFileHandle);
            var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            store = new FrameStore(path, header, dataOffset, map, view);
            if (verifyChecksum) store.Verify();
            return store;
        }
        catch
        {
            if (store is null) stream.Dispose();
            else store.Dispose();
            throw;
        }
    }

    /// <summary>Frame <paramref name="index"/>: <see cref="FrameBytes"/> bytes, row-major, straight from the mapping.</summary>
    public ReadOnlySpan<byte> Frame(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"frame store '{Path}' has {Count} frames");
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        return new ReadOnlySpan<byte>(frames + (long)index * FrameBytes, FrameBytes);
    }

    /// <summary>Frames <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 back to back, straight from the mapping (at most 2 GB).</summary>
    public ReadOnlySpan<byte> Frames(int start, int count)
    {
        if (start < 0 || count < 0 || (long)start + count > Count || (long)count * FrameBytes > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"frames {start}..{(long)start + count - 1} are not a block of under 2 GB within the {Count} frames of '{Path}'");
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        return new ReadOnlySpan<byte>(frames + (long)start * FrameBytes, count * FrameBytes);
    }

    /// <summary>
    /// Keeps the mapping alive until the returned hold is disposed, even if the store is disposed meanwhile (then
    /// <see cref="Frame"/> throws, but spans taken under the hold stay readable). Throws if the store is disposed already.
    /// </summary>
    public MappingHold Hold()
    {
        bool added = false;
        view.SafeMemoryMappedViewHandle.DangerousAddRef(ref added);
        return new MappingHold(view.SafeMemoryMappedViewHandle);
    }

    /// <summary>A reference on the mapping, released by <see cref="Dispose"/>.</summary>
    public readonly struct MappingHold(System.Runtime.InteropServices.SafeHandle handle) : IDisposable
    {
        public void Dispose() => handle.DangerousRelease();
    }

    /// <summary>The checksum recorded in the file.</summary>
    public ulong RecordedChecksum
    {
        get
        {
            using var hold = Hold();
            return BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(frames + Header.DataBytes, FrameStoreFormat.TrailerBytes));
        }
    }

    /// <summary>XxHash3 of the header and frames as they are now in the file (reads the whole file).</summary>
    public ulong ComputeChecksum()
    {
        using var hold = Hold();
        var hash = new XxHash3();
        long total = DataOffset + Header.DataBytes;
        for (long at = 0; at < total; at += HashBlock)
            hash.Append(new ReadOnlySpan<byte>(file + at, (int)Math.Min(HashBlock, total - at)));
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Throws when the file's content no longer matches its checksum (damaged on disk or in transfer).</summary>
    public void Verify()
    {
        if (ComputeChecksum() != RecordedChecksum)
            throw FishKitException.Refusal($"frame store '{Path}': checksum mismatch: re-pack with {FishKitException.Say(Term.PackFrames)}.", new(File: Path));
    }

    /// <summary>Unmaps the file. Spans handed out before must not be used afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
    }
}
