using FishKit.Evaluation;

namespace FishKit.Tests.Evaluation;

/// <summary>Small cases worked out by hand (the arithmetic is in the comments).</summary>
public class HandComputedTests
{
    // Positives score 0.8 and 0.4, negatives 0.8 and 0.2.
    static readonly bool[] TiedLabels = [true, false, true, false];
    static readonly double[] TiedScores = [0.8, 0.8, 0.4, 0.2];

    [Fact]
    public void Tied_pair_counts_one_half()
    {
        // Pairs (pos, neg): (0.8, 0.8) = 1/2, (0.8, 0.2) = 1, (0.4, 0.8) = 0, (0.4, 0.2) = 1 -> 2.5 / 4.
        Assert.Equal(0.625, Roc.Auc(TiedLabels, TiedScores));
    }

    [Fact]
    public void Tied_scores_give_one_roc_point()
    {
        // >= 0.8: tp 1 fp 1; >= 0.4: tp 2 fp 1; >= 0.2: tp 2 fp 2. No point is collinear with its neighbours.
        foreach (var drop in new[] { true, false })
        {
            var curve = Roc.Curve(TiedLabels, TiedScores, drop);
            Assert.Equal([0, 0.5, 0.5, 1], curve.Fpr);
            Assert.Equal([0, 0.5, 1, 1], curve.Tpr);
            Assert.Equal([1.8, 0.8, 0.4, 0.2], curve.Thresholds);
        }
    }

    [Fact]
    public void Average_precision_is_the_stepwise_sum()
    {
        // >= 0.8: P = 1/2, R = 1/2; >= 0.4: P = 2/3, R = 1. AP = 1/2 * 1/2 + 1/2 * 2/3 = 7/12.
        Assert.Equal(7.0 / 12, PrecisionRecall.AveragePrecision(TiedLabels, TiedScores), 15);
        var curve = PrecisionRecall.Curve(TiedLabels, TiedScores);
        Assert.Equal([0.5, 2.0 / 3, 0.5, 1], curve.Precision);
        Assert.Equal([1, 1, 0.5, 0], curve.Recall);
        Assert.Equal([0.2, 0.4, 0.8], curve.Thresholds);
    }

    [Fact]
    public void Best_thresholds_of_the_tied_case()
    {
        // J: 0 (nothing), 0 (0.8), 1 - 1/2 (0.4), 0 (0.2). Accuracy: 2/4, 2/4, 3/4, 2/4.
        var report = EvaluationReport.Of(TiedLabels, TiedScores);
        Assert.Equal(new YoudenOptimum(0.5, 0.4, 1, 0.5), report.Youden);
        Assert.Equal(new AccuracyOptimum(0.75, 0.4, 1, 0.5), report.MaxAccuracy);
        Assert.Equal(4, report.N);
        Assert.Equal(2, report.Positives);
    }

    [Fact]
    public void Equal_maxima_go_to_the_highest_threshold()
    {
        // Scores 4 (pos), 3 (neg), 2 (pos), 1 (neg). J = 1/2 at >= 4 and at >= 2; accuracy 3/4 at both.
        bool[] labels = [true, false, true, false];
        double[] scores = [4, 3, 2, 1];
        var report = EvaluationReport.Of(labels, scores);
        Assert.Equal(new YoudenOptimum(0.5, 4, 0.5, 0), report.Youden);
        Assert.Equal(new AccuracyOptimum(0.75, 4, 0.5, 0), report.MaxAccuracy);
    }

    [Fact]
    public void Predicting_nothing_can_be_most_accurate()
    {
        // One positive among four scored lowest: predicting nothing (threshold 9 + 1) is right 3 times in 4.
        var best = EvaluationReport.Of([false, false, false, true], [9, 8, 7, 1]).MaxAccuracy;
        Assert.Equal(new AccuracyOptimum(0.75, 10, 0, 0), best);
    }

    [Fact]
    public void A_threshold_that_flags_nothing_reads_predict_none_and_any_other_its_number()
    {
        // [9, 8, 7, 1] with the one positive lowest: accuracy is best (3 of 4) flagging nothing, at the sentinel 9 + 1.
        var nothing = EvaluationReport.Of([false, false, false, true], [9, 8, 7, 1]).MaxAccuracy;
        Assert.Equal("predict none", OperatingPoints.ThresholdText(nothing.Threshold, nothing.Tpr, nothing.Fpr));
        // The highest score itself flags that one frame: a number, however high.
        var top = OperatingPoints.Table([false, false, false, true], [9, 8, 7, 1])[1];
        Assert.Equal((9.0, 0.0, 1 / 3.0), (top.Threshold, top.Tpr, top.Fpr));
        Assert.Equal("9", OperatingPoints.ThresholdText(top.Threshold, top.Tpr, top.Fpr));
        Assert.Equal("0.123", OperatingPoints.ThresholdText(0.12345, 0.5, 0));
        Assert.Equal("0.12", OperatingPoints.ThresholdText(0.12345, 0, 0.5, "F2"));
    }

