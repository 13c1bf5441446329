namespace FishKit.Keras;

/// <summary>
/// Where one tensor of a TensorFlow checkpoint lies (a BundleEntryProto): its type and shape, the data shard, the byte
/// range in it and the masked CRC-32C of those bytes (null when the checkpoint stored none).
/// </summary>
public sealed record BundleEntry(string Name, TensorDType DType, IReadOnlyList<long> Shape, int Shard, long Offset, long Size, uint? Crc)
{
    /// <summary>Number of elements (1 for a scalar).</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The shape as Python prints it, e.g. (3, 3, 4, 64).</summary>
    public string ShapeText => Shape.Count == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";

    /// <summary>The type as TensorFlow names it, e.g. DT_FLOAT.</summary>
    public string DTypeText => Enum.IsDefined(DType) ? $"DT_{DType.ToString().ToUpperInvariant()}" : $"DataType {(int)DType}";

    /// <summary>
    /// Decodes a BundleEntryProto: dtype 1, shape 2 (TensorShapeProto: dim 2 with size 1, unknown_rank 3), shard_id 3,
    /// offset 4, size 5, crc32c 6; slices 7 (a partitioned variable) are refused.
    /// </summary>
    internal static BundleEntry Parse(string name, ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        TensorDType dtype = TensorDType.Invalid;
        List<long> shape = [];
        long shard = 0, offset = 0, size = 0;
        uint? crc = null;
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case 1: dtype = (TensorDType)(int)reader.Varint64(); break;
                case 2: shape = ParseShape(name, reader.Bytes()); break;
                case 3: shard = (long)reader.Varint64(); break;
                case 4: offset = (long)reader.Varint64(); break;
                case 5: size = (long)reader.Varint64(); break;
                case 6: crc = reader.Fixed32Value(); break;
                case 7: throw new InvalidDataException($"'{name}' is a partitioned (sliced) variable, which the import does not read");
                default: reader.Skip(); break;
            }
        }
        if (shard is < 0 or > int.MaxValue || offset < 0 || size < 0)
            throw new InvalidDataException($"'{name}' has an impossible location (shard {shard}, offset {offset}, size {size})");
        return new BundleEntry(name, dtype, shape, (int)shard, offset, size, crc);
    }

    static List<long> ParseShape(string name, ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        var dims = new List<long>();
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case 2: dims.Add(ParseDimension(name, reader.Bytes())); break;
                case 3: if (reader.Varint64() != 0) throw new InvalidDataException($"'{name}' has a shape of unknown rank"); break;
                default: reader.Skip(); break;
            }
        }
        return dims;
    }

    /// <summary>A TensorShapeProto.Dim's size (field 1); -1 means unknown.</summary>
    static long ParseDimension(string name, ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        long size = 0;
        while (reader.Next(out int field))
            if (field == 1) size = (long)reader.Varint64();
            else reader.Skip();
        if (size < 0) throw new InvalidDataException($"'{name}' has a dimension of unknown size");
        return size;
    }
}
