using System.Globalization;
using FishKit.Evaluation;
using FishKit.Labeling;
using FishKit.Notebooks.Charting;
using FishKit.Pipeline;
using FishKit.Training;
using Plotly.NET;
using static FishKit.Notebooks.Charting.ChartBuilder;

namespace FishKit.Notebooks;

/// <summary>
/// The notebooks' charts (Plotly.NET), each built from kit results: y-tilde with its labels and bursts, the labelling rule
/// on one window, the baseline over time, ROC and precision-recall curves of several models, accuracy and Youden's J
/// against threshold, training curves and a prediction timeline. Trace names say what each line is.
/// </summary>
public static partial class Charts
{
    const string Blue = "#1f77b4", Orange = "#ff7f0e", Green = "#2ca02c", Red = "#d62728", Gray = "#7f7f7f";
    static readonly string[] Palette = [Blue, Orange, Green, Red, "#9467bd", "#8c564b"];
    const string LabelShade = "rgba(255,127,14,0.28)";

    /// <summary>Points above which a series is drawn with WebGL.</summary>
    const int WebGlAbove = 5000;

    /// <summary>y-tilde over a split's frames, frames labelled 1 shaded, and the ground truth's burst onsets marked (if given).</summary>
    public static GenericChart YTilde(SplitSignals split, IEnumerable<int>? burstOnsets = null)
    {
        var frames = Enumerable.Range(0, split.Frames).ToArray();
        double top = split.YTilde.Max() * 1.05;
        var figure = new ChartBuilder($"y-tilde of the {split.Split} split ({split.Frames:N0} frames)", "frame", "y-tilde (mean |ΔX| per pixel)");
        figure.Add("bar", ("name", "label 1: calm before a burst"), ("x", frames.Where(t => split.Labels[t]).ToArray()),
            ("y", frames.Where(t => split.Labels[t]).Select(_ => top).ToArray()), ("width", 1.0),
            ("marker", Obj(("color", LabelShade))), ("hoverinfo", "x+name"));
        figure.Add(Line(frames.Length), ("name", "y-tilde"), ("x", frames), ("y", split.YTilde), ("mode", "lines"), ("line", Obj(("color", Blue), ("width", 1))));
        if (burstOnsets?.Where(t => t >= 0 && t < split.Frames).ToArray() is { Length: > 0 } onsets)
            figure.Add("scatter", ("name", "burst onset (ground truth)"), ("x", onsets), ("y", onsets.Select(_ => top * 1.04).ToArray()),
                ("mode", "markers"), ("marker", Obj(("symbol", "triangle-down"), ("size", 9), ("color", Red))));
        return figure.Layout("bargap", 0).Chart();
    }

    /// <summary>
    /// y-tilde series of one scene (e.g. from preprocessed camera footage and from a clean rendering) against the ground
    /// truth's group mean speed per step (right axis; <c>TankSimulation.StepSpeeds</c>), each series' Pearson r with the
    /// speed in its legend entry. y-tilde's last value (0 by convention) is left out.
    /// </summary>
    public static GenericChart YTildeAgainstSpeed(string title, double[] stepSpeeds, params (string Name, double[] YTilde)[] series)
    {
        var frames = Enumerable.Range(0, stepSpeeds.Length).ToArray();
        var figure = new ChartBuilder(title, "frame t (step t → t+1)", "y-tilde (mean |ΔX| per pixel)", 420);
        for (int i = 0; i < series.Length; i++)
        {
            var (name, ytilde) = series[i];
            if (ytilde.Length != stepSpeeds.Length + 1)
                throw new FishKitException($"'{name}' has {ytilde.Length} y-tilde values for {stepSpeeds.Length} steps; give one value per frame (steps + 1).");
            var y = ytilde[..^1];
            double r = Correlation.Pearson(y, stepSpeeds);
            figure.Add(Line(frames.Length), ("name", string.Create(CultureInfo.InvariantCulture, $"y-tilde: {name} (r = {r:F3})")), ("x", frames), ("y", y),
                ("mode", "lines"), ("line", Obj(("color", Palette[i % Palette.Length]), ("width", 1))));
        }
        figure.Add(Line(frames.Length), ("name", "true group mean speed (right axis)"), ("x", frames), ("y", stepSpeeds), ("yaxis", "y2"),
            ("mode", "lines"), ("line", Obj(("color", "rgba(127,127,127,0.7)"), ("width", 1.5), ("dash", "dot"))));
        return figure.Layout("yaxis2", Obj(("title", Obj(("text", "speed (pixels per frame)"))), ("overlaying", "y"), ("side", "right"), ("showgrid", false))).Chart();
    }

