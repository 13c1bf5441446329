using System.Globalization;
using FishKit.Ablation;
using FishKit.Notebooks.Charting;
using FishKit.Training;
using Plotly.NET;
using static FishKit.Notebooks.Charting.ChartBuilder;

namespace FishKit.Notebooks;

/// <summary>What <see cref="Charts.AblationCurves"/> draws per epoch.</summary>
public enum EpochMetric
{
    /// <summary>ROC AUC on the validation samples.</summary>
    ValidationAuc,

    /// <summary>Unweighted BCE on the validation samples.</summary>
    ValidationLoss,

    /// <summary>Mean weighted BCE of the epoch's training batches.</summary>
    TrainLoss,
}

/// <summary>The ablation charts: AUC per cell over seeds, each cell's difference from the base cell, and the runs' curves.</summary>
public static partial class Charts
{
    /// <summary>
    /// Validation AUC per cell (its levels on the x axis): every seed's AUC as a dot, the mean with ± one standard
    /// deviation over seeds as error bars, the base cell's mean and chance (0.5) as lines.
    /// </summary>
    public static GenericChart AblationAuc(AblationTable table, IReadOnlyList<RunRecord> records)
    {
        var names = table.Rows.Select(CellName).ToArray();
        var bySeed = records.Select(r => (Cell: CellName(table.Rows.Single(row => row.Cell == r.Cell)), r.Seed, r.Auc)).ToList();
        var figure = new ChartBuilder("Validation AUC per cell", "cell (levels)", "validation ROC AUC", 420)
            .Add("scatter", ("name", "each seed"), ("x", bySeed.Select(s => s.Cell).ToArray()), ("y", bySeed.Select(s => s.Auc).ToArray()),
                ("text", bySeed.Select(s => $"seed {s.Seed}").ToArray()), ("mode", "markers"),
                ("marker", Obj(("color", "rgba(127,127,127,0.7)"), ("size", 7), ("symbol", "circle-open"))),
                ("hovertemplate", "%{x}<br>%{text}: AUC %{y:.3f}<extra></extra>"))
            .Add("scatter", ("name", "mean ± sd over seeds"), ("x", names), ("y", table.Rows.Select(r => r.AucMean).ToArray()), ("mode", "markers"),
                ("error_y", Obj(("type", "data"), ("array", table.Rows.Select(r => r.AucSd).ToArray()), ("visible", true), ("color", Blue))),
                ("marker", Obj(("color", Blue), ("size", 11))));
        HorizontalLine(figure, names, table.Rows[0].AucMean, string.Create(CultureInfo.InvariantCulture, $"base cell (mean {table.Rows[0].AucMean:F3})"), Orange);
        HorizontalLine(figure, names, 0.5, "chance (AUC 0.5)", Gray);
        return figure.Chart();
    }

    /// <summary>
    /// Each cell's AUC minus the base cell's (mean over seeds) with its paired bootstrap interval, one trace per verdict;
    /// an interval across the zero line is a difference the data cannot tell from noise.
    /// </summary>
    public static GenericChart AblationDifferences(AblationTable table)
    {
        var compared = table.Rows.Where(r => r.Difference is not null).ToList();
        var confidence = compared.Select(r => r.Difference!.Confidence).FirstOrDefault(0.95);
        var figure = new ChartBuilder(string.Create(CultureInfo.InvariantCulture, $"AUC difference from the base cell ({CellName(table.Rows[0])}), {confidence:P0} paired bootstrap interval"),
            "validation AUC minus the base cell's", "cell (levels)", 120 + 60 * Math.Max(1, compared.Count));
        string[] verdicts = ["better", "worse", "within noise"];
        string[] colors = [Green, Red, Gray];
        for (int v = 0; v < verdicts.Length; v++)
        {
            var rows = compared.Where(r => r.Verdict == verdicts[v]).ToList();
            if (rows.Count == 0) continue;
            figure.Add("scatter", ("name", verdicts[v]), ("y", rows.Select(CellName).ToArray()), ("x", rows.Select(r => r.Difference!.Difference).ToArray()),
                ("mode", "markers"), ("marker", Obj(("color", colors[v]), ("size", 11))),
                ("error_x", Obj(("type", "data"), ("symmetric", false), ("visible", true), ("color", colors[v]),
                    ("array", rows.Select(r => r.Difference!.Upper - r.Difference.Difference).ToArray()),
                    ("arrayminus", rows.Select(r => r.Difference!.Difference - r.Difference.Lower).ToArray()))),
                ("text", rows.Select(r => r.DeLongP is double p ? string.Create(CultureInfo.InvariantCulture, $"DeLong p (largest over seeds) {p:0.###}") : "").ToArray()),
                ("hovertemplate", "%{y}: %{x:+.3f}<br>%{text}<extra></extra>"));
        }
        return figure
            .Layout("shapes", new[] { Obj(("type", "line"), ("x0", 0), ("x1", 0), ("y0", 0), ("y1", 1), ("yref", "paper"), ("line", Obj(("color", Gray), ("dash", "dot")))) })
            .Axis("yaxis", ("type", "category"), ("automargin", true))
            .Chart();
    }

    /// <summary>One line per cell and seed over the epochs it trained: a colour per cell, a dash per seed.</summary>
    public static GenericChart AblationCurves(AblationTable table, IReadOnlyList<RunRecord> records, EpochMetric metric = EpochMetric.ValidationAuc)
    {
        var (what, pick) = metric switch
        {
            EpochMetric.ValidationAuc => ("validation ROC AUC", (Func<EpochRecord, double?>)(e => e.ValidationAuc)),
            EpochMetric.ValidationLoss => ("validation loss", e => e.ValidationLoss),
            _ => ("training loss", (Func<EpochRecord, double?>)(e => e.TrainLoss)),
        };
        var figure = new ChartBuilder($"{char.ToUpperInvariant(what[0])}{what[1..]} per epoch, every cell and seed", "epoch", what);
        var seeds = records.Select(r => r.Seed).Distinct().Order().ToList();
        string[] dashes = ["solid", "dash", "dot", "dashdot", "longdash"];
        foreach (var r in records)
        {
            int row = table.Rows.ToList().FindIndex(x => x.Cell == r.Cell);
            figure.Add("scatter", ("name", $"{CellName(table.Rows[row])} · seed {r.Seed}"), ("x", r.History.Epochs.Select(e => e.Epoch).ToArray()),
                ("y", r.History.Epochs.Select(pick).ToArray()), ("mode", "lines+markers"),
                ("line", Obj(("color", Palette[row % Palette.Length]), ("dash", dashes[seeds.IndexOf(r.Seed) % dashes.Length]))));
        }
        return figure.Axis("xaxis", ("dtick", 1)).Chart();
    }

    /// <summary>A cell as its levels, e.g. "4 time channels · none".</summary>
    static string CellName(CellRow row) => string.Join(" · ", row.Levels);

    static void HorizontalLine(ChartBuilder figure, string[] categories, double y, string name, string color) =>
        figure.Add("scatter", ("name", name), ("x", new[] { categories[0], categories[^1] }), ("y", new[] { y, y }), ("mode", "lines"),
            ("line", Obj(("color", color), ("dash", "dot"))), ("hoverinfo", "name"));
}
