using System.Text.Json.Nodes;
using FishKit.Training;

namespace FishKit.Notebooks;

/// <summary>
/// Run folders for training cells: <c>artifacts/notebook-runs/&lt;name&gt;</c> under the repository (quick-mode runs apart,
/// with "-quick"), started afresh each time the cell runs so re-running a notebook retrains instead of resuming, or
/// reused by a later notebook when they hold a finished run of the recipe it needs.
/// </summary>
public static class NotebookRuns
{
    /// <summary>An empty run folder for <paramref name="name"/> (any earlier run of that name is removed).</summary>
    public static RunFolder Fresh(string name)
    {
        var folder = Folder(name);
        if (Directory.Exists(folder.Path)) Directory.Delete(folder.Path, recursive: true);
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>
    /// The run folder of <paramref name="name"/> holding a finished run of <paramref name="config"/>: the one already
    /// there when it is finished (summary.json written, run.json equal to <paramref name="config"/> and config.json naming
    /// the same data, e.g. trained by an earlier notebook), else a <see cref="Fresh"/> one trained now
    /// (<see cref="Runs.Train"/>) on the frames (or series) at <paramref name="train"/>, validating on <paramref name="validation"/>. <paramref name="progress"/> makes the
    /// progress display, and is called only when training starts (e.g. <c>() =&gt; TrainingDisplay.Show("...")</c>).
    /// </summary>
    public static RunFolder Finished(string name, RunConfig config, string train, string validation, Func<IProgress<TrainingProgress>>? progress = null)
    {
        var folder = Folder(name);
        var recipe = Runs.ConfigPath(folder);
        if (File.Exists(folder.Summary) && File.Exists(recipe) && File.ReadAllText(recipe) == config.ToJson() && TrainedOn(folder, train, validation)) return folder;
        folder = Fresh(name);
        Runs.Train(config, train, validation, folder, progress: progress?.Invoke());
        return folder;
    }

    /// <summary>Whether the run's config.json names <paramref name="train"/> and <paramref name="validation"/> as its data.</summary>
    static bool TrainedOn(RunFolder folder, string train, string validation)
    {
        var data = File.Exists(folder.Config) ? JsonNode.Parse(File.ReadAllText(folder.Config))?["data"] : null;
        return data?["train"]?.GetValue<string>() == Path.GetFullPath(train) && data?["validation"]?.GetValue<string>() == Path.GetFullPath(validation);
    }

    /// <summary>The run folder of <paramref name="name"/> ("-quick" added in quick mode, or when <paramref name="quick"/> says so), not touched.</summary>
    public static RunFolder Folder(string name, bool? quick = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(".."))
            throw new FishKitException($"run name '{name}' must be a plain folder name (letters, digits, '-').");
        return new RunFolder(Path.Combine(Root(), name + (quick ?? NotebookMode.Quick ? "-quick" : "")));
    }

    /// <summary>artifacts/notebook-runs under the repository holding the current folder, or under the temporary folder outside one.</summary>
    public static string Root() => Repository() is { } root
        ? Path.Combine(root, "artifacts", "notebook-runs")
        : Path.Combine(Path.GetTempPath(), "fishkit-notebook-runs");

    /// <summary>
    /// The committed showcase run of <paramref name="model"/> ("convlstm" or "ytilde-lstm"): <c>data-samples/showcase-{model}</c>
    /// of the repository holding the current folder, trained by <c>fishkit showcase</c>; null outside a repository or when it is missing.
    /// </summary>
    public static RunFolder? Showcase(string model) =>
        Repository() is { } root && Path.Combine(root, "data-samples", $"showcase-{model}") is var folder && File.Exists(Path.Combine(folder, "run.json"))
            ? new RunFolder(folder)
            : null;

    /// <summary>The nearest folder at or above the current one that holds FishNotebooks.sln, or null.</summary>
    static string? Repository()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FishNotebooks.sln"))) return dir.FullName;
        return null;
    }
}
