using System.Diagnostics;
using System.Globalization;
using FishKit.Ablation;
using FishKit.Notebooks.Formatting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace FishKit.Notebooks;

/// <summary>
/// Live progress of an ablation in a notebook: ONE display, updated in place, with a row per cell and seed (where its
/// training is, epochs done, the last validation AUC, seconds). Pass it as the progress of
/// <see cref="Ablations.RunAll"/> or <see cref="Ablations.RunCell"/>. Outside a notebook it prints one line per finished epoch.
/// </summary>
public sealed class AblationDisplay : IProgress<AblationProgress>
{
    readonly AblationGrid grid;
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly Dictionary<(int Cell, int Seed), AblationRunView> runs = [];
    readonly ThrottledDisplay shown;
    (int Cell, int Seed)? current;
    TimeSpan currentStart;

    AblationDisplay(AblationGrid grid, TimeSpan interval)
    {
        this.grid = grid;
        shown = new ThrottledDisplay(View, interval);
    }

    /// <summary>Shows the grid's runs, all waiting, now; updates at most every <paramref name="seconds"/> and after every epoch.</summary>
    public static AblationDisplay Show(AblationGrid grid, double seconds = 1) => new(grid, TimeSpan.FromSeconds(seconds));

    /// <summary>The current state as a value the notebook formats.</summary>
    public AblationView View => new(
        grid.Cells.SelectMany(c => grid.Seeds.Select(s => runs.GetValueOrDefault((c.Index, s)) ?? new AblationRunView(c.Index, string.Join(" · ", grid.Labels(c)), s, "waiting", 0, null, 0))).ToList(),
        clock.Elapsed);

    /// <summary>Updates the run's row (in place), after every epoch and during one at most every interval.</summary>
    public void Report(AblationProgress value)
    {
        var key = (value.Cell, value.Seed);
        if (current != key)
        {
            current = key;
            currentStart = clock.Elapsed;
        }
        var p = value.Training;
        var before = runs.GetValueOrDefault(key);
        int epochs = p.Finished is { } f ? f.Epoch : before?.Epochs ?? 0;
        string state = p.Finished is null ? $"epoch {p.Epoch}, batch {p.Batch}/{p.Batches}" : $"{epochs} epoch{(epochs == 1 ? "" : "s")} done";
        var labels = string.Join(" · ", grid.Labels(grid.Cell(value.Cell)));
        var run = new AblationRunView(value.Cell, labels, value.Seed, state, epochs, p.Finished?.ValidationAuc ?? before?.ValidationAuc,
            (clock.Elapsed - currentStart).TotalSeconds);
        runs[key] = run;
        if (!shown.Shown)
        {
            if (p.Finished is { } e) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cell {run.Cell} ({labels}), seed {run.Seed}: epoch {e.Epoch}, validation AUC {e.ValidationAuc:F3}"));
            return;
        }
        shown.Update(() => View, force: p.Finished is not null);
    }
}

/// <summary>One cell and seed of a running ablation.</summary>
/// <param name="Cell">K.</param>
/// <param name="Levels">The cell's levels.</param>
/// <param name="Seed">The seed.</param>
/// <param name="State">waiting, the epoch and batch it is at, or the epochs done.</param>
/// <param name="Epochs">Epochs finished.</param>
/// <param name="ValidationAuc">The last finished epoch's validation AUC.</param>
/// <param name="Seconds">Seconds since its first step was reported.</param>
public sealed record AblationRunView(int Cell, string Levels, int Seed, string State, int Epochs, double? ValidationAuc, double Seconds);

/// <summary>A snapshot of a running ablation for display.</summary>
/// <param name="Runs">Every cell and seed, in the order they run.</param>
/// <param name="Elapsed">Time since the display was shown.</param>
public sealed record AblationView(IReadOnlyList<AblationRunView> Runs, TimeSpan Elapsed)
{
    /// <summary>A status line and the runs' table.</summary>
    public string ToHtml()
    {
        int started = Runs.Count(r => r.State != "waiting");
        var rows = Runs.Select(r => (IReadOnlyList<string>)[HtmlText.Cell(r.Cell), r.Levels, HtmlText.Cell(r.Seed), r.State, HtmlText.Cell(r.ValidationAuc),
            r.State == "waiting" ? "" : r.Seconds.ToString("F0", CultureInfo.InvariantCulture)]);
        return "<div class=\"fishkit-ablation\">"
            + $"<div style=\"font-size:0.9em;color:#59636e\">{started} of {Runs.Count} runs started · {Elapsed.TotalSeconds:F0} s</div>"
            + HtmlText.Table(["cell", "levels", "seed", "state", "validation AUC", "seconds"], rows)
            + "</div>";
    }

    public override string ToString() => $"{Runs.Count(r => r.State != "waiting")} of {Runs.Count} runs started";
}
