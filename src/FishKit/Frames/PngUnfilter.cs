using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FishKit.Frames;

/// <summary>
/// Undoes the PNG row filters (None, Sub, Up, Average, Paeth) for one byte per pixel. Up is a vector add; Sub is a
/// running sum done 16 bytes per register on x86; Paeth is serial in general but a running sum wherever the row
/// above is flat, which on a black background is almost everywhere; Average is serial. When the whole row above is
/// black (always for the first row) Up is a copy and Average halves the left neighbour.
/// </summary>
static class PngUnfilter
{
    public const byte None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4;

    /// <summary>Reconstructs <paramref name="row"/> from its filtered bytes and the reconstructed row above (<paramref name="prior"/>).</summary>
    public static void Row(byte filter, ReadOnlySpan<byte> filtered, ReadOnlySpan<byte> prior, bool priorIsBlack, Span<byte> row)
    {
        switch (filter)
        {
            case None: filtered.CopyTo(row); break;
            case Sub: PrefixSum(filtered, row); break;
            case Up when priorIsBlack: filtered.CopyTo(row); break;
            case Up: AddUp(filtered, prior, row); break;
            case Average when priorIsBlack: AverageOverBlack(filtered, row); break;
            case Average: AverageRow(filtered, prior, row); break;
            case Paeth when priorIsBlack: PrefixSum(filtered, row); break;
            case Paeth: PaethRow(filtered, prior, row); break;
            default: throw new InvalidDataException($"unknown PNG row filter {filter}");
        }
    }

    /// <summary>Sub: each byte adds the reconstructed byte to its left, i.e. a running sum modulo 256.</summary>
    public static void PrefixSum(ReadOnlySpan<byte> filtered, Span<byte> row)
    {
        int n = filtered.Length, i = 0;
        if (Ssse3.IsSupported && n >= 16)
        {
            ref byte src = ref MemoryMarshal.GetReference(filtered);
            ref byte dst = ref MemoryMarshal.GetReference(row);
            var carry = Vector128<byte>.Zero;
            for (; i + 16 <= n; i += 16)
            {
                var v = PrefixSum16(Vector128.LoadUnsafe(ref src, (nuint)i)) + carry;
                v.StoreUnsafe(ref dst, (nuint)i);
                carry = Ssse3.Shuffle(v, Vector128.Create((byte)15));
            }
        }
        byte left = i > 0 ? row[i - 1] : (byte)0;
        for (; i < n; i++) row[i] = left = (byte)(filtered[i] + left);
    }

    /// <summary>Running sum of 16 bytes in a register: add the vector shifted by 1, 2, 4 and 8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector128<byte> PrefixSum16(Vector128<byte> v)
    {
        v += Sse2.ShiftLeftLogical128BitLane(v, 1);
        v += Sse2.ShiftLeftLogical128BitLane(v, 2);
        v += Sse2.ShiftLeftLogical128BitLane(v, 4);
        return v + Sse2.ShiftLeftLogical128BitLane(v, 8);
    }

    /// <summary>Up: each byte adds the byte above.</summary>
    public static void AddUp(ReadOnlySpan<byte> filtered, ReadOnlySpan<byte> prior, Span<byte> row)
    {
        int n = filtered.Length, i = 0;
        for (; i + Vector<byte>.Count <= n; i += Vector<byte>.Count)
            (new Vector<byte>(filtered[i..]) + new Vector<byte>(prior[i..])).CopyTo(row[i..]);
        for (; i < n; i++) row[i] = (byte)(filtered[i] + prior[i]);
    }

    /// <summary>Average with a black row above: each byte adds half the reconstructed byte to its left.</summary>
    static void AverageOverBlack(ReadOnlySpan<byte> filtered, Span<byte> row)
    {
        int left = 0;
        for (int i = 0; i < filtered.Length; i++) row[i] = (byte)(left = (byte)(filtered[i] + (left >> 1)));
    }

    /// <summary>Average: each byte adds the floor of the mean of the left and upper bytes.</summary>
    static void AverageRow(ReadOnlySpan<byte> filtered, ReadOnlySpan<byte> prior, Span<byte> row)
    {
        int left = 0;
        for (int i = 0; i < filtered.Length; i++) row[i] = (byte)(left = (byte)(filtered[i] + ((left + prior[i]) >> 1)));
    }

    /// <summary>
    /// Paeth: each byte adds whichever of left (a), upper (b), upper-left (c) is closest to a + b - c (ties in that order).
    /// Where the row above is flat (b = c, e.g. black background) the predictor is a, so 16-byte blocks over a flat
    /// stretch of the row above are a running sum, done in a register; the rest is byte by byte.
    /// </summary>
    static void PaethRow(ReadOnlySpan<byte> filtered, ReadOnlySpan<byte> prior, Span<byte> row)
    {
        int n = filtered.Length, i = 1;
        row[0] = (byte)(filtered[0] + prior[0]); // no left neighbours: the predictor is b
        if (Ssse3.IsSupported)
        {
            ref byte src = ref MemoryMarshal.GetReference(filtered);
            ref byte above = ref MemoryMarshal.GetReference(prior);
            ref byte dst = ref MemoryMarshal.GetReference(row);
            for (; i + 16 <= n; i += 16)
            {
                if (Vector128.LoadUnsafe(ref above, (nuint)i) == Vector128.LoadUnsafe(ref above, (nuint)(i - 1)))
                    (PrefixSum16(Vector128.LoadUnsafe(ref src, (nuint)i)) + Vector128.Create(row[i - 1])).StoreUnsafe(ref dst, (nuint)i);
                else
                    PaethBytes(filtered, prior, row, i, i + 16);
            }
        }
        PaethBytes(filtered, prior, row, i, n);
    }

    /// <summary>Paeth for bytes <paramref name="from"/> (at least 1) to <paramref name="to"/>, one by one.</summary>
    static void PaethBytes(ReadOnlySpan<byte> filtered, ReadOnlySpan<byte> prior, Span<byte> row, int from, int to)
    {
        int a = row[from - 1], c = prior[from - 1];
        for (int i = from; i < to; i++)
        {
            int b = prior[i];
            a = (byte)(filtered[i] + PaethPredictor(a, b, c));
            row[i] = (byte)a;
            c = b;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int PaethPredictor(int a, int b, int c)
    {
        int pa = Math.Abs(b - c), pb = Math.Abs(a - c), pc = Math.Abs(a + b - 2 * c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
