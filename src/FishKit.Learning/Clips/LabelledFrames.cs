namespace FishKit.Clips;

/// <summary>
/// The frames a model learns from or is scored on: every frame t in <see cref="First"/> .. <see cref="Last"/> of a
/// split, with its label (one bool per frame of the split, from <c>FishKit.Labeling</c>; pass all false to predict).
/// </summary>
public sealed class LabelledFrames
{
    readonly bool[] labels;

    LabelledFrames(bool[] labels, int first, int last)
    {
        this.labels = labels;
        First = first;
        Last = last;
        for (int t = first; t <= last; t++)
            if (labels[t]) Positives++;
    }

    /// <summary>The first sample frame.</summary>
    public int First { get; }

    /// <summary>The last sample frame (inclusive).</summary>
    public int Last { get; }

    /// <summary>Sample frames: Last - First + 1.</summary>
    public int Count => Last - First + 1;

    /// <summary>Frames of the whole split (the labels' length).</summary>
    public int SplitFrames => labels.Length;

    /// <summary>Sample frames labelled 1.</summary>
    public int Positives { get; }

    /// <summary>The labels of the sample frames First .. Last, in frame order.</summary>
    public ReadOnlySpan<bool> SampleLabels => labels.AsSpan(First, Count);

    /// <summary>The label of frame <paramref name="t"/>.</summary>
    public bool Label(int t) => labels[t];

    /// <summary>
    /// Frames <paramref name="first"/> .. <paramref name="last"/> of a split labelled by <paramref name="labels"/>
    /// (copied; one per frame of the split). <paramref name="what"/> names the split in errors.
    /// </summary>
    public static LabelledFrames Create(bool[] labels, int first, int last, string what)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (first < 0 || last >= labels.Length)
            throw new FishKitException($"sample frames {first}..{last} are not within the {labels.Length:N0} frames of {what}.");
        if (first > last)
            throw new FishKitException($"no sample frames in {first}..{last} of {what} ({labels.Length:N0} frames); use a longer split.");
        return new LabelledFrames((bool[])labels.Clone(), first, last);
    }
}
