using System.Globalization;
using FishKit.Training;
using FishKit.WriteUp;

namespace FishKit.Ablation;

/// <summary>
/// What a merged ablation table does and does not show, in sentences computed from the table and the run records:
/// how many comparisons are within noise, the best cell beside the write-up, the spread over seeds against the bootstrap
/// intervals, the training budget, and how long the runs of each cell took.
/// </summary>
public static class AblationReading
{
    /// <summary>The reading, one sentence group per line.</summary>
    public static IReadOnlyList<string> Lines(AblationTable table, IReadOnlyList<RunRecord> records)
    {
        var inv = CultureInfo.InvariantCulture;
        var compared = table.Rows.Where(r => r.Difference is not null).ToList();
        int noise = compared.Count(r => r.Verdict == "within noise");
        var decided = compared.Where(r => r.Verdict != "within noise").ToList();
        var best = table.Rows.MaxBy(r => r.AucMean)!;
        var seedGap = records.GroupBy(r => r.Cell).Max(g => g.Max(r => r.Auc) - g.Min(r => r.Auc));
        var halfWidth = compared.Count == 0 ? 0 : compared.Average(r => (r.Difference!.Upper - r.Difference.Lower) / 2);
        int seeds = records.Select(r => r.Seed).Distinct().Count();
        var writeUp = RunConfig.Preset("writeup");
        var budget = records[0].Config;
        string Levels(CellRow r) => string.Join(" · ", r.Levels);
        var lines = new List<string>
        {
            string.Create(inv, $"{noise} of {compared.Count} comparisons with the base cell are within noise")
                + (decided.Count == 0 ? "." : string.Create(inv, $"; on these validation frames {string.Join(", ", decided.Select(r => string.Create(inv, $"{Levels(r)} is {r.Verdict} by {r.Difference!.Difference:+0.000;-0.000}")))}."))
                + (2 * noise >= compared.Count ? " A small grid on a small sample, trained for seconds, cannot tell most levels apart, and says so." : ""),
            string.Create(inv, $"The best cell is {Levels(best)} with a mean AUC of {best.AucMean:F3}; the write-up's ConvLSTM reached ")
                + string.Create(inv, $"{WriteUpResults.ConvLstmBest.Auc:F3} on its test split after {writeUp.Training.Epochs} epochs over its {WriteUpResults.Splits[0].Frames:N0} training frames. ")
                + "These are statements about the recipe at this budget on this data, not about the write-up's model.",
            seeds > 1
                ? string.Create(inv, $"Seeds: the same cell trained with another seed moved its AUC by up to {seedGap:F3}, while the bootstrap intervals are ±{halfWidth:F3} on average. ")
                    + "The intervals and DeLong's test resample validation frames as if they were independent, but neighbouring frames share most of their clip, "
                    + string.Create(inv, $"so both understate the uncertainty; the spread over seeds is the more honest yardstick, and {seeds} seeds measure it only roughly.")
                    + (decided.Count > 0 && decided.All(r => Math.Abs(r.Difference!.Difference) < seedGap) ? " Every difference called better or worse is smaller than that spread, so none of them is a finding yet." : "")
                : string.Create(inv, $"One seed: the table cannot show how much a cell moves from seed to seed, and the bootstrap intervals (±{halfWidth:F3} on average) resample validation frames ")
                    + "as if they were independent, which neighbouring frames are not. Run more seeds before reading anything into a verdict.",
            string.Create(inv, $"Budget: every run trained {records.Min(r => r.History.Epochs.Count)} epoch(s) of at most {budget.Training.MaxBatchesPerEpoch?.ToString(inv) ?? "all"} batches of {budget.Batches.BatchSize} clips. ")
                + "Differences at this budget are about how fast a recipe starts to learn, not where it ends.",
            "Time: " + string.Join("; ", table.Rows.Select(r => string.Create(inv,
                $"{Levels(r)} {records.Where(x => x.Cell == r.Cell).Average(x => x.WallSeconds):F0} s per run"))) + string.Create(inv, $" ({records.Sum(r => r.WallSeconds):F0} s in all)."),
        };
        return lines;
    }
}
