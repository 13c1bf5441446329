using System.Text.Json;
using System.Text.Json.Serialization;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Pipeline;
using FishKit.Training;

namespace FishKit.WriteUp;

/// <summary>
/// Recomputes the write-up's published results from its own arrays (a <see cref="WriteUpClone"/>): per split the kit's
/// labels and baseline against the write-up's, then the published table over the test frames 119 .. T-12 (baseline, best
/// and two-layer ConvLSTM) with the kit's y-tilde LSTM, trained on the write-up's y-tilde, beside them.
/// </summary>
public static class WriteUpReproduction
{
    /// <summary>Bootstrap resamples of each AUC interval.</summary>
    public const int Resamples = 2000;

    /// <summary>Seed of the bootstrap.</summary>
    public const int Seed = 1;

    /// <summary>
    /// Runs the comparison and writes, under <paramref name="outDir"/>, the kit's labels per split, its baseline and y-tilde
    /// LSTM scores on the test split (.npy) and <c>metrics.json</c>, each file atomically once everything is computed. The
    /// y-tilde LSTM is the run at <paramref name="ytildeRun"/>, or else trained (or resumed) with
    /// <see cref="RunConfig.WriteUpYTildeLstm"/> in <c>outDir/ytilde-lstm</c>; an interrupted training throws
    /// <see cref="OperationCanceledException"/> and the same call resumes it.
    /// </summary>
    public static WriteUpReport Run(WriteUpClone clone, string outDir, string? ytildeRun = null,
        IProgress<TrainingProgress>? training = null, CancellationToken cancel = default)
    {
        var kit = Signals(clone);
        var (first, last) = clone.Scored;
        var agreement = Agreement(clone, kit);

        var run = ytildeRun is null ? DefaultRun(outDir) : new RunFolder(ytildeRun);
        TrainingOutcome? outcome = null;
        if (ytildeRun is null)
        {
            var (train, validation) = (clone.Splits[0], clone.Splits[1]);
            outcome = Runs.Train(RunConfig.WriteUpYTildeLstm, train.YTildeFile, validation.YTildeFile, run, progress: training, cancel: cancel);
            if (outcome.Status == TrainingStatus.Interrupted) throw new OperationCanceledException(cancel);
        }
        var lstm = Runs.Predict(run, clone.Test.YTildeFile, cancel: cancel);

        var labels = clone.Test.Labels[first..(last + 1)];
        var convLstm = clone.ConvLstm;
        TableRow Row(string model, double[] scores, WriteUpResults.ModelResult? published, bool versusConvLstm = true) => new(model,
            EvaluationReport.Of(labels, scores), BootstrapAuc.Interval(labels, scores, Resamples, Seed),
            versusConvLstm ? DeLong.Compare(labels, scores, convLstm) : null, published);
        var table = new List<TableRow>
        {
            Row(WriteUpResults.AlgorithmicBaseline.Model, clone.Baseline[first..(last + 1)], WriteUpResults.AlgorithmicBaseline),
            Row(WriteUpResults.ConvLstmBest.Model, convLstm, WriteUpResults.ConvLstmBest, versusConvLstm: false),
            Row(WriteUpResults.ConvLstmTwoLayer.Model, clone.TwoLayer, WriteUpResults.ConvLstmTwoLayer),
            Row("y-tilde LSTM (kit)", lstm[first..(last + 1)], null),
        };

        var metrics = Path.Combine(outDir, "metrics.json");
        var report = new WriteUpReport(agreement, first, last, table, Path.GetFullPath(run.Path), outcome, metrics);
        foreach (var k in kit) Series.WriteLabels(Path.Combine(outDir, k.Split, "labels.npy"), k.Labels, "label");
        Series.Write(Path.Combine(outDir, clone.Test.Name, "baseline.npy"), kit[^1].Baseline, "baseline");
        Series.Write(Path.Combine(outDir, clone.Test.Name, "ytilde-lstm.npy"), lstm, "score");
        AtomicFile.WriteText(metrics, MetricsJson(clone, report));
        return report;
    }

    /// <summary>The kit's signal pipeline on the write-up's y-tilde of each split: its labels and baseline, train, validation and test.</summary>
    public static IReadOnlyList<SplitSignals> Signals(WriteUpClone clone) =>
        clone.Splits.Select(s => SignalPipeline.FromYTilde(s.Name, s.YTildeFile, s.YTilde)).ToList();

    /// <summary>Per split, the kit's labels against the write-up's and, on the test split, the kit's baseline against the published one.</summary>
    public static IReadOnlyList<SplitAgreement> Agreement(WriteUpClone clone) => Agreement(clone, Signals(clone));

    static List<SplitAgreement> Agreement(WriteUpClone clone, IReadOnlyList<SplitSignals> kit)
    {
        var (first, last) = clone.Scored;
        return clone.Splits.Zip(kit, (s, k) => new SplitAgreement(s.Name, s.YTilde.Length, (double)s.Labels.Count(l => l) / s.Labels.Length,
            s.Labels.Zip(k.Labels).Count(p => p.First != p.Second),
            s == clone.Test ? MaxDifference(clone.Baseline.AsSpan(first, last - first + 1), k.Baseline.AsSpan(first, last - first + 1)) : null)).ToList();
    }

    /// <summary>Where <see cref="Run"/> trains the y-tilde LSTM when given no run: <c>outDir/ytilde-lstm</c>.</summary>
    public static RunFolder DefaultRun(string outDir) => new(Path.Combine(outDir, "ytilde-lstm"));

    static double MaxDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new NaNAsNull() },
    };

    static string MetricsJson(WriteUpClone clone, WriteUpReport report) => JsonSerializer.Serialize(new
    {
        clone = Path.GetFullPath(clone.Folder),
        splits = report.Splits,
        test_frames = new[] { report.First, report.Last },
        bootstrap = new { resamples = Resamples, seed = Seed },
        models = report.Table,
        ytilde_run = report.YTildeRun,
        ytilde_training = report.Training is { } t ? new
        {
            seconds = t.History.Epochs.Sum(e => e.Seconds),
            epochs = t.History.Epochs.Count,
            best_epoch = t.History.BestEpoch,
            best_by = t.History.BestMeaning,
        } : null,
    }, JsonOptions);

    /// <summary>Writes NaN (a number the write-up did not publish) as null, which JSON can hold.</summary>
    sealed class NaNAsNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsNaN(value)) writer.WriteNullValue();
            else writer.WriteNumberValue(value);
        }
    }
}
