using System.Buffers.Binary;

namespace FishKit.Keras;

/// <summary>
/// Reads a LevelDB-format table, the format of a TensorFlow checkpoint's index: data blocks of prefix-compressed keys
/// with restart points, an index block of handles to them, and a 48-byte footer (metaindex and index block handles,
/// then the magic number). Every block's masked CRC-32C is checked and keys must ascend; only uncompressed blocks are
/// read, as TensorFlow writes checkpoint indexes. Malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class SortedTable
{
    const ulong Magic = 0xdb4775248b80fb57;
    const int FooterLength = 48, TrailerLength = 5;

    /// <summary>Every key and value of the table, in key order.</summary>
    public static List<(byte[] Key, byte[] Value)> Read(ReadOnlySpan<byte> table)
    {
        if (table.Length < FooterLength)
            throw new InvalidDataException($"it is {table.Length} bytes long, shorter than a table's {FooterLength}-byte footer");
        var footer = table[^FooterLength..];
        if (BinaryPrimitives.ReadUInt64LittleEndian(footer[40..]) != Magic)
            throw new InvalidDataException("it does not end in the LevelDB table magic number (truncated, or not a checkpoint index)");
        int at = 0;
        ReadHandle(footer, ref at, table.Length); // the metaindex block: TensorFlow leaves it empty
        var entries = new List<(byte[] Key, byte[] Value)>();
        foreach (var (_, handle) in ReadBlock(table, ReadHandle(footer, ref at, table.Length)))
        {
            int h = 0;
            foreach (var entry in ReadBlock(table, ReadHandle(handle, ref h, table.Length)))
            {
                if (entries.Count > 0 && entries[^1].Key.AsSpan().SequenceCompareTo(entry.Key) >= 0)
                    throw new InvalidDataException($"its keys are out of order at '{System.Text.Encoding.UTF8.GetString(entry.Key)}'");
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>A block handle (varint offset and size) that must lie before the footer.</summary>
    static (int Offset, int Size) ReadHandle(ReadOnlySpan<byte> bytes, ref int position, int tableLength)
    {
        ulong offset = ProtoReader.ReadVarint(bytes, ref position), size = ProtoReader.ReadVarint(bytes, ref position);
        if (offset > (ulong)tableLength || size > (ulong)tableLength || offset + size + TrailerLength > (ulong)(tableLength - FooterLength))
            throw new InvalidDataException($"a block handle (offset {offset}, size {size}) points past the end of the file");
        return ((int)offset, (int)size);
    }

    /// <summary>The entries of the block at <paramref name="handle"/>, after checking its checksum and compression type.</summary>
    static List<(byte[] Key, byte[] Value)> ReadBlock(ReadOnlySpan<byte> table, (int Offset, int Size) handle)
    {
        var (offset, size) = handle;
        var block = table.Slice(offset, size);
        byte type = table[offset + size];
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(table[(offset + size + 1)..]);
        uint computed = Crc32C.Masked(table.Slice(offset, size + 1));
        if (stored != computed)
            throw new InvalidDataException($"the block at byte {offset} fails its checksum (stored 0x{stored:x8}, computed 0x{computed:x8}): the file is damaged");
        if (type != 0)
            throw new InvalidDataException($"the block at byte {offset} is {(type switch { 1 => "snappy", 2 => "zstd", _ => $"type {type}" })}-compressed; only uncompressed tables (as TensorFlow writes checkpoint indexes) can be read");
        if (size < 4) throw new InvalidDataException($"the block at byte {offset} is {size} bytes, too short for its restart count");
        uint restarts = BinaryPrimitives.ReadUInt32LittleEndian(block[^4..]);
        if (restarts > (uint)(size - 4) / 4) throw new InvalidDataException($"the block at byte {offset} claims {restarts} restart points, more than fit in it");
        int end = size - 4 - 4 * (int)restarts;
        var restartPoints = new HashSet<int>();
        for (int r = 0; r < restarts; r++) restartPoints.Add(BinaryPrimitives.ReadInt32LittleEndian(block[(end + 4 * r)..]));

        var entries = new List<(byte[] Key, byte[] Value)>();
        var key = Array.Empty<byte>();
        for (int p = 0; p < end;)
        {
            bool restart = restartPoints.Contains(p);
            ulong shared = ProtoReader.ReadVarint(block[..end], ref p), own = ProtoReader.ReadVarint(block[..end], ref p),
                length = ProtoReader.ReadVarint(block[..end], ref p);
            if (shared > (ulong)key.Length || (restart && shared != 0) || own > (ulong)(end - p) || length > (ulong)(end - p) - own)
                throw new InvalidDataException($"an entry of the block at byte {offset} has inconsistent key or value lengths: the file is damaged");
            key = [.. key.AsSpan(0, (int)shared), .. block.Slice(p, (int)own)];
            p += (int)own;
            entries.Add((key, block.Slice(p, (int)length).ToArray()));
            p += (int)length;
        }
        return entries;
    }
}
