using FishKit.Ablation;
using FishKit.Training;

namespace FishKit.Tests.Ablation;

public class AblationRunTests
{
    /// <summary>A 2x2 tiny grid (<see cref="TinyGrid"/>): 1 epoch of 2 batches per cell. <paramref name="lr"/> changes the grid (and its hash).</summary>
    static string Grid(TempDir dir, string lr = "0.002", string budget = """{"epochs": 1, "maxBatchesPerEpoch": 2}""") =>
        TinyGrid.Write(dir, lr, $$"""{"training.learningRate": [{{lr}}, 0.02], "batches.flips": [true, false]}""", budget);

    [Fact]
    public void The_same_grid_and_seeds_give_the_same_table_byte_for_byte()
    {
        using var dir = new TempDir();
        var grid = Grid(dir);
        var first = Cli.Run("ablate", "--grid", grid, "--out", dir["a"]);
        Assert.True(first.ExitCode == 0, first.Error);
        foreach (var k in new[] { 3, 0, 2, 1 }) // fanned out in any order, one cell per call
        {
            var one = Cli.Run("ablate", "--grid", grid, "--cell", k.ToString(), "--out", dir["b"]);
            Assert.True(one.ExitCode == 0, one.Error);
        }
        Assert.Contains("seeds run [], already done [1]", Cli.Run("ablate", "--grid", grid, "--cell", "2", "--out", dir["b"]).Output);
        var merged = Cli.Run("ablate", "merge", dir["b"]);
        Assert.True(merged.ExitCode == 0, merged.Error);

        var a = File.ReadAllBytes(dir["a/table.csv"]);
        Assert.Equal(a, File.ReadAllBytes(dir["b/table.csv"]));
        var lines = File.ReadAllLines(dir["a/table.csv"]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("cell,training.learningRate,batches.flips,seeds,epochs_mean,auc_mean", lines[0]);
        Assert.StartsWith("0,0.002,true,1,1,", lines[1]);
        Assert.EndsWith(",base", lines[1]);
        Assert.StartsWith("3,0.02,false,1,1,", lines[4]);

        var record = RunRecord.Read(Path.Combine(Ablations.SeedFolder(dir["a"], 3, 1), "record.json"));
        Assert.Equal(0.02, record.Config.Training.LearningRate);
        Assert.False(record.Config.Batches.Flips);
        Assert.Single(record.History.Epochs);
        Assert.True(record.WallSeconds > 0);
        Assert.NotNull(record.Versions["torchsharp"]);
    }

    [Fact]
    public void A_cell_killed_midway_resumes_and_a_folder_of_another_grid_is_refused()
    {
        using var dir = new TempDir();
        var grid = AblationGrid.Load(Grid(dir));
        using var kill = new CancellationTokenSource();
        var stopAfterOneStep = new Steps(p => { if (p.Training.Finished is null) kill.Cancel(); });
        var killed = Ablations.RunCell(grid, dir["out"], 1, stopAfterOneStep, kill.Token);
        Assert.True(killed.Interrupted);
        Assert.False(File.Exists(Path.Combine(Ablations.SeedFolder(dir["out"], 1, 1), "record.json")));
        var unfinished = Assert.Throws<FishKitException>(() => Ablations.Merge(dir["out"]));
        Assert.Contains("unfinished cells (0, 1, 2, 3", unfinished.Message);

        var other = AblationGrid.Load(Grid(dir, lr: "0.004"));
        var refused = Assert.Throws<FishKitException>(() => Ablations.RunCell(other, dir["out"], 0));
        Assert.Contains("written by another grid", refused.Message);

        var resumed = Ablations.RunCell(grid, dir["out"], 1);
        Assert.Equal([1], resumed.Ran);
        var uninterrupted = Ablations.RunCell(grid, dir["clean"], 1);
        Assert.False(uninterrupted.Interrupted);
        Assert.Equal(Ablations.Load(dir["clean"], 1, 1).Scores, Ablations.Load(dir["out"], 1, 1).Scores);
        Assert.Equal([1], Ablations.RunCell(grid, dir["out"], 1).Skipped);
    }

    [Fact]
    public void A_minutes_budget_stops_a_run_after_the_epoch_it_runs_out_in_and_a_rerun_stops_there_too()
    {
        using var dir = new TempDir();
        // a budget far below one epoch's time: every run stops after its first epoch, whatever the machine
        var grid = AblationGrid.Load(Grid(dir, budget: """{"epochs": 3, "maxBatchesPerEpoch": 2, "minutes": 1e-9}"""));
        Assert.False(Ablations.RunCell(grid, dir["out"], 0).Interrupted);
        var folder = Ablations.SeedFolder(dir["out"], 0, 1);
        var record = RunRecord.Read(Path.Combine(folder, "record.json"));
        Assert.Equal(TrainingStatus.OutOfTime, record.Status);
        Assert.Equal([1], record.History.Epochs.Select(e => e.Epoch));
        Assert.Equal(2, record.History.Epochs[0].Steps);
        // scored on the frames the trainer validates (labelled ones only): the best epoch's validation AUC
        Assert.Equal(record.History.Epochs[0].ValidationAuc!.Value, record.Auc, 4);
        Assert.Equal(1e-9, record.Config.Training.MaxMinutes);
        Assert.Contains("\"status\": \"out_of_time\"", File.ReadAllText(Path.Combine(folder, "record.json")));

        // killed after training, before its record: the rerun resumes the run folder and stops at the same epoch
        var scores = Ablations.Load(dir["out"], 0, 1).Scores;
        File.Delete(Path.Combine(folder, "record.json"));
        Assert.Equal([1], Ablations.RunCell(grid, dir["out"], 0).Ran);
        var again = Ablations.Load(dir["out"], 0, 1);
        Assert.Equal((TrainingStatus.OutOfTime, 1), (again.Record.Status, again.Record.History.Epochs.Count));
        Assert.Equal(scores, again.Scores);
    }

    /// <summary>Reports on the training thread, so the test can cancel after an exact step.</summary>
    sealed class Steps(Action<AblationProgress> report) : IProgress<AblationProgress>
    {
        public void Report(AblationProgress value) => report(value);
    }
}
