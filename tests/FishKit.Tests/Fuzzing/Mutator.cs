using System.Buffers.Binary;

namespace FishKit.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of a valid file, the same sequence for the same seed: bit flips, truncation, byte insertion,
/// chunk duplication and length-field edits (binary fields set to boundary values, numbers in text to extreme ones).
/// </summary>
public sealed class Mutator(int seed)
{
    /// <summary>The kinds of mutation, in the order they are counted.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["bit flip", "truncation", "insertion", "chunk duplication", "length edit"];

    static readonly string[] ExtremeNumbers = ["0", "-1", "1", "2147483648", "-2147483649", "99999999999999999999", "1e308", "-1e308", "1e-320", "NaN", "0.5"];

    readonly Random random = new(seed);

    /// <summary>The next mutation of <paramref name="format"/>'s valid file (never the file itself) and its kind.</summary>
    public (string Kind, byte[] Bytes) Next(FuzzFormat format)
    {
        while (true)
        {
            int kind = random.Next(Kinds.Count);
            var bytes = kind switch
            {
                0 => FlipBits(format.Valid),
                1 => format.Valid[..random.Next(format.Valid.Length)],
                2 => Insert(format.Valid),
                3 => Duplicate(format.Valid, format.Chunks),
                _ => Edit(format.Valid, format.Fields),
            };
            if (!bytes.AsSpan().SequenceEqual(format.Valid)) return (Kinds[kind], bytes);
        }
    }

    byte[] FlipBits(byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        for (int flips = random.Next(1, 5); flips > 0; flips--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return bytes;
    }

    byte[] Insert(byte[] valid)
    {
        var extra = new byte[random.Next(1, 17)];
        random.NextBytes(extra);
        int at = random.Next(valid.Length + 1);
        return [.. valid.AsSpan(0, at), .. extra, .. valid.AsSpan(at)];
    }

    /// <summary>A copy of one chunk inserted after it or after another chunk.</summary>
    byte[] Duplicate(byte[] valid, IReadOnlyList<Range> chunks)
    {
        var chunk = chunks[random.Next(chunks.Count)];
        int at = chunks[random.Next(chunks.Count)].End.Value;
        return [.. valid.AsSpan(0, at), .. valid.AsSpan(chunk), .. valid.AsSpan(at)];
    }

    byte[] Edit(byte[] valid, IReadOnlyList<Field> fields)
    {
        var field = fields[random.Next(fields.Count)];
        if (field.Text)
        {
            var number = System.Text.Encoding.ASCII.GetBytes(ExtremeNumbers[random.Next(ExtremeNumbers.Length)]);
            return [.. valid.AsSpan(0, field.Offset), .. number, .. valid.AsSpan(field.Offset + field.Width)];
        }
        var bytes = (byte[])valid.Clone();
        var span = bytes.AsSpan(field.Offset, field.Width);
        ulong max = field.Width == 8 ? ulong.MaxValue : (1UL << (8 * field.Width)) - 1;
        ulong value = Read(span, field.BigEndian);
        ulong[] choices = [0, 1, value - 1, value + 1, value * 2, value / 2, max, max >> 1, (max >> 1) + 1];
        Write(span, choices[random.Next(choices.Length)] & max, field.BigEndian);
        return bytes;
    }

    static ulong Read(ReadOnlySpan<byte> span, bool bigEndian)
    {
        Span<byte> wide = stackalloc byte[8];
        wide.Clear();
        if (bigEndian) span.CopyTo(wide[(8 - span.Length)..]);
        else span.CopyTo(wide);
        return bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(wide) : BinaryPrimitives.ReadUInt64LittleEndian(wide);
    }

    static void Write(Span<byte> span, ulong value, bool bigEndian)
    {
        Span<byte> wide = stackalloc byte[8];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(wide, value);
            wide[(8 - span.Length)..].CopyTo(span);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(wide, value);
            wide[..span.Length].CopyTo(span);
        }
    }
}