    [Fact]
    public void Perfect_scores()
    {
        bool[] labels = [false, true, false, true, true];
        double[] scores = [0.1, 0.7, 0.3, 0.9, 0.6];
        Assert.Equal(1.0, Roc.Auc(labels, scores));
        Assert.Equal(1.0, PrecisionRecall.AveragePrecision(labels, scores));
        // J = 1 first reached at >= 0.6 (all 3 positives, no negative).
        Assert.Equal(new YoudenOptimum(1, 0.6, 1, 0), EvaluationReport.Of(labels, scores).Youden);
    }

    [Fact]
    public void Inverted_scores()
    {
        bool[] labels = [false, true, false, true, true];
        double[] scores = [0.9, 0.1, 0.7, 0.3, 0.2];
        Assert.Equal(0.0, Roc.Auc(labels, scores));
        // >= 0.3: P = 1/3, R = 1/3; >= 0.2: P = 2/4, R = 2/3; >= 0.1: P = 3/5, R = 1 -> (1/9 + 1/6 + 1/5).
        Assert.Equal(1.0 / 9 + 1.0 / 6 + 1.0 / 5, PrecisionRecall.AveragePrecision(labels, scores), 15);
        Assert.Equal(0, EvaluationReport.Of(labels, scores).Youden.J);
    }

    [Fact]
    public void All_tied_scores()
    {
        bool[] labels = [true, false, false, true, false];
        double[] scores = [0.5, 0.5, 0.5, 0.5, 0.5];
        Assert.Equal(0.5, Roc.Auc(labels, scores));
        var curve = Roc.Curve(labels, scores);
        Assert.Equal([0, 1], curve.Fpr);
        Assert.Equal([0, 1], curve.Tpr);
        Assert.Equal([1.5, 0.5], curve.Thresholds);
        // One step to recall 1 at precision 2/5.
        Assert.Equal(0.4, PrecisionRecall.AveragePrecision(labels, scores));
    }

    [Fact]
    public void Collinear_points_are_dropped_only_when_asked()
    {
        // Three positives above one negative: (0, 1/3), (0, 2/3), (0, 1), (1, 1); the middle one is on a straight line.
        bool[] labels = [true, true, true, false];
        double[] scores = [4, 3, 2, 1];
        var dropped = Roc.Curve(labels, scores, dropIntermediate: true);
        Assert.Equal([5, 4, 2, 1], dropped.Thresholds);
        Assert.Equal([0, 1.0 / 3, 1, 1], dropped.Tpr);
        Assert.Equal([5, 4, 3, 2, 1], Roc.Curve(labels, scores, dropIntermediate: false).Thresholds);
    }

    [Fact]
    public void Negative_zero_ties_with_zero()
    {
        // -0.0 and 0.0 are the same score: the pair is a tie (1/2), and they share one threshold.
        Assert.Equal(0.5, Roc.Auc([true, false], [-0.0, 0.0]));
        Assert.Single(ThresholdCounts.Of([true, false], [-0.0, 0.0]).Thresholds.ToArray());
    }

    [Fact]
    public void Confusion_matrix_counts_a_score_equal_to_the_threshold_as_positive()
    {
        Assert.Equal(new ConfusionMatrix(2, 1, 1, 0), ConfusionMatrix.At(TiedLabels, TiedScores, 0.4));
        var m = ConfusionMatrix.At(TiedLabels, TiedScores, 0.5);
        Assert.Equal(new ConfusionMatrix(1, 1, 1, 1), m);
        Assert.Equal((0.5, 0.5, 0.5, 0.5, 0.0), (m.Tpr, m.Fpr, m.Precision, m.Accuracy, m.YoudenJ));
        // One class is fine for a confusion matrix; nothing predicted positive has precision 1 by convention.
        var none = ConfusionMatrix.At([false, false], [0.1, 0.2], 0.9);
        Assert.Equal(new ConfusionMatrix(0, 0, 2, 0), none);
        Assert.Equal(1, none.Precision);
    }

    [Fact]
    public void Threshold_table_of_the_tied_case()
    {
        var rows = OperatingPoints.Table(TiedLabels, TiedScores);
        Assert.Equal([1.8, 0.8, 0.4, 0.2], rows.Select(r => r.Threshold));
        Assert.Equal([1, 0.5, 2.0 / 3, 0.5], rows.Select(r => r.Precision));
        Assert.Equal([0.5, 0.5, 0.75, 0.5], rows.Select(r => r.Accuracy));
        Assert.Equal([0, 0, 0.5, 0], rows.Select(r => r.YoudenJ));
    }

    [Fact]
    public void Labels_from_numbers()
    {
        Assert.Equal([true, false, true], BinaryLabels.From<int>([1, 0, 1]));
        Assert.Equal([false, true], BinaryLabels.From<double>([0.0, 1.0]));
        var e = Assert.Throws<FishKitException>(() => BinaryLabels.From<double>([0, 1, 0.5]));
        Assert.Equal("label at index 2 is 0.5; labels must be 0 or 1.", e.Message);
    }
}
