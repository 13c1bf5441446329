using FishKit.Evaluation;
using FishKit.Frames;
using FishKit.Labeling;
using FishKit.Pipeline;
using FishKit.Training;
using FishKit.WriteUp;
using Microsoft.Data.Analysis;

namespace FishKit.Notebooks;

/// <summary>
/// DataFrame summaries the notebooks show: split sizes and class balance, y-tilde statistics and metric tables with the
/// write-up's values beside the kit's, and run histories. Each is a plain <see cref="DataFrame"/>, so a reader can sort,
/// filter or export it.
/// </summary>
public static partial class Tables
{
    /// <summary>
    /// Per split: frames and share of all frames (the kit's data and the write-up's 44,956 / 3,593 / 5,367), the labelled
    /// range, positives and the positive rate of all frames beside the write-up's 13.4 / 12.7 / 15.4 %.
    /// </summary>
    public static DataFrame Splits(IReadOnlyList<SplitSignals> splits, LabelParameters? labels = null)
    {
        var p = labels ?? LabelParameters.WriteUp;
        int total = splits.Sum(s => s.Frames);
        var writeUp = splits.Select(s => WriteUpResults.Splits.FirstOrDefault(w => w.Split == s.Split)).ToList();
        return new DataFrame(
            new StringDataFrameColumn("split", splits.Select(s => s.Split)),
            new Int32DataFrameColumn("frames", splits.Select(s => s.Frames)),
            new DoubleDataFrameColumn("share", splits.Select(s => (double)s.Frames / total)),
            new Int32DataFrameColumn("write-up frames", writeUp.Select(w => w.Split == null ? (int?)null : w.Frames)),
            new DoubleDataFrameColumn("write-up share", writeUp.Select(w => w.Split == null ? (double?)null : (double)w.Frames / ChronologicalSplit.WriteUpTotal)),
            new StringDataFrameColumn("labelled frames", splits.Select(s => $"{p.FirstFrame}..{p.LastFrame(s.Frames)}")),
            new Int32DataFrameColumn("positives", splits.Select(s => s.Labels.Count(l => l))),
            new DoubleDataFrameColumn("positive rate", splits.Select(s => s.PositiveRate)),
            new DoubleDataFrameColumn("write-up positive rate", writeUp.Select(w => w.Split == null ? (double?)null : w.PositiveRate)));
    }

    /// <summary>
    /// Per split: frames, share of all frames and seconds at 30 fps, beside the write-up's split (44,956 / 3,593 / 5,367
    /// frames = 83.38 / 6.66 / 9.95 %) and what the write-up's fractions would give for this data's total.
    /// </summary>
    public static DataFrame SplitSizes(IReadOnlyList<FrameSequence> splits)
    {
        int total = splits.Sum(s => s.Count);
        var byWriteUp = ChronologicalSplit.WriteUp(total).Ranges;
        var names = splits.Select(s => Path.GetFileName(s.Folder)).ToList();
        var writeUp = names.Select(n => WriteUpResults.Splits.FirstOrDefault(w => w.Split == n)).ToList();
        return new DataFrame(
            new StringDataFrameColumn("split", names),
            new Int32DataFrameColumn("frames", splits.Select(s => s.Count)),
            new DoubleDataFrameColumn("share", splits.Select(s => (double)s.Count / total)),
            new DoubleDataFrameColumn("seconds at 30 fps", splits.Select(s => s.Count / 30.0)),
            new Int32DataFrameColumn("write-up frames", writeUp.Select(w => w.Split == null ? (int?)null : w.Frames)),
            new DoubleDataFrameColumn("write-up share", writeUp.Select(w => w.Split == null ? (double?)null : (double)w.Frames / ChronologicalSplit.WriteUpTotal)),
            new Int32DataFrameColumn("write-up shares of this total", names.Select(n => ChronologicalSplit.FolderNames.ToList().IndexOf(n) is var i and >= 0 ? byWriteUp[i].Count : (int?)null)));
    }

