using FishKit.Evaluation;

using FishKit.Training;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace FishKit.Notebooks.Formatting;

/// <summary>
/// The HTML formatters that make kit types read well inline: charts (drawn with the plotly.js the setup cell put on the
/// page), DataFrames, evaluation reports, training histories, frames and frame grids, the setup summary and the live
/// training and ablation displays.
/// </summary>
public static class KitFormatters
{
    /// <summary>Registers every formatter (again: a kernel may have reset the formatters since).</summary>
    public static void Register()
    {
        Html<GenericChart>(ChartHtml.Of);
        Html<DataFrame>(DataFrameHtml.Of);
        Html<EvaluationReport>(Report);
        Html<TrainingHistory>(History);
        Html<FrameImage>(f => f.ToHtml());
        Html<FrameGrid>(g => g.ToHtml());
        Html<SetupSummary>(s => s.ToHtml());
        Html<TrainingView>(v => v.ToHtml());
        Html<AblationView>(v => v.ToHtml());
        Html<DeLongComparison>(DeLongTest);
        Html<AucInterval>(Interval);
    }

    static void Html<T>(Func<T, string> html)
    {
        Formatter.Register<T>((value, writer) => writer.Write(html(value)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlFormatter.MimeType);
    }

    /// <summary>An evaluation report as a two-column table.</summary>
    public static string Report(EvaluationReport r) =>
        HtmlText.Table(["metric", "value"],
        [
            ["frames (positives)", $"{r.N:N0} ({r.Positives:N0}, {(double)r.Positives / r.N:P1})"],
            ["ROC AUC", HtmlText.Cell(r.Auc)],
            ["average precision", HtmlText.Cell(r.AveragePrecision)],
            ["max Youden's J (threshold)", $"{HtmlText.Cell(r.Youden.J)} ({HtmlText.Threshold(r.Youden.Threshold, r.Youden.Tpr, r.Youden.Fpr)})"],
            ["TPR / FPR at max J", $"{HtmlText.Cell(r.Youden.Tpr)} / {HtmlText.Cell(r.Youden.Fpr)}"],
            ["max accuracy (threshold)", $"{HtmlText.Cell(r.MaxAccuracy.Accuracy)} ({HtmlText.Threshold(r.MaxAccuracy.Threshold, r.MaxAccuracy.Tpr, r.MaxAccuracy.Fpr)})"],
        ], "Evaluation report");

    /// <summary>DeLong's test of two correlated AUCs as a small table.</summary>
    public static string DeLongTest(DeLongComparison d) =>
        HtmlText.Table(["DeLong's test", "value"],
        [
            ["AUC A / AUC B", $"{HtmlText.Cell(d.AucA)} / {HtmlText.Cell(d.AucB)}"],
            ["difference A - B", HtmlText.Cell(d.AucA - d.AucB)],
            ["standard error of the difference", HtmlText.Cell(Math.Sqrt(d.VarianceA + d.VarianceB - 2 * d.Covariance))],
            ["z", HtmlText.Cell(d.Z)],
            ["two-sided p", HtmlText.Cell(d.PValue)],
        ]);

    /// <summary>A bootstrap AUC interval as one line.</summary>
    public static string Interval(AucInterval i) =>
        $"<div>AUC {HtmlText.Cell(i.Auc)}, {i.Confidence:P0} bootstrap interval [{HtmlText.Cell(i.Lower)}, {HtmlText.Cell(i.Upper)}] ({i.Resamples:N0} resamples{(i.Skipped > 0 ? $", {i.Skipped} with one class skipped" : "")})</div>";

    /// <summary>A training history as a table of epochs, with its warnings below.</summary>
    public static string History(TrainingHistory h) =>
        DataFrameHtml.Of(Tables.History(h))
        + string.Concat(h.Warnings.Select(w => $"<div style=\"color:#9a6700\">&#9888; {HtmlText.Encode(w)}</div>"));
}
