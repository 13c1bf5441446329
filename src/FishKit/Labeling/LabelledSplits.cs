using FishKit.Frames;

namespace FishKit.Labeling;

/// <summary>How long a video must be for the write-up's chronological split to leave a labelled frame in every split.</summary>
public static class LabelledSplits
{
    /// <summary>
    /// The fewest frames whose write-up split (83.38 / 6.66 / 9.95 %, <see cref="ChronologicalSplit.WriteUp"/>) gives every
    /// split at least one labelled frame under <paramref name="labels"/> (default the write-up's rule). The validation
    /// split, the smallest share, is the one that binds: about 2,500 frames, 83 s at 30 fps.
    /// </summary>
    public static int ShortestVideo(LabelParameters? labels = null)
    {
        var p = labels ?? LabelParameters.WriteUp;
        int total = p.MinimumLength;
        while (ChronologicalSplit.WriteUp(total).Ranges.Any(r => p.LabelledFrames(r.Count) == 0)) total++;
        return total;
    }
}
