using System.Buffers.Binary;

namespace FishKit.IO;

/// <summary>
/// 1-D series in NumPy's <c>.npy</c> format: reads float32/float64/int8/int16/int32/int64/uint8/bool, little-endian,
/// shape (N,) or (N, 1); refuses anything else with a message that names the file and what it found.
/// </summary>
static class NpySeries
{
    /// <summary>The dtypes a series may have: numpy's dtype string (without byte order), size, and reader.</summary>
    static readonly (string Code, string Name, int Size, Func<ReadOnlySpan<byte>, double> Read)[] Types =
    [
        ("f8", "float64", 8, BinaryPrimitives.ReadDoubleLittleEndian),
        ("f4", "float32", 4, b => BinaryPrimitives.ReadSingleLittleEndian(b)),
        ("i1", "int8", 1, b => (sbyte)b[0]),
        ("i2", "int16", 2, b => BinaryPrimitives.ReadInt16LittleEndian(b)),
        ("i4", "int32", 4, b => BinaryPrimitives.ReadInt32LittleEndian(b)),
        ("i8", "int64", 8, b => BinaryPrimitives.ReadInt64LittleEndian(b)),
        ("u1", "uint8", 1, b => b[0]),
        ("b1", "bool", 1, b => b[0] != 0 ? 1 : 0),
    ];

    const string Supported = "float32, float64, int8, int16, int32, int64, uint8 or bool";

    /// <summary>The values of the series in <paramref name="file"/> (the bytes of <paramref name="path"/>), as doubles, and numpy's name of their dtype.</summary>
    public static (double[] Values, string DType) Read(ReadOnlySpan<byte> file, string path)
    {
        var (header, offset) = NpyHeader.Parse(file, path);
        var type = TypeOf(header.Descr, path);
        long n = LengthOf(header.Shape, path);
        if (n > Array.MaxLength)
            throw new FishKitException($"'{path}' announces {n:N0} {type.Name} values, more than a series can hold ({Array.MaxLength:N0}); the file is damaged or not a per-frame series.");
        long found = file.Length - offset;
        long expected = n * type.Size;
        if (found < expected)
            throw new FishKitException($"'{path}' is truncated: its header announces {n} {type.Name} values ({expected} bytes) but only {found} bytes follow.");
        if (found > expected)
            throw new FishKitException($"'{path}' has {found - expected} bytes after its {n} {type.Name} values; it is not a valid .npy file.");
        // Fortran or C order: the same bytes for shape (N,) and (N, 1), so both are read alike.
        var values = new double[n];
        var data = file[offset..];
        for (int i = 0; i < values.Length; i++) values[i] = type.Read(data.Slice(i * type.Size, type.Size));
        return (values, type.Name);
    }

    /// <summary>A float64 (<c>&lt;f8</c>) .npy file of <paramref name="values"/>, byte for byte as numpy writes it.</summary>
    public static byte[] Float64(ReadOnlySpan<double> values)
    {
        var header = new NpyHeader("<f8", false, [values.Length]).ToBytes();
        var bytes = new byte[header.Length + 8L * values.Length];
        header.CopyTo(bytes, 0);
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(header.Length + 8 * i), values[i]);
        return bytes;
    }

    /// <summary>A numpy bool (<c>|b1</c>) .npy file of <paramref name="labels"/>: one byte 0 or 1 per frame.</summary>
    public static byte[] Bool(ReadOnlySpan<bool> labels)
    {
        var header = new NpyHeader("|b1", false, [labels.Length]).ToBytes();
        var bytes = new byte[header.Length + labels.Length];
        header.CopyTo(bytes, 0);
        for (int i = 0; i < labels.Length; i++) bytes[header.Length + i] = labels[i] ? (byte)1 : (byte)0;
        return bytes;
    }

    static (string Code, string Name, int Size, Func<ReadOnlySpan<byte>, double> Read) TypeOf(string descr, string path)
    {
        if (descr.Length == 3)
        {
            char order = descr[0];
            var code = descr[1..];
            foreach (var type in Types)
                if (type.Code == code)
                {
                    if (order == '<' || (order == '|' && type.Size == 1)) return type;
                    if (order == '>')
                        throw new FishKitException($"'{path}' is big-endian ({descr}); re-save it little-endian, e.g. np.save(path, a.astype('<{code}')).");
                }
        }
        throw new FishKitException($"'{path}' has dtype '{descr}'; a series must be {Supported}, little-endian.");
    }

    static long LengthOf(long[] shape, string path) => shape is [_] or [_, 1]
        ? shape[0]
        : throw new FishKitException(
            $"'{path}' has shape ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : "")}); a series must have shape (N,) or (N, 1).");
}
