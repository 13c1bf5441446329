namespace FishKit.Frames;

/// <summary>Orders file names the way frames are numbered: digit runs compare as numbers (frame_2 before frame_10), other text ordinally.</summary>
public sealed class NaturalOrder : IComparer<string>
{
    /// <summary>The one instance (the order has no settings).</summary>
    public static NaturalOrder Instance { get; } = new();

    NaturalOrder() { }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var a = DigitRun(x, ref i).TrimStart('0');
                var b = DigitRun(y, ref j).TrimStart('0');
                // Without leading zeros, a longer run is a larger number; equal lengths compare digit by digit.
                int byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byValue != 0) return byValue;
            }
            else
            {
                int byChar = x[i].CompareTo(y[j]);
                if (byChar != 0) return byChar;
                i++;
                j++;
            }
        }
        int byRest = (x.Length - i).CompareTo(y.Length - j);
        // Names equal as numbers ("7" and "07") still need a fixed order: fall back to ordinal.
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }

    static ReadOnlySpan<char> DigitRun(string s, ref int index)
    {
        int start = index;
        while (index < s.Length && char.IsAsciiDigit(s[index])) index++;
        return s.AsSpan(start, index - start);
    }
}