    /// <summary>
    /// The labelling rule on the window of frame <paramref name="t"/>: y-tilde around it, the look-ahead window
    /// W = y-tilde[t .. t+h], its range R, the level min(W) + b·R, and frame t with the label the rule gives it.
    /// </summary>
    public static GenericChart LabellingRule(double[] ytilde, int t, LabelParameters? parameters = null, int before = 60, int after = 30)
    {
        var p = parameters ?? LabelParameters.WriteUp;
        if (t < p.FirstFrame || t > p.LastFrame(ytilde.Length))
            throw new FishKitException($"frame {t} is outside the labelled frames {p.FirstFrame} .. {p.LastFrame(ytilde.Length)}; choose a frame inside them.");
        var window = ytilde[t..(t + p.H + 1)];
        double min = window.Min(), max = window.Max(), range = max - min, low = min + p.B * range;
        bool label = range >= p.C && ytilde[t] <= low;
        int from = Math.Max(0, t - before), to = Math.Min(ytilde.Length - 1, t + p.H + after);
        var frames = Enumerable.Range(from, to - from + 1).ToArray();
        var inv = CultureInfo.InvariantCulture;
        string rule = string.Create(inv, $"R = {range:0.#####} {(range >= p.C ? "≥" : "<")} c = {p.C}; y-tilde[t] = {ytilde[t]:0.#####} {(ytilde[t] <= low ? "≤" : ">")} min(W) + b·R = {low:0.#####} → label {(label ? 1 : 0)}");
        return new ChartBuilder($"The labelling rule at frame t = {t}<br><sub>{rule}</sub>", "frame", "y-tilde", 420)
            .Add("scatter", ("name", $"look-ahead window W = y-tilde[t .. t+{p.H}]"), ("x", new[] { t, t + p.H, t + p.H, t, t }),
                ("y", new[] { min, min, max, max, min }), ("fill", "toself"), ("mode", "lines"),
                ("fillcolor", "rgba(44,160,44,0.12)"), ("line", Obj(("color", Green), ("width", 1))))
            .Add("scatter", ("name", "y-tilde"), ("x", frames), ("y", frames.Select(f => ytilde[f]).ToArray()), ("mode", "lines"), ("line", Obj(("color", Blue))))
            .Add("scatter", ("name", $"min(W) + b·R (b = {p.B.ToString(inv)})"), ("x", new[] { t, t + p.H }), ("y", new[] { low, low }),
                ("mode", "lines"), ("line", Obj(("color", Orange), ("dash", "dash"))))
            .Add("scatter", ("name", $"frame t = {t}: label {(label ? 1 : 0)}"), ("x", new[] { t }), ("y", new[] { ytilde[t] }), ("mode", "markers"),
                ("marker", Obj(("size", 12), ("color", label ? Red : Gray), ("symbol", "circle"))))
            .Chart();
    }

