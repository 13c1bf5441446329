using FishKit.Ablation;
using FishKit.Evaluation;
using FishKit.Frames;
using FishKit.Labeling;
using FishKit.Notebooks.Formatting;
using FishKit.Pipeline;
using FishKit.Training;
using FishKit.WriteUp;
using Microsoft.Data.Analysis;

namespace FishKit.Notebooks;

/// <summary>
/// DataFrame summaries the notebooks show: split sizes and class balance, y-tilde statistics and metric tables with the
/// write-up's values beside the kit's, run histories and ablation tables. Each is a plain <see cref="DataFrame"/>, so a reader can sort,
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

    /// <summary>Runs of consecutive frames labelled 1 per split (<see cref="LabelRuns"/>): how many, their median and mean length and the longest (write-up: median 3 frames).</summary>
    public static DataFrame PositiveRuns(IReadOnlyList<SplitSignals> splits)
    {
        var runs = splits.Select(s => LabelRuns.Of(s.Labels)).ToList();
        return new DataFrame(
            new StringDataFrameColumn("split", splits.Select(s => s.Split)),
            new Int32DataFrameColumn("runs of 1s", runs.Select(r => r.Count)),
            new DoubleDataFrameColumn("median length", runs.Select(r => r.Count == 0 ? (double?)null : r.Median)),
            new DoubleDataFrameColumn("mean length", runs.Select(r => r.Count == 0 ? (double?)null : r.Mean)),
            new Int32DataFrameColumn("longest", runs.Select(r => r.Longest)),
            new DoubleDataFrameColumn("write-up median length", splits.Select(_ => (double)WriteUpFacts.MedianPositiveRun)));
    }

    /// <summary>y-tilde per split: mean, median, 99th percentile and maximum, with the write-up's mean ~0.0012 and maximum ~0.0045.</summary>
    public static DataFrame YTildeStatistics(IReadOnlyList<SplitSignals> splits)
    {
        // The last value is 0 by convention (no next frame): leave it out of the statistics.
        var sorted = splits.Select(s => s.YTilde[..^1].Order().ToArray()).ToList();
        return new DataFrame(
            new StringDataFrameColumn("split", splits.Select(s => s.Split)),
            new DoubleDataFrameColumn("mean", sorted.Select(v => v.Average())),
            new DoubleDataFrameColumn("median", sorted.Select(v => BootstrapAuc.Percentile(v, 0.5))),
            new DoubleDataFrameColumn("99th percentile", sorted.Select(v => BootstrapAuc.Percentile(v, 0.99))),
            new DoubleDataFrameColumn("max", sorted.Select(v => v[^1])),
            new DoubleDataFrameColumn("write-up mean", splits.Select(_ => 0.0012)),
            new DoubleDataFrameColumn("write-up max", splits.Select(_ => 0.0045)));
    }

    /// <summary>
    /// One row per metric, one column per model (the kit's value), and for each model that has one, its write-up value
    /// in a column beside it (e.g. the algorithmic baseline's AUC 0.838). Cells are text as the notebooks show them
    /// (4 significant digits), so a threshold that flags no frame can read "predict none".
    /// </summary>
    public static DataFrame Metrics(params ModelScores[] models)
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("metric", MetricNames) };
        foreach (var m in models)
        {
            columns.Add(new StringDataFrameColumn(m.Name, MetricCells(m.Report())));
            if (m.WriteUp is { } w) columns.Add(new StringDataFrameColumn($"{m.Name} (write-up)", MetricCells(w)));
        }
        return new DataFrame(columns);
    }

    /// <summary>The metrics of <see cref="Metrics"/>, in order.</summary>
    static readonly string[] MetricNames = ["ROC AUC", "average precision", "max Youden's J", "threshold at max J", "TPR at max J", "FPR at max J", "max accuracy", "threshold at max accuracy"];

    /// <summary>An evaluation's <see cref="MetricNames"/> as table cells.</summary>
    static string?[] MetricCells(EvaluationReport r)
    {
        var (j, a) = (r.Youden, r.MaxAccuracy);
        return [Cell(r.Auc), Cell(r.AveragePrecision), Cell(j.J), HtmlText.Threshold(j.Threshold, j.Tpr, j.Fpr), Cell(j.Tpr), Cell(j.Fpr), Cell(a.Accuracy), HtmlText.Threshold(a.Threshold, a.Tpr, a.Fpr)];
    }

    /// <summary>What the write-up published for a model as <see cref="MetricNames"/> cells: blank where it gave nothing (it gave no average precision).</summary>
    static string?[] MetricCells(WriteUpResults.ModelResult w) =>
        [Cell(w.Auc), null, Cell(w.YoudenJ), Cell(w.YoudenThreshold), Cell(w.Tpr), Cell(w.Fpr), Cell(w.MaxAccuracy), Cell(w.MaxAccuracyThreshold)];

    /// <summary>
    /// Per model: frames, positives, ROC AUC and its percentile bootstrap interval (<see cref="BootstrapAuc"/>:
    /// <paramref name="resamples"/> resamples of the frames, seeded) at <paramref name="confidence"/>, and the write-up's AUC where it gave one.
    /// </summary>
    public static DataFrame AucIntervals(int resamples, int seed, double confidence, params ModelScores[] models)
    {
        var intervals = models.Select(m => BootstrapAuc.Interval(m.Labels, m.Scores, resamples, seed, confidence)).ToList();
        return new DataFrame(
            new StringDataFrameColumn("model", models.Select(m => m.Name)),
            new Int32DataFrameColumn("frames", models.Select(m => m.Labels.Length)),
            new Int32DataFrameColumn("positives", models.Select(m => m.Labels.Count(l => l))),
            new DoubleDataFrameColumn("ROC AUC", intervals.Select(i => i.Auc)),
            new DoubleDataFrameColumn("interval from", intervals.Select(i => i.Lower)),
            new DoubleDataFrameColumn("interval to", intervals.Select(i => i.Upper)),
            new DoubleDataFrameColumn("write-up AUC", models.Select(m => m.WriteUp?.Auc)));
    }

    /// <summary>
    /// DeLong's test for every pair of models (in the order given): both AUCs, their difference, z and the two-sided p.
    /// The models must score the same frames (see <see cref="ModelScores.On"/>).
    /// </summary>
    public static DataFrame DeLongPairs(params ModelScores[] models)
    {
        var pairs = new List<(ModelScores A, ModelScores B, DeLongComparison Test)>();
        for (int a = 0; a < models.Length; a++)
            for (int b = a + 1; b < models.Length; b++)
            {
                if (!models[a].Frames.SequenceEqual(models[b].Frames))
                    throw new FishKitException($"'{models[a].Name}' and '{models[b].Name}' score different frames; restrict both to the frames they share with ModelScores.On(first, last).");
                pairs.Add((models[a], models[b], DeLong.Compare(models[a].Labels, models[a].Scores, models[b].Scores)));
            }
        return new DataFrame(
            new StringDataFrameColumn("model A", pairs.Select(p => p.A.Name)),
            new StringDataFrameColumn("model B", pairs.Select(p => p.B.Name)),
            new DoubleDataFrameColumn("AUC A", pairs.Select(p => p.Test.AucA)),
            new DoubleDataFrameColumn("AUC B", pairs.Select(p => p.Test.AucB)),
            new DoubleDataFrameColumn("A - B", pairs.Select(p => p.Test.AucA - p.Test.AucB)),
            new DoubleDataFrameColumn("z", pairs.Select(p => p.Test.Z)),
            new DoubleDataFrameColumn("two-sided p", pairs.Select(p => p.Test.PValue)));
    }

    /// <summary>
    /// y-tilde of one scene from several sources (e.g. a clean rendering, preprocessed and raw camera footage) against the
    /// ground truth: frames, Pearson r of y-tilde with the group mean speed per step (<c>TankSimulation.StepSpeeds</c>),
    /// frames labelled 1, and the share of labelled frames whose label agrees with the first source's.
    /// </summary>
    public static DataFrame YTildeAgainstTruth(double[] stepSpeeds, params (string Name, SplitSignals Signals)[] sources)
    {
        if (sources.Length == 0) throw new FishKitException("no y-tilde sources given; give at least one (the first is the reference for the labels).");
        var reference = sources[0];
        return new DataFrame(
            new StringDataFrameColumn("y-tilde from", sources.Select(s => s.Name)),
            new Int32DataFrameColumn("frames", sources.Select(s => s.Signals.Frames)),
            new DoubleDataFrameColumn("Pearson r with the true group speed", sources.Select(s => Correlation.Pearson(s.Signals.YTilde.AsSpan(0, stepSpeeds.Length), stepSpeeds))),
            new Int32DataFrameColumn("frames labelled 1", sources.Select(s => s.Signals.Labels.Count(l => l))),
            new DoubleDataFrameColumn($"labels agreeing with the {reference.Name}'s", sources.Select(s => LabelAgreement.Fraction(s.Signals.Labels, reference.Signals.Labels))));
    }

    /// <summary>
    /// The three commands of the README's "Bring your own video" for <paramref name="video"/>, writing under
    /// <paramref name="folder"/> (frames/, splits/, results/): frames from the video (decoded, scaled to the write-up's
    /// 320x240 at 30 fps, preprocessed), the chronological split, then y-tilde, labels and the baseline's ROC per split.
    /// Run them from the repository's root.
    /// </summary>
    public static DataFrame CommandsForVideo(string video, string folder)
    {
        string Arg(string path) => path.Any(char.IsWhiteSpace) ? $"\"{path}\"" : path;
        string In(string name) => Arg(Path.Combine(folder, name).Replace('\\', '/'));
        const string Kit = "dotnet run --project src/FishKit.Cli --";
        return new DataFrame(
            new StringDataFrameColumn("step",
            [
                "1. frames: decode, scale to 320x240 at 30 fps, remove the background",
                "2. the write-up's chronological split (83.38 / 6.66 / 9.95 %)",
                "3. y-tilde, labels and the algorithmic baseline's ROC per split",
            ]),
            new StringDataFrameColumn("command",
            [
                $"{Kit} frames extract {Arg(video)} --out {In("frames")} --size 320x240 --fps 30 --preprocess",
                $"{Kit} frames split {In("frames")} --out {In("splits")}",
                $"{Kit} reproduce --data {In("splits")} --out {In("results")}",
            ]));
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

    /// <summary>
    /// An ablation's merged table: per cell its levels, seeds and mean epochs trained, AUC mean and sd over seeds, and
    /// against the base cell the AUC difference with its bootstrap interval, the largest DeLong p over seeds and the verdict.
    /// </summary>
    public static DataFrame Ablation(AblationTable table)
    {
        var rows = table.Rows;
        var columns = new List<DataFrameColumn> { new Int32DataFrameColumn("cell", rows.Select(r => r.Cell)) };
        columns.AddRange(table.Factors.Select((f, i) => new StringDataFrameColumn(f, rows.Select(r => r.Levels[i]))));
        columns.AddRange(
        [
            new Int32DataFrameColumn("seeds", rows.Select(r => r.Seeds)),
            new DoubleDataFrameColumn("epochs", rows.Select(r => r.EpochsMean)),
            new DoubleDataFrameColumn("AUC mean", rows.Select(r => r.AucMean)),
            new DoubleDataFrameColumn("AUC sd", rows.Select(r => r.AucSd)),
            new DoubleDataFrameColumn("AP mean", rows.Select(r => r.AveragePrecisionMean)),
            new DoubleDataFrameColumn("AUC - base", rows.Select(r => r.Difference?.Difference)),
            new DoubleDataFrameColumn("CI low", rows.Select(r => r.Difference?.Lower)),
            new DoubleDataFrameColumn("CI high", rows.Select(r => r.Difference?.Upper)),
            new DoubleDataFrameColumn("DeLong p (max)", rows.Select(r => r.DeLongP)),
            new StringDataFrameColumn("verdict", rows.Select(r => r.Verdict)),
        ]);
        return new DataFrame(columns);
    }

    static string Cell(double value) => HtmlText.Cell(value);
}
