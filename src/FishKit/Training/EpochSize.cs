using FishKit.Labeling;

namespace FishKit.Training;

/// <summary>
/// How much one epoch of a recipe holds on a training split of a given length: one clip per labelled frame with a whole
/// clip behind it (frames max(4n - 1, the layout's first frame) .. T - 2 - h), four samples per clip with the flips.
/// The write-up's 44,956 training frames give 44,791 clips (frames 119 .. 44,909), 179,164 samples with the flips.
/// </summary>
public static class EpochSize
{
    /// <summary>Clips (samples without flips) of a training split of <paramref name="frames"/> frames.</summary>
    public static long Clips(RunConfig recipe, int frames, LabelParameters? labels = null)
    {
        var p = labels ?? LabelParameters.WriteUp;
        return Math.Max(0, p.LastFrame(frames) - Math.Max(p.FirstFrame, recipe.FirstScoredFrame) + 1);
    }

    /// <summary>Samples of one epoch: <see cref="Clips"/>, times four with the flips (class balance not counted).</summary>
    public static long Samples(RunConfig recipe, int frames, LabelParameters? labels = null) =>
        Clips(recipe, frames, labels) * (recipe.Batches.Flips ? 4L : 1L);

    /// <summary>Optimisation steps of a whole run: epochs × batches per epoch (capped by the recipe's maximum).</summary>
    public static long Steps(RunConfig recipe, int frames, LabelParameters? labels = null)
    {
        long samples = Samples(recipe, frames, labels), size = recipe.Batches.BatchSize;
        long perEpoch = recipe.Batches.DropLast ? samples / size : (samples + size - 1) / size;
        return recipe.Training.Epochs * Math.Min(perEpoch, recipe.Training.MaxBatchesPerEpoch ?? long.MaxValue);
    }
}
