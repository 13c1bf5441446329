using System.Numerics;

namespace FishKit.Evaluation;

/// <summary>Turns 0/1 label series of any number type into the bool labels the metrics take (true = positive).</summary>
public static class BinaryLabels
{
    /// <summary>Labels from 0/1 values (double, int, byte, ...); any other value (or NaN) throws naming its index.</summary>
    public static bool[] From<T>(ReadOnlySpan<T> values) where T : INumberBase<T>
    {
        var labels = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (T.IsZero(values[i])) labels[i] = false;
            else if (values[i] == T.One) labels[i] = true;
            else throw new FishKitException($"label at index {i} is {values[i]}; labels must be 0 or 1.");
        }
        return labels;
    }
}