    /// <summary>The algorithmic baseline's probability over the split's scored frames, labels shaded, y-tilde on the right axis.</summary>
    public static GenericChart BaselineOverTime(SplitSignals split)
    {
        var frames = Enumerable.Range(split.FirstEvaluated, split.LastEvaluated - split.FirstEvaluated + 1).ToArray();
        var positives = frames.Where(t => split.Labels[t]).ToArray();
        return new ChartBuilder($"The algorithmic baseline on the {split.Split} split (frames {split.FirstEvaluated}..{split.LastEvaluated})", "frame", "probability of label 1")
            .Add("bar", ("name", "label 1: calm before a burst"), ("x", positives), ("y", positives.Select(_ => 1.0).ToArray()), ("width", 1.0),
                ("marker", Obj(("color", LabelShade))), ("hoverinfo", "x+name"))
            .Add(Line(frames.Length), ("name", "y-tilde (right axis)"), ("x", frames), ("y", frames.Select(t => split.YTilde[t]).ToArray()),
                ("yaxis", "y2"), ("mode", "lines"), ("line", Obj(("color", "rgba(127,127,127,0.6)"), ("width", 1))))
            .Add(Line(frames.Length), ("name", "baseline probability"), ("x", frames), ("y", frames.Select(t => split.Baseline[t]).ToArray()),
                ("mode", "lines"), ("line", Obj(("color", Blue), ("width", 1.5))))
            .Axis("yaxis", ("range", new[] { 0.0, 1.02 }))
            .Layout("yaxis2", Obj(("title", Obj(("text", "y-tilde"))), ("overlaying", "y"), ("side", "right"), ("showgrid", false)))
            .Layout("bargap", 0)
            .Chart();
    }

    /// <summary>
    /// ROC curves of several models on one chart: the AUC in each legend entry, the chance diagonal, each model's
    /// threshold of maximum Youden's J marked, and the write-up's published operating point where there is one.
    /// </summary>
    public static GenericChart Roc(params ModelScores[] models)
    {
        var figure = new ChartBuilder("ROC curves", "false-positive rate", "true-positive rate", 460)
            .Add("scatter", ("name", "chance (AUC 0.5)"), ("x", new[] { 0.0, 1.0 }), ("y", new[] { 0.0, 1.0 }), ("mode", "lines"),
                ("line", Obj(("color", Gray), ("dash", "dot"))));
        var inv = CultureInfo.InvariantCulture;
        for (int m = 0; m < models.Length; m++)
        {
            var model = models[m];
            var curve = FishKit.Evaluation.Roc.Curve(model.Labels, model.Scores);
            var report = model.Report();
            string color = Palette[m % Palette.Length];
            figure.Add("scatter", ("name", string.Create(inv, $"{model.Name} (AUC {report.Auc:F3})")), ("x", curve.Fpr), ("y", curve.Tpr), ("mode", "lines"),
                ("line", Obj(("color", color), ("width", 2))), ("text", curve.Thresholds.Select((t, i) => OperatingPoints.ThresholdText(t, curve.Tpr[i], curve.Fpr[i], "0.####")).ToArray()),
                ("hovertemplate", "FPR %{x:.3f}, TPR %{y:.3f}<br>threshold %{text}<extra></extra>"));
            figure.Add("scatter", ("name", string.Create(inv, $"{model.Name}: max J {report.Youden.J:F3} at threshold {Threshold(report.Youden)}")),
                ("x", new[] { report.Youden.Fpr }), ("y", new[] { report.Youden.Tpr }), ("mode", "markers"),
                ("marker", Obj(("color", color), ("size", 11), ("symbol", "circle"))));
            if (model.WriteUp is { } w)
                figure.Add("scatter", ("name", string.Create(inv, $"write-up: {w.Model} at max J (AUC {w.Auc:F3})")), ("x", new[] { w.Fpr }), ("y", new[] { w.Tpr }),
                    ("mode", "markers"), ("marker", Obj(("color", color), ("size", 12), ("symbol", "x"))));
        }
        return figure.Axis("xaxis", ("range", new[] { 0.0, 1.0 }), ("constrain", "domain"))
            .Axis("yaxis", ("range", new[] { 0.0, 1.02 }), ("scaleanchor", "x"), ("constrain", "domain")).Chart();
    }

