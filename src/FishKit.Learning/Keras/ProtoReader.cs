namespace FishKit.Keras;

/// <summary>
/// Reads the protocol buffer wire format field by field, as much as the TensorBundle messages need: varint, 32-bit and
/// length-delimited fields (64-bit and group fields are skipped). Malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    readonly ReadOnlySpan<byte> data = data;
    int position;
    int wireType;

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next(out int field)
    {
        field = 0;
        if (position >= data.Length) return false;
        ulong tag = ReadVarint(data, ref position);
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        if (field == 0) throw new InvalidDataException("a protobuf message has a field numbered 0");
        return true;
    }

    /// <summary>The current field as a varint.</summary>
    public ulong Varint64()
    {
        Expect(Varint);
        return ReadVarint(data, ref position);
    }

    /// <summary>The current field as a little-endian 32-bit value.</summary>
    public uint Fixed32Value()
    {
        Expect(Fixed32);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    }

    /// <summary>The current length-delimited field's bytes (a string or an embedded message).</summary>
    public ReadOnlySpan<byte> Bytes()
    {
        Expect(LengthDelimited);
        return Take(checked((int)Math.Min(ReadVarint(data, ref position), int.MaxValue)));
    }

    /// <summary>Skips the current field.</summary>
    public void Skip()
    {
        switch (wireType)
        {
            case Varint: ReadVarint(data, ref position); break;
            case Fixed64: Take(8); break;
            case LengthDelimited: Bytes(); break;
            case Fixed32: Take(4); break;
            default: throw new InvalidDataException($"a protobuf field has wire type {wireType}, which these messages never use");
        }
    }

    void Expect(int type)
    {
        if (wireType != type) throw new InvalidDataException($"a protobuf field has wire type {wireType} where {type} was expected");
    }

    ReadOnlySpan<byte> Take(int count)
    {
        if (count > data.Length - position) throw new InvalidDataException("a protobuf field runs past the end of its message");
        var bytes = data.Slice(position, count);
        position += count;
        return bytes;
    }

    /// <summary>A base-128 varint (at most 10 bytes) at <paramref name="position"/>, which moves past it.</summary>
    public static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (position >= bytes.Length) throw new InvalidDataException("a varint runs past the end of its data");
            byte b = bytes[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("a varint is longer than 10 bytes");
    }
}
