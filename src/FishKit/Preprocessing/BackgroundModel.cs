using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using FishKit.Frames;

namespace FishKit.Preprocessing;

/// <summary>
/// The static background of a tank video and the mapping that turns a raw frame into the write-up's look, bright fish on
/// black. Per output pixel i, with F the raw frame, B the background and g the frame's brightness relative to it:
/// <code>
/// deviation s_i = (F_i / g - B_i) * M / max(B_i, M/4)      (M: median of B; grey levels of the median floor)
/// smoothed  s   = s * [1 2 1]^T [1 2 1] / 16                (3x3 binomial, edges repeated; unless smoothing is off)
/// output_i      = clamp(round((sign * s_i - black) * 255 / (white - black)), 0, 255)
/// </code>
/// <list type="bullet">
/// <item>B: per-pixel median of up to <see cref="PreprocessOptions.BackgroundFrames"/> frames spread evenly through the
/// footage, each first scaled to the median of their brightnesses (the median of the frame's pixels), so the fish, which
/// move, drop out and a drifting light does not blur it.</item>
/// <item>g: the median of F/B over a grid of about 4,096 background pixels (1 when brightness is not normalised).</item>
/// <item>Smoothing cuts the sensor noise's sigma to 0.375x, so the black level sits lower and the fish keep more of their
/// faint edges; measured on the simulator's raw footage it raises y-tilde's correlation with the true speed (0.965 to 0.972).</item>
/// <item>The factor M / max(B, M/4) is a flat-field correction: a fish blocks a fraction of the light, so where the floor
/// is darker (vignetting) its deviation is smaller; dividing by the local floor brightness makes the same fish equally
/// bright everywhere. Floors darker than a quarter of the median are not amplified further (noise would dominate).</item>
/// <item>sign: -1 for dark fish, +1 for bright fish. Polarity rule: over the sampled frames, count the pixels whose
/// deviation lies more than 6 noise sigmas below the median deviation and those more than 6 sigmas above; fish are dark
/// when the first count is at least the second. Noise is symmetric and fish deviate to one side only.</item>
/// <item>black = the median deviation + <see cref="PreprocessOptions.NoiseSigmas"/> noise sigmas (sigma: interquartile range / 1.349,
/// at least half a grey level), so the background noise maps to 0; white = the <see cref="PreprocessOptions.WhitePercentile"/>
/// percentile of the fish's deviations (those beyond 6 sigmas) over the sampled frames, so the fish's body maps near 255.
/// One stretch for all frames: a per-frame stretch would make the brightness flicker, which y-tilde would count as motion.</item>
/// </list>
/// Memory: the sampled frames are held as bytes in bands of rows (at most 64 MB at a time; frames are decoded once per
/// band, and once more for the statistics when there is more than one band), plus a few floats per pixel for the mapping.
/// Per frame, mapping needs five rows of floats per core (<see cref="Workspace"/>).
/// </summary>
public sealed class BackgroundModel
{
    const long BandBytes = 64L << 20;
    const double ForegroundSigmas = 6;
    const double MinimumSigma = 0.5;

    readonly float[] background;
    readonly BrightnessGauge gauge;
    readonly DeviationImage deviation;
    readonly int[] sampleFrames;
    readonly float sign, black, stretch;

    BackgroundModel(TankRegion region, float[] background, int[] sampleFrames, float floor, BrightnessGauge gauge,
        DeviationImage deviation, DeviationHistogram deviations, PreprocessOptions options)
    {
        Region = region;
        this.background = background;
        this.sampleFrames = sampleFrames;
        this.gauge = gauge;
        this.deviation = deviation;
        FloorLevel = floor;
        NormalisesBrightness = gauge.Measures;
        Smooths = options.Smooth;

        double median = deviations.Quantile(0.5);
        NoiseSigma = Math.Max((deviations.Quantile(0.75) - deviations.Quantile(0.25)) / 1.349, MinimumSigma);
        DarkOutliers = deviations.CountBelow(median - ForegroundSigmas * NoiseSigma);
        BrightOutliers = deviations.CountAbove(median + ForegroundSigmas * NoiseSigma);
        PolarityDetected = options.Polarity == FishPolarity.Auto;
        Polarity = PolarityDetected ? (DarkOutliers >= BrightOutliers ? FishPolarity.DarkFish : FishPolarity.BrightFish) : options.Polarity;
        sign = Polarity == FishPolarity.DarkFish ? -1 : 1;
        var fish = sign < 0 ? deviations.Mirrored() : deviations;
        double level = sign * median;
        Black = level + options.NoiseSigmas * NoiseSigma;
        double white = fish.QuantileAbove(level + ForegroundSigmas * NoiseSigma, options.WhitePercentile / 100);
        FishFound = !double.IsNaN(white);
        White = FishFound ? Math.Max(white, Black + NoiseSigma) : Black + 30 * NoiseSigma;
        black = (float)Black;
        stretch = (float)(255 / (White - Black));
    }

