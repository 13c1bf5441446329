using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FishKit.Frames;

namespace FishKit.Clips;

/// <summary>
/// Copies a sample's frames from the memory-mapped store straight into its place in a batch, flipping on the way.
/// A clip in (n, c, H, W) layout is its n x c frames back to back in time order (see <see cref="ClipLayout"/>), so
/// assembling it is n x c frame copies: no float conversion, and overlapping clips share nothing but the store.
/// </summary>
public static class ClipAssembler
{
    /// <summary>Writes the clip of <paramref name="sample"/> into <paramref name="destination"/> (Steps x Channels x H x W bytes).</summary>
    public static void Copy(ClipSet set, ClipSample sample, Span<byte> destination)
    {
        var layout = set.Layout;
        var store = set.Store;
        int frameBytes = store.FrameBytes;
        if (destination.Length < (long)layout.FramesPerClip * frameBytes)
            throw new ArgumentException($"destination holds {destination.Length} bytes; a clip of {layout} at {store.Size} needs {(long)layout.FramesPerClip * frameBytes}", nameof(destination));
        int first = layout.FrameOf(sample.Frame, 0, 0);
        if (first < 0 || sample.Frame >= store.Count)
            throw new ArgumentOutOfRangeException(nameof(sample), sample, $"the clip needs frames {first}..{sample.Frame}; the store has 0..{store.Count - 1}");
        using var hold = store.Hold(); // the mapping outlives a Dispose on another thread until this clip is copied
        if (sample.Flip == Flip.None && layout.Stride == 1)
        {
            store.Frames(first, layout.FramesPerClip).CopyTo(destination); // consecutive frames: one block
            return;
        }
        for (int i = 0; i < layout.FramesPerClip; i++)
            CopyFrame(store.Frame(first + i * layout.Stride), destination.Slice(i * frameBytes, frameBytes), sample.Flip, store.Size);
    }

    /// <summary>A short row copied inline, 32 bytes at a time (a library copy per 160-byte row costs more than the copying).</summary>
    static void CopyRow(ReadOnlySpan<byte> source, Span<byte> target)
    {
        int n = source.Length, i = 0;
        Debug.Assert(target.Length == n);
        ref byte from = ref MemoryMarshal.GetReference(source);
        ref byte to = ref MemoryMarshal.GetReference(target);
        for (; i + 32 <= n; i += 32) Vector256.LoadUnsafe(ref from, (nuint)i).StoreUnsafe(ref to, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
    }

    /// <summary>The bytes of <paramref name="source"/> in reverse order into <paramref name="target"/> (same length), 32 or 16 at a time.</summary>
    static void ReverseCopy(ReadOnlySpan<byte> source, Span<byte> target)
    {
        int n = source.Length, i = 0;
        Debug.Assert(target.Length == n);
        ref byte from = ref MemoryMarshal.GetReference(source);
        ref byte to = ref MemoryMarshal.GetReference(target);
        if (Avx2.IsSupported)
        {
            // Reverse the bytes within each 128-bit lane, then swap the lanes.
            var inLane = Vector256.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
            for (; i + 32 <= n; i += 32)
            {
                var v = Avx2.Shuffle(Vector256.LoadUnsafe(ref from, (nuint)i), inLane);
                Avx2.Permute4x64(v.AsUInt64(), 0b01_00_11_10).AsByte().StoreUnsafe(ref to, (nuint)(n - i - 32));
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            var reverse = Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
            for (; i + 16 <= n; i += 16)
                Vector128.Shuffle(Vector128.LoadUnsafe(ref from, (nuint)i), reverse).StoreUnsafe(ref to, (nuint)(n - i - 16));
        }
        for (; i < n; i++) Unsafe.Add(ref to, n - 1 - i) = Unsafe.Add(ref from, i);
    }

    /// <summary>One frame, flipped: left-right reverses each row, up-down the row order, both the whole frame.</summary>
    static void CopyFrame(ReadOnlySpan<byte> source, Span<byte> target, Flip flip, FrameSize size)
    {
        int width = size.Width, height = size.Height;
        switch (flip)
        {
            case Flip.None:
                source.CopyTo(target);
                break;
            case Flip.Both:
                ReverseCopy(source, target);
                break;
            case Flip.LeftRight:
                for (int y = 0; y < height; y++) ReverseCopy(source.Slice(y * width, width), target.Slice(y * width, width));
                break;
            case Flip.UpDown:
                for (int y = 0; y < height; y++) CopyRow(source.Slice(y * width, width), target.Slice((height - 1 - y) * width, width));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(flip), flip, "unknown flip");
        }
    }
}
