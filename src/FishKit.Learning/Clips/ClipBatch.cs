using FishKit.Frames;
using FishKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Clips;

/// <summary>
/// A batch of clips as the model takes them: uint8 pixels in one pinned buffer of shape (B, n, c, H, W) (the model
/// scales by 1/255 itself: 4x fewer bytes to move than float clips), float labels (B), and the samples they came from.
/// A batch from <see cref="ClipLoader"/> is refilled once the next one is asked for.
/// </summary>
public sealed class ClipBatch
{
    readonly byte[] pixels;
    readonly float[] labels;
    readonly ClipSample[] samples;

    /// <summary>An empty batch for up to <paramref name="capacity"/> clips of <paramref name="layout"/> at <paramref name="size"/>.</summary>
    public ClipBatch(int capacity, ClipLayout layout, FrameSize size)
    {
        layout.Validate();
        if (capacity < 1) throw new FishKitException($"batch size {capacity} must be at least 1.");
        long bytes = (long)capacity * layout.FramesPerClip * size.Pixels;
        if (bytes > Array.MaxLength)
            throw new FishKitException($"a batch of {capacity} clips of {layout} at {size} would take {bytes / (1 << 20):N0} MiB, over 2 GiB; use a smaller batch, clip or frame size.");
        Layout = layout;
        Size = size;
        SampleBytes = (int)(layout.FramesPerClip * size.Pixels);
        pixels = GC.AllocateUninitializedArray<byte>((int)bytes, pinned: true);
        labels = new float[capacity];
        samples = new ClipSample[capacity];
    }

    /// <summary>How each clip is cut.</summary>
    public ClipLayout Layout { get; }

    /// <summary>The frame size (W x H).</summary>
    public FrameSize Size { get; }

    /// <summary>Clips the buffer holds at most.</summary>
    public int Capacity => labels.Length;

    /// <summary>Clips in this batch (the last batch of an epoch may hold fewer than <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>The batch's number within its epoch.</summary>
    public int Index { get; private set; }

    /// <summary>Bytes of one clip: n x c x H x W.</summary>
    public int SampleBytes { get; }

    /// <summary>The batch's shape: (Count, n, c, H, W).</summary>
    public long[] Shape => [Count, Layout.Steps, Layout.Channels, Size.Height, Size.Width];

    /// <summary>The pixels, (Count, n, c, H, W) row-major: clip b, step k, channel j, row y, column x at ((((b*n + k)*c + j)*H + y)*W + x).</summary>
    public ReadOnlySpan<byte> Pixels => pixels.AsSpan(0, Count * SampleBytes);

    /// <summary>The pixels of clip <paramref name="b"/>: (n, c, H, W).</summary>
    public ReadOnlySpan<byte> Clip(int b) => (uint)b < (uint)Count
        ? pixels.AsSpan(b * SampleBytes, SampleBytes)
        : throw new ArgumentOutOfRangeException(nameof(b), b, $"the batch holds {Count} clips");

    /// <summary>Each clip's label, 1 or 0.</summary>
    public ReadOnlySpan<float> Labels => labels.AsSpan(0, Count);

    /// <summary>Each clip's sample: its last frame t and flip.</summary>
    public ReadOnlySpan<ClipSample> Samples => samples.AsSpan(0, Count);

    /// <summary>Fills the batch with the clips of <paramref name="batch"/> from <paramref name="set"/>, as batch number <paramref name="index"/>.</summary>
    public void Fill(ClipSet set, ReadOnlySpan<ClipSample> batch, int index)
    {
        if (set.Layout != Layout || set.Store.Size != Size)
            throw new ArgumentException($"the batch holds clips of {Layout} at {Size}; the set has {set.Layout} at {set.Store.Size}", nameof(set));
        if (batch.Length > Capacity)
            throw new ArgumentException($"{batch.Length} samples do not fit a batch of {Capacity}", nameof(batch));
        for (int b = 0; b < batch.Length; b++)
        {
            ClipAssembler.Copy(set, batch[b], pixels.AsSpan(b * SampleBytes, SampleBytes));
            labels[b] = set.Frames.Label(batch[b].Frame) ? 1f : 0f;
            samples[b] = batch[b];
        }
        Count = batch.Length;
        Index = index;
    }

    /// <summary>
    /// The pixels as a uint8 tensor (Count, n, c, H, W). On the CPU (<paramref name="device"/> null or CPU) the tensor is
    /// a view of this batch's buffer, no copy: use it within the step and dispose it (a dispose scope does) before asking
    /// for the next batch, which refills the buffer. For another device the pixels are copied there. The model turns
    /// them into float and scales by 1/255.
    /// </summary>
    public Tensor PixelTensor(Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        using var flat = frombuffer(pixels, ScalarType.Byte, count: (long)Count * SampleBytes);
        var view = flat.view(Shape);
        if (device is null || device.type == DeviceType.CPU) return view;
        using (view) return view.to(device);
    }

    /// <summary>The labels as a float32 tensor (Count), on <paramref name="device"/> (CPU by default); a copy.</summary>
    public Tensor LabelTensor(Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        return tensor(labels[..Count], device: device);
    }
}
