using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Baselines;
using FishKit.Pipeline;
using FishKit.Training;

namespace FishKit.Ablation;

/// <summary>How a call to <see cref="Ablations.RunCell"/> left a cell.</summary>
/// <param name="Cell">K.</param>
/// <param name="Ran">Seeds trained (or resumed) and finished by this call.</param>
/// <param name="Skipped">Seeds already finished before this call.</param>
/// <param name="Interrupted">True when cancelled: the run saved a checkpoint and the next call resumes it.</param>
public sealed record CellOutcome(int Cell, IReadOnlyList<int> Ran, IReadOnlyList<int> Skipped, bool Interrupted);

/// <summary>Where an ablation is: the cell and seed training, and its training's progress.</summary>
/// <param name="Cell">K.</param>
/// <param name="Seed">The seed of the run.</param>
/// <param name="Training">The run's progress (a step, or a finished epoch).</param>
public sealed record AblationProgress(int Cell, int Seed, TrainingProgress Training);

/// <summary>
/// Runs ablation grids into a results folder: <c>grid.json</c> (the grid and its hash), <c>data/</c> (the frames packed
/// once per model frame size, with y-tilde and labels), <c>table.csv</c> once merged, and per cell and seed
/// <c>cell-KKK/seed-S/</c> with the run folder (<c>run/</c>), <c>record.json</c>, <c>scores.npy</c> and <c>labels.npy</c>.
/// Cells are independent and idempotent, so any scheduler can run them in parallel on machines sharing the folder.
/// </summary>
public static class Ablations
{
    /// <summary>The results folder's copy of its grid.</summary>
    public static string GridFile(string results) => Path.Combine(results, "grid.json");

    /// <summary>The folder of one cell and seed.</summary>
    public static string SeedFolder(string results, int cell, int seed) => Path.Combine(results, $"cell-{cell:D3}", $"seed-{seed}");

    /// <summary>
    /// Runs cell <paramref name="k"/> of <paramref name="grid"/> for every seed into <paramref name="results"/>: a
    /// finished seed (its record.json exists) is skipped, a half-finished one resumes. A results folder written by
    /// another grid is refused. Cancellation saves a checkpoint and returns with <see cref="CellOutcome.Interrupted"/>.
    /// </summary>
    public static CellOutcome RunCell(AblationGrid grid, string results, int k, IProgress<AblationProgress>? progress = null, CancellationToken cancel = default)
    {
        var cell = grid.Cell(k);
        Claim(grid, results);
        var ran = new List<int>();
        var skipped = new List<int>();
        foreach (var seed in grid.Seeds)
        {
            var folder = SeedFolder(results, k, seed);
            if (File.Exists(Path.Combine(folder, "record.json"))) { skipped.Add(seed); continue; }
            if (!RunSeed(grid, cell, seed, results, progress, cancel)) return new CellOutcome(k, ran, skipped, Interrupted: true);
            ran.Add(seed);
        }
        return new CellOutcome(k, ran, skipped, Interrupted: false);
    }

    /// <summary>Runs every cell in order (see <see cref="RunCell"/>); stops at the first interrupted one.</summary>
    public static IReadOnlyList<CellOutcome> RunAll(AblationGrid grid, string results, IProgress<AblationProgress>? progress = null, CancellationToken cancel = default)
    {
        var outcomes = new List<CellOutcome>();
        foreach (var cell in grid.Cells)
        {
            outcomes.Add(RunCell(grid, results, cell.Index, progress, cancel));
            if (outcomes[^1].Interrupted) break;
        }
        return outcomes;
    }

    /// <summary>
    /// The table of a results folder whose cells have all finished; <paramref name="resamples"/> bootstrap draws
    /// (seeded by <paramref name="bootstrapSeed"/>) give the CI of each cell's AUC difference from the base cell.
    /// </summary>
    public static AblationTable Merge(string results, int resamples = 2000, int bootstrapSeed = 1) =>
        AblationTable.Of(Finished(results), (cell, seed) => Load(results, cell, seed), resamples, bootstrapSeed);

    /// <summary>The grid of a results folder, refused while a cell is unfinished.</summary>
    static AblationGrid Finished(string results)
    {
        var grid = StoredGrid(results);
        var missing = grid.Cells.Where(c => grid.Seeds.Any(s => !File.Exists(Path.Combine(SeedFolder(results, c.Index, s), "record.json"))))
            .Select(c => c.Index).ToList();
        if (missing.Count > 0)
            throw FishKitException.Refusal($"results folder '{results}' has unfinished cells ({string.Join(", ", missing)} of 0 to {grid.Cells.Count - 1}); run {FishKitException.Say(Term.AblateCell)} for each, then merge.", new(File: results));
        return grid;
    }

    /// <summary>The records of a results folder whose cells have all finished, by cell and then seed.</summary>
    public static IReadOnlyList<RunRecord> Records(string results)
    {
        var grid = Finished(results);
        return grid.Cells.SelectMany(c => grid.Seeds.Select(s => Load(results, c.Index, s).Record)).ToList();
    }

