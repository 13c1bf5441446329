using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace FishKit.Baselines;

/// <summary>
/// Windows of a y-tilde series for the LSTM: window t is y-tilde[t - length + 1 .. t]. Windows are spans into the
/// series (no copy); a batch is written straight into one buffer.
/// </summary>
public sealed class YTildeWindows
{
    readonly double[] ytilde;

    /// <summary>Windows of <paramref name="length"/> values over <paramref name="ytilde"/> (kept, not copied).</summary>
    public YTildeWindows(double[] ytilde, int length = 120)
    {
        if (length < 1) throw new FishKitException($"y-tilde window length = {length} must be at least 1.");
        if (ytilde.Length < length)
            throw new FishKitException($"y-tilde has {ytilde.Length} values but a window needs {length}; use a longer video or a shorter window.");
        this.ytilde = ytilde;
        Length = length;
    }

    /// <summary>Values per window.</summary>
    public int Length { get; }

    /// <summary>The first frame with a full window (length - 1).</summary>
    public int FirstFrame => Length - 1;

    /// <summary>The last frame (series length - 1).</summary>
    public int LastFrame => ytilde.Length - 1;

    /// <summary>The window ending at frame <paramref name="t"/>, as a view of the series.</summary>
    public ReadOnlySpan<double> Window(int t)
    {
        if (t < FirstFrame || t > LastFrame)
            throw new FishKitException($"frame {t} has no full y-tilde window of {Length} values; frames {FirstFrame} .. {LastFrame} have one.");
        return ytilde.AsSpan(t - Length + 1, Length);
    }

    /// <summary>Writes the windows of <paramref name="frames"/> one after another into <paramref name="batch"/> (frames.Length * Length values).</summary>
    public void Fill(ReadOnlySpan<int> frames, Span<float> batch)
    {
        if (batch.Length != frames.Length * Length)
            throw new ArgumentException($"batch holds {batch.Length} values; {frames.Length} windows need {frames.Length * Length}.", nameof(batch));
        for (int b = 0; b < frames.Length; b++)
        {
            var window = Window(frames[b]);
            var target = batch.Slice(b * Length, Length);
            for (int i = 0; i < window.Length; i++) target[i] = (float)window[i];
        }
    }

    /// <summary>The windows of <paramref name="frames"/> as a float32 tensor (B, Length, 1), filled in place.</summary>
    public Tensor Batch(ReadOnlySpan<int> frames)
    {
        var batch = empty(frames.Length, Length, 1, dtype: ScalarType.Float32);
        try
        {
            Fill(frames, MemoryMarshal.Cast<byte, float>(batch.bytes)); // bytes: a view of the new tensor's memory
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }
}