    /// <summary>Runs of consecutive frames labelled 1 per split: how many, their median and mean length and the longest (write-up: median 3 frames).</summary>
    public static DataFrame PositiveRuns(IReadOnlyList<SplitSignals> splits)
    {
        var runs = splits.Select(s => RunLengths(s.Labels).Order().ToArray()).ToList();
        return new DataFrame(
            new StringDataFrameColumn("split", splits.Select(s => s.Split)),
            new Int32DataFrameColumn("runs of 1s", runs.Select(r => r.Length)),
            new DoubleDataFrameColumn("median length", runs.Select(r => r.Length == 0 ? (double?)null : Quantile(r.Select(x => (double)x).ToArray(), 0.5))),
            new DoubleDataFrameColumn("mean length", runs.Select(r => r.Length == 0 ? (double?)null : r.Average())),
            new Int32DataFrameColumn("longest", runs.Select(r => r.Length == 0 ? 0 : r[^1])),
            new DoubleDataFrameColumn("write-up median length", splits.Select(_ => 3.0)));
    }

    /// <summary>Lengths of the runs of consecutive true values, in order.</summary>
    public static int[] RunLengths(ReadOnlySpan<bool> labels)
    {
        var lengths = new List<int>();
        int run = 0;
        foreach (var l in labels)
        {
            if (l) run++;
            else if (run > 0) { lengths.Add(run); run = 0; }
        }
        if (run > 0) lengths.Add(run);
        return [.. lengths];
    }

    /// <summary>y-tilde per split: mean, median, 99th percentile and maximum, with the write-up's mean ~0.0012 and maximum ~0.0045.</summary>
    public static DataFrame YTildeStatistics(IReadOnlyList<SplitSignals> splits)
    {
        // The last value is 0 by convention (no next frame): leave it out of the statistics.
        var sorted = splits.Select(s => s.YTilde[..^1].Order().ToArray()).ToList();
        return new DataFrame(
            new StringDataFrameColumn("split", splits.Select(s => s.Split)),
            new DoubleDataFrameColumn("mean", sorted.Select(v => v.Average())),
            new DoubleDataFrameColumn("median", sorted.Select(v => Quantile(v, 0.5))),
            new DoubleDataFrameColumn("99th percentile", sorted.Select(v => Quantile(v, 0.99))),
            new DoubleDataFrameColumn("max", sorted.Select(v => v[^1])),
            new DoubleDataFrameColumn("write-up mean", splits.Select(_ => 0.0012)),
            new DoubleDataFrameColumn("write-up max", splits.Select(_ => 0.0045)));
    }

    /// <summary>
    /// One row per metric, one column per model (the kit's value), and for each model that has one, its write-up value
    /// in a column beside it (e.g. the algorithmic baseline's AUC 0.838).
    /// </summary>
    public static DataFrame Metrics(params ModelScores[] models)
    {
        string[] metrics = ["ROC AUC", "average precision", "max Youden's J", "threshold at max J", "TPR at max J", "FPR at max J", "max accuracy", "threshold at max accuracy"];
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("metric", metrics) };
        foreach (var m in models)
        {
            var r = m.Report();
            columns.Add(new DoubleDataFrameColumn(m.Name, [r.Auc, r.AveragePrecision, r.Youden.J, r.Youden.Threshold, r.Youden.Tpr, r.Youden.Fpr, r.MaxAccuracy.Accuracy, r.MaxAccuracy.Threshold]));
            if (m.WriteUp is { } w)
                columns.Add(new DoubleDataFrameColumn($"{m.Name} (write-up)", new double?[] { w.Auc, null, w.YoudenJ, w.YoudenThreshold, w.Tpr, w.Fpr, w.MaxAccuracy, w.MaxAccuracyThreshold }));
        }
        return new DataFrame(columns);
    }

    /// <summary>A run's epochs: losses, AUCs, the spread of validation outputs and seconds per epoch.</summary>
    public static DataFrame History(TrainingHistory history)
    {
        var e = history.Epochs;
        return new DataFrame(
            new Int32DataFrameColumn("epoch", e.Select(x => x.Epoch)),
            new DoubleDataFrameColumn("train loss", e.Select(x => x.TrainLoss)),
            new DoubleDataFrameColumn("train AUC", e.Select(x => x.TrainAuc)),
            new DoubleDataFrameColumn("validation loss", e.Select(x => x.ValidationLoss)),
            new DoubleDataFrameColumn("validation AUC", e.Select(x => x.ValidationAuc)),
            new DoubleDataFrameColumn("validation spread", e.Select(x => x.ValidationSpread)),
            new DoubleDataFrameColumn("seconds", e.Select(x => x.Seconds)),
            new PrimitiveDataFrameColumn<bool>("best", e.Select(x => x.Epoch == history.BestEpoch)));
    }

    static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