    /// <summary>The grid a results folder was written by.</summary>
    public static AblationGrid StoredGrid(string results)
    {
        var file = GridFile(results);
        if (!File.Exists(file)) throw FishKitException.Refusal($"'{results}' is not an ablation results folder (no grid.json); give {FishKitException.Say(Term.AblateOutput)}.", new(File: results));
        var stored = JsonNode.Parse(File.ReadAllText(file))!;
        return AblationGrid.Parse(stored["grid"]!.ToJsonString(), file, stored["folder"]!.GetValue<string>());
    }

    /// <summary>A finished cell and seed: its record, and its validation scores and labels.</summary>
    public static (RunRecord Record, double[] Scores, bool[] Labels) Load(string results, int cell, int seed)
    {
        var folder = SeedFolder(results, cell, seed);
        var record = RunRecord.Read(Path.Combine(folder, "record.json"));
        return (record, Series.Read(Path.Combine(folder, "scores.npy")), Series.ReadLabels(Path.Combine(folder, "labels.npy")));
    }

    /// <summary>Writes grid.json in a new results folder, or checks that an existing one was written by the same grid.</summary>
    static void Claim(AblationGrid grid, string results)
    {
        var file = GridFile(results);
        if (File.Exists(file))
        {
            var hash = JsonNode.Parse(File.ReadAllText(file))?["hash"]?.GetValue<string>();
            if (hash != grid.Hash)
                throw FishKitException.Refusal($"results folder '{results}' was written by another grid (hash {hash?[..12]}, this grid {grid.Hash[..12]}); give a new {FishKitException.Say(Term.Output)} folder or the grid that wrote it ({file}).", new(File: results));
            return;
        }
        // another cell's process may be writing grid.json (as .grid.json.*.tmp) at this moment
        if (Directory.Exists(results) && Directory.EnumerateFileSystemEntries(results).Any(e => !Path.GetFileName(e).StartsWith(".grid.json.", StringComparison.Ordinal)))
            throw FishKitException.Refusal($"'{results}' is not empty and holds no ablation (no grid.json); give a new {FishKitException.Say(Term.Output)} folder.", new(File: results));
        var stored = new JsonObject
        {
            ["hash"] = grid.Hash,
            ["folder"] = grid.Folder,
            ["grid"] = JsonNode.Parse(grid.Json),
        };
        AtomicFile.WriteText(file, stored.ToJsonString(KitJson.Options));
    }

    /// <summary>
    /// The frames at <paramref name="path"/> packed once at the recipe's size in the results folder's <c>data/</c>
    /// (with y-tilde and labels cached beside), shared by every cell and seed of that size; and the labels.
    /// </summary>
    static (string Store, bool[] Labels) Shared(string path, string data, RunConfig config, CancellationToken cancel)
    {
        var split = PreparedSplit.Open(path, data, config.Size, config.Resize, cancel: cancel);
        split.Store.Dispose();
        return (split.Store.Path, split.Labels);
    }

    /// <summary>Trains (or resumes) one seed of a cell and scores the validation frames; false when interrupted.</summary>
    static bool RunSeed(AblationGrid grid, AblationCell cell, int seed, string results, IProgress<AblationProgress>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var config = cell.Config with { Training = cell.Config.Training with { Seed = seed } };
        var folder = SeedFolder(results, cell.Index, seed);
        var run = new RunFolder(Path.Combine(folder, "run"));
        var data = Path.Combine(results, "data");
        var (train, _) = Shared(grid.Train, data, config, cancel);
        var (validation, labels) = Shared(grid.Validation, data, config, cancel);
        var training = progress is null ? null : new Relay(p => progress.Report(new AblationProgress(cell.Index, seed, p)));
        var outcome = Runs.Train(config, train, validation, run, progress: training, cancel: cancel);
        if (outcome.Status == TrainingStatus.Interrupted) return false;

        var scores = Runs.Predict(run, validation, cancel: cancel);
        // the frames the labelling rule labels (later ones have no label) that the model scores
        int first = Math.Max(LabelParameters.WriteUp.FirstFrame, config.Model is YTildeLstmConfig y ? y.Window - 1 : config.Layout.FirstFrame);
        int last = LabelParameters.WriteUp.LastFrame(labels.Length);
        var report = EvaluationReport.Of(labels.AsSpan(first..(last + 1)), scores.AsSpan(first..(last + 1)));
        Series.Write(Path.Combine(folder, "scores.npy"), scores, "score");
        Series.WriteLabels(Path.Combine(folder, "labels.npy"), labels, "label");
        var record = new RunRecord(cell.Index, seed, grid.Factors.Zip(grid.Labels(cell)).ToDictionary(p => p.First.Name, p => p.Second),
            config, grid.Hash, RunRecord.GitHead(), RunRecord.PackageVersions(), RunRecord.ThisMachine(), config.Training.Device,
            clock.Elapsed.TotalSeconds, outcome.Status, outcome.History, first, last, report.Auc, report.AveragePrecision);
        AtomicFile.WriteText(Path.Combine(folder, "record.json"), record.ToJson()); // last: its presence marks the seed finished
        return true;
    }

    /// <summary>Passes a run's progress on at once, on the training thread (as the cell and seed's).</summary>
    sealed class Relay(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
