using System.Text.Json.Nodes;
using FishKit.Labeling;
using FishKit.Pipeline;
using FishKit.Training;
using static FishKit.Notebooks.Tests.Outputs;

namespace FishKit.Notebooks.Tests;

/// <summary>The chart builders' Plotly JSON on small inputs whose curves and numbers are worked out by hand.</summary>
public class ChartsTests
{
    // Ranked by score: 0.9 (1), 0.8 (0), 0.4 (1), 0.1 (0).
    static readonly ModelScores Four = new("m", [10, 11, 12, 13], [true, false, true, false], [0.9, 0.8, 0.4, 0.1]);

    static double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void Roc_has_the_chance_diagonal_the_curve_with_its_auc_and_the_max_j_point()
    {
        var figure = Figure(Charts.Roc(Four));
        var data = figure["data"]!.AsArray();

        Assert.Equal("chance (AUC 0.5)", data[0]!["name"]!.GetValue<string>());
        Assert.Equal([0.0, 1.0], Numbers(data[0]!["x"]));
        Assert.Equal([0.0, 1.0], Numbers(data[0]!["y"]));
        // Pairs (positive, negative) ranked right: 0.9 beats both negatives, 0.4 beats 0.1: 3 of 4.
        Assert.Equal("m (AUC 0.750)", data[1]!["name"]!.GetValue<string>());
        Assert.Equal([0.0, 0.0, 0.5, 0.5, 1.0], Numbers(data[1]!["x"]));
        Assert.Equal([0.0, 0.5, 0.5, 1.0, 1.0], Numbers(data[1]!["y"]));
        // J = TPR - FPR is 0.5 at thresholds 0.9 and 0.4; the first (highest) is reported: FPR 0, TPR 0.5.
        Assert.Equal("m: max J 0.500 at threshold 0.9", data[2]!["name"]!.GetValue<string>());
        Assert.Equal([0.0], Numbers(data[2]!["x"]));
        Assert.Equal([0.5], Numbers(data[2]!["y"]));
        Assert.Equal(3, data.Count); // no write-up point for a model without published numbers
    }

    [Fact]
    public void Roc_marks_the_write_ups_operating_point_when_the_model_has_one()
    {
        var data = Figure(Charts.Roc(Four with { WriteUp = WriteUp.WriteUpResults.AlgorithmicBaseline }))["data"]!.AsArray();
        Assert.Equal("write-up: algorithmic baseline at max J (AUC 0.838)", data[3]!["name"]!.GetValue<string>());
        Assert.Equal([0.289], Numbers(data[3]!["x"]));
        Assert.Equal([0.832], Numbers(data[3]!["y"]));
    }

    [Fact]
    public void Precision_recall_has_average_precision_in_the_legend_and_the_positive_rate_line()
    {
        var data = Figure(Charts.PrecisionRecall(Four))["data"]!.AsArray();
        // AP = recall step 0.5 at precision 1/1, then 0.5 at precision 2/3: 0.8333.
        Assert.Equal("m (AP 0.833)", data[0]!["name"]!.GetValue<string>());
        Assert.Equal("chance (positive rate 50.0 %)", data[1]!["name"]!.GetValue<string>());
        Assert.Equal([0.5, 0.5], Numbers(data[1]!["y"]));
    }

