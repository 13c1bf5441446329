using FishKit.Errors;

namespace FishKit.Training;

/// <summary>
/// Removes, when disposed, what a training call added to its run folder while the folder holds no run to resume (no
/// checkpoint), so a first call that fails (bad input, a full disk, Ctrl-C while preparing) leaves the folder as it found
/// it, or no folder at all when it made it. A call that returns has saved a checkpoint, and a run with a checkpoint is
/// kept: the same command resumes it.
/// </summary>
sealed class NewRunCleanup : IDisposable
{
    readonly RunFolder folder;
    readonly bool existed;
    readonly HashSet<string> before;

    NewRunCleanup(RunFolder folder)
    {
        this.folder = folder;
        existed = Directory.Exists(folder.Path);
        before = existed ? [.. Directory.EnumerateFileSystemEntries(folder.Path)] : [];
    }

    /// <summary>Notes what <paramref name="folder"/> holds before the call adds anything.</summary>
    public static NewRunCleanup Begin(RunFolder folder) => new(folder);

    /// <summary>Removes what the call created, unless the folder now holds a run that can be resumed.</summary>
    public void Dispose()
    {
        if (folder.HasRun || !Directory.Exists(folder.Path)) return;
        try
        {
            if (!existed)
            {
                Directory.Delete(folder.Path, recursive: true);
                return;
            }
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder.Path).Where(e => !before.Contains(e)).ToList())
                if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            // What failed first is what the user needs to read; a leftover the file system would not let go of is secondary.
        }
    }
}
