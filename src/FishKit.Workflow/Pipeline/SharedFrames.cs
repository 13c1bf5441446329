using FishKit.Evaluation;
using FishKit.Labeling;

namespace FishKit.Pipeline;

/// <summary>One model's scores on <see cref="SharedFrames"/> and their evaluation.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Scores">Its scores on the shared frames First .. Last.</param>
/// <param name="Report">AUC, average precision, max J and max accuracy there.</param>
/// <param name="ByKind">The AUC by burst kind there, where the split has the simulator's truth; else null.</param>
public sealed record SharedModel(string Name, double[] Scores, EvaluationReport Report, BurstKindReport? ByKind);

/// <summary>
/// Several models scored on the labelled frames of a split that all of them score: from the latest first scored frame
/// (the pipeline's, each recipe's) to the labels' last frame (<c>Runs.OnSharedFrames</c> scores finished runs). What <c>fishkit reproduce</c> compares on the test split
/// and what a notebook compares its models on (ModelScores.On takes <see cref="First"/> and <see cref="Last"/>).
/// </summary>
/// <param name="First">First shared frame.</param>
/// <param name="Last">Last shared frame.</param>
/// <param name="Labels">The labels of frames First .. Last.</param>
/// <param name="Models">Each model there; empty when those frames hold one class only.</param>
public sealed record SharedFrames(int First, int Last, bool[] Labels, IReadOnlyList<SharedModel> Models)
{
    /// <summary>The frames of <paramref name="split"/> that every model scores, given each recipe's first scored frame.</summary>
    public static (int First, int Last) Range(SplitSignals split, IEnumerable<int> firstScoredFrames) =>
        (firstScoredFrames.Append(split.FirstEvaluated).Max(), LabelParameters.WriteUp.LastFrame(split.Frames));

    /// <summary>
    /// Evaluates whole-split <paramref name="models"/> (one score per frame) on their shared frames; by burst kind too when
    /// <paramref name="assignment"/> gives one (asked only when the frames hold both classes), with bootstrap intervals
    /// of <paramref name="resamples"/> resamples seeded by <paramref name="seed"/>.
    /// </summary>
    public static SharedFrames Evaluate(SplitSignals split, IReadOnlyList<(string Name, double[] Scores)> models, IEnumerable<int> firstScoredFrames,
        Func<BurstAssignment?>? assignment = null, int resamples = BurstKindEvaluation.DefaultResamples, int seed = 1)
    {
        var (first, last) = Range(split, firstScoredFrames);
        var labels = split.Labels[first..(last + 1)];
        if (!ScoredLabels.BothClasses(labels)) return new SharedFrames(first, last, labels, []);
        var kinds = assignment?.Invoke();
        return new SharedFrames(first, last, labels, [.. models.Select(m => new SharedModel(m.Name, m.Scores[first..(last + 1)],
            EvaluationReport.Of(labels, m.Scores.AsSpan(first, last - first + 1)),
            kinds is null ? null : BurstKindEvaluation.Evaluate(split.Labels, m.Scores, kinds, resamples, seed, frames: first..(last + 1))))]);
    }
}