    /// <summary>The region of the input frames that is processed (crop and mask).</summary>
    public TankRegion Region { get; }

    /// <summary>The output frames' size.</summary>
    public FrameSize Size => Region.Size;

    /// <summary>The background estimate, grey levels per output pixel (row-major), at the sampled frames' median brightness.</summary>
    public ReadOnlySpan<float> Background => background;

    /// <summary>M: the median background grey level inside the region.</summary>
    public double FloorLevel { get; }

    /// <summary>The frames (indices into the sequence) the background and its statistics were estimated from.</summary>
    public IReadOnlyList<int> SampleFrames => sampleFrames;

    /// <summary>Whether the deviations are smoothed (3x3 binomial) before the stretch.</summary>
    public bool Smooths { get; }

    /// <summary>Whether each frame is scaled to the background's brightness (false when asked not to, or the floor is black).</summary>
    public bool NormalisesBrightness { get; }

    /// <summary>Dark fish or bright fish: the polarity used.</summary>
    public FishPolarity Polarity { get; }

    /// <summary>True when the polarity was decided from the footage, false when given.</summary>
    public bool PolarityDetected { get; }

    /// <summary>Pixels of the sampled frames more than 6 noise sigmas below the median deviation (fish, when fish are dark).</summary>
    public long DarkOutliers { get; }

    /// <summary>Pixels of the sampled frames more than 6 noise sigmas above the median deviation (fish, when fish are bright).</summary>
    public long BrightOutliers { get; }

    /// <summary>The background noise's robust standard deviation in (flat-field corrected) grey levels.</summary>
    public double NoiseSigma { get; }

    /// <summary>The fish-ward deviation mapped to 0.</summary>
    public double Black { get; }

    /// <summary>The fish-ward deviation mapped to 255.</summary>
    public double White { get; }

    /// <summary>False when no sampled pixel deviated beyond 6 noise sigmas on the fish's side (then white is black + 30 sigmas).</summary>
    public bool FishFound { get; }

