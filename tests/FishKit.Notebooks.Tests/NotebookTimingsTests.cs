using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary>Recorded wall times become the README's table, for every notebook in the folder, "not measured" where none was.</summary>
public class NotebookTimingsTests
{
    [Fact]
    public void Recorded_times_fill_the_table_between_the_markers_and_missing_ones_say_not_measured()
    {
        using var temp = new TempDir();
        var folder = temp.Path;
        foreach (var name in new[] { "01-data-and-frames.ipynb", "02-ytilde-and-labels.ipynb" })
            File.Copy(Path.Combine(Repo.Notebooks, name), Path.Combine(folder, name));
        var readme = Path.Combine(folder, "README.md");
        File.WriteAllText(readme, $"# Path\n\nbefore\n{NotebookTimings.Start}\nold table\n{NotebookTimings.End}\nafter\n");
        var first = Path.Combine(folder, "01-data-and-frames.ipynb");
        var result = new NotebookResult(first, first, NotebookFile.Read(first), 12, TimeSpan.FromSeconds(75.26));

        NotebookTimings.Record(folder, quick: true, [result], "2 cores, Linux");
        Assert.True(NotebookTimings.UpdateReadme(readme, folder));

        var text = File.ReadAllText(readme);
        Assert.StartsWith("# Path\n\nbefore\n", text);
        Assert.EndsWith($"{NotebookTimings.End}\nafter\n", text);
        Assert.DoesNotContain("old table", text);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"| [01-data-and-frames](01-data-and-frames.ipynb) | 1 min 15 s (2 cores, Linux, {today}) | not measured |", text);
        Assert.Contains("| [02-ytilde-and-labels](02-ytilde-and-labels.ipynb) | not measured | not measured |", text);
        Assert.Contains("| **the series** | not measured for every notebook | not measured for every notebook |", text);
    }

    [Fact]
    public void A_later_run_replaces_only_the_times_of_the_notebooks_it_ran()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "01-data-and-frames.ipynb");
        File.Copy(Path.Combine(Repo.Notebooks, "01-data-and-frames.ipynb"), path);
        var notebook = NotebookFile.Read(path);
        NotebookTimings.Record(temp.Path, quick: false, [new NotebookResult(path, path, notebook, 1, TimeSpan.FromSeconds(40))], "m");
        NotebookTimings.Record(temp.Path, quick: true, [new NotebookResult(path, path, notebook, 1, TimeSpan.FromSeconds(9))], "m");
        NotebookTimings.Record(temp.Path, quick: true, [new NotebookResult(path, path, notebook, 1, TimeSpan.FromSeconds(8))], "m");

        var table = NotebookTimings.Table(temp.Path);

        Assert.Contains("| 8 s (m, ", table);
        Assert.Contains("| 40 s (m, ", table);
        Assert.Contains("| **the series** | 8 s | 40 s |", table);
    }

    [Fact]
    public void Only_selects_the_listed_notebooks_and_refuses_a_number_that_names_none()
    {
        var all = NotebookRunner.InOrder(Repo.Notebooks);
        Assert.Equal(["02-ytilde-and-labels.ipynb", "05-convlstm.ipynb"], NotebookRunner.Select(all, "2, 05").Select(Path.GetFileName));
        Assert.Same(all, NotebookRunner.Select(all, null));
        Assert.Contains("no notebook numbered '42'", Assert.Throws<FishKitException>(() => NotebookRunner.Select(all, "42")).Message);
    }
}
