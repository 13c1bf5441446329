using System.Buffers.Binary;
using System.Numerics;

namespace FishKit.Keras;

/// <summary>
/// CRC-32C (Castagnoli) as LevelDB and TensorFlow checksum their blocks and tensors, and the masked form they store
/// (rotated right by 15 bits plus a constant, so that the CRC of data that holds CRCs stays informative).
/// </summary>
internal static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/> (0xE3069283 for the ASCII digits "123456789").</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        for (; data.Length >= sizeof(ulong); data = data[sizeof(ulong)..])
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
        foreach (byte b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    /// <summary>The CRC-32C of <paramref name="data"/> in the masked form stored in files.</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        uint crc = Compute(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }
}
