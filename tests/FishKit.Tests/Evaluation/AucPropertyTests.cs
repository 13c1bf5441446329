using FishKit.Evaluation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FishKit.Tests.Evaluation;

/// <summary>Labels with both classes, and scores on a coarse grid (k/8) so ties are frequent and 1 - s is exact.</summary>
public sealed record Scored(bool[] Labels, double[] Scores)
{
    public override string ToString() =>
        $"labels [{string.Join(",", Labels.Select(l => l ? 1 : 0))}] scores [{string.Join(",", Scores)}]";
}

public static class ScoredArbitrary
{
    public static Arbitrary<Scored> Scored() =>
        Gen.Choose(2, 60)
            .SelectMany(n => Gen.Zip(Gen.Elements(true, false).ArrayOf(n), Gen.Choose(0, 8).Select(k => k / 8.0).ArrayOf(n)))
            .Select(pair =>
            {
                var (labels, scores) = pair;
                (labels[0], labels[1]) = (true, false); // both classes, always
                return new Scored(labels, scores);
            })
            .ToArbitrary();
}

/// <summary>Invariants of AUC and AP on random data, against a naive O(n^2) Mann-Whitney count.</summary>
[Properties(Arbitrary = [typeof(ScoredArbitrary)], MaxTest = 300)]
public class AucPropertyTests
{
    static double MannWhitney(bool[] labels, double[] scores)
    {
        double credit = 0;
        int pairs = 0;
        for (int i = 0; i < labels.Length; i++)
            for (int j = 0; j < labels.Length; j++)
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    credit += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
        return credit / pairs;
    }

    [Property]
    public bool Auc_is_mann_whitney_with_ties_as_half(Scored d) =>
        Math.Abs(Roc.Auc(d.Labels, d.Scores) - MannWhitney(d.Labels, d.Scores)) < 1e-12;

    [Property]
    public bool Auc_of_one_minus_scores_is_one_minus_auc(Scored d) =>
        Math.Abs(Roc.Auc(d.Labels, d.Scores.Select(s => 1 - s).ToArray()) - (1 - Roc.Auc(d.Labels, d.Scores))) < 1e-12;

    [Property]
    public bool Auc_is_unchanged_by_strictly_increasing_transforms(Scored d)
    {
        double auc = Roc.Auc(d.Labels, d.Scores);
        return new Func<double, double>[] { Math.Exp, s => 3 * s - 7, s => s * s * s + s, s => Math.Log(s + 0.5) }
            .All(f => Roc.Auc(d.Labels, d.Scores.Select(f).ToArray()) == auc);
    }

    [Property]
    public bool Average_precision_is_in_zero_one(Scored d)
    {
        double ap = PrecisionRecall.AveragePrecision(d.Labels, d.Scores);
        return ap > 0 && ap <= 1 + 1e-15;
    }

    [Property]
    public bool Trapezoid_area_under_either_curve_is_the_auc(Scored d)
    {
        double auc = Roc.Auc(d.Labels, d.Scores);
        return new[] { true, false }.All(drop =>
        {
            var c = Roc.Curve(d.Labels, d.Scores, drop);
            double area = 0;
            for (int i = 1; i < c.Fpr.Length; i++) area += (c.Fpr[i] - c.Fpr[i - 1]) * (c.Tpr[i] + c.Tpr[i - 1]) / 2;
            return Math.Abs(area - auc) < 1e-12 && c.Fpr[0] == 0 && c.Tpr[0] == 0 && c.Fpr[^1] == 1 && c.Tpr[^1] == 1;
        });
    }

    [Property]
    public bool Best_thresholds_beat_every_row_and_the_trivial_predictions(Scored d)
    {
        var rows = OperatingPoints.Table(d.Labels, d.Scores);
        var report = EvaluationReport.Of(d.Labels, d.Scores);
        int positives = d.Labels.Count(l => l), n = d.Labels.Length;
        return rows.All(r => r.YoudenJ <= report.Youden.J + 1e-15 && r.Accuracy <= report.MaxAccuracy.Accuracy + 1e-15)
            && report.Youden.J >= 0
            && report.MaxAccuracy.Accuracy >= (double)Math.Max(positives, n - positives) / n - 1e-15
            && ConfusionMatrix.At(d.Labels, d.Scores, report.Youden.Threshold).YoudenJ == report.Youden.J
            && ConfusionMatrix.At(d.Labels, d.Scores, report.MaxAccuracy.Threshold).Accuracy == report.MaxAccuracy.Accuracy;
    }

    [Property]
    public bool DeLong_aucs_are_the_aucs(Scored d)
    {
        if (d.Labels.Count(l => l) < 2 || d.Labels.Count(l => !l) < 2) return true;
        var reversed = d.Scores.Reverse().ToArray();
        try
        {
            var c = DeLong.Compare(d.Labels, d.Scores, reversed);
            return Math.Abs(c.AucA - Roc.Auc(d.Labels, d.Scores)) < 1e-12 && Math.Abs(c.AucB - Roc.Auc(d.Labels, reversed)) < 1e-12;
        }
        catch (FishKitException e) when (e.Message.Contains("zero variance"))
        {
            return true;
        }
    }

    [Property]
    public bool Radix_sorted_keys_follow_the_numeric_order(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        var keys = finite.Select(ScoreKeys.Of).ToArray();
        ScoreKeys.Sort(keys);
        var expected = finite.Select(v => v == 0 ? 0.0 : v).Order().ToArray();
        return keys.Select(ScoreKeys.ToScore).SequenceEqual(expected);
    }
}
