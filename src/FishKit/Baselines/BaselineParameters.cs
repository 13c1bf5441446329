using FishKit.Validation;
using FishKit.WriteUp;

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
public sealed record BaselineParameters(int D = WriteUpResults.BaselineWindow, double B = WriteUpResults.BaselineLowFraction,
    double C = WriteUpResults.BaselineActivity, double Gamma1 = WriteUpResults.BaselineGamma1, double Gamma2 = WriteUpResults.BaselineGamma2)
{
    /// <summary>The write-up's parameters.</summary>
    public static BaselineParameters WriteUp { get; } = new();

    /// <summary>Throws a clear error for a parameter outside its meaningful range.</summary>
    public void Validate()
    {
        Limits.WindowFrames.Check("baseline parameter d", D);
        Limits.Fraction.Check("baseline parameter b", B);
        Limits.YTildeLevel.Check("baseline parameter c", C);
        Limits.Steepness.Check("baseline parameter gamma1", Gamma1);
        Limits.Steepness.Check("baseline parameter gamma2", Gamma2);
    }
}
