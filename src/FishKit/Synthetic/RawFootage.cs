namespace FishKit.Synthetic;

/// <summary>
/// How the same simulated tank looks to a camera before any preprocessing: dark fish on an unevenly lit, light tank
/// floor with vignetting, a slow illumination drift and Gaussian sensor noise. The kit's preprocessing is tested on it
/// against the session's known ground truth. Levels are 0-255 grey levels; fractions are of the local light.
/// </summary>
public sealed record RawFootage
{
    /// <summary>Grey level of the tank floor at the centre of the frame under mean illumination.</summary>
    public double BackgroundLevel { get; init; } = 200;

    /// <summary>Fraction of the light lost in the frame's corners (falling off with the square of the distance from the centre).</summary>
    public double Vignetting { get; init; } = 0.35;

    /// <summary>Amplitude, as a fraction of the light, of the slow spatial light pattern (a few broad waves across the tank).</summary>
    public double Unevenness { get; init; } = 0.06;

    /// <summary>Amplitude, as a fraction of the light, of the illumination drift over time.</summary>
    public double DriftAmplitude { get; init; } = 0.08;

    /// <summary>Period of the illumination drift.</summary>
    public double DriftPeriodSeconds { get; init; } = 60;

    /// <summary>Fraction of the light a fish blocks where its clean rendering is full white (255); less at its soft edges.</summary>
    public double FishDarkness { get; init; } = 0.6;

    /// <summary>Standard deviation of the per-pixel sensor noise in grey levels.</summary>
    public double NoiseSigma { get; init; } = 3;

    /// <summary>The default raw camera.</summary>
    public static RawFootage Default { get; } = new();

    /// <summary>Throws a <see cref="FishKitException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        Check(nameof(BackgroundLevel), BackgroundLevel, 16, 255);
        Check(nameof(Vignetting), Vignetting, 0, 0.9);
        Check(nameof(Unevenness), Unevenness, 0, 0.5);
        Check(nameof(DriftAmplitude), DriftAmplitude, 0, 0.5);
        Check(nameof(DriftPeriodSeconds), DriftPeriodSeconds, 0.1, 1e6);
        Check(nameof(FishDarkness), FishDarkness, 0.05, 1);
        Check(nameof(NoiseSigma), NoiseSigma, 0, 64);
    }

    static void Check(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new FishKitException(FormattableString.Invariant($"raw footage parameter {name} = {value} is out of range; give {min:0.###} to {max:0.###}."));
    }
}
