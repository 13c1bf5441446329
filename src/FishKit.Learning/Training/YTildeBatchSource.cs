using FishKit.Baselines;
using FishKit.Clips;
using FishKit.Labeling;
using static TorchSharp.torch;

namespace FishKit.Training;

/// <summary>
/// Batches for the y-tilde LSTM (a batch source beside <see cref="ClipBatchSource"/>, in Training so that the LSTM's
/// namespace, Baselines, needs nothing from Training): one sample per labelled frame t (the write-up's range 4n-1 .. T-2-h), the window of
/// y-tilde ending at t as input (the model scales it), the frame's label as target. Epochs follow the same seeded
/// <see cref="BatchPlan"/> as the clips (shuffling, class balance), without flips, which mean nothing for a series.
/// </summary>
public sealed class YTildeBatchSource : IBatchSource
{
    readonly YTildeWindows windows;
    readonly LabelledFrames frames;
    readonly BatchOptions options;
    readonly int seed;

    /// <summary>
    /// Samples of <paramref name="ytilde"/> with <paramref name="labels"/> (one per frame) for frames
    /// <paramref name="firstFrame"/> .. <paramref name="lastFrame"/> (default: the write-up's labelled range; never before
    /// the first full window).
    /// </summary>
    public YTildeBatchSource(double[] ytilde, bool[] labels, YTildeLstmConfig config, BatchOptions options, int seed,
        int? firstFrame = null, int? lastFrame = null)
    {
        if (labels.Length != ytilde.Length)
            throw new FishKitException($"there are {labels.Length} labels for {ytilde.Length} y-tilde values; give one label per frame.");
        if (options.Flips) throw new FishKitException("flips are an augmentation of video clips; the y-tilde LSTM takes no flips.");
        var p = LabelParameters.WriteUp;
        windows = new YTildeWindows(ytilde, config.Window);
        frames = LabelledFrames.Create(labels, Math.Max(firstFrame ?? p.FirstFrame, windows.FirstFrame), lastFrame ?? p.LastFrame(ytilde.Length), "the y-tilde series");
        this.options = options;
        this.seed = seed;
    }

    /// <inheritdoc/>
    public int BatchesPerEpoch => BatchPlan.ForEpoch(frames, options, seed, 0).BatchCount;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Labels => frames.SampleLabels;

    /// <inheritdoc/>
    public IEnumerable<Batch> Epoch(int epoch, int skip, CancellationToken cancel)
    {
        var plan = BatchPlan.ForEpoch(frames, options, seed, epoch);
        for (int b = skip; b < plan.BatchCount; b++)
        {
            cancel.ThrowIfCancellationRequested();
            var samples = plan.Batch(b);
            var batchFrames = new int[samples.Length];
            var targets = new float[samples.Length];
            for (int i = 0; i < samples.Length; i++)
            {
                batchFrames[i] = samples[i].Frame;
                targets[i] = frames.Label(samples[i].Frame) ? 1 : 0;
            }
            yield return new Batch(windows.Batch(batchFrames), tensor(targets), batchFrames);
        }
    }
}
