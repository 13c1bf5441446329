using System.Globalization;
using System.Text;
using FishKit.Evaluation;
using FishKit.IO;

namespace FishKit.Ablation;

/// <summary>
/// One cell of the merged table: its levels, the AUC's mean and spread over seeds, and its comparison with the base
/// cell (every factor at its first level) on the same validation frames and seeds.
/// </summary>
/// <param name="Cell">K.</param>
/// <param name="Levels">Level label per factor, in factor order.</param>
/// <param name="Seeds">Seeds run.</param>
/// <param name="EpochsMean">Mean over seeds of the epochs trained (under a minutes budget they differ between cells and machines).</param>
/// <param name="AucMean">Mean validation AUC over seeds.</param>
/// <param name="AucSd">Sample standard deviation of the AUC over seeds (0 with one seed).</param>
/// <param name="AveragePrecisionMean">Mean average precision over seeds.</param>
/// <param name="BestValidationLossMean">Mean over seeds of the best epoch's validation loss.</param>
/// <param name="Difference">AUC minus the base cell's, averaged over seeds, with its paired bootstrap CI (null for the base cell).</param>
/// <param name="DeLongP">The largest DeLong p-value over seeds (each seed against the base cell's run with that seed).</param>
/// <param name="Verdict"><c>base</c>, <c>better</c>, <c>worse</c>, or <c>within noise</c> (CI holds 0, a seed's p &gt; 0.05, seeds disagree in sign, or the difference is no larger than either cell's standard deviation over seeds).</param>
public sealed record CellRow(int Cell, IReadOnlyList<string> Levels, int Seeds, double EpochsMean, double AucMean, double AucSd, double AveragePrecisionMean,
    double BestValidationLossMean, AucDifference? Difference, double? DeLongP, string Verdict);

/// <summary>The merged table of an ablation: one <see cref="CellRow"/> per cell, as rows (for a DataFrame) or CSV.</summary>
/// <param name="Factors">Factor names, the level columns.</param>
/// <param name="Rows">One row per cell, in cell order.</param>
public sealed record AblationTable(IReadOnlyList<string> Factors, IReadOnlyList<CellRow> Rows)
{
    /// <summary>The p-value above which a difference is within noise.</summary>
    public const double Alpha = 0.05;

    /// <summary>Builds the table from each cell and seed's record, scores and labels.</summary>
    public static AblationTable Of(AblationGrid grid, Func<int, int, (RunRecord Record, double[] Scores, bool[] Labels)> load, int resamples, int bootstrapSeed)
    {
        var runs = grid.Cells.Select(c => grid.Seeds.Select(s => load(c.Index, s)).ToList()).ToList();
        var rows = new List<CellRow>();
        foreach (var cell in grid.Cells)
        {
            var mine = runs[cell.Index];
            var aucs = mine.Select(r => r.Record.Auc).ToArray();
            AucDifference? difference = null;
            double? p = null;
            string verdict = "base";
            if (cell.Index > 0) (difference, p, verdict) = Compare(runs[0], mine, resamples, bootstrapSeed);
            rows.Add(new CellRow(cell.Index, grid.Labels(cell).ToList(), mine.Count, mine.Average(r => r.Record.History.Epochs.Count), aucs.Average(), Sd(aucs),
                mine.Average(r => r.Record.AveragePrecision),
                mine.Average(r => r.Record.History.Epochs.Min(e => e.ValidationLoss)), difference, p, verdict));
        }
        return new AblationTable(grid.Factors.Select(f => f.Name).ToList(), rows);
    }

