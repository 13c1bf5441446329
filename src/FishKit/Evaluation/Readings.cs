namespace FishKit.Evaluation;

/// <summary>The verdict rules the notebooks state in words, in one place so that every front end reads results alike.</summary>
public static class Readings
{
    /// <summary>How an AUC ranks frames: "better than chance" above 0.55, "worse than chance ..." below 0.45, else "about as well as chance".</summary>
    public static string Auc(double auc) => auc > 0.55 ? "better than chance"
        : auc < 0.45 ? "worse than chance: on this video its bet fails more often than it holds"
        : "about as well as chance";

    /// <summary>
    /// DeLong's comparison of <paramref name="a"/> against <paramref name="b"/> in one clause: which is above by how much, and
    /// whether chance explains it at level <paramref name="alpha"/> (two-sided p below it: it does not).
    /// </summary>
    public static string DeLong(DeLongComparison d, string a, string b, double alpha = 0.05)
    {
        var statistics = FormattableString.Invariant($"(z = {d.Z:F2}, p = {d.PValue:G2})");
        var level = FormattableString.Invariant($"{alpha:P0}");
        return d.PValue < alpha
            ? FormattableString.Invariant($"{a}'s AUC is {(d.Z > 0 ? "above" : "below")} {b}'s by {Math.Abs(d.AucA - d.AucB):F3} {statistics}, more than chance explains at the {level} level")
            : FormattableString.Invariant($"{a}'s and {b}'s AUCs differ by {Math.Abs(d.AucA - d.AucB):F3} {statistics}, within what chance explains at the {level} level");
    }

    /// <summary>
    /// A training run's best epoch against a constant output: chance is a validation AUC of 0.5, and the constant's
    /// <paramref name="constantLoss"/> should be the best constant's unweighted validation loss (the loss is unweighted).
    /// </summary>
    public static string Training(double validationAuc, double validationLoss, double constantLoss) =>
        validationAuc > 0.5 && validationLoss < constantLoss ? "it ranks the validation clips better than chance and its validation loss beats the best constant output's"
        : validationAuc > 0.5 ? "it ranks the validation clips better than chance, though its validation loss has not yet beaten the best constant output's"
        : "it does not rank the validation clips better than chance yet";
}
