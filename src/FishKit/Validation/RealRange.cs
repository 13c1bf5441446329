using System.Globalization;

namespace FishKit.Validation;

/// <summary>
/// The finite numbers a kind of parameter may take: from <see cref="Min"/> (excluded when <see cref="AboveMin"/>) to
/// <see cref="Max"/> (excluded when <see cref="BelowMax"/>), in <see cref="Unit"/>. NaN and infinities are always refused.
/// </summary>
public sealed record RealRange(double Min, double Max, bool AboveMin = false, bool BelowMax = false, string Unit = "")
{
    /// <summary>Returns <paramref name="value"/> when it lies in the range; otherwise throws a one-line error that names <paramref name="name"/> and the range.</summary>
    public double Check(string name, double value) =>
        double.IsFinite(value) && (AboveMin ? value > Min : value >= Min) && (BelowMax ? value < Max : value <= Max)
            ? value
            : throw OutOfRange.Error(name, value.ToString("G6", CultureInfo.InvariantCulture), ToString());

    /// <summary>"0 to 1", "above 0 and below 1", "above 0, up to 10".</summary>
    public override string ToString() => $"{(AboveMin ? "above " : "")}{Text(Min)}{(BelowMax ? " and below " : AboveMin ? ", up to " : " to ")}{Text(Max)} {Unit}".TrimEnd();

    static string Text(double bound) => bound.ToString("#,0.##########", CultureInfo.InvariantCulture);
}
