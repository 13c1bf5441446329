using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FishKit.Motion;

/// <summary>The sum of |a[i] - b[i]| over two byte images, exact in integers: the hot loop of y-tilde.</summary>
public static class AbsoluteDifference
{
    /// <summary>Sum of |a[i] - b[i]| (equal lengths). Uses the x86 SAD instruction (vpsadbw) where available.</summary>
    public static ulong Sum(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"images differ in length ({a.Length} and {b.Length})");
        return Avx2.IsSupported ? SumAvx2(a, b) : SumPortable(a, b);
    }

    /// <summary>vpsadbw: each 8-byte group's absolute differences summed into a 64-bit lane, 32 bytes per step.</summary>
    internal static ulong SumAvx2(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        ref byte pa = ref MemoryMarshal.GetReference(a);
        ref byte pb = ref MemoryMarshal.GetReference(b);
        var total = Vector256<ulong>.Zero;
        int i = 0;
        for (; i + 32 <= a.Length; i += 32)
            total += Avx2.SumAbsoluteDifferences(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i)).AsUInt64();
        return Vector256.Sum(total) + SumScalar(a[i..], b[i..]);
    }

    /// <summary>
    /// Any SIMD width: |a-b| as max - min, widened to 16 bits and accumulated; the 16-bit sums are flushed to 32-bit
    /// ones before they can overflow (each step adds at most 2 x 255 per lane, so 128 steps stay below 65,536).
    /// </summary>
    internal static ulong SumPortable(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int step = Vector<byte>.Count, i = 0;
        ulong total = 0;
        while (Vector.IsHardwareAccelerated && i + step <= a.Length)
        {
            var words = Vector<ushort>.Zero;
            for (int k = 0; k < 128 && i + step <= a.Length; k++, i += step)
            {
                var va = new Vector<byte>(a[i..]);
                var vb = new Vector<byte>(b[i..]);
                Vector.Widen(Vector.Max(va, vb) - Vector.Min(va, vb), out var low, out var high);
                words += low + high;
            }
            Vector.Widen(words, out var lowSums, out var highSums);
            total += Vector.Sum(lowSums + highSums);
        }
        return total + SumScalar(a[i..], b[i..]);
    }

    static ulong SumScalar(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        ulong total = 0;
        for (int i = 0; i < a.Length; i++) total += (ulong)Math.Abs(a[i] - b[i]);
        return total;
    }
}
