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
public sealed partial class BackgroundModel
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
}
