using FishKit.Training;

namespace FishKit.Notebooks;

/// <summary>
/// Run folders for training cells: <c>artifacts/notebook-runs/&lt;name&gt;</c> under the repository (quick-mode runs apart,
/// with "-quick"), started afresh each time the cell runs so re-running a notebook retrains instead of resuming.
/// </summary>
public static class NotebookRuns
{
    /// <summary>An empty run folder for <paramref name="name"/> (any earlier run of that name is removed).</summary>
    public static RunFolder Fresh(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(".."))
            throw new FishKitException($"run name '{name}' must be a plain folder name (letters, digits, '-').");
        var folder = Path.Combine(Root(), name + (NotebookMode.Quick ? "-quick" : ""));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return new RunFolder(folder);
    }

    /// <summary>artifacts/notebook-runs under the repository holding the current folder, or under the temporary folder outside one.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FishNotebooks.sln")))
                return Path.Combine(dir.FullName, "artifacts", "notebook-runs");
        return Path.Combine(Path.GetTempPath(), "fishkit-notebook-runs");
    }
}
