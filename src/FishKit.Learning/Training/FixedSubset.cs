using FishKit.Clips;
using static TorchSharp.torch;

namespace FishKit.Training;

/// <summary>
/// A few samples drawn once from another batch source and held in memory, served in a new order each epoch: the tiny
/// training set of the overfitting check (a model that cannot drive the loss towards 0 on it has a bug, not a data problem).
/// </summary>
public sealed class FixedSubset : IBatchSource, IDisposable
{
    readonly Tensor inputs;
    readonly Tensor targets;
    readonly int[] frames;
    readonly LabelledFrames samples;
    readonly BatchOptions options;
    readonly int seed;

    FixedSubset(Tensor inputs, Tensor targets, int[] frames, BatchOptions options, int seed)
    {
        this.inputs = inputs;
        this.targets = targets;
        this.frames = frames;
        var labels = targets.data<float>().ToArray().Select(t => t > 0.5f).ToArray();
        samples = LabelledFrames.Create(labels, 0, labels.Length - 1, "the subset");
        this.options = options;
        this.seed = seed;
    }

    /// <summary>
    /// The first <paramref name="count"/> samples of <paramref name="source"/>'s first epoch (shuffle the source to spread
    /// them over the split; balance it to get both classes), batched each epoch by a <see cref="BatchPlan"/> of
    /// <paramref name="options"/> (no flips: the samples are tensors already) drawn from <paramref name="seed"/>.
    /// </summary>
    public static FixedSubset Draw(IBatchSource source, int count, BatchOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (count < 1) throw new FishKitException($"a subset of {count} samples is empty; take at least 1.");
        if (options.Flips) throw new FishKitException("a fixed subset holds its samples as tensors and cannot flip them; draw it from a source with flips to include flipped clips.");
        var inputs = new List<Tensor>();
        var targets = new List<Tensor>();
        var frames = new List<int>();
        try
        {
            foreach (var b in source.Epoch(0, 0, CancellationToken.None))
            {
                using (b)
                {
                    int take = Math.Min(count - frames.Count, b.Frames.Length);
                    inputs.Add(b.Inputs.narrow(0, 0, take).clone());
                    targets.Add(b.Targets.narrow(0, 0, take).clone());
                    frames.AddRange(b.Frames.Take(take));
                }
                if (frames.Count == count) break;
            }
            if (frames.Count < count)
                throw new FishKitException($"the source has {frames.Count} samples in an epoch, fewer than the {count} asked for; take at most {frames.Count}.");
            return new FixedSubset(cat(inputs, 0), cat(targets, 0), [.. frames], options, seed);
        }
        finally
        {
            foreach (var t in inputs.Concat(targets)) t.Dispose();
        }
    }

    /// <summary>Samples in the subset.</summary>
    public int Count => frames.Length;

    /// <summary>The frames the samples belong to, in the order they were drawn.</summary>
    public IReadOnlyList<int> Frames => frames;

    /// <inheritdoc/>
    public int BatchesPerEpoch => BatchPlan.ForEpoch(samples, options, seed, 0).BatchCount;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Labels => samples.SampleLabels;

    /// <inheritdoc/>
    public IEnumerable<Batch> Epoch(int epoch, int skip, CancellationToken cancel)
    {
        var plan = BatchPlan.ForEpoch(samples, options, seed, epoch);
        for (int b = skip; b < plan.BatchCount; b++)
        {
            cancel.ThrowIfCancellationRequested();
            var picked = plan.Batch(b).ToArray().Select(s => s.Frame).ToArray();
            using var index = tensor(picked.Select(i => (long)i).ToArray());
            yield return new Batch(inputs.index_select(0, index), targets.index_select(0, index), picked.Select(i => frames[i]).ToArray());
        }
    }

    public void Dispose()
    {
        inputs.Dispose();
        targets.Dispose();
    }
}
