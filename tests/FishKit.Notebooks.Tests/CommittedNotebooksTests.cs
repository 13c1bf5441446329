using System.Text.Json.Nodes;
using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary>The notebooks as committed: numbered, without outputs, with metadata VS Code and Jupyter accept, one shared setup cell.</summary>
public class CommittedNotebooksTests
{
    public static TheoryData<string> Notebooks() => [.. NotebookRunner.InOrder(Repo.Notebooks).Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Committed_notebook_has_no_outputs_and_valid_metadata(string name)
    {
        var problems = NotebookFile.Read(Path.Combine(Repo.Notebooks, name)).Problems();
        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void The_series_starts_with_the_write_ups_first_three_stages_in_order()
    {
        var names = NotebookRunner.InOrder(Repo.Notebooks).Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(["01-data-and-frames", "02-ytilde-and-labels", "03-baselines"], names.Take(3));
        Assert.Equal(names.Count, names.Select(n => n![..2]).Distinct().Count());
    }

    [Fact]
    public void Every_notebook_starts_with_the_same_setup_cell_which_loads_torch_first()
    {
        var setups = NotebookRunner.InOrder(Repo.Notebooks)
            .Select(p => NotebookFile.Source(NotebookFile.Read(p).Cells.First(c => NotebookFile.Type(c!) == "code")!)).ToList();
        Assert.All(setups, s => Assert.Equal(setups[0], s));
        var setup = setups[0];
        Assert.Contains("#r \"../src/FishKit.Notebooks/bin/Debug/net10.0/FishKit.Notebooks.dll\"", setup);
        int torch = setup.IndexOf("TorchRuntime.EnsureLoaded()", StringComparison.Ordinal);
        int start = setup.IndexOf("NotebookSetup.Start()", StringComparison.Ordinal);
        Assert.True(torch >= 0 && start > torch, "the setup cell must call TorchRuntime.EnsureLoaded() before NotebookSetup.Start()");
        Assert.DoesNotContain("TorchSharp.", setup[..torch]);
    }

    [Fact]
    public void The_check_finds_outputs_execution_counts_and_a_python_kernel()
    {
        using var temp = new TempDir();
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Notebooks, "01-data-and-frames.ipynb")))!.AsObject();
        root["metadata"]!["kernelspec"]!["name"] = "python3";
        var code = root["cells"]!.AsArray().First(c => c!["cell_type"]!.GetValue<string>() == "code")!;
        code["outputs"]!.AsArray().Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "hi" });
        code["execution_count"] = 1;
        File.WriteAllText(temp["bad.ipynb"], root.ToJsonString());

        var problems = NotebookFile.Read(temp["bad.ipynb"]).Problems();

        Assert.Contains(problems, p => p.Contains("kernelspec.name must be \".net-csharp\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has outputs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("execution count", StringComparison.Ordinal));
    }
}