    /// <summary>Precision-recall curves of several models, average precision in the legend, and the positive rate (a random model's precision).</summary>
    public static GenericChart PrecisionRecall(params ModelScores[] models)
    {
        var inv = CultureInfo.InvariantCulture;
        var figure = new ChartBuilder("Precision and recall", "recall", "precision", 420);
        for (int m = 0; m < models.Length; m++)
        {
            var model = models[m];
            var curve = FishKit.Evaluation.PrecisionRecall.Curve(model.Labels, model.Scores);
            figure.Add("scatter", ("name", string.Create(inv, $"{model.Name} (AP {model.Report().AveragePrecision:F3})")), ("x", curve.Recall), ("y", curve.Precision),
                ("mode", "lines"), ("line", Obj(("color", Palette[m % Palette.Length]), ("shape", "hv"))));
        }
        if (models.Length > 0)
        {
            double rate = (double)models[0].Labels.Count(l => l) / models[0].Labels.Length;
            figure.Add("scatter", ("name", string.Create(inv, $"chance (positive rate {rate:P1})")), ("x", new[] { 0.0, 1.0 }), ("y", new[] { rate, rate }),
                ("mode", "lines"), ("line", Obj(("color", Gray), ("dash", "dot"))));
        }
        return figure.Axis("xaxis", ("range", new[] { 0.0, 1.0 })).Axis("yaxis", ("range", new[] { 0.0, 1.02 })).Chart();
    }

    /// <summary>Accuracy and Youden's J of one model against the threshold, with both maxima marked.</summary>
    public static GenericChart Thresholds(ModelScores model)
    {
        var table = OperatingPoints.Table(model.Labels, model.Scores).Skip(1).ToArray(); // row 0: above every score (nothing positive)
        var report = model.Report();
        var inv = CultureInfo.InvariantCulture;
        var x = table.Select(p => p.Threshold).ToArray();
        return new ChartBuilder($"{model.Name}: accuracy and Youden's J against the threshold", "threshold (label 1 when probability ≥ threshold)", "value")
            .Add(Line(x.Length), ("name", "accuracy"), ("x", x), ("y", table.Select(p => p.Accuracy).ToArray()), ("mode", "lines"), ("line", Obj(("color", Blue))))
            .Add(Line(x.Length), ("name", "Youden's J = TPR - FPR"), ("x", x), ("y", table.Select(p => p.YoudenJ).ToArray()), ("mode", "lines"), ("line", Obj(("color", Orange))))
            .Add("scatter", ("name", string.Create(inv, $"max accuracy {report.MaxAccuracy.Accuracy:F3} at {Threshold(report.MaxAccuracy)}")),
                ("x", new[] { OnAxis(report.MaxAccuracy.Threshold) }), ("y", new[] { report.MaxAccuracy.Accuracy }), ("mode", "markers"), ("marker", Obj(("color", Blue), ("size", 11))))
            .Add("scatter", ("name", string.Create(inv, $"max J {report.Youden.J:F3} at {Threshold(report.Youden)}")),
                ("x", new[] { OnAxis(report.Youden.Threshold) }), ("y", new[] { report.Youden.J }), ("mode", "markers"), ("marker", Obj(("color", Orange), ("size", 11))))
            .Axis("xaxis", ("range", new[] { 0.0, 1.0 }))
            .Chart();
    }

