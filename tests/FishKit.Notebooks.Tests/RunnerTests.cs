using System.Text.Json.Nodes;
using FishKit.Cli;
using FishKit.Notebooks.Runner;
using Microsoft.DotNet.Interactive.Formatting;

namespace FishKit.Notebooks.Tests;

/// <summary>The headless runner on small fixture notebooks: failures, displays updated in place, NuGet kernel extensions, the CLI.</summary>
public class RunnerTests
{
    [Fact]
    public async Task A_failing_cell_stops_the_run_naming_notebook_cell_and_error_and_keeps_the_outputs_so_far()
    {
        using var temp = new TempDir();
        var notebook = Repo.Fixture("failing/01-failing.ipynb");

        var failure = await Assert.ThrowsAsync<NotebookFailure>(() => NotebookRunner.RunAsync(notebook, new RunnerOptions(temp.Path)));

        Assert.Equal(notebook, failure.Notebook);
        Assert.Equal(3, failure.Cell); // markdown, code, failing code
        Assert.Equal("InvalidOperationException: the fish escaped", failure.Error);
        var executed = NotebookFile.Read(failure.ExecutedCopy!);
        var cells = executed.Cells.Where(c => NotebookFile.Type(c!) == "code").ToList();
        Assert.Equal("x = 42\n", cells[0]!["outputs"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("error", cells[1]!["outputs"]![0]!["output_type"]!.GetValue<string>());
        Assert.Empty(cells[2]!["outputs"]!.AsArray()); // never ran
    }

    [Fact]
    public async Task A_cell_that_meets_a_file_system_error_shows_the_command_lines_line()
    {
        using var temp = new TempDir();
        var failure = await Assert.ThrowsAsync<NotebookFailure>(() => NotebookRunner.RunAsync(Repo.Fixture("disk-full/01-disk-full.ipynb"), new RunnerOptions(temp.Path)));
        var same = FishKit.Errors.ErrorReport.Of(new IOException("No space left on device : '/data/out.npy'", 28)).Message;
        Assert.Equal("No space left on device : '/data/out.npy'; free some space or choose another disk; nothing was left half-written.", same);
        Assert.Equal($"IOException: {same}", failure.Error);
    }

    [Fact]
    public void The_cli_reports_a_failing_notebook_on_one_line_and_exits_non_zero()
    {
        using var temp = new TempDir();
        var output = new StringWriter();
        var error = new StringWriter();

        int code = CliApp.Run(["notebooks", "run", Path.GetDirectoryName(Repo.Fixture("failing/01-failing.ipynb"))!, "--out", temp.Path], output, error);

        Assert.Equal(1, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^fishkit: error: notebook .*01-failing\.ipynb, cell 3 failed: InvalidOperationException: the fish escaped \(outputs so far: .*01-failing\.ipynb\)$", line.TrimEnd());
    }

    [Fact]
    public async Task A_display_updated_in_place_is_one_output_holding_the_last_value()
    {
        using var temp = new TempDir();
        var result = await NotebookRunner.RunAsync(Repo.Fixture("display/01-display-update.ipynb"), new RunnerOptions(temp.Path));
        var outputs = result.Notebook.Cells.Single(c => NotebookFile.Type(c!) == "code")!["outputs"]!.AsArray();
        Assert.Equal(["display_data", "execute_result"], outputs.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("third", outputs[0]!["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_nuget_reference_loads_the_packages_kernel_extension_and_the_kit_formatters_registered_later_win()
    {
        var root = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "microsoft.data.analysis", "0.23.1");
        Assert.Equal([Path.Combine(root, "interactive-extensions", "dotnet", "Microsoft.Data.Analysis.Interactive.dll")], PackageExtensions.In(root));
        using var temp = new TempDir();
        try
        {
            var result = await NotebookRunner.RunAsync(Repo.Fixture("nuget/01-nuget-extension.ipynb"), new RunnerOptions(temp.Path));
            string Html(int cell) => result.Notebook.Cells[cell]!["outputs"]![0]!["data"]!["text/html"]!.GetValue<string>();
            // Microsoft.Data.Analysis's own extension (loaded by the runner after the #r) formats the DataFrame as a table...
            Assert.Contains("<table", Html(1));
            Assert.DoesNotContain("fishkit-table", Html(1));
            // ...until the kit's formatters are registered after it, as the setup cell does.
            Assert.Contains("fishkit-table", Html(2));
        }
        finally
        {
            Formatter.ResetToDefault();
        }
    }

    [Fact]
    public async Task The_setup_cell_can_run_twice_and_charts_still_draw()
    {
        using var temp = new TempDir();
        var committed = NotebookFile.Read(Path.Combine(Repo.Notebooks, "01-data-and-frames.ipynb"));
        var setup = committed.Cells.First(c => NotebookFile.Type(c!) == "code")!;
        var root = committed.Root.DeepClone().AsObject();
        var chart = setup.DeepClone();
        chart["id"] = "chart";
        chart["source"] = "Charts.Roc(new ModelScores(\"m\", [0, 1], [true, false], [0.9, 0.1]))";
        var second = setup.DeepClone();
        second["id"] = "again";
        root["cells"] = new JsonArray(setup.DeepClone(), second, chart);
        File.WriteAllText(temp["01-twice.ipynb"], root.ToJsonString());

        var result = await NotebookRunner.RunAsync(temp["01-twice.ipynb"], new RunnerOptions(temp["out"]));

        var html = Outputs.Html(result.Notebook);
        Assert.Equal(2, html.Count(h => h.Contains("data-fishkit-plotlyjs", StringComparison.Ordinal)));
        Assert.Contains("m (AUC 1.000)", Outputs.Traces(Assert.Single(Outputs.Figures(result.Notebook))).Select(t => t.Name));
    }

    [Fact]
    public void The_setup_cells_kit_reference_is_pointed_at_the_running_kit()
    {
        var code = "// x\n#r \"../src/FishKit.Notebooks/bin/Debug/net10.0/FishKit.Notebooks.dll\"\nusing X;\n#r \"other.dll\"";
        var rewritten = NotebookRunner.ThisKit(code);
        // the notebooks' front end (FishKit.Notebooks.dll) this process has, not the runner's own assembly
        Assert.Equal($"// x\n#r \"{typeof(NotebookSetup).Assembly.Location}\"\nusing X;\n#r \"other.dll\"", rewritten);
    }

    [Fact]
    public void Notebooks_run_in_numbered_order_and_a_folder_without_any_is_a_clear_error()
    {
        using var temp = new TempDir();
        foreach (var name in new[] { "10-late.ipynb", "02-b.ipynb", "01-a.ipynb", "notes.ipynb", "1-unpadded.ipynb" }) File.WriteAllText(temp[name], "{}");
        Assert.Equal(["01-a.ipynb", "02-b.ipynb", "10-late.ipynb"], NotebookRunner.InOrder(temp.Path).Select(Path.GetFileName));
        using var empty = new TempDir();
        Assert.Contains("holds no numbered notebooks", Assert.Throws<FishKitException>(() => NotebookRunner.InOrder(empty.Path)).Message);
    }
}