    [Fact]
    public void Thresholds_chart_plots_accuracy_and_j_at_every_score_and_marks_both_maxima()
    {
        var data = Figure(Charts.Thresholds(Four))["data"]!.AsArray();
        Assert.Equal([0.9, 0.8, 0.4, 0.1], Numbers(data[0]!["x"]));
        Assert.Equal([0.75, 0.5, 0.75, 0.5], Numbers(data[0]!["y"])); // accuracy at each threshold
        Assert.Equal([0.5, 0.0, 0.5, 0.0], Numbers(data[1]!["y"]));   // Youden's J
        Assert.Equal("max accuracy 0.750 at 0.9", data[2]!["name"]!.GetValue<string>());
        Assert.Equal("max J 0.500 at 0.9", data[3]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_best_threshold_that_flags_nothing_reads_predict_none_in_labels_and_hover_texts()
    {
        // Three negatives outscore the one positive: accuracy is best (3 of 4) flagging nothing, and so is J (0).
        var inverted = new ModelScores("m", [0, 1, 2, 3], [false, false, false, true], [0.9, 0.8, 0.7, 0.1]);
        var thresholds = Figure(Charts.Thresholds(inverted))["data"]!.AsArray();
        Assert.Equal("max accuracy 0.750 at predict none", thresholds[2]!["name"]!.GetValue<string>());
        Assert.Equal([1.0], Numbers(thresholds[2]!["x"])); // drawn at the right end of the probability axis
        var roc = Figure(Charts.Roc(inverted))["data"]!.AsArray();
        Assert.Equal("m: max J 0.000 at threshold predict none", roc[2]!["name"]!.GetValue<string>());
        Assert.Equal("predict none", roc[1]!["text"]![0]!.GetValue<string>()); // the curve's first point, (0, 0)
        Assert.Equal("0.1", roc[1]!["text"]!.AsArray()[^1]!.GetValue<string>());
        Assert.Equal("m: threshold predict none (max J)", Figure(Charts.PredictionTimeline("t", inverted))["data"]![2]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Compared_thresholds_put_accuracy_above_and_j_below_for_each_model()
    {
        var other = Four with { Name = "n", Scores = [0.2, 0.3, 0.6, 0.1] }; // 0.6 (1), 0.3 (0), 0.2 (1), 0.1 (0)
        var figure = Figure(Charts.ThresholdsCompared(Four, other));
        var data = figure["data"]!.AsArray();
        Assert.Equal(["m: accuracy", "m: Youden's J", "m: max accuracy 0.750 at 0.9", "m: max J 0.500 at 0.9",
            "n: accuracy", "n: Youden's J", "n: max accuracy 0.750 at 0.6", "n: max J 0.500 at 0.6"], data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([0.6, 0.3, 0.2, 0.1], Numbers(data[5]!["x"]));
        Assert.Equal([0.5, 0.0, 0.5, 0.0], Numbers(data[5]!["y"])); // J of n at each of its scores
        Assert.Equal("y2", data[5]!["yaxis"]!.GetValue<string>());
        Assert.Equal("y2", data[7]!["yaxis"]!.GetValue<string>());
        Assert.Null(data[4]!["yaxis"]); // accuracy on the first axis
        Assert.Equal([0.0, 0.45], Numbers(figure["layout"]!["yaxis2"]!["domain"]));
    }

    [Fact]
    public void Timeline_with_ytilde_draws_it_over_the_scored_frames_and_marks_the_moments()
    {
        var ytilde = Enumerable.Range(0, 20).Select(i => i / 1000.0).ToArray();
        var figure = Figure(Charts.PredictionTimeline("t", ytilde, [new Moment("miss", 12, 0.4, true)], Four));
        var data = figure["data"]!.AsArray();
        Assert.Equal("y-tilde (top panel)", data[3]!["name"]!.GetValue<string>());
        Assert.Equal([10.0, 11.0, 12.0, 13.0], Numbers(data[3]!["x"]));
        Assert.Equal([0.010, 0.011, 0.012, 0.013], Numbers(data[3]!["y"]));
        Assert.Equal("y2", data[3]!["yaxis"]!.GetValue<string>());
        Assert.Equal("miss (12)", figure["layout"]!["annotations"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(12, figure["layout"]!["shapes"]![0]!["x0"]!.GetValue<int>());
        Assert.Throws<FishKitException>(() => Charts.PredictionTimeline("t", ytilde[..12], [], Four)); // y-tilde shorter than the frames scored
    }

    [Fact]
    public void Training_curves_put_auc_on_the_right_axis_and_mark_the_best_epoch()
    {
        var history = new TrainingHistory
        {
            Epochs =
            [
                new(1, 0.7, 0.6, 0.50, 0.55, 0.1, 1, 10),
                new(2, 0.6, 0.7, 0.40, 0.65, 0.1, 1, 20),
                new(3, 0.5, 0.8, 0.45, 0.60, 0.1, 1, 30),
            ],
        };
        var figure = Figure(Charts.TrainingCurves(history));
        var data = figure["data"]!.AsArray();
        Assert.Equal([Charts.TrainLossName, Charts.ValidationLossName, "train AUC (right axis)", "validation AUC (right axis)"], data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([0.5, 0.4, 0.45], Numbers(data[1]!["y"]));
        Assert.Equal("y2", data[3]!["yaxis"]!.GetValue<string>());
        Assert.Equal(2, figure["layout"]!["shapes"]![0]!["x0"]!.GetValue<int>()); // lowest validation loss
    }

    [Fact]
    public void Ytilde_chart_shades_exactly_the_labelled_frames_and_marks_onsets_inside_the_split()
    {
        var ytilde = new[] { 0.001, 0.002, 0.004, 0.001, 0.0 };
        var labels = new[] { false, true, false, true, false };
        var split = new SplitSignals("train", "x", ytilde, labels, new double[5], 0, 4, null);
        var data = Figure(Charts.YTilde(split, [2, 99]))["data"]!.AsArray();
        Assert.Equal("bar", data[0]!["type"]!.GetValue<string>());
        Assert.Equal([1.0, 3.0], Numbers(data[0]!["x"]));
        Assert.Equal([2.0], Numbers(data[2]!["x"])); // onset 99 is outside the 5 frames
    }

    [Fact]
    public void Labelling_rule_chart_gives_the_label_the_rule_gives()
    {
        // Frames 0..118 calm at 0.001; from 119 the window W = y-tilde[119 .. 164] rises to 0.004 at its end.
        var ytilde = Enumerable.Repeat(0.001, 200).ToArray();
        for (int t = 150; t < 200; t++) ytilde[t] = 0.004;
        var calm = Figure(Charts.LabellingRule(ytilde, 119))["data"]!.AsArray();
        // R = 0.003 >= c = 0.001 and y-tilde[119] = 0.001 <= min + 0.1 R = 0.0013: label 1.
        Assert.Equal("frame t = 119: label 1", calm[3]!["name"]!.GetValue<string>());
        Assert.Equal([0.0013, 0.0013], Numbers(calm[2]!["y"]).Select(v => Math.Round(v, 10)));
        // At 150 the window y-tilde[150 .. 195] is all 0.004: R = 0 < c, label 0.
        Assert.Equal("frame t = 150: label 0", Figure(Charts.LabellingRule(ytilde, 150))["data"]![3]!["name"]!.GetValue<string>());
        // Outside the labelled frames 119 .. T-47 there is no rule to show.
        Assert.Throws<FishKitException>(() => Charts.LabellingRule(ytilde, 118));
        Assert.Throws<FishKitException>(() => Charts.LabellingRule(ytilde, 200 - 46, LabelParameters.WriteUp));
    }

    [Fact]
    public void Prediction_timeline_draws_each_model_and_its_max_j_threshold()
    {
        var data = Figure(Charts.PredictionTimeline("t", Four))["data"]!.AsArray();
        Assert.Equal([10.0, 12.0], Numbers(data[0]!["x"])); // frames labelled 1
        Assert.Equal("m", data[1]!["name"]!.GetValue<string>());
        Assert.Equal("m: threshold 0.9 (max J)", data[2]!["name"]!.GetValue<string>());
        Assert.Equal([10.0, 13.0], Numbers(data[2]!["x"]));
    }

    [Fact]
    public void Long_series_are_drawn_with_webgl()
    {
        var n = 6000;
        var split = new SplitSignals("train", "x", Enumerable.Range(0, n).Select(i => i % 7 * 0.001).ToArray(), new bool[n], new double[n], 119, n - 12, null);
        Assert.Equal("scattergl", Figure(Charts.YTilde(split))["data"]![1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Ytilde_against_speed_has_each_series_with_its_pearson_r_and_the_speed_on_the_right_axis()
    {
        double[] speed = [1, 2, 3, 4, 5];
        // y-tilde has one more value (the last frame's 0, left out); [2, 4, 5, 4, 5] has r = 6 / sqrt(60) = 0.775 with 1..5.
        var figure = Figure(Charts.YTildeAgainstSpeed("t", speed, ("a", [0.1, 0.2, 0.3, 0.4, 0.5, 0]), ("b", [2, 4, 5, 4, 5, 0])));
        Assert.Equal([("scatter", "y-tilde: a (r = 1.000)"), ("scatter", "y-tilde: b (r = 0.775)"), ("scatter", "true group mean speed (right axis)")], Traces(figure));
        var data = figure["data"]!.AsArray();
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], Numbers(data[0]!["y"]));
        Assert.Equal([0.0, 1, 2, 3, 4], Numbers(data[0]!["x"]));
        Assert.Equal("y2", data[2]!["yaxis"]!.GetValue<string>());
        Assert.Throws<FishKitException>(() => Charts.YTildeAgainstSpeed("t", speed, ("short", [1, 2, 3])));
    }
}
