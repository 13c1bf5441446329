using FishKit.Labeling;
using FishKit.Training;
using static TorchSharp.torch;

namespace FishKit.Baselines;

/// <summary>
/// Batches for the y-tilde LSTM: one sample per labelled frame t (the write-up's range 4n-1 .. T-2-h), the window of
/// y-tilde ending at t as input (the model scales it), the frame's label as target; shuffled per epoch from a seed, or in frame order.
/// </summary>
public sealed class YTildeBatchSource : IBatchSource
{
    readonly YTildeWindows windows;
    readonly int[] frames;
    readonly bool[] labels;
    readonly int batchSize;
    readonly bool shuffle;
    readonly int seed;

    /// <summary>Samples of <paramref name="ytilde"/> with their <paramref name="allLabels"/> (one per frame) over the labelled range.</summary>
    public YTildeBatchSource(double[] ytilde, bool[] allLabels, YTildeLstmConfig config, int batchSize, bool shuffle, int seed,
        LabelParameters? labelParameters = null)
    {
        if (allLabels.Length != ytilde.Length)
            throw new FishKitException($"there are {allLabels.Length} labels for {ytilde.Length} y-tilde values; give one label per frame.");
        var p = labelParameters ?? LabelParameters.WriteUp;
        windows = new YTildeWindows(ytilde, config.Window);
        int first = Math.Max(p.FirstFrame, windows.FirstFrame), last = p.LastFrame(ytilde.Length);
        if (last < first)
            throw new FishKitException($"y-tilde has {ytilde.Length} values: too few for one labelled window (frames {first} .. {last}); use a longer split.");
        frames = Enumerable.Range(first, last - first + 1).ToArray();
        labels = frames.Select(t => allLabels[t]).ToArray();
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /// <inheritdoc/>
    public int BatchesPerEpoch => (frames.Length + batchSize - 1) / batchSize;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Labels => labels;

    /// <inheritdoc/>
    public IEnumerable<Batch> Epoch(int epoch, int skip, CancellationToken cancel)
    {
        var order = shuffle ? EpochOrder.Shuffled(frames.Length, seed, epoch) : Enumerable.Range(0, frames.Length).ToArray();
        for (int b = skip; b < BatchesPerEpoch; b++)
        {
            cancel.ThrowIfCancellationRequested();
            var chosen = order.AsSpan(b * batchSize, Math.Min(batchSize, frames.Length - b * batchSize));
            var batchFrames = new int[chosen.Length];
            var targets = new float[chosen.Length];
            for (int i = 0; i < chosen.Length; i++)
            {
                batchFrames[i] = frames[chosen[i]];
                targets[i] = labels[chosen[i]] ? 1 : 0;
            }
            yield return new Batch(windows.Batch(batchFrames), tensor(targets), batchFrames);
        }
    }
}
