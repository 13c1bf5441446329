using FishKit.Labeling;
using FishKit.Store;

namespace FishKit.Clips;

/// <summary>
/// The clips of a split: a frame store, a <see cref="ClipLayout"/>, and the labelled frames t whose clips are the
/// samples. Nothing is cut in advance: a sample is just (t, flip), and <see cref="ClipBatch.Fill"/> copies its frames
/// from the store when a batch is made.
/// </summary>
public sealed class ClipSet
{
    ClipSet(FrameStore store, ClipLayout layout, LabelledFrames frames)
    {
        Store = store;
        Layout = layout;
        Frames = frames;
    }

    /// <summary>The frames, at the model's resolution.</summary>
    public FrameStore Store { get; }

    /// <summary>How each clip is cut.</summary>
    public ClipLayout Layout { get; }

    /// <summary>The sample frames t and their labels.</summary>
    public LabelledFrames Frames { get; }

    /// <summary>
    /// The clips ending at frames <paramref name="first"/> .. <paramref name="last"/> of <paramref name="store"/>, labelled
    /// by <paramref name="labels"/> (one per frame of the store). <paramref name="first"/> is raised to the layout's
    /// <see cref="ClipLayout.FirstFrame"/> when earlier frames lack a whole clip.
    /// </summary>
    public static ClipSet Create(FrameStore store, ClipLayout layout, bool[] labels, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(labels);
        layout.Validate();
        if (labels.Length != store.Count)
            throw new FishKitException($"labels have {labels.Length:N0} values but frame store '{store.Path}' has {store.Count:N0} frames; give one label per frame of this split.");
        if (store.Count < layout.Span)
            throw new FishKitException($"frame store '{store.Path}' has {store.Count:N0} frames, too few for one clip: {layout} needs at least {layout.Span:N0} frames.");
        return new ClipSet(store, layout, LabelledFrames.Create(labels, Math.Max(first, layout.FirstFrame), last, $"frame store '{store.Path}'"));
    }

    /// <summary>
    /// The clips of the frames the calm-before-burst rule labels (<paramref name="parameters"/>, the write-up's by default):
    /// t from max(4n - 1, the layout's first frame) to T - 2 - h.
    /// </summary>
    public static ClipSet Create(FrameStore store, ClipLayout layout, bool[] labels, LabelParameters? parameters = null)
    {
        var p = parameters ?? LabelParameters.WriteUp;
        return Create(store, layout, labels, p.FirstFrame, p.LastFrame(store.Count));
    }
}
