using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Notebooks;
using FishKit.Notebooks.Runner;
using FishKit.Pipeline;
using FishKit.Training;
using FishKit.WriteUp;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit reproduce</c>: the main job: the write-up's pipeline on the shipped sample data, beside the write-up's numbers.</summary>
static class ReproduceCommand
{
    /// <summary>The shipped sample data, relative to the repository root.</summary>
    public const string DefaultData = "data-samples/synthetic-tank";

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = $"A folder holding train/, validation/ and test/ frame folders (default: {DefaultData})." };
        var writeUp = new Option<string?>("--writeup") { Description = $"A clone of the write-up's repository ({WriteUpClone.CloneCommand}): recompute its published table from its own arrays, beside the kit's y-tilde LSTM trained on its y-tilde." };
        var ytildeRun = new Option<string?>("--ytilde-run") { Description = "With --writeup: a trained y-tilde LSTM run folder to score instead of training one (default: train into <out>/ytilde-lstm, or resume it)." };
        var output = new Option<string?>("--out") { Description = "Where to write the results (default: artifacts/reproduce, with --writeup artifacts/writeup)." };
        var notebooks = new Option<string>("--notebooks") { Description = "The notebooks to run after the pipeline.", DefaultValueFactory = _ => NotebooksCommand.DefaultFolder };
        var notebooksOut = new Option<string>("--notebooks-out") { Description = "Where the executed notebooks and report.html go.", DefaultValueFactory = _ => NotebooksCommand.DefaultOut };
        var quick = new Option<bool>("--quick") { Description = "Run the notebooks in quick mode (training shortened)." };
        var noNotebooks = new Option<bool>("--no-notebooks") { Description = "Run the signal pipeline only." };
        var command = new Command("reproduce", "Run the write-up's pipeline on every split (default: the shipped sample data; --writeup: the write-up's own published arrays), compare with the write-up's numbers, then run the notebook series and write its HTML report.")
        {
            data, writeUp, ytildeRun, output, notebooks, notebooksOut, quick, noNotebooks,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(writeUp) is { } clone)
            {
                if (parseResult.GetValue(data) is not null)
                    throw new FishKitException("--data and --writeup both given; --writeup reads the write-up's own arrays, --data frames of your own: give one of them.");
                ReproduceWriteUp.Run(writer, clone, parseResult.GetValue(output) ?? "artifacts/writeup", parseResult.GetValue(ytildeRun));
                if (parseResult.GetValue(noNotebooks)) return 0;
                writer.WriteLine();
                var ran = RunNotebooks(writer, parseResult, DefaultData);
                writer.WriteLine();
                writer.WriteLine("The notebooks:");
                WhereNotebooksAre(writer, ran);
                return 0;
            }
            if (parseResult.GetValue(ytildeRun) is not null)
                throw new FishKitException("--ytilde-run is for --writeup (the write-up's own arrays); give --writeup <clone> too, or leave --ytilde-run out.");
            string dataDir = parseResult.GetValue(data) ?? DefaultData, outDir = parseResult.GetValue(output) ?? "artifacts/reproduce";
            if (!Directory.Exists(dataDir))
                throw new FishKitException($"data folder '{dataDir}' not found; run from the repository root or pass --data <folder with train/, validation/, test/>.");
            var splits = WriteUpResults.Splits.Select(s => s.Split).Where(s => Directory.Exists(Path.Combine(dataDir, s))).ToList();
            if (splits.Count == 0)
                throw new FishKitException($"'{dataDir}' holds none of the folders train/, validation/, test/; give a folder split like data-samples/synthetic-tank.");

            using var cancel = CliCancellation.OnCtrlC();
            var results = new List<SplitSignals>();
            foreach (var split in splits)
            {
                var folder = Path.Combine(dataDir, split);
                results.Add(CliProgress.Run(writer, $"{split}: y-tilde", p => SignalPipeline.Run(folder, progress: p, cancel: cancel.Token)));
            }
            foreach (var r in results) WriteSplit(Path.Combine(outDir, r.Split), r);
            var metrics = Path.Combine(outDir, "metrics.json");
            AtomicFile.WriteText(metrics, MetricsJson(results, null));

            WriteSummary(writer, dataDir, results);
            writer.WriteLine();
            writer.WriteLine($"Wrote y-tilde, labels and baseline scores per split (.npy) and {metrics}.");
            if (parseResult.GetValue(noNotebooks)) return 0;

            writer.WriteLine();
            var series = RunNotebooks(writer, parseResult, dataDir);
            if (results.FirstOrDefault(r => r.Split == "test") is { } test
                && ModelsOnTest(test, Path.Combine(dataDir, "test"), parseResult.GetValue(quick)) is { Models.Count: > 1 } compared)
            {
                writer.WriteLine();
                WriteModels(writer, compared);
                AtomicFile.WriteText(metrics, MetricsJson(results, compared));
            }
            writer.WriteLine();
            writer.WriteLine("Where everything is:");
            writer.WriteLine($"  signal pipeline: {Path.GetFullPath(outDir)} (metrics.json, <split>/ytilde.npy, labels.npy, baseline.npy)");
            WhereNotebooksAre(writer, series);
            return 0;
        });
        return command;

        SeriesResult RunNotebooks(TextWriter writer, ParseResult parseResult, string dataDir)
        {
            bool quickMode = parseResult.GetValue(quick);
            writer.WriteLine($"Running the notebooks in {parseResult.GetValue(notebooks)} ({(quickMode ? "quick" : "full")} mode):");
            return NotebooksCommand.Run(writer, parseResult.GetValue(notebooks)!, parseResult.GetValue(notebooksOut)!, quickMode,
                dataDir == DefaultData ? null : dataDir, parseResult.GetValue(writeUp));
        }
    }

    static void WhereNotebooksAre(TextWriter writer, SeriesResult series)
    {
        writer.WriteLine($"  executed notebooks: {Path.GetDirectoryName(Path.GetFullPath(series.Report))} ({string.Join(", ", series.Notebooks.Select(n => Path.GetFileName(n.Executed)))})");
        writer.WriteLine($"  HTML report (opens offline): {Path.GetFullPath(series.Report)}");
        writer.WriteLine($"  notebooks ran in {series.Elapsed.TotalSeconds:F0} s");
    }

    static void WriteSplit(string folder, SplitSignals r)
    {
        Series.Write(Path.Combine(folder, "ytilde.npy"), r.YTilde, "ytilde");
        Series.WriteLabels(Path.Combine(folder, "labels.npy"), r.Labels, "label");
        Series.Write(Path.Combine(folder, "baseline.npy"), r.Baseline, "baseline");
    }

    static void WriteSummary(TextWriter w, string dataDir, IReadOnlyList<SplitSignals> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var p = LabelParameters.WriteUp;
        w.WriteLine($"The write-up's signal pipeline on {dataDir} (labels h={p.H}, b={p.B}, c={p.C}, n={p.N}; baseline d=89, b=0.2, c=0.0006):");
        w.WriteLine();
        w.WriteLine(string.Format(inv, "{0,-11} {1,7} {2,11} {3,11} {4,15} {5,10} {6,10}", "split", "frames", "ytilde mean", "ytilde max", "labelled range", "positives", "write-up"));
        foreach (var r in results)
        {
            var wu = WriteUpResults.Splits.First(s => s.Split == r.Split);
            w.WriteLine(string.Format(inv, "{0,-11} {1,7} {2,11:F6} {3,11:F6} {4,15} {5,9:P1} {6,9:P1}",
                r.Split, r.Frames, r.YTilde.Average(), r.YTilde.Max(), $"{p.FirstFrame}..{p.LastFrame(r.Frames)}", r.PositiveRate, wu.PositiveRate));
        }
        w.WriteLine();
        w.WriteLine("Algorithmic baseline over frames 119..T-12 (write-up: its test split):");
        w.WriteLine(Header("split"));
        foreach (var r in results)
        {
            if (r.BaselineReport is not { } e)
            {
                w.WriteLine($"{r.Split,-20} (one class only in frames {r.FirstEvaluated}..{r.LastEvaluated}: no ROC)");
                continue;
            }
            w.WriteLine(Row(r.Split, e));
        }
        w.WriteLine(Row("write-up", WriteUpResults.AlgorithmicBaseline));
    }

    static string Header(string first) => string.Format(CultureInfo.InvariantCulture, "{0,-20} {1,7} {2,7} {3,16} {4,18} {5,11} {6,20}",
        first, "AUC", "AP", "max J (thr)", "TPR / FPR at J", "", "max accuracy (thr)");

    static string Row(string name, EvaluationReport e) => string.Format(CultureInfo.InvariantCulture, "{0,-20} {1,7:F3} {2,7:F3} {3,16} {4,18} {5,11} {6,20}",
        name, e.Auc, e.AveragePrecision, $"{e.Youden.J:F3} ({OperatingPoints.ThresholdText(e.Youden.Threshold, e.Youden.Tpr, e.Youden.Fpr, "F2")})", $"{e.Youden.Tpr:F3} / {e.Youden.Fpr:F3}", "",
        $"{e.MaxAccuracy.Accuracy:F3} ({OperatingPoints.ThresholdText(e.MaxAccuracy.Threshold, e.MaxAccuracy.Tpr, e.MaxAccuracy.Fpr, "F2")})");

    static string Row(string name, WriteUpResults.ModelResult b) => string.Format(CultureInfo.InvariantCulture, "{0,-20} {1,7:F3} {2,7} {3,16} {4,18} {5,11} {6,20}",
        name, b.Auc, "", $"{b.YoudenJ:F3} ({b.YoudenThreshold:F2})", $"{b.Tpr:F3} / {b.Fpr:F3}", "", $"{b.MaxAccuracy:F3} ({b.MaxAccuracyThreshold:F2})");

    /// <summary>
    /// Scores the test split with the notebooks' finished runs (notebook 3's y-tilde LSTM, notebook 6's teaching ConvLSTM)
    /// beside the baseline on the frames all of them score (<see cref="SharedFrames"/>); with the simulator's
    /// truth-bursts.csv in the test folder also by burst kind.
    /// </summary>
    static SharedFrames ModelsOnTest(SplitSignals test, string testFolder, bool quick)
    {
        var truth = Path.Combine(testFolder, "truth-bursts.csv");
        var runs = new List<(string, RunFolder)> { ("y-tilde LSTM", NotebookRuns.Folder("ytilde-lstm", quick)), ("ConvLSTM", NotebookRuns.Folder("teaching", quick)) };
        if (NotebookRuns.Showcase("convlstm") is { } showcase) runs.Add(("showcase ConvLSTM", showcase));
        return Runs.OnSharedFrames(test, testFolder, runs,
            () => File.Exists(truth) ? EvaluateCommand.Assign(test.Labels, truth, testFolder) : null, BurstKindEvaluation.DefaultResamples, KindSeed);
    }

    static void WriteModels(TextWriter w, SharedFrames compared)
    {
        w.WriteLine($"The models on the test split, labelled frames {compared.First}..{compared.Last} that all of them score (the ConvLSTM is notebook 6's teaching recipe; the showcase ConvLSTM, data-samples/showcase-convlstm, was trained by fishkit showcase on 30 simulated minutes):");
        w.WriteLine(Header("model"));
        foreach (var model in compared.Models) w.WriteLine(Row(model.Name, model.Report));
        w.WriteLine(Row("write-up baseline", WriteUpResults.AlgorithmicBaseline));
        w.WriteLine(Row("write-up ConvLSTM", WriteUpResults.ConvLstmBest));
        if (compared.Models.Any(m => m.ByKind is null)) return;
        w.WriteLine();
        WriteKinds(w, compared.Models.Select(m => (m.Name, m.ByKind!)).ToList());
    }

    /// <summary>Bootstrap seed of the per-kind intervals (the CLI's default --seed).</summary>
    const int KindSeed = 1;

    /// <summary>
    /// The AUC of each model on the positives before first-of-bout and in-bout bursts (each against all negatives, see
    /// <see cref="BurstKindRule"/>) with 95 % bootstrap intervals, and the counts they rest on.
    /// </summary>
    internal static void WriteKinds(TextWriter w, IReadOnlyList<(string Name, BurstKindReport ByKind)> models)
    {
        var kinds = Enum.GetValues<BurstKind>();
        void Line(string first, Func<BurstKind, string> cell) =>
            w.WriteLine($"{first,-20}" + string.Concat(kinds.Select(k => $" {cell(k),24}")));
        w.WriteLine($"By burst kind (truth-bursts.csv; each kind's positives against all negatives, 95 % bootstrap CI of {BurstKindEvaluation.DefaultResamples} resamples):");
        Line("model", BurstKindEvaluation.Name);
        foreach (var (name, byKind) in models)
            Line(name, k => byKind[k] is { Auc: double auc } r ? string.Create(CultureInfo.InvariantCulture, $"{auc:F3} ({r.CiLow:F3}..{r.CiHigh:F3})") : "none");
        var first = models[0].ByKind;
        Line("positives / bursts", k => $"{first[k].Positives} / {first[k].Bursts}");
        w.WriteLine($"negatives {first.FirstOfBout.Negatives}; positives before no truth onset: {first.UnmatchedPositives}");
    }

    static string MetricsJson(IReadOnlyList<SplitSignals> results, SharedFrames? models)
    {
        var splits = results.ToDictionary(r => r.Split, r => (object)new
        {
            frames = r.Frames,
            ytilde_mean = r.YTilde.Average(),
            ytilde_max = r.YTilde.Max(),
            positive_rate = r.PositiveRate,
            evaluated_frames = new[] { r.FirstEvaluated, r.LastEvaluated },
            baseline = r.BaselineReport is { } e ? FishKit.Evaluation.MetricsJson.Metrics(e) : null,
        });
        var writeUp = new
        {
            positive_rates = WriteUpResults.Splits.ToDictionary(s => s.Split, s => s.PositiveRate),
            baseline_test = WriteUpResults.AlgorithmicBaseline,
            convlstm_test = WriteUpResults.ConvLstmBest,
        };
        var testModels = models is null ? null : new
        {
            frames = new[] { models.First, models.Last },
            models = models.Models.ToDictionary(m => m.Name, m => FishKit.Evaluation.MetricsJson.Metrics(m.Report)),
            by_kind = models.Models.All(m => m.ByKind is not null)
                ? models.Models.ToDictionary(m => m.Name, m => FishKit.Evaluation.MetricsJson.Kinds(m.ByKind!))
                : null,
        };
        return JsonSerializer.Serialize(new { kit = splits, test_models = testModels, write_up = writeUp }, new JsonSerializerOptions { WriteIndented = true });
    }
}
