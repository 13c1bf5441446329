using System.Diagnostics;
using System.Text.RegularExpressions;
using FishKit.TestSupport;
using Xunit.Abstractions;

namespace FishKit.Tests.Ablation;

/// <summary>
/// examples/slurm on a real single-node Slurm cluster (<see cref="SlurmCluster"/>): the grid's cells as an array job,
/// the merge as a job that depends on it, and the table equal to the one a single machine makes.
/// </summary>
public class SlurmAblationTests(ITestOutputHelper output)
{
    [SlurmFact]
    public void A_grid_submitted_as_a_Slurm_array_with_a_dependent_merge_gives_the_table_of_one_machine()
    {
        var clock = Stopwatch.StartNew();
        using var dir = new TempDir();
        var grid = TinyGrid.Write(dir, "slurm", """{"training.learningRate": [0.002, 0.02]}""");
        var local = Cli.Run("ablate", "--grid", grid, "--out", dir["local"]);
        Assert.True(local.ExitCode == 0, local.Error);

        using var cluster = SlurmCluster.Start();
        var started = clock.Elapsed;
        var fishkit = $"{ChildProcess.Dotnet} {Path.Combine(AppContext.BaseDirectory, "FishKit.Cli.dll")}";
        var submit = ChildProcess.Run(Path.Combine(RepositoryFolder.Root, "examples", "slurm", "submit.sh"), [Path.GetFileName(grid), "results"], TimeSpan.FromMinutes(2), dir.Path,
            new Dictionary<string, string>(cluster.Environment) { ["FISHKIT"] = fishkit });
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var jobs = Regex.Match(submit.Output, @"^array job (\d+) \(2 cells\), merge job (\d+): results/table\.csv when both are done$", RegexOptions.Multiline);
        Assert.True(jobs.Success, submit.Output);
        var (array, merge) = (jobs.Groups[1].Value, jobs.Groups[2].Value);
        Assert.Equal("PENDING", cluster.JobState(merge));

        var state = cluster.WaitForJob(merge, TimeSpan.FromMinutes(10));
        Assert.True(state == "COMPLETED", $"merge job {merge} ended {state}\n{JobLogs(dir)}\n{cluster.Logs()}");
        foreach (var task in new[] { 0, 1 })
            Assert.Contains($"cell {task} (", File.ReadAllText(dir[$"slurm-{array}_{task}.out"]));
        Assert.Contains("Table -> results/table.csv", File.ReadAllText(dir[$"slurm-{merge}.out"]));
        Assert.Equal(File.ReadAllText(dir["local/table.csv"]), File.ReadAllText(dir["results/table.csv"]));
        output.WriteLine($"Slurm ablation test: {clock.Elapsed.TotalSeconds:F0} s in all (one-machine run and cluster start {started.TotalSeconds:F0} s, Slurm jobs {(clock.Elapsed - started).TotalSeconds:F0} s)");
    }

    static string JobLogs(TempDir dir) => string.Join("\n", Directory.GetFiles(dir.Path, "slurm-*.out").Order()
        .Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
}

/// <summary>
/// A test that starts a Slurm cluster, which needs root: it runs where <c>CI=true</c> (where .ci/run installs slurm-wlm
/// and munge, and a missing one fails the test) or <c>FISHKIT_SLURM_TESTS=1</c>, and is skipped, saying so, elsewhere.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && Environment.GetEnvironmentVariable("FISHKIT_SLURM_TESTS") != "1")
            Skip = "starts a Slurm cluster as root: set FISHKIT_SLURM_TESTS=1 (as root, with apt-get install slurm-wlm munge) to run it; CI runs it";
    }
}
