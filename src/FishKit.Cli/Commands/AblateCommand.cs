using System.CommandLine;
using System.Globalization;
using FishKit.Ablation;
using FishKit.Training;

namespace FishKit.Cli.Commands;

/// <summary>
/// <c>fishkit ablate</c>: runs an ablation grid (all cells, or one with --cell) into a results folder; <c>fishkit ablate
/// merge</c> builds its table; <c>fishkit ablate cells</c> lists the cells (how many array tasks a scheduler needs).
/// </summary>
static class AblateCommand
{
    public static Command Create()
    {
        var grid = new Option<string?>("--grid") { Description = "The grid JSON (see examples/ablation-grid.json)." };
        var output = new Option<string?>("--out") { Description = "Results folder (shared by every cell; one grid per folder)." };
        var cell = new Option<int?>("--cell") { Description = "Run only cell K (0 to N-1): skipped when finished, resumed when half-finished." };
        var command = new Command("ablate", "Run an ablation grid: every cell x seed trains into --out with a run record; without --cell the table follows.")
        {
            grid, output, cell, Merge(), Cells(),
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var gridFile = parseResult.GetValue(grid) ?? throw new FishKitException("give --grid grid.json (and --out folder), or use fishkit ablate merge <folder>.");
            var results = parseResult.GetValue(output) ?? throw new FishKitException("give --out, the results folder.");
            var loaded = AblationGrid.Load(gridFile);
            using var cancel = CliCancellation.OnCtrlC();
            var cells = parseResult.GetValue(cell) is int k ? [loaded.Cell(k)] : loaded.Cells;
            foreach (var c in cells)
            {
                var outcome = CliProgress.Run(writer, $"cell {c.Index} of {loaded.Cells.Count}", bar =>
                    Ablations.RunCell(loaded, results, c.Index, new InlineProgress(p => bar.Report((p.Training.Batch, p.Training.Batches))), cancel.Token));
                writer.WriteLine(string.Format(CultureInfo.InvariantCulture, "cell {0} ({1}): {2}", c.Index, string.Join(", ", loaded.Labels(c)),
                    outcome.Interrupted ? "interrupted; run the same command again to resume"
                    : $"seeds run [{string.Join(", ", outcome.Ran)}], already done [{string.Join(", ", outcome.Skipped)}]"));
                if (outcome.Interrupted) return 130;
            }
            if (parseResult.GetValue(cell) is null) WriteTable(writer, results);
            return 0;
        });
        return command;
    }

    static Command Merge()
    {
        var folder = new Argument<string>("folder") { Description = "The results folder of fishkit ablate." };
        var command = new Command("merge", "Build the table of a results folder whose cells have all finished: table.csv beside grid.json.") { folder };
        command.SetAction(parseResult => WriteTable(parseResult.InvocationConfiguration.Output, parseResult.GetValue(folder)!));
        return command;
    }

    static Command Cells()
    {
        var grid = new Option<string>("--grid") { Description = "The grid JSON.", Required = true };
        var command = new Command("cells", "List the grid's cells, one line each (K: its levels), e.g. to size a scheduler's job array (examples/slurm).") { grid };
        command.SetAction(parseResult =>
        {
            var loaded = AblationGrid.Load(parseResult.GetValue(grid)!);
            foreach (var c in loaded.Cells)
                parseResult.InvocationConfiguration.Output.WriteLine($"{c.Index}: {string.Join(", ", loaded.Labels(c))}");
            return 0;
        });
        return command;
    }

    static int WriteTable(TextWriter writer, string results)
    {
        var table = Ablations.Merge(results);
        var csv = Path.Combine(results, "table.csv");
        table.WriteCsv(csv);
        writer.Write(table.ToText());
        writer.WriteLine($"Table -> {csv}");
        return 0;
    }

    /// <summary>Reports on the training thread, so the bar keeps pace with the steps.</summary>
    sealed class InlineProgress(Action<AblationProgress> report) : IProgress<AblationProgress>
    {
        public void Report(AblationProgress value) => report(value);
    }
}
