using System.Numerics;
using FishKit.Frames;

namespace FishKit.Preprocessing;

// BackgroundModel, part: Estimation: the per-pixel median background, its floor and level, and the deviation statistics of the sampled frames (polarity, noise, stretch).
public sealed partial class BackgroundModel
{
    /// <summary>
    /// Estimates the background of <paramref name="frames"/> from a sample of at most <see cref="PreprocessOptions.BackgroundFrames"/>
    /// frames spread through it; refuses fewer than <see cref="PreprocessOptions.MinimumFrames"/> frames.
    /// </summary>
    public static BackgroundModel Estimate(FrameSequence frames, PreprocessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PreprocessOptions.Default;
        options.Validate();
        if (frames.Count < options.MinimumFrames)
            throw new FishKitException($"'{frames.Folder}' holds {frames.Count} frame(s); a background estimate needs at least {options.MinimumFrames} " +
                "(a median over frames spread through the video, so moving fish drop out): give a longer video.");
        return Estimate(frames.Size, SampleIndices(frames.Count, options), frames.Read, options, cancellationToken);
    }

    /// <summary>
    /// Estimates the background from the frames <paramref name="samples"/> (see <see cref="SampleIndices"/>) of footage of
    /// <paramref name="frameSize"/>, read through <paramref name="read"/> (called from several threads at once).
    /// </summary>
    internal static BackgroundModel Estimate(FrameSize frameSize, int[] samples, FrameReader read, PreprocessOptions options, CancellationToken cancellationToken)
    {
        var region = TankRegion.Create(frameSize, options.Crop, options.MaskPath);
        var frames = new SampledFrames(frameSize, read);
        var (background, held) = Median(frames, region, samples, options.NormaliseBrightness, cancellationToken);
        float floor = FloorOf(background, region);
        var gauge = options.NormaliseBrightness ? BrightnessGauge.Create(background, region, floor) : BrightnessGauge.None;
        var deviation = new DeviationImage(background, region, floor, options.Smooth);
        var deviations = Deviations(frames, region, samples, held, gauge, deviation, cancellationToken);
        return new BackgroundModel(region, background, samples, floor, gauge, deviation, deviations, options);
    }

    /// <summary>
    /// The per-pixel median of the sampled frames, each scaled to the median of their brightnesses when normalising.
    /// Rows are done in bands so the sampled bytes held stay within <see cref="BandBytes"/>. When one band holds every
    /// row, the sampled frames are returned too (sample after sample), so the statistics need not decode them again.
    /// The medians are taken a vector of pixels at a time by a <see cref="MedianNetwork"/>.
    /// </summary>
    static (float[] Background, byte[]? Held) Median(SampledFrames frames, TankRegion region, int[] samples, bool normalise, CancellationToken cancellation)
    {
        int width = region.Size.Width, height = region.Size.Height, k = samples.Length;
        int rowsPerBand = (int)Math.Clamp(BandBytes / ((long)width * k), 1, height);
        int chunk = Vector<byte>.Count, lanes = Vector<float>.Count;
        var levels = new float[k];
        var background = new float[region.Size.Pixels];
        // The slack lets the last sample's last chunk be read as a whole vector (the lanes beyond the band are dropped).
        var store = new byte[(long)rowsPerBand * width * k + chunk];
        var factors = new float[k];
        var network = new MedianNetwork(k);
        for (int y0 = 0; y0 < height; y0 += rowsPerBand)
        {
            int rows = Math.Min(rowsPerBand, height - y0), bandPixels = rows * width;
            bool first = y0 == 0;
            ForEachSample(frames, region, samples, null, cancellation, (s, pixels) =>
            {
                if (first) levels[s] = Level(pixels, region);
                pixels.Slice(y0 * width, bandPixels).CopyTo(store.AsSpan(s * bandPixels, bandPixels));
            });
            if (first)
            {
                float reference = Selection.Median(levels.ToArray());
                for (int s = 0; s < k; s++) factors[s] = normalise && levels[s] > 0 ? reference / levels[s] : 1;
            }
            int chunks = (bandPixels + chunk - 1) / chunk;
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellation }, () => new Vector<float>[4 * k], (c, _, values) =>
            {
                int p = c * chunk;
                for (int s = 0; s < k; s++)
                {
                    Vector.Widen(new Vector<byte>(store.AsSpan(s * bandPixels + p, chunk)), out var low, out var high);
                    Vector.Widen(low, out var u0, out var u1);
                    Vector.Widen(high, out var u2, out var u3);
                    var factor = new Vector<float>(factors[s]);
                    values[s] = Vector.ConvertToSingle(u0) * factor;
                    values[k + s] = Vector.ConvertToSingle(u1) * factor;
                    values[2 * k + s] = Vector.ConvertToSingle(u2) * factor;
                    values[3 * k + s] = Vector.ConvertToSingle(u3) * factor;
                }
                Span<float> medians = stackalloc float[lanes];
                for (int g = 0; g < 4 && p + g * lanes < bandPixels; g++)
                {
                    network.Median(values.AsSpan(g * k, k)).CopyTo(medians);
                    int start = p + g * lanes, n = Math.Min(lanes, bandPixels - start);
                    medians[..n].CopyTo(background.AsSpan(y0 * width + start, n));
                }
                return values;
            }, _ => { });
        }
        return (background, rowsPerBand == height ? store : null);
    }

    /// <summary>The median grey level of the pixels inside the region.</summary>
    static float Level(ReadOnlySpan<byte> pixels, TankRegion region)
    {
        Span<int> histogram = stackalloc int[256];
        for (int i = 0; i < pixels.Length; i++)
            if (region.Contains(i)) histogram[pixels[i]]++;
        int half = (region.InsideCount + 1) / 2, seen = 0;
        for (int v = 0; v < 256; v++)
            if ((seen += histogram[v]) >= half) return v;
        return 255;
    }

    static float FloorOf(float[] background, TankRegion region)
    {
        var inside = new float[region.InsideCount];
        int n = 0;
        for (int i = 0; i < background.Length; i++)
            if (region.Contains(i)) inside[n++] = background[i];
        return Selection.Median(inside);
    }

    /// <summary>The deviations s (before polarity and stretch) of every pixel inside the region of the sampled frames.</summary>
    static DeviationHistogram Deviations(SampledFrames frames, TankRegion region, int[] samples, byte[]? held, BrightnessGauge gauge,
        DeviationImage image, CancellationToken cancellation)
    {
        using var perThread = new ThreadLocal<(DeviationHistogram Histogram, int[] Gauge, float[] Rows)>(
            () => (new DeviationHistogram(), BrightnessGauge.CreateHistogram(), image.CreateRows()), trackAllValues: true);
        ForEachSample(frames, region, samples, held, cancellation, (_, frame) =>
        {
            var (histogram, gaugeBins, rows) = perThread.Value;
            var sink = new HistogramSink(histogram, region, region.Size.Width);
            image.Compute(frame, (float)(1 / gauge.Measure(frame, gaugeBins)), rows, ref sink);
        });
        var total = new DeviationHistogram();
        foreach (var (histogram, _, _) in perThread.Values) total.Merge(histogram);
        return total;
    }
}
