using System.Globalization;

namespace FishKit.Validation;

/// <summary>The whole numbers a kind of parameter may take, <see cref="Min"/> to <see cref="Max"/> inclusive, in <see cref="Unit"/>.</summary>
public sealed record WholeRange(long Min, long Max, string Unit)
{
    /// <summary>Returns <paramref name="value"/> when it lies in the range; otherwise throws a one-line error that names <paramref name="name"/> and the range.</summary>
    public long Check(string name, long value) =>
        value >= Min && value <= Max ? value : throw OutOfRange.Error(name, value.ToString(CultureInfo.InvariantCulture), ToString());

    /// <summary>Returns <paramref name="value"/> when it lies in the range (see <see cref="Check(string, long)"/>).</summary>
    public int Check(string name, int value) => (int)Check(name, (long)value);

    /// <summary>"1 to 100,000 frames".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min:N0} to {Max:N0} {Unit}").TrimEnd();
}
