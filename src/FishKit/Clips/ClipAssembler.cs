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
        for (int i = 0; i < layout.FramesPerClip; i++)
            CopyFrame(store.Frame(first + i * layout.Stride), destination.Slice(i * frameBytes, frameBytes), sample.Flip, store.Size);
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
                source.CopyTo(target);
                target.Reverse();
                break;
            case Flip.LeftRight:
                source.CopyTo(target);
                for (int y = 0; y < height; y++) target.Slice(y * width, width).Reverse();
                break;
            case Flip.UpDown:
                for (int y = 0; y < height; y++) source.Slice((height - 1 - y) * width, width).CopyTo(target.Slice(y * width, width));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(flip), flip, "unknown flip");
        }
    }
}
