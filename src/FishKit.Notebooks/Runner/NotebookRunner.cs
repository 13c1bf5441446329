using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FishKit.Errors;
using FishKit.IO;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace FishKit.Notebooks.Runner;

/// <summary>Settings of a headless run.</summary>
/// <param name="OutputFolder">Where the executed notebooks and the report go.</param>
/// <param name="Quick">Quick mode: sets <c>FISHKIT_QUICK=1</c> for the run, which shortens training cells.</param>
/// <param name="ReportTitle">The HTML report's title.</param>
/// <param name="Data">A data folder for the notebooks (sets <c>FISHKIT_DATA</c> for the run); null: their default, the shipped sample.</param>
/// <param name="WriteUp">A clone of the write-up's repository for the sections on the real tank (sets <c>FISHKIT_WRITEUP</c> for the run); null: as the environment says.</param>
public sealed record RunnerOptions(string OutputFolder, bool Quick = false, string ReportTitle = "FishKit notebooks", string? Data = null, string? WriteUp = null);

/// <summary>One executed notebook.</summary>
/// <param name="Source">The notebook run.</param>
/// <param name="Executed">The executed copy with outputs.</param>
/// <param name="Notebook">The executed notebook's JSON.</param>
/// <param name="CodeCells">Code cells run.</param>
/// <param name="Elapsed">Wall-clock time of the run, kernel start included.</param>
public sealed record NotebookResult(string Source, string Executed, NotebookFile Notebook, int CodeCells, TimeSpan Elapsed);

/// <summary>A whole series: each notebook's result and the HTML report.</summary>
/// <param name="Notebooks">In the order run.</param>
/// <param name="Report">The self-contained HTML report.</param>
/// <param name="Elapsed">Wall-clock time of the series.</param>
public sealed record SeriesResult(IReadOnlyList<NotebookResult> Notebooks, string Report, TimeSpan Elapsed);

/// <summary>
/// Runs notebooks headless in this process: one fresh C# kernel per notebook (as Jupyter gives each notebook its own
/// kernel), every code cell in order, outputs recorded as Jupyter would (results, displays updated in place, standard
/// output, errors), the executed copy written beside the others, and one offline HTML report for the series.
/// The notebook's folder is the current folder while it runs, as in Jupyter and VS Code, so relative <c>#r</c> paths work.
/// A <c>#r</c> of FishKit.Notebooks.dll (the setup cell's) is pointed at the copy this process runs, so the notebooks
/// compile against exactly the kit that executes them, whatever configuration was built.
/// The first failing cell stops the series with a <see cref="NotebookFailure"/>.
/// </summary>
public static partial class NotebookRunner
{
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The notebooks of <paramref name="folder"/> in run order: files named NN-*.ipynb, by name.</summary>
    public static IReadOnlyList<string> InOrder(string folder)
    {
        if (!Directory.Exists(folder)) throw new FishKitException($"notebook folder '{folder}' does not exist; give the folder holding 01-....ipynb files.");
        var notebooks = Directory.GetFiles(folder, "*.ipynb")
            .Where(p => Path.GetFileName(p) is var n && n.Length > 3 && char.IsAsciiDigit(n[0]) && char.IsAsciiDigit(n[1]) && n[2] == '-')
            .Order(StringComparer.Ordinal).ToList();
        if (notebooks.Count == 0) throw new FishKitException($"'{folder}' holds no numbered notebooks (01-name.ipynb, 02-name.ipynb, ...).");
        return notebooks;
    }

