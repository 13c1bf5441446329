using FishKit.Baselines;
using FishKit.Evaluation;
using FishKit.Frames;
using FishKit.Labeling;
using FishKit.Motion;

namespace FishKit.Pipeline;

/// <summary>
/// Runs the write-up's signal pipeline on a folder of frames: y-tilde, labels, the algorithmic baseline,
/// and ROC evaluation of the baseline over frames 119 .. T-12, all with the write-up's defaults unless given.
/// </summary>
public static class SignalPipeline
{
    /// <summary>The write-up's evaluation range for a split of <paramref name="frames"/> frames: 119 .. T-2-10.</summary>
    public static (int First, int Last) WriteUpRange(int frames) =>
        (AlgorithmicBaseline.WriteUpFirstFrame, frames - AlgorithmicBaseline.WriteUpEndMargin);

    /// <summary>Runs the pipeline on the frames in <paramref name="folder"/>.</summary>
    public static SplitSignals Run(string folder, LabelParameters? labels = null, BaselineParameters? baseline = null,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancel = default)
    {
        var frames = FrameSequence.Open(folder);
        var ytilde = YTilde.Compute(frames, progress, cancel);
        return FromYTilde(Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)), folder, ytilde, labels, baseline);
    }

    /// <summary>Labels, baseline and evaluation from an already computed y-tilde series.</summary>
    public static SplitSignals FromYTilde(string split, string folder, double[] ytilde, LabelParameters? labels = null, BaselineParameters? baseline = null)
    {
        var y = CalmBeforeBurstLabeler.Label(ytilde, labels);
        var scores = AlgorithmicBaseline.Predict(ytilde, baseline);
        var (first, last) = WriteUpRange(ytilde.Length);
        var range = new Range(first, last + 1);
        var inRange = y.AsSpan(range);
        bool bothClasses = ScoredLabels.BothClasses(inRange);
        var report = bothClasses ? EvaluationReport.Of(inRange, scores.AsSpan(range)) : null;
        return new SplitSignals(split, folder, ytilde, y, scores, first, last, report);
    }
}