    /// <summary>
    /// Accuracy (top panel) and Youden's J (bottom panel) of several models against the threshold, one colour per model,
    /// each model's maxima marked.
    /// </summary>
    public static GenericChart ThresholdsCompared(params ModelScores[] models)
    {
        var inv = CultureInfo.InvariantCulture;
        var figure = new ChartBuilder("Accuracy and Youden's J against the threshold", "threshold (label 1 when probability ≥ threshold)", "accuracy", 560);
        for (int m = 0; m < models.Length; m++)
        {
            var model = models[m];
            var table = OperatingPoints.Table(model.Labels, model.Scores).Skip(1).ToArray(); // row 0: above every score (nothing positive)
            var report = model.Report();
            var x = table.Select(p => p.Threshold).ToArray();
            var line = Obj(("color", Palette[m % Palette.Length]));
            var marker = Obj(("color", Palette[m % Palette.Length]), ("size", 10));
            figure.Add(Line(x.Length), ("name", $"{model.Name}: accuracy"), ("legendgroup", model.Name), ("x", x), ("y", table.Select(p => p.Accuracy).ToArray()), ("mode", "lines"), ("line", line))
                .Add(Line(x.Length), ("name", $"{model.Name}: Youden's J"), ("legendgroup", model.Name), ("x", x), ("y", table.Select(p => p.YoudenJ).ToArray()), ("yaxis", "y2"), ("mode", "lines"),
                    ("line", Obj(("color", Palette[m % Palette.Length]), ("dash", "dash"))))
                .Add("scatter", ("name", string.Create(inv, $"{model.Name}: max accuracy {report.MaxAccuracy.Accuracy:F3} at {Threshold(report.MaxAccuracy)}")), ("legendgroup", model.Name),
                    ("x", new[] { OnAxis(report.MaxAccuracy.Threshold) }), ("y", new[] { report.MaxAccuracy.Accuracy }), ("mode", "markers"), ("marker", marker))
                .Add("scatter", ("name", string.Create(inv, $"{model.Name}: max J {report.Youden.J:F3} at {Threshold(report.Youden)}")), ("legendgroup", model.Name),
                    ("x", new[] { OnAxis(report.Youden.Threshold) }), ("y", new[] { report.Youden.J }), ("yaxis", "y2"), ("mode", "markers"), ("marker", marker));
        }
        return figure.Axis("xaxis", ("range", new[] { 0.0, 1.0 }), ("anchor", "y2"))
            .Axis("yaxis", ("domain", new[] { 0.55, 1.0 }))
            .Layout("yaxis2", Obj(("title", Obj(("text", "Youden's J = TPR - FPR"))), ("domain", new[] { 0.0, 0.45 }), ("anchor", "x")))
            .Chart();
    }

    /// <summary>Curves y = f(x) over one x axis, one named line each (as a notebook computes them, e.g. two activations).</summary>
    public static GenericChart Curves(string title, string xTitle, string yTitle, double[] x, params (string Name, double[] Y)[] curves)
    {
        var figure = new ChartBuilder(title, xTitle, yTitle);
        for (int i = 0; i < curves.Length; i++)
            figure.Add(Line(x.Length), ("name", curves[i].Name), ("x", x), ("y", curves[i].Y), ("mode", "lines"),
                ("line", Obj(("color", Palette[i % Palette.Length]))));
        return figure.Chart();
    }

    /// <summary>The training loss's legend name: it is weighted with the run's class weights (when it has any).</summary>
    public const string TrainLossName = "train loss (with the run's class weights)";

    /// <summary>The validation loss's legend name: it is never weighted, so the two losses are not on one scale.</summary>
    public const string ValidationLossName = "validation loss (unweighted)";

