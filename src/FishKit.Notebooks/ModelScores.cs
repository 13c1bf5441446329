using FishKit.Evaluation;
using FishKit.Pipeline;
using FishKit.WriteUp;

namespace FishKit.Notebooks;

/// <summary>
/// A model's probabilities on some frames of a split, with those frames' labels: what the ROC, precision-recall,
/// threshold and timeline charts and the metric tables take. <see cref="Report"/> is the kit's evaluation of it.
/// </summary>
/// <param name="Name">The model's name as legends and tables show it.</param>
/// <param name="Frames">The frame of each score.</param>
/// <param name="Labels">The label of each frame.</param>
/// <param name="Scores">The model's probability for each frame.</param>
/// <param name="WriteUp">The write-up's published numbers for this model, if any.</param>
public sealed record ModelScores(string Name, int[] Frames, bool[] Labels, double[] Scores, WriteUpResults.ModelResult? WriteUp = null)
{
    /// <summary>The model's scores over frames <paramref name="first"/> .. <paramref name="last"/> of whole-split arrays (one value per frame).</summary>
    public static ModelScores Over(string name, bool[] labels, double[] scores, int first, int last, WriteUpResults.ModelResult? writeUp = null)
    {
        if (labels.Length != scores.Length)
            throw new FishKitException($"{name}: {scores.Length} scores for {labels.Length} labels; give one of each per frame.");
        if (first < 0 || last >= labels.Length || last < first)
            throw new FishKitException($"{name}: frames {first} .. {last} are not inside the split's 0 .. {labels.Length - 1}.");
        var frames = Enumerable.Range(first, last - first + 1).ToArray();
        return new ModelScores(name, frames, labels[first..(last + 1)], scores[first..(last + 1)], writeUp);
    }

    /// <summary>A model of <paramref name="shared"/> (several models on the frames all of them score) as the charts take it.</summary>
    public static ModelScores Of(SharedFrames shared, SharedModel model, WriteUpResults.ModelResult? writeUp = null) =>
        new(model.Name, Enumerable.Range(shared.First, shared.Last - shared.First + 1).ToArray(), shared.Labels, model.Scores, writeUp);

    /// <summary>
    /// The write-up's best ConvLSTM as published in its clone: its probabilities (<c>Y_pred.npy</c>) on the test frames
    /// 119 .. T-12 with the write-up's labels, and its published numbers.
    /// </summary>
    public static ModelScores WriteUpConvLstm(string name, WriteUpClone clone)
    {
        var (first, last) = clone.Scored;
        return new ModelScores(name, Enumerable.Range(first, last - first + 1).ToArray(), clone.Test.Labels[first..(last + 1)], clone.ConvLstm, WriteUpResults.ConvLstmBest);
    }

    /// <summary>A trained model's predictions (as <c>Trainer.Predict</c> yields them), sorted by frame.</summary>
    public static ModelScores FromPredictions(string name, IEnumerable<(int Frame, float Probability, bool Label)> predictions)
    {
        var sorted = predictions.OrderBy(p => p.Frame).ToArray();
        if (sorted.Length == 0) throw new FishKitException($"{name}: no predictions; the split has no labelled frames.");
        return new ModelScores(name, sorted.Select(p => p.Frame).ToArray(), sorted.Select(p => p.Label).ToArray(), sorted.Select(p => (double)p.Probability).ToArray());
    }

    /// <summary>ROC AUC, average precision, max Youden's J and max accuracy of these scores (computed on each call).</summary>
    public EvaluationReport Report() => EvaluationReport.Of(Labels, Scores);

    /// <summary>
    /// Frames that show the model at <paramref name="threshold"/> (label 1 when score &gt;= threshold): its most confident
    /// true positive (highest-scoring frame labelled 1 above the threshold), most confident false positive (highest-scoring
    /// frame labelled 0 above it) and worst miss (lowest-scoring frame labelled 1 below it), in frame order. A kind no
    /// frame has is left out; ties go to the earliest frame.
    /// </summary>
    public IReadOnlyList<Moment> Moments(double threshold)
    {
        var indices = Enumerable.Range(0, Frames.Length).ToArray();
        Moment? Pick(string kind, Func<int, bool> where, bool highest)
        {
            var candidates = indices.Where(where).ToArray();
            if (candidates.Length == 0) return null;
            int best = candidates.Aggregate((a, b) => highest ? (Scores[b] > Scores[a] ? b : a) : (Scores[b] < Scores[a] ? b : a));
            return new Moment(kind, Frames[best], Scores[best], Labels[best]);
        }
        return new[]
        {
            Pick("true positive", i => Labels[i] && Scores[i] >= threshold, highest: true),
            Pick("false positive", i => !Labels[i] && Scores[i] >= threshold, highest: true),
            Pick("miss", i => Labels[i] && Scores[i] < threshold, highest: false),
        }.OfType<Moment>().OrderBy(m => m.Frame).ToList();
    }

    /// <summary>These scores restricted to frames <paramref name="first"/> .. <paramref name="last"/> (e.g. the frames two models share, for DeLong's test).</summary>
    public ModelScores On(int first, int last)
    {
        var keep = Frames.Select((f, i) => (f, i)).Where(p => p.f >= first && p.f <= last).Select(p => p.i).ToArray();
        if (keep.Length == 0) throw new FishKitException($"{Name} has no scores in frames {first} .. {last}.");
        return new ModelScores(Name, keep.Select(i => Frames[i]).ToArray(), keep.Select(i => Labels[i]).ToArray(), keep.Select(i => Scores[i]).ToArray(), WriteUp);
    }
}

/// <summary>One frame picked to show what a model did there.</summary>
/// <param name="Kind">"true positive", "false positive" or "miss".</param>
/// <param name="Frame">The frame.</param>
/// <param name="Score">The model's probability there.</param>
/// <param name="Label">The frame's label.</param>
public sealed record Moment(string Kind, int Frame, double Score, bool Label);