    /// <summary>Compares a cell's runs with the base cell's, seed by seed, on the labelled frames both score.</summary>
    static (AucDifference, double, string) Compare(List<(RunRecord Record, double[] Scores, bool[] Labels)> baseRuns,
        List<(RunRecord Record, double[] Scores, bool[] Labels)> runs, int resamples, int seed)
    {
        int first = Math.Max(baseRuns[0].Record.FirstFrame, runs[0].Record.FirstFrame);
        int end = Math.Min(baseRuns[0].Record.LastFrame, runs[0].Record.LastFrame) + 1;
        var labels = runs[0].Labels[first..end];
        if (!labels.AsSpan().SequenceEqual(baseRuns[0].Labels[first..end]))
            throw new FishKitException("the base cell and another cell were validated on different labels; the results folder mixes data, run the grid into a new folder.");
        var pairs = baseRuns.Zip(runs, (a, b) => (a.Scores[first..end], b.Scores[first..end])).ToList();
        var difference = PairedBootstrap.Interval(labels, pairs, resamples, seed);
        double p = pairs.Max(pair => DeLongP(labels, pair.Item1, pair.Item2));
        var signs = pairs.Select(pair => Math.Sign(Roc.Auc(labels, pair.Item2) - Roc.Auc(labels, pair.Item1))).Distinct().ToList();
        // Frames of one split are not independent (neighbouring clips overlap), so the bootstrap and DeLong's test
        // understate the uncertainty; with several seeds, a difference no larger than either cell's spread over seeds
        // is within noise too.
        double seedSpread = Math.Max(Sd([.. baseRuns.Select(r => r.Record.Auc)]), Sd([.. runs.Select(r => r.Record.Auc)]));
        string verdict = difference.IncludesZero || p > Alpha || signs.Count > 1 || Math.Abs(difference.Difference) <= seedSpread
            ? "within noise" : difference.Difference > 0 ? "better" : "worse";
        return (difference, p, verdict);
    }

    /// <summary>DeLong's p-value; 1 when both series rank the frames alike (no difference to test).</summary>
    static double DeLongP(bool[] labels, double[] a, double[] b)
    {
        try { return DeLong.Compare(labels, a, b).PValue; }
        catch (FishKitException) when (Roc.Auc(labels, a) == Roc.Auc(labels, b)) { return 1; }
    }

    static double Sd(double[] values)
    {
        if (values.Length < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    /// <summary>The CSV header's columns.</summary>
    public IEnumerable<string> Columns =>
        ["cell", .. Factors, "seeds", "epochs_mean", "auc_mean", "auc_sd", "ap_mean", "best_val_loss_mean", "auc_diff", "diff_ci_low", "diff_ci_high", "delong_p_max", "verdict"];

    /// <summary>The table as CSV (invariant culture, round-trip numbers; no wall times, so equal runs give equal bytes).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(",", Columns.Select(Quote))).Append('\n');
        foreach (var r in Rows)
        {
            string[] cells =
            [
                Number(r.Cell), .. r.Levels, Number(r.Seeds), Number(r.EpochsMean), Number(r.AucMean), Number(r.AucSd), Number(r.AveragePrecisionMean),
                Number(r.BestValidationLossMean), Number(r.Difference?.Difference), Number(r.Difference?.Lower), Number(r.Difference?.Upper),
                Number(r.DeLongP), r.Verdict,
            ];
            csv.Append(string.Join(",", cells.Select(Quote))).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Writes the CSV atomically.</summary>
    public void WriteCsv(string path) => AtomicFile.WriteText(path, ToCsv());

    /// <summary>A short fixed-width table for the terminal.</summary>
    public string ToText()
    {
        List<string[]> lines = [["cell", .. Factors, "epochs", "AUC mean", "sd", "diff", "95% CI", "p", "verdict"]];
        foreach (var r in Rows)
            lines.Add([
                Number(r.Cell), .. r.Levels, r.EpochsMean.ToString("0.#", CultureInfo.InvariantCulture), r.AucMean.ToString("F3", CultureInfo.InvariantCulture), r.AucSd.ToString("F3", CultureInfo.InvariantCulture),
                r.Difference is { } d ? d.Difference.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "",
                r.Difference is { } c ? string.Format(CultureInfo.InvariantCulture, "[{0:F3}, {1:F3}]", c.Lower, c.Upper) : "",
                r.DeLongP is double p ? p.ToString("F3", CultureInfo.InvariantCulture) : "", r.Verdict,
            ]);
        var widths = Enumerable.Range(0, lines[0].Length).Select(i => lines.Max(l => l[i].Length)).ToArray();
        return string.Join("\n", lines.Select(l => string.Join("  ", l.Select((s, i) => s.PadRight(widths[i]))).TrimEnd())) + "\n";
    }

    static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n']) >= 0 ? '"' + field.Replace("\"", "\"\"") + '"' : field;
}
