namespace FishKit.Frames;

/// <summary>Consecutive frames <c>Start .. Start+Count-1</c> of a sequence (a split, or a slice).</summary>
public readonly record struct FrameRange(int Start, int Count)
{
    /// <summary>One past the last frame.</summary>
    public int End => Start + Count;

    public override string ToString() => $"{Start}..{End - 1} ({Count:N0} frames)";
}
