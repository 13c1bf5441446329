using System.Globalization;
using FishKit.Evaluation;
using FishKit.WriteUp;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit reproduce --writeup</c>: runs <see cref="WriteUpReproduction"/> on a clone of the write-up's repository and prints its checks and table.</summary>
static class ReproduceWriteUp
{
    /// <summary>Checks the clone, runs the comparison (training the y-tilde LSTM unless <paramref name="ytildeRun"/> is given) and prints it.</summary>
    public static void Run(TextWriter writer, string folder, string outDir, string? ytildeRun)
    {
        var clone = WriteUpClone.Open(folder);
        using var cancel = CliCancellation.OnCtrlC();
        writer.WriteLine($"The write-up's own arrays in {folder} (targets/{string.Join(",", clone.Splits.Select(s => s.Name))}/).");
        if (ytildeRun is null && WriteUpReproduction.DefaultRun(outDir) is var run)
            writer.WriteLine(run.HasRun
                ? $"The kit's y-tilde LSTM: resuming the run in {run.Path} (a finished run is scored as it is)."
                : $"Training the kit's y-tilde LSTM (preset writeup-ytilde-lstm) on its train y-tilde, validating on its validation y-tilde, into {run.Path}:");
        var report = CliProgress.Run(writer, "y-tilde LSTM", bar => WriteUpReproduction.Run(clone, outDir, ytildeRun, TrainCommand.Steps(writer, bar), cancel.Token));
        if (report.Training is { } training) TrainCommand.WriteSummary(writer, training, epochsAlreadyPrinted: !CliProgress.Interactive(writer));
        writer.WriteLine();
        WriteSplits(writer, report);
        writer.WriteLine();
        WriteTable(writer, report);
        writer.WriteLine();
        writer.WriteLine($"Wrote the kit's labels per split, its baseline and y-tilde LSTM scores on the test split (.npy) and {report.Metrics}.");
    }

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    static void WriteSplits(TextWriter w, WriteUpReport report)
    {
        w.WriteLine("The kit's labels (h=45, b=0.1, c=0.001, n=30) from the write-up's y-tilde against its Y_label, and the kit's baseline against its Y_pred_baseline (frames 119..T-12):");
        w.WriteLine(string.Format(Inv, "{0,-11} {1,7} {2,10} {3,17} {4,36}", "split", "frames", "positives", "label mismatches", "baseline: largest |kit - write-up|"));
        foreach (var s in report.Splits)
            w.WriteLine(string.Format(Inv, "{0,-11} {1,7} {2,10:P1} {3,17} {4,36}", s.Split, s.Frames, s.PositiveRate, s.LabelMismatches,
                s.BaselineMaxDifference is double d ? G(d) : "(not published)"));
    }

    static void WriteTable(TextWriter w, WriteUpReport report)
    {
        var first = report.Table[0];
        w.WriteLine($"The published table recomputed: test frames {report.First}..{report.Last} ({first.Report.N} frames, {first.Report.Positives} positive); " +
            $"AUC interval: {100 * first.Interval.Confidence:G3} % percentile bootstrap ({first.Interval.Resamples} resamples); DeLong p: against the published ConvLSTM.");
        w.WriteLine(Line("model", "AUC", "95 % CI", "AP", "max J (thr)", "TPR / FPR at J", "max accuracy (thr)", "DeLong p"));
        foreach (var row in report.Table)
        {
            var (e, ci) = (row.Report, row.Interval);
            w.WriteLine(Line(row.Model, F(e.Auc), $"{F(ci.Lower)}..{F(ci.Upper)}", F(e.AveragePrecision),
                $"{F(e.Youden.J)} ({OperatingPoints.ThresholdText(e.Youden.Threshold, e.Youden.Tpr, e.Youden.Fpr, "F3")})", $"{F(e.Youden.Tpr)} / {F(e.Youden.Fpr)}",
                $"{F(e.MaxAccuracy.Accuracy)} ({OperatingPoints.ThresholdText(e.MaxAccuracy.Threshold, e.MaxAccuracy.Tpr, e.MaxAccuracy.Fpr, "F3")})",
                row.VersusConvLstm is { } d ? G(d.PValue) : ""));
            if (row.Published is { } p)
                w.WriteLine(Line("  published", F(p.Auc), "", "", double.IsNaN(p.YoudenJ) ? "" : $"{F(p.YoudenJ)} ({p.YoudenThreshold.ToString("F2", Inv)})",
                    double.IsNaN(p.Tpr) ? "" : $"{F(p.Tpr)} / {F(p.Fpr)}", double.IsNaN(p.MaxAccuracy) ? "" : $"{F(p.MaxAccuracy)} ({p.MaxAccuracyThreshold.ToString("F2", Inv)})", ""));
        }
        w.WriteLine($"The y-tilde LSTM is the run in {report.YTildeRun}.");
    }

    static string F(double v) => v.ToString("F3", Inv);

    static string G(double v) => v.ToString("G3", Inv).Replace("E", "e", StringComparison.Ordinal);

    static string Line(string model, string auc, string ci, string ap, string j, string rates, string accuracy, string p) =>
        string.Format(Inv, "{0,-22} {1,6} {2,13} {3,6} {4,15} {5,15} {6,21} {7,9}", model, auc, ci, ap, j, rates, accuracy, p).TrimEnd();
}
