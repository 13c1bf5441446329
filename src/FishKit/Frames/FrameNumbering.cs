namespace FishKit.Frames;

/// <summary>
/// Reads frame numbers from file names (the last run of digits: <c>00042.png</c>, <c>frame_42.tif</c>) and checks
/// that the files, in natural order, form one numbered series without repeats and, unless allowed, without gaps.
/// </summary>
static class FrameNumbering
{
    /// <summary>The frame numbers of <paramref name="names"/> (in natural order) and the gaps between them.</summary>
    public static (long[] Numbers, FrameGap[] Gaps) Check(IReadOnlyList<string> names, bool allowGaps)
    {
        var numbers = new long[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            numbers[i] = NumberOf(names[i]);
            if (i == 0 || numbers[i] > numbers[i - 1]) continue;
            throw new FishKitException(numbers[i] == numbers[i - 1]
                ? $"frames '{names[i - 1]}' and '{names[i]}' have the same number {numbers[i]}; keep one of them."
                : $"frame numbering restarts at '{names[i]}' after '{names[i - 1]}'; keep one numbered series per folder.");
        }
        var gaps = Gaps(names, numbers);
        if (gaps.Length > 0 && !allowGaps)
        {
            var g = gaps[0];
            throw FishKitException.Refusal(
                $"{gaps.Sum(x => x.Missing):N0} frame(s) missing from the numbering, first between '{g.Before}' and '{g.After}' ({gaps.Length:N0} gap(s)); " +
                $"restore them, or allow gaps ({FishKitException.Say(Term.AllowGaps)}) to treat the frames present as consecutive.", new(File: g.Before));
        }
        return (numbers, gaps);
    }

    /// <summary>Where increasing <paramref name="numbers"/> skip values, named by the files on either side.</summary>
    public static FrameGap[] Gaps(IReadOnlyList<string> names, ReadOnlySpan<long> numbers)
    {
        var gaps = new List<FrameGap>();
        for (int i = 1; i < numbers.Length; i++)
            if (numbers[i] - numbers[i - 1] > 1)
                gaps.Add(new FrameGap(Path.GetFileName(names[i - 1]), Path.GetFileName(names[i]), numbers[i] - numbers[i - 1] - 1));
        return gaps.ToArray();
    }

    /// <summary>The last run of digits in the name without its extension.</summary>
    static long NumberOf(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name.AsSpan());
        int end = stem.Length;
        while (end > 0 && !char.IsAsciiDigit(stem[end - 1])) end--;
        int start = end;
        while (start > 0 && char.IsAsciiDigit(stem[start - 1])) start--;
        if (start == end)
            throw new FishKitException($"frame '{name}' has no number in its name; name frames in time order like 00000.png, 00001.png, ...");
        if (!long.TryParse(stem[start..end], System.Globalization.NumberStyles.None, null, out long number) || number > long.MaxValue / 2)
            throw new FishKitException($"frame '{name}' has a number too large to be a frame number; rename the frames 00000.png, 00001.png, ...");
        return number;
    }
}