    /// <summary>
    /// The notebooks of <paramref name="notebooks"/> whose two-digit numbers <paramref name="only"/> lists ("02,05"); all of
    /// them when it is null or empty. A number that names no notebook is refused.
    /// </summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> notebooks, string? only)
    {
        if (string.IsNullOrWhiteSpace(only)) return notebooks;
        var wanted = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.PadLeft(2, '0')).ToList();
        var numbers = notebooks.Select(p => Path.GetFileName(p)[..2]).ToList();
        if (wanted.FirstOrDefault(n => !numbers.Contains(n)) is { } missing)
            throw new FishKitException($"no notebook numbered '{missing}'; the folder holds {string.Join(", ", numbers)}.");
        return notebooks.Where(p => wanted.Contains(Path.GetFileName(p)[..2])).ToList();
    }

    /// <summary>Runs <paramref name="notebooks"/> in order, writes the executed copies and the HTML report.</summary>
    public static async Task<SeriesResult> RunSeriesAsync(IReadOnlyList<string> notebooks, RunnerOptions options,
        IProgress<string>? log = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<NotebookResult>();
        foreach (var notebook in notebooks)
        {
            cancel.ThrowIfCancellationRequested();
            log?.Report($"running {Path.GetFileName(notebook)}");
            var result = await RunAsync(notebook, options, cancel);
            log?.Report($"{Path.GetFileName(notebook)}: {result.CodeCells} code cells in {result.Elapsed.TotalSeconds:F1} s");
            results.Add(result);
        }
        var report = Path.Combine(options.OutputFolder, "report.html");
        var readme = notebooks.Count == 0 ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebooks[0]))!, "README.md");
        var path = readme is not null && File.Exists(readme) ? File.ReadAllText(readme) : null;
        AtomicFile.WriteText(report, HtmlReport.Build(options.ReportTitle, results.Select(r => r.Notebook), options.Quick, path));
        return new SeriesResult(results, report, clock.Elapsed);
    }

    /// <summary>Runs one notebook and writes its executed copy to the output folder (also when a cell fails).</summary>
    public static async Task<NotebookResult> RunAsync(string path, RunnerOptions options, CancellationToken cancel = default)
    {
        var notebook = NotebookFile.Read(path);
        var executed = Path.GetFullPath(Path.Combine(options.OutputFolder, Path.GetFileName(path)));
        await OneAtATime.WaitAsync(cancel);
        var directory = Environment.CurrentDirectory;
        var quick = Environment.GetEnvironmentVariable(NotebookMode.QuickVariable);
        var data = Environment.GetEnvironmentVariable(NotebookMode.DataVariable);
        var writeUp = Environment.GetEnvironmentVariable(NotebookMode.WriteUpVariable);
        try
        {
            Environment.SetEnvironmentVariable(NotebookMode.DataVariable, options.Data is null ? data : Path.GetFullPath(options.Data));
            Environment.SetEnvironmentVariable(NotebookMode.WriteUpVariable, options.WriteUp is null ? writeUp : Path.GetFullPath(options.WriteUp));
            Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Environment.SetEnvironmentVariable(NotebookMode.QuickVariable, options.Quick ? "1" : quick);
            var clock = Stopwatch.StartNew();
            using var kernel = CreateKernel();
            int count = 0;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i]!;
                if (NotebookFile.Type(cell) != "code") continue;
                cancel.ThrowIfCancellationRequested();
                count++;
                var outputs = new JsonArray();
                cell["outputs"] = outputs;
                cell["execution_count"] = count;
                // Updates of a display (DisplayedValue.Update) reach the kernel's event stream, not always the command's result.
                var events = new List<KernelEvent>();
                using (kernel.KernelEvents.Subscribe(new EventSink(events)))
                    await kernel.SendAsync(new SubmitCode(ThisKit(NotebookFile.Source(cell)), "csharp"), cancel);
                var failure = Record(events, outputs, count);
                if (failure != null)
                {
                    Environment.CurrentDirectory = directory;
                    AtomicFile.WriteText(executed, notebook.ToJson());
                    throw new NotebookFailure(path, i + 1, failure, executed);
                }
            }
            Environment.CurrentDirectory = directory;
            AtomicFile.WriteText(executed, notebook.ToJson());
            return new NotebookResult(path, executed, notebook, count, clock.Elapsed);
        }
        finally
        {
            Environment.CurrentDirectory = directory;
            Environment.SetEnvironmentVariable(NotebookMode.QuickVariable, quick);
            Environment.SetEnvironmentVariable(NotebookMode.DataVariable, data);
            Environment.SetEnvironmentVariable(NotebookMode.WriteUpVariable, writeUp);
            OneAtATime.Release();
        }
    }

    /// <summary>The cell's code with any <c>#r "…/FishKit.Notebooks.dll"</c> pointed at this process's copy.</summary>
    internal static string ThisKit(string code) =>
        KitReference().Replace(code, $"#r \"{typeof(NotebookRunner).Assembly.Location}\"");

    /// <summary>A <c>#r</c> line of FishKit.Notebooks.dll; group 1 is its path.</summary>
    [GeneratedRegex("""^#r[ \t]+"([^"\n]*FishKit\.Notebooks\.dll)"[ \t]*$""", RegexOptions.Multiline)]
    internal static partial Regex KitReference();

    /// <summary>A composite kernel with one C# kernel, NuGet references (their assemblies referenced, their kernel extensions loaded), value sharing and the kernel helpers.</summary>
    static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseValueSharing()
            .UseNugetDirective((k, packages) =>
            {
                // as the .NET Interactive tool does: the packages' assemblies become references of later submissions
                k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return PackageExtensions.LoadAsync(k.RootKernel, packages.Select(p => p.PackageRoot));
            }, false);
        var composite = new CompositeKernel("fishkit") { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    /// <summary>Turns a cell's events into nbformat outputs; returns the error's first line if the cell failed.</summary>
    static string? Record(IEnumerable<KernelEvent> events, JsonArray outputs, int executionCount)
    {
        var displays = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        string? failure = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case ReturnValueProduced r when r.FormattedValues.Count > 0:
                    outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = Data(r.FormattedValues), ["metadata"] = new JsonObject() });
                    break;
                case DisplayedValueUpdated u when u.ValueId != null && displays.TryGetValue(u.ValueId, out var shown):
                    shown["data"] = Data(u.FormattedValues);
                    break;
                case DisplayedValueProduced d:
                    var output = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d.FormattedValues), ["metadata"] = new JsonObject() };
                    if (d.ValueId != null) displays[d.ValueId] = output;
                    outputs.Add(output);
                    break;
                case StandardOutputValueProduced o:
                    Stream(outputs, "stdout", o.FormattedValues);
                    break;
                case StandardErrorValueProduced o:
                    Stream(outputs, "stderr", o.FormattedValues);
                    break;
                case CommandFailed f:
                    var (name, message) = Describe(f);
                    outputs.Add(new JsonObject
                    {
                        ["output_type"] = "error", ["ename"] = name, ["evalue"] = message,
                        ["traceback"] = new JsonArray((f.Exception?.ToString() ?? f.Message).Split('\n').Select(l => (JsonNode)l.TrimEnd('\r')!).ToArray()),
                    });
                    failure = $"{name}: {message}";
                    break;
            }
        }
        return failure;
    }

    /// <summary>Collects a kernel's events (the kernel raises them on its own thread, one at a time).</summary>
    sealed class EventSink(List<KernelEvent> events) : IObserver<KernelEvent>
    {
        public void OnNext(KernelEvent value)
        {
            lock (events) events.Add(value);
        }

        public void OnError(Exception error) { }

        public void OnCompleted() { }
    }

    /// <summary>
    /// The failed cell's exception type and one line: the kit's own errors (its refusals, permission, a full disk) read as
    /// the command line prints them (<see cref="ErrorReport"/>); anything else, the cell's code at fault, its message's first line.
    /// </summary>
    static (string Name, string Message) Describe(CommandFailed failed)
    {
        var exception = failed.Exception;
        while (exception is AggregateException { InnerException: { } inner }) exception = inner;
        var name = exception?.GetType().Name ?? "Error";
        if (exception is not null && ErrorReport.Of(exception) is { Class: not ErrorClass.Internal } report) return (name, report.Message);
        var message = exception?.Message ?? failed.Message;
        var first = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? name;
        return (name, first);
    }

    static JsonObject Data(IEnumerable<FormattedValue> values)
    {
        var data = new JsonObject();
        foreach (var v in values.Where(v => !v.SuppressDisplay))
            data[v.MimeType] = v.Value;
        return data;
    }

    static void Stream(JsonArray outputs, string name, IEnumerable<FormattedValue> values)
    {
        var text = string.Concat(values.Where(v => v.MimeType == "text/plain").Select(v => v.Value));
        if (text.Length == 0) return;
        if (outputs.Count > 0 && outputs[^1] is JsonObject last && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
            last["text"] = last["text"]!.GetValue<string>() + text;
        else
            outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = text });
    }
}
