namespace FishKit.Baselines;

/// <summary>
/// Parameters of the algorithmic baseline ("baseline_prediction_probabilistic"), defaulting to the write-up's:
/// window d = 89, b = 0.2, c = 0.0006, gamma1 = 5300, gamma2 = 11000.
/// </summary>
/// <param name="D">Window length: the score of frame t looks at y-tilde[t-d .. t-1].</param>
/// <param name="B">The "low" level is min + b * range over the window.</param>
/// <param name="C">The window's range is compared with c (recent activity).</param>
/// <param name="Gamma1">Steepness of the "recent activity" sigmoid.</param>
/// <param name="Gamma2">Steepness of the "calm now" sigmoid.</param>
public sealed record BaselineParameters(int D = 89, double B = 0.2, double C = 0.0006, double Gamma1 = 5300, double Gamma2 = 11000)
{
    /// <summary>The write-up's parameters.</summary>
    public static BaselineParameters WriteUp { get; } = new();

    /// <summary>Throws a clear error for a parameter outside its meaningful range.</summary>
    public void Validate()
    {
        if (D < 1) throw new FishKitException($"baseline parameter d = {D} must be at least 1 (frames in the window).");
        if (!(B >= 0 && B <= 1)) throw new FishKitException($"baseline parameter b = {B} must be between 0 and 1.");
        foreach (var (name, v) in new[] { ("c", C), ("gamma1", Gamma1), ("gamma2", Gamma2) })
            if (double.IsNaN(v) || double.IsInfinity(v))
                throw new FishKitException($"baseline parameter {name} = {v} must be finite.");
    }
}