    /// <summary>
    /// Training curves from a run's history: loss (left axis) and ROC AUC (right axis), training (weighted as trained) and validation (unweighted:
    /// the two are on different scales, so a training loss below the validation loss is no sign of overfitting), the best epoch
    /// marked, and, when <paramref name="constant"/> is given, what a model with one constant output scores, dotted.
    /// </summary>
    public static GenericChart TrainingCurves(TrainingHistory history, string title = "Training curves", ConstantOutput? constant = null)
    {
        var e = history.Epochs;
        var epochs = e.Select(r => r.Epoch).ToArray();
        var figure = new ChartBuilder(title, "epoch", "loss (binary cross-entropy)")
            .Add("scatter", ("name", TrainLossName), ("x", epochs), ("y", e.Select(r => r.TrainLoss).ToArray()), ("mode", "lines+markers"), ("line", Obj(("color", Blue))))
            .Add("scatter", ("name", ValidationLossName), ("x", epochs), ("y", e.Select(r => r.ValidationLoss).ToArray()), ("mode", "lines+markers"), ("line", Obj(("color", Orange))))
            .Add("scatter", ("name", "train AUC (right axis)"), ("x", epochs), ("y", e.Select(r => r.TrainAuc).ToArray()), ("yaxis", "y2"), ("mode", "lines+markers"),
                ("line", Obj(("color", Blue), ("dash", "dash"))))
            .Add("scatter", ("name", "validation AUC (right axis)"), ("x", epochs), ("y", e.Select(r => r.ValidationAuc).ToArray()), ("yaxis", "y2"), ("mode", "lines+markers"),
                ("line", Obj(("color", Orange), ("dash", "dash"))))
            .Layout("yaxis2", Obj(("title", Obj(("text", "ROC AUC"))), ("overlaying", "y"), ("side", "right"), ("range", new[] { 0.0, 1.0 }), ("showgrid", false)))
            .Axis("xaxis", ("dtick", Math.Max(1, epochs.Length / 10)));
        if (constant is not null && epochs.Length > 0)
        {
            var inv = CultureInfo.InvariantCulture;
            int[] ends = [epochs[0], epochs[^1]];
            figure.Add("scatter", ("name", string.Create(inv, $"constant output: weighted train loss {constant.TrainLoss:0.###}")), ("x", ends), ("y", new[] { constant.TrainLoss, constant.TrainLoss }),
                    ("mode", "lines"), ("line", Obj(("color", Blue), ("dash", "dot"), ("width", 1))))
                .Add("scatter", ("name", string.Create(inv, $"constant output: unweighted validation loss {constant.ValidationLoss:0.###}")), ("x", ends), ("y", new[] { constant.ValidationLoss, constant.ValidationLoss }),
                    ("mode", "lines"), ("line", Obj(("color", Orange), ("dash", "dot"), ("width", 1))))
                .Add("scatter", ("name", string.Create(inv, $"constant output: AUC {constant.ValidationAuc:0.#} (right axis)")), ("x", ends), ("y", new[] { constant.ValidationAuc, constant.ValidationAuc }),
                    ("yaxis", "y2"), ("mode", "lines"), ("line", Obj(("color", Gray), ("dash", "dot"), ("width", 1))));
        }
        if (history.BestEpoch is int best)
            figure.Layout("shapes", new[] { Obj(("type", "line"), ("x0", best), ("x1", best), ("y0", 0), ("y1", 1), ("yref", "paper"), ("line", Obj(("color", Gray), ("dash", "dot")))) })
                .Layout("annotations", new[] { Obj(("x", best), ("y", 1), ("yref", "paper"), ("text", $"best epoch {best}"), ("showarrow", false), ("yanchor", "bottom")) });
        return figure.Chart();
    }

    /// <summary>
    /// A prediction timeline: each model's probability over the frames it scored, its chosen threshold (maximum J) dashed,
    /// and the frames labelled 1 shaded; where a model's line is above its threshold, it predicts "calm before a burst".
    /// </summary>
    public static GenericChart PredictionTimeline(string title, params ModelScores[] models) =>
        Timeline(new ChartBuilder(title, "frame", "probability of label 1", 420), models).Chart();

