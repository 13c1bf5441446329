using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FishKit.Notebooks.Runner;
using static FishKit.Notebooks.Tests.Outputs;

namespace FishKit.Notebooks.Tests;

/// <summary>What a teacher relies on in the executed series: exercises whose solutions run and pass, prose whose numbers are computed, the path in the report.</summary>
[Collection(NotebookSeriesCollection.Name)]
public class TeachingTests(NotebookSeries series)
{
    [Fact]
    public void Every_solution_ran_and_its_check_passed()
    {
        foreach (var result in series.Result.Notebooks)
        {
            var solutions = result.Notebook.Cells.Where(c => StudentCopy.IsSolution(c!)).ToList();
            Assert.InRange(solutions.Count, 2, 4);
            Assert.All(solutions, s => Assert.Contains(Texts(s!), t => t.StartsWith(Exercise.Passed, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Prose_numbers_are_computed_in_front_of_the_reader()
    {
        var violations = series.Result.Notebooks.SelectMany(n => ProseNumbers.Violations(n.Notebook)).ToList();
        Assert.True(violations.Count == 0, "typed numbers in prose (print them from the kit, or see notebooks/README.md for what may be typed):\n"
            + string.Join("\n", violations));
    }

    [Fact]
    public void The_report_opens_with_the_path_through_the_series()
    {
        var report = File.ReadAllText(series.Result.Report);
        int path = report.IndexOf("id=\"path\"", StringComparison.Ordinal);
        Assert.True(path > 0 && path < report.IndexOf("id=\"nb-1\"", StringComparison.Ordinal), "the path comes before the first notebook");
        Assert.Contains("Three suggested sessions", report);
        Assert.Contains("How long each notebook takes", report);
    }
}

/// <summary>The committed series as a course: exercises with hints and tagged solutions, a recap, links along the path.</summary>
public class CourseStructureTests
{
    public static TheoryData<string> Notebooks() => [.. NotebookRunner.InOrder(Repo.Notebooks).Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_ends_with_exercises_with_hints_one_checked_solution_each_then_a_recap(string name)
    {
        var cells = NotebookFile.Read(Path.Combine(Repo.Notebooks, name)).Cells.Select(c => c!).ToList();
        int exercises = cells.FindIndex(c => NotebookFile.Type(c) == "markdown" && NotebookFile.Source(c).StartsWith("## Exercises", StringComparison.Ordinal));
        Assert.True(exercises > 0, $"{name} has no ## Exercises cell");
        var statement = NotebookFile.Source(cells[exercises]);
        int listed = Regex.Matches(statement, @"^\d+\. ", RegexOptions.Multiline).Count;
        Assert.InRange(listed, 2, 4);
        Assert.Equal(listed, Regex.Matches(statement, @"\*Hint:\*").Count);
        var solutions = cells.Skip(exercises + 1).TakeWhile(StudentCopy.IsSolution).ToList();
        Assert.Equal(listed, solutions.Count);
        for (int k = 0; k < solutions.Count; k++)
        {
            var source = NotebookFile.Source(solutions[k]);
            Assert.StartsWith($"// Exercise {k + 1}:", source);
            Assert.Contains($"Exercise.Check({k + 1},", source);
        }
        Assert.Equal(exercises + 1 + listed, cells.Count - 1); // the recap is last
        Assert.StartsWith("## Recap", NotebookFile.Source(cells[^1]));
        Assert.DoesNotContain(cells.Take(exercises), StudentCopy.IsSolution);
    }

    [Fact]
    public void Each_recap_links_the_previous_and_next_notebook_in_the_folder_and_the_path()
    {
        var names = NotebookRunner.InOrder(Repo.Notebooks).Select(Path.GetFileName).ToList();
        for (int i = 0; i < names.Count; i++)
        {
            var recap = NotebookFile.Source(NotebookFile.Read(Path.Combine(Repo.Notebooks, names[i]!)).Cells[^1]!);
            var links = Regex.Matches(recap, @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
            var expected = new List<string>();
            if (i > 0) expected.Add(names[i - 1]!);
            if (i < names.Count - 1) expected.Add(names[i + 1]!);
            expected.Add("README.md");
            Assert.Equal(expected, links);
            Assert.All(links, l => Assert.True(File.Exists(Path.Combine(Repo.Notebooks, l)), $"{names[i]}: {l} does not exist"));
        }
    }

    [Fact]
    public void The_prose_rule_flags_a_typed_number_and_accepts_printed_published_and_quoted_ones()
    {
        using var temp = new TempDir();
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Notebooks, "01-data-and-frames.ipynb")))!.AsObject();
        var cells = new JsonArray
        {
            Markdown("The split holds 1,234 frames, 0.838 is the write-up's AUC, *h* = 45, notebook 3, `x = 77`, in 2021."),
            Markdown("One frame in 7.5 is positive."),
            new JsonObject
            {
                ["cell_type"] = "code", ["id"] = "c", ["metadata"] = new JsonObject(), ["source"] = "",
                ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "1234 frames" }),
            },
        };
        root["cells"] = cells;
        File.WriteAllText(temp["nb.ipynb"], root.ToJsonString());

        var violations = ProseNumbers.Violations(NotebookFile.Read(temp["nb.ipynb"]));

        Assert.Equal(["nb, cell 1: '7.5' in «One frame in 7.5 is positive.»"], violations);
    }

    static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["id"] = Guid.NewGuid().ToString("N")[..8], ["metadata"] = new JsonObject(), ["source"] = text };
}
