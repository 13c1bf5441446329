using FishKit.Cli;
using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary><c>fishkit reproduce</c> runs the notebooks after the signal pipeline and says where everything is.</summary>
public class ReproduceTests
{
    [Fact]
    public void Reproduce_runs_the_pipeline_then_the_notebooks_and_prints_where_everything_is()
    {
        using var temp = new TempDir();
        var output = new StringWriter();
        var error = new StringWriter();

        int code = CliApp.Run(["reproduce", "--data", Repo.File("data-samples/synthetic-tank"), "--out", temp["reproduce"],
            "--notebooks", Path.GetDirectoryName(Repo.Fixture("display/01-display-update.ipynb"))!, "--notebooks-out", temp["notebooks"], "--quick"], output, error);

        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("Algorithmic baseline over frames 119..T-12", text);
        Assert.Contains($"  executed notebooks: {temp["notebooks"]} (01-display-update.ipynb)", text);
        Assert.Contains($"  HTML report (opens offline): {temp["notebooks/report.html"]}", text);
        Assert.True(File.Exists(temp["reproduce/metrics.json"]));
        Assert.True(File.Exists(temp["notebooks/01-display-update.ipynb"]));
        Assert.Contains("<!DOCTYPE html>", File.ReadAllText(temp["notebooks/report.html"]));
    }

    [Fact]
    public void Reproduce_with_the_write_up_runs_the_notebooks_with_fishkit_writeup_set_to_the_clone()
    {
        using var temp = new TempDir();
        var clone = WriteUpFixtureClone.Make(temp["writeup"]);
        var error = new StringWriter();

        int code = CliApp.Run(["reproduce", "--writeup", clone, "--out", temp["reproduce"], "--notebooks", Path.GetDirectoryName(Repo.Fixture("writeup/01-writeup-variable.ipynb"))!,
            "--notebooks-out", temp["notebooks"], "--quick"], new StringWriter(), error);

        Assert.True(code == 0, error.ToString());
        var cell = NotebookFile.Read(temp["notebooks/01-writeup-variable.ipynb"]).Cells.Single(c => NotebookFile.Type(c!) == "code")!;
        Assert.Equal([clone], Outputs.Texts(cell));
    }
}
