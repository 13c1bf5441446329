using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Validation;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit evaluate</c>: ROC AUC, average precision and the best thresholds of a score series against labels.</summary>
static class EvaluateCommand
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels") { Description = "0/1 labels, one per frame (.npy or .csv).", Required = true };
        var scores = new Option<string>("--scores") { Description = "Scores, one per frame, higher = more likely 1 (.npy or .csv).", Required = true };
        var from = new Option<int?>("--from") { Description = "First frame to evaluate (default: 0)." };
        var to = new Option<int?>("--to") { Description = "Last frame to evaluate, inclusive (default: the last frame)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var bootstrap = new Option<int?>("--bootstrap")
        {
            Description = $"Also give a percentile bootstrap confidence interval of the AUC from this many resamples, e.g. 2000 ({Limits.Resamples}).",
        };
        var confidence = new Option<double>("--confidence") { Description = $"Level of the bootstrap interval ({Limits.Confidence}).", DefaultValueFactory = _ => 0.95 };
        var seed = CommonOptions.Seed();
        var compare = new Option<string?>("--compare") { Description = "A second score series: DeLong's test of its AUC against --scores' on the same labels." };
        var truth = new Option<string?>("--truth")
        {
            Description = $"The simulator's truth-bursts.csv of the same frames: also the AUC of first_of_bout and in_bout positives, each against all negatives, with a bootstrap interval (--bootstrap resamples, default {BurstKindEvaluation.DefaultResamples}).",
        };

        var command = new Command("evaluate", "Compare a score series with labels over frames --from..--to: ROC AUC, average precision, max Youden J and max accuracy with their thresholds (predict 1 when score >= threshold).")
        {
            labels, scores, from, to, json, bootstrap, confidence, seed, compare, truth,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            string labelsPath = parseResult.GetValue(labels)!, scoresPath = parseResult.GetValue(scores)!;
            string? comparePath = parseResult.GetValue(compare);
            int? resamples = parseResult.GetValue(bootstrap);
            if (resamples is int given) Limits.Resamples.Check("--bootstrap", given);
            Limits.Confidence.Check("--confidence", parseResult.GetValue(confidence));

            var allLabels = Series.ReadLabels(labelsPath);
            var allScores = ReadScores(scoresPath, labelsPath, allLabels.Length);
            var (first, last) = FrameRange(parseResult.GetValue(from), parseResult.GetValue(to), allLabels.Length, labelsPath);
            var range = new Range(first, last + 1);
            var y = allLabels.AsSpan(range);
            var s = allScores.AsSpan(range);
            RequireFinite(s, scoresPath, first);
            RequireBothClasses(y, labelsPath, first, last);

            var report = EvaluationReport.Of(y, s);
            var interval = resamples is int n ? BootstrapAuc.Interval(y, s, n, parseResult.GetValue(seed), parseResult.GetValue(confidence)) : null;
            DeLongComparison? delong = null;
            if (comparePath is not null)
            {
                var other = ReadScores(comparePath, labelsPath, allLabels.Length).AsSpan(range);
                RequireFinite(other, comparePath, first);
                delong = DeLong.Compare(y, s, other);
            }

            string? truthPath = parseResult.GetValue(truth);
            var byKind = truthPath is null ? null : BurstKindEvaluation.Evaluate(allLabels, allScores, Assign(allLabels, truthPath, labelsPath),
                resamples ?? BurstKindEvaluation.DefaultResamples, parseResult.GetValue(seed), parseResult.GetValue(confidence), range);

            if (parseResult.GetValue(json)) output.WriteLine(Json(report, interval, delong, byKind));
            else WriteTable(output, report, first, last, interval, delong, comparePath, byKind);
            return 0;
        });
        return command;
    }

    /// <summary>Reads the truth bursts and ties the labels' positives to them, refusing a file of other frames.</summary>
    internal static BurstAssignment Assign(bool[] labels, string truthPath, string labelsPath)
    {
        var bursts = TruthBursts.Read(truthPath);
        if (bursts.Length > 0 && bursts[^1].Onset >= labels.Length)
            throw new FishKitException($"'{truthPath}' has a burst onset at frame {bursts[^1].Onset} but '{labelsPath}' has {labels.Length} frames; " +
                "give the truth-bursts.csv of the folder the labels were computed from (its frames restart at 0 in each split).");
        return BurstAssignment.Of(labels, bursts);
    }

    static double[] ReadScores(string path, string labelsPath, int frames)
    {
        var values = Series.Read(path);
        if (values.Length != frames)
            throw new FishKitException($"'{labelsPath}' has {frames} frames but '{path}' has {values.Length}; give labels and scores of the same frames.");
        return values;
    }

    static (int First, int Last) FrameRange(int? from, int? to, int frames, string labelsPath)
    {
        if (frames == 0) throw new FishKitException($"'{labelsPath}' holds no frames; nothing to evaluate.");
        int first = from ?? 0, last = to ?? frames - 1;
        if (first < 0 || first >= frames)
            throw new FishKitException($"--from {first} is outside the frames 0..{frames - 1} of '{labelsPath}'.");
        if (last < 0 || last >= frames)
            throw new FishKitException($"--to {last} is outside the frames 0..{frames - 1} of '{labelsPath}'.");
        if (first > last)
            throw new FishKitException($"--from {first} is after --to {last}; give --from <= --to.");
        return (first, last);
    }

    static void RequireFinite(ReadOnlySpan<double> scores, string path, int first)
    {
        for (int i = 0; i < scores.Length; i++)
            if (!double.IsFinite(scores[i]))
                throw new FishKitException($"'{path}' frame {first + i}: score {scores[i]} is not a finite number; fix or exclude it with --from/--to.");
    }

    static void RequireBothClasses(ReadOnlySpan<bool> labels, string path, int first, int last)
    {
        int positives = labels.Count(true);
        if (positives == 0 || positives == labels.Length)
            throw new FishKitException(
                $"'{path}' frames {first}..{last} are all {(positives == 0 ? 0 : 1)}; ROC AUC needs both classes, so widen --from/--to or check the labels.");
    }

    static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>
    /// The report's keys, plus <c>auc_ci</c>, <c>delong</c> and (with --truth) <c>by_kind</c> {first_of_bout, in_bout}
    /// and <c>unmatched_positives</c> only when those were asked for.
    /// </summary>
    static string Json(EvaluationReport report, AucInterval? interval, DeLongComparison? delong, BurstKindReport? byKind)
    {
        var node = JsonSerializer.SerializeToNode(report, JsonOptions)!.AsObject();
        if (interval is not null) node["auc_ci"] = JsonSerializer.SerializeToNode(interval, JsonOptions);
        if (delong is not null) node["delong"] = JsonSerializer.SerializeToNode(delong, JsonOptions);
        if (byKind is not null)
        {
            node["by_kind"] = KindsJson(byKind);
            node["unmatched_positives"] = byKind.UnmatchedPositives;
        }
        return node.ToJsonString(JsonOptions);
    }

    /// <summary>{"first_of_bout": {"auc", "ci_low", "ci_high", "positives", "negatives", "bursts"}, "in_bout": {...}}.</summary>
    internal static JsonObject KindsJson(BurstKindReport byKind) =>
        new(Enum.GetValues<BurstKind>().Select(kind =>
            KeyValuePair.Create(BurstKindEvaluation.Name(kind), JsonSerializer.SerializeToNode(byKind[kind], JsonOptions))));

    /// <summary>One line per burst kind: AUC, interval and counts (or why there is no AUC).</summary>
    internal static IEnumerable<(string Name, string Value)> KindRows(BurstKindReport byKind) =>
        Enum.GetValues<BurstKind>().Select(kind =>
        {
            var k = byKind[kind];
            string counts = $"positives {k.Positives}, negatives {k.Negatives}, bursts {k.Bursts}";
            return ($"AUC {BurstKindEvaluation.Name(kind)}", k.Auc is double auc
                ? string.Create(CultureInfo.InvariantCulture, $"{auc:F4} (CI {k.CiLow:F4} .. {k.CiHigh:F4}; {counts})")
                : $"none ({counts})");
        }).Append(("unmatched positives", $"{byKind.UnmatchedPositives} (precede no truth onset within the look-ahead)"));

    static void WriteTable(TextWriter output, EvaluationReport r, int first, int last, AucInterval? interval, DeLongComparison? delong, string? comparePath,
        BurstKindReport? byKind)
    {
        static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        static string T(double threshold, double tpr, double fpr) => OperatingPoints.ThresholdText(threshold, tpr, fpr, "G6");
        var rows = new List<(string, string)>
        {
            ("frames", $"{first}..{last} ({r.N})"),
            ("positives", $"{r.Positives} ({100.0 * r.Positives / r.N:F1} %)"),
            ("ROC AUC", F(r.Auc)),
            ("average precision", F(r.AveragePrecision)),
            ("max Youden J", $"{F(r.Youden.J)} at threshold {T(r.Youden.Threshold, r.Youden.Tpr, r.Youden.Fpr)} (TPR {F(r.Youden.Tpr)}, FPR {F(r.Youden.Fpr)})"),
            ("max accuracy", $"{F(r.MaxAccuracy.Accuracy)} at threshold {T(r.MaxAccuracy.Threshold, r.MaxAccuracy.Tpr, r.MaxAccuracy.Fpr)} (TPR {F(r.MaxAccuracy.Tpr)}, FPR {F(r.MaxAccuracy.Fpr)})"),
        };
        if (interval is not null)
            rows.Add(($"AUC {100 * interval.Confidence:G3} % CI", $"{F(interval.Lower)} .. {F(interval.Upper)} (percentile bootstrap, {interval.Resamples} resamples, {interval.Skipped} skipped for one class)"));
        if (delong is not null)
            rows.Add(("DeLong test", $"AUC {F(delong.AucA)} vs {F(delong.AucB)} ('{comparePath}'): z = {delong.Z:F3}, p = {delong.PValue:G3}"));
        if (byKind is not null) rows.AddRange(KindRows(byKind));
        int width = rows.Max(row => row.Item1.Length) + 2;
        foreach (var (name, value) in rows) output.WriteLine(name.PadRight(width) + value);
    }
}
