using System.Runtime.InteropServices;
using System.Text;

namespace FishKit.Keras;

/// <summary>
/// A TensorFlow checkpoint in the TensorBundle format, read without TensorFlow: <c>PREFIX.index</c>, a LevelDB-format
/// table whose empty key holds the BundleHeaderProto and every other key a tensor's <see cref="BundleEntry"/>, and the
/// data shards <c>PREFIX.data-0000i-of-0000n</c> of raw little-endian tensors. Opening checks the index (block
/// checksums, key order, header), that every shard exists and holds every tensor's bytes; reading a tensor checks its
/// CRC-32C. Problems are <see cref="FishKitException"/>s that name the file and what is wrong.
/// </summary>
public sealed class TensorBundle
{
    /// <summary>The index file.</summary>
    public string IndexPath { get; }

    /// <summary>The data shards, by shard id.</summary>
    public IReadOnlyList<string> ShardPaths { get; }

    /// <summary>Every tensor of the checkpoint by name.</summary>
    public IReadOnlyDictionary<string, BundleEntry> Entries { get; }

    TensorBundle(string indexPath, IReadOnlyList<string> shardPaths, IReadOnlyDictionary<string, BundleEntry> entries)
    {
        IndexPath = indexPath;
        ShardPaths = shardPaths;
        Entries = entries;
    }

    /// <summary>Opens the checkpoint whose files start with <paramref name="prefix"/> (e.g. <c>model/variables/variables</c>).</summary>
    public static TensorBundle Open(string prefix)
    {
        var indexPath = prefix + ".index";
        if (!File.Exists(indexPath)) throw new FishKitException($"TensorFlow checkpoint index '{indexPath}' does not exist.");
        int shards;
        var entries = new Dictionary<string, BundleEntry>();
        try
        {
            var table = SortedTable.Read(File.ReadAllBytes(indexPath));
            if (table.Count == 0 || table[0].Key.Length != 0) throw new InvalidDataException("it has no bundle header (the entry under the empty key)");
            shards = ReadHeader(table[0].Value);
            foreach (var (key, value) in table.Skip(1))
            {
                var entry = BundleEntry.Parse(Encoding.UTF8.GetString(key), value);
                if (entry.Shard >= shards) throw new InvalidDataException($"'{entry.Name}' is in shard {entry.Shard} but the header says there are {shards}");
                entries.Add(entry.Name, entry);
            }
        }
        catch (InvalidDataException e)
        {
            throw new FishKitException($"TensorFlow checkpoint index '{indexPath}' is not readable: {e.Message}.", e);
        }
        var shardPaths = Enumerable.Range(0, shards).Select(i => $"{prefix}.data-{i:D5}-of-{shards:D5}").ToArray();
        CheckShards(shardPaths, entries.Values);
        return new TensorBundle(indexPath, shardPaths, entries);
    }

    /// <summary>The number of shards from a BundleHeaderProto (num_shards 1, endianness 2, version 3), refusing big-endian data.</summary>
    static int ReadHeader(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        ulong shards = 0;
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case 1: shards = reader.Varint64(); break;
                case 2: if (reader.Varint64() != 0) throw new InvalidDataException("its tensors are big-endian; only little-endian checkpoints can be read"); break;
                default: reader.Skip(); break;
            }
        }
        if (shards is 0 or > 99999) throw new InvalidDataException($"its header gives {shards} data shards");
        return (int)shards;
    }

    static void CheckShards(string[] shardPaths, IEnumerable<BundleEntry> entries)
    {
        var lengths = new long[shardPaths.Length];
        for (int i = 0; i < shardPaths.Length; i++)
        {
            if (!File.Exists(shardPaths[i]))
                throw new FishKitException($"TensorFlow checkpoint data shard '{shardPaths[i]}' is missing; copy the whole variables folder.");
            lengths[i] = new FileInfo(shardPaths[i]).Length;
        }
        foreach (var e in entries)
            if (e.Offset > lengths[e.Shard] - e.Size)
                throw new FishKitException($"TensorFlow checkpoint data shard '{shardPaths[e.Shard]}' is {lengths[e.Shard]} bytes but '{e.Name}' lies at bytes {e.Offset}..{e.Offset + e.Size}: the file is truncated.");
    }

    /// <summary>The entry of tensor <paramref name="name"/>, or null when the checkpoint has none.</summary>
    public BundleEntry? Find(string name) => Entries.GetValueOrDefault(name);

    /// <summary>A float32 tensor's values in row-major order (TensorFlow's layout), after checking its CRC-32C.</summary>
    public float[] ReadFloats(BundleEntry entry) => MemoryMarshal.Cast<byte, float>(Read(entry, TensorDType.Float, sizeof(float))).ToArray();

    /// <summary>An int64 scalar's value, after checking its CRC-32C.</summary>
    public long ReadInt64(BundleEntry entry)
    {
        if (entry.Count != 1) throw Damaged(entry, $"is {entry.ShapeText} where a scalar was expected");
        return MemoryMarshal.Read<long>(Read(entry, TensorDType.Int64, sizeof(long)));
    }

    /// <summary>A float32 scalar's value, after checking its CRC-32C.</summary>
    public float ReadFloat(BundleEntry entry)
    {
        if (entry.Count != 1) throw Damaged(entry, $"is {entry.ShapeText} where a scalar was expected");
        return ReadFloats(entry)[0];
    }

    byte[] Read(BundleEntry entry, TensorDType dtype, int elementSize)
    {
        if (entry.DType != dtype) throw new FishKitException($"TensorFlow checkpoint index '{IndexPath}' stores '{entry.Name}' as {entry.DTypeText}; the import reads it as DT_{dtype.ToString().ToUpperInvariant()}.");
        if (entry.Size != entry.Count * elementSize) throw Damaged(entry, $"holds {entry.Size} bytes, but {entry.DTypeText} of shape {entry.ShapeText} takes {entry.Count * elementSize}");
        var bytes = new byte[entry.Size];
        using (var handle = File.OpenHandle(ShardPaths[entry.Shard]))
            if (RandomAccess.Read(handle, bytes, entry.Offset) != bytes.Length)
                throw new FishKitException($"TensorFlow checkpoint data shard '{ShardPaths[entry.Shard]}' ended before the bytes of '{entry.Name}': the file is truncated.");
        if (entry.Crc is uint stored && Crc32C.Masked(bytes) is var computed && computed != stored)
            throw new FishKitException($"TensorFlow checkpoint data shard '{ShardPaths[entry.Shard]}' is damaged: '{entry.Name}' fails its CRC-32C (stored 0x{stored:x8}, computed 0x{computed:x8}).");
        return bytes;
    }

    FishKitException Damaged(BundleEntry entry, string what) =>
        new($"TensorFlow checkpoint index '{IndexPath}' is damaged: '{entry.Name}' {what}.");
}
