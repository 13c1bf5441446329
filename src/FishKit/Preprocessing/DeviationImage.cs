using System.Numerics;
using System.Runtime.InteropServices;

namespace FishKit.Preprocessing;

/// <summary>
/// A frame's deviation from the background, flat-field corrected: <c>s_i = F_i / g * w_i - B_i * w_i</c> with
/// <c>w_i = M / max(B_i, M/4)</c> (0 outside the mask), optionally smoothed with the 3x3 binomial kernel
/// [1 2 1]^T [1 2 1] / 16 (edges repeated), which keeps 14 % of the variance of pixel-independent sensor noise (its sigma
/// falls to 0.375x) and widens edges by under a pixel. Computed row by row in one pass: each row's deviation is smoothed
/// along the row into a ring of three rows, and each finished row is handed on while still in the cache.
/// </summary>
sealed class DeviationImage
{
    readonly float[] weight;
    readonly float[] baseline;
    readonly int width;
    readonly bool smooth;

    public DeviationImage(ReadOnlySpan<float> background, TankRegion region, float floor, bool smooth)
    {
        width = region.Size.Width;
        this.smooth = smooth;
        weight = new float[background.Length];
        baseline = new float[background.Length];
        for (int i = 0; i < background.Length; i++)
        {
            if (!region.Contains(i)) continue;
            weight[i] = floor >= 1 ? floor / MathF.Max(background[i], floor / 4) : 1;
            baseline[i] = background[i] * weight[i];
        }
    }

    /// <summary>Receives the rows of a deviation image.</summary>
    public interface IRowSink
    {
        /// <summary>Row <paramref name="y"/> (valid only during the call).</summary>
        void Row(int y, ReadOnlySpan<float> row);
    }

    /// <summary>Row buffers for <see cref="Compute"/> (five rows).</summary>
    public float[] CreateRows() => new float[5 * width];

    /// <summary>Hands every row of the deviations of <paramref name="pixels"/> (brightness <c>1 / inverseGain</c>) to <paramref name="sink"/>, top to bottom.</summary>
    public void Compute<TSink>(ReadOnlySpan<byte> pixels, float inverseGain, Span<float> rows, ref TSink sink)
        where TSink : IRowSink, allows ref struct
    {
        int height = pixels.Length / width;
        var deviation = rows[..width];
        if (!smooth)
        {
            for (int y = 0; y < height; y++)
            {
                Deviate(pixels.Slice(y * width, width), inverseGain, y * width, deviation);
                sink.Row(y, deviation);
            }
            return;
        }
        var output = rows.Slice(width, width);
        var ring = rows.Slice(2 * width, 3 * width);
        for (int y = 0; y <= height; y++)
        {
            if (y < height)
            {
                Deviate(pixels.Slice(y * width, width), inverseGain, y * width, deviation);
                SmoothRow(deviation, ring.Slice(y % 3 * width, width));
            }
            if (y == 0) continue;
            int done = y - 1; // rows done-1, done and done+1 are smoothed along the row (edges repeated)
            SmoothColumn(Ring(ring, Math.Max(done - 1, 0)), Ring(ring, done), Ring(ring, Math.Min(done + 1, height - 1)), output);
            sink.Row(done, output);
        }
    }

    Span<float> Ring(Span<float> ring, int y) => ring.Slice(y % 3 * width, width);

    void Deviate(ReadOnlySpan<byte> pixels, float inverseGain, int start, Span<float> target)
    {
        var w = weight.AsSpan(start, width);
        var b = baseline.AsSpan(start, width);
        int x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int step = Vector<byte>.Count, lanes = Vector<float>.Count;
            for (; x + step <= width; x += step)
            {
                Vector.Widen(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(pixels), (nuint)x), out var low, out var high);
                Vector.Widen(low, out var p0, out var p1);
                Vector.Widen(high, out var p2, out var p3);
                Deviate(p0, inverseGain, w, b, target, x);
                Deviate(p1, inverseGain, w, b, target, x + lanes);
                Deviate(p2, inverseGain, w, b, target, x + 2 * lanes);
                Deviate(p3, inverseGain, w, b, target, x + 3 * lanes);
            }
        }
        for (; x < width; x++) target[x] = pixels[x] * inverseGain * w[x] - b[x];
    }

    static void Deviate(Vector<uint> pixels, float inverseGain, ReadOnlySpan<float> weight, ReadOnlySpan<float> baseline, Span<float> target, int x) =>
        Store(Vector.ConvertToSingle(pixels) * inverseGain * Load(weight, x) - Load(baseline, x), target, x);

    /// <summary>The vector at <paramref name="x"/>; the callers' loops keep x + lanes within the span.</summary>
    static Vector<float> Load(ReadOnlySpan<float> values, int x) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)x);

    /// <summary>Stores <paramref name="value"/> at <paramref name="x"/>; the callers' loops keep x + lanes within the span.</summary>
    static void Store(Vector<float> value, Span<float> target, int x) => value.StoreUnsafe(ref MemoryMarshal.GetReference(target), (nuint)x);

    /// <summary>[1 2 1] / 4 along the row, the end pixels repeated.</summary>
    void SmoothRow(ReadOnlySpan<float> s, Span<float> t)
    {
        if (width == 1)
        {
            t[0] = s[0];
            return;
        }
        t[0] = 0.75f * s[0] + 0.25f * s[1];
        t[width - 1] = 0.75f * s[width - 1] + 0.25f * s[width - 2];
        int x = 1;
        if (Vector.IsHardwareAccelerated)
            for (int lanes = Vector<float>.Count; x + lanes + 1 <= width; x += lanes)
                Store(0.25f * (Load(s, x - 1) + Load(s, x + 1)) + 0.5f * Load(s, x), t, x);
        for (; x < width - 1; x++) t[x] = 0.25f * (s[x - 1] + s[x + 1]) + 0.5f * s[x];
    }

    /// <summary>[1 2 1]^T / 4 across three rows.</summary>
    void SmoothColumn(ReadOnlySpan<float> above, ReadOnlySpan<float> middle, ReadOnlySpan<float> below, Span<float> t)
    {
        int x = 0;
        if (Vector.IsHardwareAccelerated)
            for (int lanes = Vector<float>.Count; x + lanes <= width; x += lanes)
                Store(0.25f * (Load(above, x) + Load(below, x)) + 0.5f * Load(middle, x), t, x);
        for (; x < width; x++) t[x] = 0.25f * (above[x] + below[x]) + 0.5f * middle[x];
    }
}
