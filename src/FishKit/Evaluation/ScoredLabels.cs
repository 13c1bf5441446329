namespace FishKit.Evaluation;

/// <summary>The checks every ranking metric makes on its input before it returns a number.</summary>
static class ScoredLabels
{
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
        if (needBothClasses && (positives == 0 || positives == labels.Length))
            throw new FishKitException(
                $"labels hold only {(positives == 0 ? "negatives (all 0)" : "positives (all 1)")} in {labels.Length} frames; " +
                "ROC AUC and the curves need at least one positive and one negative.");
        return positives;
    }

    /// <summary>Throws naming the first score (by index) that is NaN or infinite.</summary>
    static void RequireFinite(ReadOnlySpan<double> scores)
    {
        for (int i = 0; i < scores.Length; i++)
            if (!double.IsFinite(scores[i]))
                throw new FishKitException($"score at index {i} is {scores[i]}; scores must be finite numbers.");
    }
}
