using FishKit.Clips;

namespace FishKit.Training;

/// <summary>
/// Time-channel clips as a trainer's batches: each epoch's plan comes from (seed, epoch) and a background loader
/// copies the clips from the memory-mapped frame store into uint8 batches while the model works.
/// </summary>
public sealed class ClipBatchSource(ClipSet set, BatchOptions options, int seed, int prefetch = 2) : IBatchSource, IDisposable
{
    readonly ClipLoader loader = new(set, prefetch);

    /// <summary>The clips this source draws from.</summary>
    public ClipSet Set => set;

    /// <inheritdoc/>
    public int BatchesPerEpoch => BatchPlan.ForEpoch(set.Frames, options, seed, 0).BatchCount;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Labels => set.Frames.SampleLabels;

    /// <inheritdoc/>
    public IEnumerable<Batch> Epoch(int epoch, int skip, CancellationToken cancel)
    {
        var plan = BatchPlan.ForEpoch(set.Frames, options, seed, epoch);
        foreach (var batch in loader.Batches(plan, skip, cancel))
        {
            var frames = new int[batch.Count];
            for (int i = 0; i < frames.Length; i++) frames[i] = batch.Samples[i].Frame;
            yield return new Batch(batch.PixelTensor(), batch.LabelTensor(), frames);
        }
    }

    public void Dispose() => loader.Dispose();
}
