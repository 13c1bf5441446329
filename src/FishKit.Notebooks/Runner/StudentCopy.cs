using System.Text.Json.Nodes;

namespace FishKit.Notebooks.Runner;

/// <summary>What <see cref="StudentCopy.Write"/> wrote.</summary>
/// <param name="Folder">The student copy's folder.</param>
/// <param name="Notebooks">The notebooks written, in order.</param>
/// <param name="SolutionsRemoved">Solution cells replaced by empty exercise cells.</param>
public sealed record StudentCopyResult(string Folder, IReadOnlyList<string> Notebooks, int SolutionsRemoved);

/// <summary>
/// The series as students get it: every numbered notebook of a folder (and its README.md, the path), with each solution
/// cell (tagged <see cref="Exercise.SolutionTag"/>) replaced by an empty code cell that keeps only its first comment line
/// ("// Exercise 2: ..."), all outputs and execution counts cleared, and the setup cell's <c>#r</c> of the kit pointed
/// at the same DLL from the new folder. Written into a temporary folder beside the target and renamed when complete.
/// </summary>
public static class StudentCopy
{
    /// <summary>Writes the student copy of the notebooks in <paramref name="source"/> to <paramref name="folder"/>.</summary>
    /// <param name="source">The series' folder (numbered notebooks, README.md).</param>
    /// <param name="folder">Where the copy goes: a new or empty folder.</param>
    /// <param name="force">Replace a folder that is not empty; without it such a folder is refused.</param>
    public static StudentCopyResult Write(string source, string folder, bool force = false)
    {
        var notebooks = NotebookRunner.InOrder(source);
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !force)
            throw new FishKitException($"'{folder}' is not empty; choose an empty or new folder for the student copy, or replace it (force, --force).");
        if (File.Exists(target)) throw new FishKitException($"'{folder}' is a file; the student copy needs a folder.");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        int removed = 0;
        try
        {
            Directory.CreateDirectory(temporary);
            foreach (var path in notebooks)
            {
                var notebook = NotebookFile.Read(path);
                removed += Strip(notebook, Path.GetDirectoryName(Path.GetFullPath(path))!, target);
                File.WriteAllText(Path.Combine(temporary, Path.GetFileName(path)), notebook.ToJson());
            }
            var readme = Path.Combine(source, "README.md");
            if (File.Exists(readme)) File.Copy(readme, Path.Combine(temporary, "README.md"));
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(temporary, target);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
        return new StudentCopyResult(target, notebooks.Select(n => Path.Combine(target, Path.GetFileName(n))).ToList(), removed);
    }

    /// <summary>Whether <paramref name="cell"/> is a solution cell (tagged <see cref="Exercise.SolutionTag"/>).</summary>
    public static bool IsSolution(JsonNode cell) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == Exercise.SolutionTag);

    /// <summary>Replaces solutions, clears outputs and re-points the kit's <c>#r</c>; returns the solutions replaced.</summary>
    static int Strip(NotebookFile notebook, string from, string to)
    {
        int removed = 0;
        foreach (var cell in notebook.Cells.Select(c => c!))
        {
            if (NotebookFile.Type(cell) != "code") continue;
            var source = NotebookFile.Source(cell);
            if (IsSolution(cell))
            {
                var first = source.Split('\n')[0];
                source = (first.StartsWith("// Exercise", StringComparison.Ordinal) ? first : "// Exercise") + "\n// Your code here.\n";
                cell["metadata"]!.AsObject().Remove("tags");
                removed++;
            }
            source = NotebookRunner.KitReference().Replace(source, m =>
            {
                var dll = Path.GetFullPath(Path.Combine(from, m.Groups[1].Value));
                return $"#r \"{Path.GetRelativePath(to, dll).Replace('\\', '/')}\"";
            });
            cell["source"] = Lines(source);
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        return removed;
    }

    static JsonArray Lines(string text)
    {
        var parts = text.Split('\n');
        var lines = new JsonArray();
        for (int i = 0; i < parts.Length; i++)
            if (i < parts.Length - 1) lines.Add(parts[i] + "\n");
            else if (parts[i].Length > 0) lines.Add(parts[i]);
        return lines;
    }
}
