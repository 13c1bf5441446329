using System.Globalization;
using FishKit.Evaluation;

namespace FishKit.Showcase;

/// <summary>One model's evaluation on a showcase test session: overall AUC with its interval, and by burst kind.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Overall">ROC AUC over all labelled frames scored, with a bootstrap interval.</param>
/// <param name="ByKind">ROC AUC of each burst kind's positives against all negatives.</param>
public sealed record ShowcaseModel(string Name, AucInterval Overall, BurstKindReport ByKind)
{
    /// <summary>
    /// Evaluates whole-split <paramref name="scores"/> against <paramref name="labels"/> over frames
    /// <paramref name="first"/> .. <paramref name="last"/>: overall and per burst kind of <paramref name="assignment"/>,
    /// with percentile bootstrap intervals (<paramref name="resamples"/>, <paramref name="seed"/>, 95 %).
    /// </summary>
    public static ShowcaseModel Of(string name, bool[] labels, double[] scores, BurstAssignment assignment, int first, int last, int resamples, int seed)
    {
        if (first < 0 || last >= labels.Length || last < first || scores.Length != labels.Length)
            throw new FishKitException($"{name}: frames {first} .. {last} of {scores.Length} scores and {labels.Length} labels cannot be evaluated; give whole-split series and frames inside them.");
        var overall = BootstrapAuc.Interval(labels.AsSpan(first, last - first + 1), scores.AsSpan(first, last - first + 1), resamples, seed);
        return new ShowcaseModel(name, overall, BurstKindEvaluation.Evaluate(labels, scores, assignment, resamples, seed, frames: first..(last + 1)));
    }
}

/// <summary>
/// Issue 13's targets for the showcase ConvLSTM, checked on measured numbers: on first-of-bout positives it beats each
/// model on y-tilde by at least <see cref="FirstOfBoutMargin"/> with non-overlapping 95 % intervals; its overall AUC beats
/// each with DeLong p below <see cref="OverallP"/>; and with the precursor off its first-of-bout advantage over the y-tilde
/// LSTM disappears (its AUC falls inside the y-tilde LSTM's interval, or below it).
/// </summary>
public static class ShowcaseTargets
{
    /// <summary>The first-of-bout margin the ConvLSTM must have over each y-tilde model.</summary>
    public const double FirstOfBoutMargin = 0.10;

    /// <summary>The DeLong p-value its overall AUC must beat each y-tilde model by.</summary>
    public const double OverallP = 0.01;

    /// <summary>Each target as one line saying the numbers and whether it is met.</summary>
    public static IReadOnlyList<(string Target, bool Met)> Check(ShowcaseModel convLstm, IReadOnlyList<(ShowcaseModel Model, DeLongComparison Overall)> others,
        ShowcaseModel convLstmOff, ShowcaseModel yTildeLstmOff)
    {
        var lines = new List<(string, bool)>();
        var first = convLstm.ByKind.FirstOfBout;
        foreach (var (other, delong) in others)
        {
            var o = other.ByKind.FirstOfBout;
            double gap = (first.Auc ?? double.NaN) - (o.Auc ?? double.NaN);
            bool separate = first.CiLow > o.CiHigh;
            lines.Add((Text($"first of bout, against the {other.Name}: {first.Auc:F3} ({first.CiLow:F3}..{first.CiHigh:F3}) against {o.Auc:F3} ({o.CiLow:F3}..{o.CiHigh:F3}), a margin of {gap:+0.000;-0.000} (target +{FirstOfBoutMargin:F2}, intervals apart)"),
                gap >= FirstOfBoutMargin && separate));
            lines.Add((Text($"overall, against the {other.Name}: {delong.AucA:F3} against {delong.AucB:F3}, DeLong p = {delong.PValue:G2} (target: higher, p < {OverallP})"),
                delong.AucA > delong.AucB && delong.PValue < OverallP));
        }
        var off = convLstmOff.ByKind.FirstOfBout;
        var lstmOff = yTildeLstmOff.ByKind.FirstOfBout;
        lines.Add((Text($"precursor off, first of bout: the ConvLSTM {off.Auc:F3} against the {yTildeLstmOff.Name}'s {lstmOff.Auc:F3} ({lstmOff.CiLow:F3}..{lstmOff.CiHigh:F3}) (target: no longer above that interval)"),
            off.Auc <= lstmOff.CiHigh));
        return lines;
    }

    static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
