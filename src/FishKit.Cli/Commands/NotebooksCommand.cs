using System.CommandLine;
using FishKit.Notebooks.Runner;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit notebooks</c>: runs the notebook series headless.</summary>
static class NotebooksCommand
{
    /// <summary>The notebooks folder, relative to the repository root.</summary>
    public const string DefaultFolder = "notebooks";

    /// <summary>Where executed notebooks and the report go by default.</summary>
    public const string DefaultOut = "artifacts/notebooks";

    public static Command Create()
    {
        var command = new Command("notebooks", "Run the notebooks headless.");
        command.Subcommands.Add(RunCommand());
        command.Subcommands.Add(StudentCommand());
        return command;
    }

    static Command RunCommand()
    {
        var folder = new Argument<string>("dir") { Description = "The folder holding 01-....ipynb, 02-....ipynb, ...", DefaultValueFactory = _ => DefaultFolder };
        var output = new Option<string>("--out") { Description = "Where to write the executed notebooks and report.html.", DefaultValueFactory = _ => DefaultOut };
        var quick = new Option<bool>("--quick") { Description = "Quick mode (FISHKIT_QUICK=1): training cells run shortened." };
        var only = new Option<string?>("--only") { Description = "Run only the notebooks whose numbers are listed, e.g. 02,05 (default: all)." };
        var record = new Option<bool>("--record-timings")
        {
            Description = $"Record each notebook's wall time in <dir>/{NotebookTimings.FileName} and regenerate the times table in <dir>/README.md.",
        };
        var command = new Command("run", "Execute every numbered notebook in order in this process; write the executed copies and one offline HTML report.")
        {
            folder, output, quick, only, record,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var series = Run(writer, parseResult.GetValue(folder)!, parseResult.GetValue(output)!, parseResult.GetValue(quick),
                only: parseResult.GetValue(only));
            writer.WriteLine($"Ran {series.Notebooks.Count} notebooks in {series.Elapsed.TotalSeconds:F1} s; executed copies in {Path.GetDirectoryName(series.Report)}, report: {series.Report}");
            if (parseResult.GetValue(record))
            {
                var dir = parseResult.GetValue(folder)!;
                NotebookTimings.Record(dir, parseResult.GetValue(quick), series.Notebooks, NotebookTimings.ThisMachine());
                var readme = Path.Combine(dir, "README.md");
                writer.WriteLine(NotebookTimings.UpdateReadme(readme, dir)
                    ? $"Recorded the times in {Path.Combine(dir, NotebookTimings.FileName)} and updated the table in {readme}."
                    : $"Recorded the times in {Path.Combine(dir, NotebookTimings.FileName)}; {readme} has no table markers to update.");
            }
            return 0;
        });
        return command;
    }

    static Command StudentCommand()
    {
        var folder = new Argument<string>("dir") { Description = "The folder holding 01-....ipynb, 02-....ipynb, ...", DefaultValueFactory = _ => DefaultFolder };
        var output = new Option<string>("--out") { Description = "The folder to write the student copy to (new or empty).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the --out folder if it is not empty." };
        var command = new Command("student", "Write the series for students: exercises open, solution cells removed, outputs cleared.")
        {
            folder, output, force,
        };
        command.SetAction(parseResult =>
        {
            var copy = StudentCopy.Write(parseResult.GetValue(folder)!, parseResult.GetValue(output)!, parseResult.GetValue(force));
            parseResult.InvocationConfiguration.Output.WriteLine(
                $"Wrote {copy.Notebooks.Count} notebooks to {copy.Folder} with {copy.SolutionsRemoved} solutions removed.");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Runs the series, printing one line per notebook; a failing cell becomes one clear error line. <paramref name="data"/>
    /// and <paramref name="writeUp"/> set FISHKIT_DATA and FISHKIT_WRITEUP for the run.
    /// </summary>
    public static SeriesResult Run(TextWriter writer, string folder, string outDir, bool quick, string? data = null, string? writeUp = null,
        string? only = null)
    {
        using var cancel = CliCancellation.OnCtrlC();
        var notebooks = NotebookRunner.Select(NotebookRunner.InOrder(folder), only);
        var log = new LineLog(writer);
        try
        {
            return NotebookRunner.RunSeriesAsync(notebooks, new RunnerOptions(outDir, quick, Data: data, WriteUp: writeUp), log, cancel.Token).GetAwaiter().GetResult();
        }
        catch (NotebookFailure f)
        {
            throw new FishKitException($"notebook {f.Notebook}, cell {f.Cell} failed: {f.Error}" + (f.ExecutedCopy is { } copy ? $" (outputs so far: {copy})" : ""), f);
        }
    }

    /// <summary>Writes each progress line at once, on the calling thread.</summary>
    sealed class LineLog(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
