namespace FishKit.Evaluation;

/// <summary>
/// The checks every ranking metric makes on its input before it returns a number, and the one test of "both classes"
/// and "finite scores" that the pipeline, the trainer, the bootstraps and the front ends share.
/// </summary>
public static class ScoredLabels
{
    /// <summary>Whether <paramref name="count"/> labels with <paramref name="positives"/> positives hold both classes (an AUC is defined).</summary>
    public static bool BothClasses(int positives, int count) => positives > 0 && positives < count;

    /// <summary>Whether <paramref name="labels"/> hold both classes (an AUC is defined).</summary>
    public static bool BothClasses(ReadOnlySpan<bool> labels) => BothClasses(labels.Count(true), labels.Length);

    /// <summary>The index of the first score that is NaN or infinite, or -1 when all are finite.</summary>
    public static int FirstNonFinite(ReadOnlySpan<double> scores)
    {
        for (int i = 0; i < scores.Length; i++)
            if (!double.IsFinite(scores[i])) return i;
        return -1;
    }

    /// <summary>
    /// Checks that <paramref name="labels"/> and <paramref name="scores"/> are non-empty, of equal length, with finite
    /// scores, and (when <paramref name="needBothClasses"/>) both classes present; returns the number of positives.
    /// </summary>
    public static int Check(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool needBothClasses = true)
    {
        if (labels.Length != scores.Length)
            throw new FishKitException(
                $"labels and scores differ in length ({labels.Length} labels, {scores.Length} scores); give one score per labelled frame.");
        if (labels.Length == 0)
            throw new FishKitException("no labelled scores to evaluate (the series are empty); give at least one positive and one negative frame.");
        RequireFinite(scores);
        int positives = labels.Count(true);
        if (needBothClasses && !BothClasses(positives, labels.Length))
            throw new FishKitException(
                $"labels hold only {(positives == 0 ? "negatives (all 0)" : "positives (all 1)")} in {labels.Length} frames; " +
                "ROC AUC and the curves need at least one positive and one negative.");
        return positives;
    }

    /// <summary>Throws naming the first score (by index) that is NaN or infinite.</summary>
    static void RequireFinite(ReadOnlySpan<double> scores)
    {
        if (FirstNonFinite(scores) is var i and >= 0)
            throw new FishKitException($"score at index {i} is {scores[i]}; scores must be finite numbers.");
    }
}
