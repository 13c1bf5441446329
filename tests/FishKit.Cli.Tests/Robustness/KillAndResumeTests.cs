using System.Diagnostics;
using FishKit.Training;
using FishKit.Tests.Training;
using static TorchSharp.torch;

namespace FishKit.Tests.Robustness;

/// <summary>
/// <c>fishkit train</c> killed with SIGKILL at seeded random moments (while preparing, during steps, while writing
/// checkpoints), then started again with the same command until it finishes: it ends with the weights of a run that was
/// never interrupted, and every checkpoint file under its final name is whole at every kill.
/// </summary>
[Collection(FishKit.Tests.Models.GlobalGeneratorCollection.Name)]
public class KillAndResumeTests
{
    static readonly RunConfig Recipe = RunsTests.Tiny with
    {
        // Long enough (~1,200 small steps) that training, not process start or preparation, fills most of the run.
        Training = RunsTests.Tiny.Training with { Epochs = 30, MaxBatchesPerEpoch = 40 },
    };

    [Fact]
    public void Train_killed_at_random_moments_and_resumed_ends_with_the_uninterrupted_weights()
    {
        using var dir = new TempDir();
        var (train, validation) = RunsTests.Splits(dir);
        File.WriteAllText(dir["recipe.json"], Recipe.ToJson());
        string[] Train(string run) => ["train", "--config", dir["recipe.json"], "--train", train, "--val", validation, "--out", run];

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunChild(Train(dir["whole"]), killAfter: null));
        double uninterrupted = clock.Elapsed.TotalSeconds;

        var random = new Random(20261206);
        int kills = 0;
        for (int attempt = 0; ; attempt++)
        {
            Assert.True(attempt < 40, $"train did not finish after {attempt} starts");
            // Between 10 and 35 % of an uninterrupted run's time: in process start, preparation, steps or checkpoint
            // writing; a start that gets past its process start gets further (what it saved stays), so the run finishes
            // after several kills.
            var killAfter = TimeSpan.FromSeconds((0.1 + 0.25 * random.NextDouble()) * uninterrupted);
            int exit = RunChild(Train(dir["killed"]), killAfter);
            if (exit == 0) break;
            kills++;
            AssertCheckpointsWhole(new RunFolder(dir["killed"]));
        }
        Console.WriteLine($"kill and resume: {kills} SIGKILLs before the run finished; uninterrupted run {uninterrupted:F1} s");
        Assert.True(kills >= 3, $"only {kills} kills landed before the run finished");

        AssertSameWeights(new RunFolder(dir["whole"]), new RunFolder(dir["killed"]));
    }

    [Fact]
    public void A_first_call_killed_before_its_first_checkpoint_starts_again_and_another_recipe_s_leftovers_are_refused()
    {
        using var dir = new TempDir();
        var (train, validation) = RunsTests.Splits(dir);
        File.WriteAllText(dir["recipe.json"], RunsTests.Tiny.ToJson());
        // What a SIGKILL between the recipe's write and the first checkpoint leaves: run.json, config.json, checkpoints/.
        foreach (var run in new[] { "same", "other" })
        {
            var recipe = run == "same" ? RunsTests.Tiny : RunsTests.Tiny with { Training = RunsTests.Tiny.Training with { LearningRate = 0.5 } };
            Directory.CreateDirectory(dir[$"{run}/checkpoints"]);
            File.WriteAllText(dir[$"{run}/run.json"], recipe.ToJson());
            File.WriteAllText(dir[$"{run}/config.json"], "{}");
        }

        var same = Cli.Run("train", "--config", dir["recipe.json"], "--train", train, "--val", validation, "--out", dir["same"]);
        var other = Cli.Run("train", "--config", dir["recipe.json"], "--train", train, "--val", validation, "--out", dir["other"]);

        Assert.True(same.ExitCode == 0, same.Error);
        Assert.True(File.Exists(dir["same/checkpoints/best.ckpt"]));
        Assert.Equal($"fishkit: error: run folder '{dir["other"]}' is not empty and holds no run; choose a new folder.", Expect.OneLine(other, exitCode: 1));
    }

    /// <summary>Runs the CLI in a child process; kills it with SIGKILL after <paramref name="killAfter"/> if it is still running. Returns its exit code (137 when killed).</summary>
    static int RunChild(string[] args, TimeSpan? killAfter)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "FishKit.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(); // SIGKILL on Linux: no handler runs, nothing is flushed or cleaned up
            process.WaitForExit();
            return 137;
        }
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "train did not finish within 5 minutes");
        Assert.True(process.ExitCode == 0, $"train failed ({process.ExitCode}): {error.Result}{output.Result}");
        return 0;
    }

    /// <summary>Every checkpoint under its final name loads with its checksum verified: none was left half-written.</summary>
    static void AssertCheckpointsWhole(RunFolder folder)
    {
        if (!Directory.Exists(folder.Checkpoints)) return;
        foreach (var file in Directory.GetFiles(folder.Checkpoints, "*.ckpt"))
        {
            using var scope = NewDisposeScope();
            using var model = Recipe.Model.Create();
            Checkpoint.Load(file, model, Recipe.Model, optimizer: null);
        }
    }

    static void AssertSameWeights(RunFolder expected, RunFolder actual)
    {
        using var scope = NewDisposeScope();
        foreach (var (a, b) in new[] { (expected.Best, actual.Best), (expected.Last, actual.Last) })
        {
            using var first = Recipe.Model.Create();
            using var second = Recipe.Model.Create();
            Checkpoint.Load(a, first, Recipe.Model, optimizer: null);
            Checkpoint.Load(b, second, Recipe.Model, optimizer: null);
            var other = second.state_dict();
            foreach (var (name, tensor) in first.state_dict())
                Assert.True(tensor.eq(other[name]).all().item<bool>(), $"{Path.GetFileName(a)}: {name} differs from the uninterrupted run's");
        }
    }
}
