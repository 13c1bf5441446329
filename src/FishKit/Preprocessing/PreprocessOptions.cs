namespace FishKit.Preprocessing;

/// <summary>
/// How raw tank footage becomes the write-up's look (bright fish on black): the region kept, the background sample, the
/// polarity, and the contrast stretch. The defaults are the ones measured on the simulator's raw footage (see the README's
/// "Bring your own video" and tests/FishKit.Tests/Preprocessing).
/// </summary>
public sealed record PreprocessOptions
{
    /// <summary>The rectangle to keep (the tank); null keeps the whole frame.</summary>
    public CropRegion? Crop { get; init; }

    /// <summary>A PNG of the input frames' size, non-zero inside the tank and 0 outside; null uses every pixel.</summary>
    public string? MaskPath { get; init; }

    /// <summary>Dark fish on a light tank, the reverse, or decided from the footage.</summary>
    public FishPolarity Polarity { get; init; } = FishPolarity.Auto;

    /// <summary>
    /// Scale each frame to the background's brightness before subtracting it (the ratio frame / background, median over a
    /// grid of about 4,096 pixels), so a slow drift of the light or the camera's exposure does not light up the background.
    /// </summary>
    public bool NormaliseBrightness { get; init; } = true;

    /// <summary>
    /// Smooth the deviations from the background with a 3x3 binomial kernel before the stretch: the sensor noise's sigma
    /// falls to 0.375x, so a lower threshold keeps more of each fish's faint edge; edges widen by under a pixel.
    /// </summary>
    public bool Smooth { get; init; } = true;

    /// <summary>The most frames sampled, evenly spread through the footage, for the background (the per-pixel median) and its statistics.</summary>
    public int BackgroundFrames { get; init; } = 101;

    /// <summary>The fewest frames a background estimate accepts: with fewer, fish that rest a while would be taken for background.</summary>
    public int MinimumFrames { get; init; } = 25;

    /// <summary>Deviations up to this many noise sigmas (robust, from the interquartile range) beyond the background's level become black (0).</summary>
    public double NoiseSigmas { get; init; } = 4;

    /// <summary>The percentile of the fish's deviations (pixels beyond 6 noise sigmas, over the sampled frames) that becomes white (255).</summary>
    public double WhitePercentile { get; init; } = 99;

    /// <summary>The default preprocessing.</summary>
    public static PreprocessOptions Default { get; } = new();

    /// <summary>Throws a <see cref="FishKitException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (MinimumFrames < 3 || MinimumFrames > 100_000)
            throw new FishKitException($"minimum background frames {MinimumFrames} is out of range; give 3 to 100,000.");
        if (BackgroundFrames < MinimumFrames || BackgroundFrames > 10_000)
            throw new FishKitException($"background frames {BackgroundFrames} is out of range; give {MinimumFrames} (the minimum) to 10,000.");
        if (!(NoiseSigmas >= 0 && NoiseSigmas <= 20))
            throw new FishKitException(FormattableString.Invariant($"noise sigmas {NoiseSigmas} is out of range; give 0 to 20."));
        if (!(WhitePercentile > 0 && WhitePercentile <= 100))
            throw new FishKitException(FormattableString.Invariant($"white percentile {WhitePercentile} is out of range; give above 0 and at most 100."));
        if (!Enum.IsDefined(Polarity))
            throw new FishKitException($"polarity {(int)Polarity} is not one of {string.Join(", ", Enum.GetNames<FishPolarity>())}.");
    }
}
