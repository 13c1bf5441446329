using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary>The student copy of the committed series: solutions gone, notebooks still valid and clean, the kit still found.</summary>
public class StudentCopyTests
{
    [Fact]
    public void The_copy_has_every_notebook_without_solutions_or_outputs_and_finds_the_kit()
    {
        using var temp = new TempDir();
        var target = temp["class"];

        var copy = StudentCopy.Write(Repo.Notebooks, target);

        var sources = NotebookRunner.InOrder(Repo.Notebooks);
        Assert.Equal(sources.Select(Path.GetFileName), NotebookRunner.InOrder(target).Select(Path.GetFileName));
        int solutions = sources.Sum(p => NotebookFile.Read(p).Cells.Count(c => StudentCopy.IsSolution(c!)));
        Assert.Equal(solutions, copy.SolutionsRemoved);
        Assert.True(File.Exists(Path.Combine(target, "README.md")));
        var kit = Path.GetFullPath(Path.Combine(Repo.Notebooks, "../src/FishKit.Notebooks/bin/Debug/net10.0/FishKit.Notebooks.dll"));
        foreach (var path in copy.Notebooks)
        {
            var notebook = NotebookFile.Read(path);
            Assert.Empty(notebook.Problems());
            Assert.DoesNotContain(notebook.Cells, c => StudentCopy.IsSolution(c!));
            Assert.DoesNotContain(notebook.Cells, c => NotebookFile.Source(c!).Contains("Exercise.Check", StringComparison.Ordinal));
            var exercises = notebook.Cells.Where(c => NotebookFile.Source(c!).EndsWith("// Your code here.\n", StringComparison.Ordinal)).ToList();
            Assert.All(exercises, e => Assert.StartsWith("// Exercise ", NotebookFile.Source(e!)));
            var setup = NotebookFile.Source(notebook.Cells.First(c => NotebookFile.Type(c!) == "code")!);
            var reference = System.Text.RegularExpressions.Regex.Match(setup, "#r \"([^\"]+)\"").Groups[1].Value;
            Assert.Equal(kit, Path.GetFullPath(Path.Combine(target, reference)));
        }
        Assert.Equal(solutions, copy.Notebooks.Sum(p => NotebookFile.Read(p).Cells.Count(c => NotebookFile.Source(c!).EndsWith("// Your code here.\n", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_unless_forced_and_nothing_half_written_is_left()
    {
        using var temp = new TempDir();
        var target = temp["class"];
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "mine.txt"), "a student's notes");

        var refused = Assert.Throws<FishKitException>(() => StudentCopy.Write(Repo.Notebooks, target));
        Assert.Contains("is not empty", refused.Message);
        Assert.True(File.Exists(Path.Combine(target, "mine.txt")));

        StudentCopy.Write(Repo.Notebooks, target, force: true);
        Assert.False(File.Exists(Path.Combine(target, "mine.txt")));
        Assert.Equal([Path.GetFileName(target)], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Any_number_of_notebooks_is_copied_by_listing_the_folder()
    {
        using var temp = new TempDir();
        var source = Directory.CreateDirectory(temp["series"]).FullName;
        foreach (var name in new[] { "01-data-and-frames.ipynb", "09-ablations.ipynb" })
            File.Copy(Path.Combine(Repo.Notebooks, name), Path.Combine(source, name));
        File.Copy(Path.Combine(Repo.Notebooks, "09-ablations.ipynb"), Path.Combine(source, "10-next.ipynb"));

        var copy = StudentCopy.Write(source, temp["out"]);

        Assert.Equal(["01-data-and-frames.ipynb", "09-ablations.ipynb", "10-next.ipynb"], copy.Notebooks.Select(Path.GetFileName));
    }
}