    /// <summary>
    /// The prediction timeline (see <see cref="PredictionTimeline(string, ModelScores[])"/>) under a panel of y-tilde over
    /// the same frames, with <paramref name="moments"/> marked across both panels (a dotted line and its kind).
    /// </summary>
    public static GenericChart PredictionTimeline(string title, double[] ytilde, IReadOnlyList<Moment> moments, params ModelScores[] models)
    {
        var figure = Timeline(new ChartBuilder(title, "frame", "probability of label 1", 560), models);
        if (models.Length > 0)
        {
            var frames = models[0].Frames;
            if (frames[^1] >= ytilde.Length)
                throw new FishKitException($"y-tilde has {ytilde.Length} values but '{models[0].Name}' scores frame {frames[^1]}; give the y-tilde of the split the models scored.");
            figure.Add(Line(frames.Length), ("name", "y-tilde (top panel)"), ("x", frames), ("y", frames.Select(t => ytilde[t]).ToArray()), ("yaxis", "y2"),
                ("mode", "lines"), ("line", Obj(("color", Gray), ("width", 1))));
        }
        var inv = CultureInfo.InvariantCulture;
        return figure.Axis("yaxis", ("domain", new[] { 0.0, 0.68 }))
            .Layout("margin", Obj(("l", 60), ("r", 30), ("t", 80), ("b", 50)))
            .Layout("yaxis2", Obj(("title", Obj(("text", "y-tilde"))), ("domain", new[] { 0.74, 1.0 }), ("anchor", "x")))
            .Layout("shapes", moments.Select(m => Obj(("type", "line"), ("x0", m.Frame), ("x1", m.Frame), ("y0", 0), ("y1", 1), ("yref", "paper"),
                ("line", Obj(("color", "#444"), ("dash", "dot"), ("width", 1))))).ToArray())
            .Layout("annotations", moments.Select((m, i) => Obj(("x", m.Frame), ("y", 1), ("yref", "paper"), ("yanchor", "bottom"), ("showarrow", false),
                ("yshift", i % 2 * 14), ("text", string.Create(inv, $"{m.Kind} ({m.Frame})")))).ToArray()) // every other label raised: close moments stay legible
            .Chart();
    }

    /// <summary>The timeline's traces: labels shaded, each model's line and its max-J threshold.</summary>
    static ChartBuilder Timeline(ChartBuilder figure, ModelScores[] models)
    {
        if (models.Length > 0)
        {
            var positives = models[0].Frames.Where((_, i) => models[0].Labels[i]).ToArray();
            figure.Add("bar", ("name", "label 1: calm before a burst"), ("x", positives), ("y", positives.Select(_ => 1.0).ToArray()), ("width", 1.0),
                ("marker", Obj(("color", LabelShade))), ("hoverinfo", "x+name"));
        }
        for (int m = 0; m < models.Length; m++)
        {
            var model = models[m];
            string color = Palette[m % Palette.Length];
            var youden = model.Report().Youden;
            figure.Add(Line(model.Frames.Length), ("name", model.Name), ("x", model.Frames), ("y", model.Scores), ("mode", "lines"), ("line", Obj(("color", color), ("width", 1.5))));
            figure.Add("scatter", ("name", $"{model.Name}: threshold {Threshold(youden)} (max J)"), ("x", new[] { model.Frames[0], model.Frames[^1] }),
                ("y", new[] { youden.Threshold, youden.Threshold }), ("mode", "lines"), ("line", Obj(("color", color), ("dash", "dash"), ("width", 1))));
        }
        return figure.Axis("yaxis", ("range", new[] { 0.0, 1.02 })).Layout("bargap", 0);
    }

    static string Line(int points) => points > WebGlAbove ? "scattergl" : "scatter";

    static string Threshold(YoudenOptimum o) => OperatingPoints.ThresholdText(o.Threshold, o.Tpr, o.Fpr);

    static string Threshold(AccuracyOptimum o) => OperatingPoints.ThresholdText(o.Threshold, o.Tpr, o.Fpr);

    /// <summary>A threshold's place on a probability axis: "predict none" (above every score) at its right end.</summary>
    static double OnAxis(double threshold) => Math.Min(threshold, 1);
}
