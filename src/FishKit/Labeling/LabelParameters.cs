using FishKit.Validation;

namespace FishKit.Labeling;

/// <summary>
/// Parameters of the calm-before-burst rule, defaulting to the write-up's: look-ahead <see cref="H"/> = 45 frames,
/// calmness fraction <see cref="B"/> = 0.1, minimum rise <see cref="C"/> = 0.001, and <see cref="N"/> = 30 clip steps of 4 frames.
/// </summary>
/// <param name="H">Look-ahead h: the rule looks at y-tilde[t .. t+h] (h+1 values).</param>
/// <param name="B">A frame is calm when y-tilde[t] &lt;= min + b * range over the look-ahead window.</param>
/// <param name="C">The look-ahead range must be at least c for a burst to count.</param>
/// <param name="N">Clip steps n: a clip holds 4n frames, so the first labelled frame is 4n - 1.</param>
public sealed record LabelParameters(int H = 45, double B = 0.1, double C = 0.001, int N = 30)
{
    /// <summary>The write-up's parameters.</summary>
    public static LabelParameters WriteUp { get; } = new();

    /// <summary>First frame with a full clip behind it: 4n - 1.</summary>
    public int FirstFrame => 4 * N - 1;

    /// <summary>Last frame with a full look-ahead: T - 2 - h (y-tilde's last value is a placeholder 0).</summary>
    public int LastFrame(int frameCount) => frameCount - 2 - H;

    /// <summary>How many frames of a series of <paramref name="frameCount"/> frames get a label: <see cref="FirstFrame"/> .. <see cref="LastFrame"/>.</summary>
    public int LabelledFrames(int frameCount) => Math.Max(0, LastFrame(frameCount) - FirstFrame + 1);

    /// <summary>The shortest y-tilde series that has at least one labelled frame.</summary>
    public int MinimumLength => FirstFrame + H + 2;

    /// <summary>Throws a clear error for a parameter outside its meaningful range.</summary>
    public void Validate()
    {
        Limits.WindowFrames.Check("label parameter h", H);
        Limits.ClipSteps.Check("label parameter n", N);
        Limits.Fraction.Check("label parameter b", B);
        Limits.YTildeLevel.Check("label parameter c", C);
    }
}