    /// <summary>One line for people: the sample, the polarity and why, the noise and the stretch.</summary>
    public string Summary()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        string polarity = Polarity == FishPolarity.DarkFish ? "dark" : "bright";
        string why = PolarityDetected
            ? string.Format(c, "detected: {0:N0} pixels far below the background, {1:N0} far above", DarkOutliers, BrightOutliers)
            : "as given";
        return string.Format(c, "background: median of {0} frames{1}{2}; {3} fish ({4}); noise sigma {5:F2}; deviations {6:F1} -> black, {7:F1} -> white{8}",
            SampleFrames.Count, NormalisesBrightness ? ", brightness normalised" : "", Smooths ? ", smoothed" : "", polarity, why,
            NoiseSigma, Black, White, FishFound ? "" : " (no fish found in the sample: check the polarity and the footage)");
    }

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

    /// <summary>The frames (indices into <paramref name="count"/> frames) a background estimate samples: at most <see cref="PreprocessOptions.BackgroundFrames"/>, spread evenly.</summary>
    internal static int[] SampleIndices(int count, PreprocessOptions options) => SpreadSample(count, Math.Min(options.BackgroundFrames, count));

    /// <summary>Decodes input frame <paramref name="index"/> (one of the sampled ones) to gray bytes, row-major.</summary>
    internal delegate void FrameReader(int index, Span<byte> gray);

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

    /// <summary>Where the sampled frames come from: their size and a reader.</summary>
    readonly record struct SampledFrames(FrameSize Size, FrameReader Read);

    /// <summary>
    /// The brightness of <paramref name="region"/> (a raw frame's region) relative to the background: the median of F/B
    /// over a grid of about 4,096 background pixels; 1 when brightness is not normalised or the frame is nearly black.
    /// </summary>
    public double Brightness(ReadOnlySpan<byte> region, Workspace workspace) => gauge.Measure(region, workspace.Histogram);

    /// <summary>Buffers for <see cref="Apply"/>: one per thread.</summary>
    public Workspace CreateWorkspace() => new(deviation.CreateRows(), BrightnessGauge.CreateHistogram());

    /// <summary>Maps <paramref name="region"/> (a raw frame's region, <see cref="Size"/>.Pixels bytes) to bright fish on black in <paramref name="output"/>.</summary>
    public void Apply(ReadOnlySpan<byte> region, Span<byte> output, Workspace workspace)
    {
        if (region.Length != background.Length || output.Length != background.Length)
            throw new ArgumentException($"frames of {Size} have {background.Length} pixels; got {region.Length} in and {output.Length} out");
        // output = clamp((sign * s - black) * stretch + 0.5, 0, 255.49), truncated: rounded to the nearest grey level.
        var sink = new GreySink(output, Size.Width, sign * stretch, 0.5f - black * stretch);
        deviation.Compute(region, (float)(1 / Brightness(region, workspace)), workspace.Rows, ref sink);
    }

    /// <summary>Per-thread buffers of <see cref="Apply"/>.</summary>
    public sealed class Workspace
    {
        internal Workspace(float[] rows, int[] histogram)
        {
            Rows = rows;
            Histogram = histogram;
        }

        internal float[] Rows { get; }
        internal int[] Histogram { get; }
    }

    /// <summary>Writes deviation rows as grey levels <c>clamp(s * a + b, 0, 255.49)</c>, truncated.</summary>
    ref struct GreySink(Span<byte> output, int width, float a, float b) : DeviationImage.IRowSink
    {
        readonly Span<byte> output = output;

        public readonly void Row(int y, ReadOnlySpan<float> row)
        {
            var target = output.Slice(y * width, width);
            int x = 0;
            if (Vector.IsHardwareAccelerated)
            {
                int step = Vector<byte>.Count, lanes = Vector<float>.Count;
                var scale = new Vector<float>(a);
                var shift = new Vector<float>(b);
                ref float s = ref MemoryMarshal.GetReference(row);
                for (; x + step <= width; x += step)
                {
                    var low = Vector.Narrow(Grey(ref s, x, scale, shift), Grey(ref s, x + lanes, scale, shift));
                    var high = Vector.Narrow(Grey(ref s, x + 2 * lanes, scale, shift), Grey(ref s, x + 3 * lanes, scale, shift));
                    Vector.Narrow(low, high).StoreUnsafe(ref MemoryMarshal.GetReference(target), (nuint)x);
                }
            }
            for (; x < width; x++) target[x] = (byte)Math.Clamp(row[x] * a + b, 0, 255.49f);
        }

        /// <summary>Grey levels of the vector at <paramref name="x"/> (the loop keeps it within the row).</summary>
        static Vector<uint> Grey(ref float s, int x, Vector<float> scale, Vector<float> shift) =>
            Vector.ConvertToUInt32(Vector.Min(Vector.Max(Vector.LoadUnsafe(ref s, (nuint)x) * scale + shift, Vector<float>.Zero), new Vector<float>(255.49f)));
    }

    /// <summary>Counts the deviations of the pixels inside the region (whole rows at a time when every pixel is inside).</summary>
    readonly struct HistogramSink(DeviationHistogram histogram, TankRegion region, int width) : DeviationImage.IRowSink
    {
        readonly bool everyPixel = region.InsideCount == region.Size.Pixels;

        public void Row(int y, ReadOnlySpan<float> row)
        {
            if (everyPixel)
            {
                histogram.Add(row);
                return;
            }
            for (int x = 0; x < row.Length; x++)
                if (region.Contains(y * width + x)) histogram.Add(row[x]);
        }
    }

    /// <summary><paramref name="count"/> frame indices spread evenly over 0 .. total-1, first and last included.</summary>
    static int[] SpreadSample(int total, int count) =>
        count == 1 ? [0] : Enumerable.Range(0, count).Select(k => (int)Math.Round((double)k * (total - 1) / (count - 1))).ToArray();

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

    /// <summary>
    /// Hands each sampled frame's region to <paramref name="use"/> with its sample number, on every core: from
    /// <paramref name="held"/> (the regions one after another) when given, else decoded.
    /// </summary>
    static void ForEachSample(SampledFrames frames, TankRegion region, int[] samples, byte[]? held, CancellationToken cancellation, SampleAction use)
    {
        int size = checked((int)region.Size.Pixels);
        if (held is not null)
        {
            Parallel.For(0, samples.Length, new ParallelOptions { CancellationToken = cancellation }, s => use(s, held.AsSpan(s * size, size)));
            return;
        }
        var failures = new ConcurrentDictionary<int, FishKitException>();
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, samples.Length, options, () => (Frame: new byte[frames.Size.Pixels], Region: new byte[size]), (s, loop, buffers) =>
        {
            try
            {
                frames.Read(samples[s], buffers.Frame);
            }
            catch (FishKitException e)
            {
                failures[s] = e;
                loop.Stop();
                return buffers;
            }
            var pixels = buffers.Frame.AsSpan();
            if (!region.IsWholeFrame)
            {
                region.Cut(buffers.Frame, buffers.Region);
                pixels = buffers.Region;
            }
            use(s, pixels);
            return buffers;
        }, _ => { });
        if (!failures.IsEmpty) throw failures[failures.Keys.Min()];
    }

    delegate void SampleAction(int sample, Span<byte> pixels);

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
