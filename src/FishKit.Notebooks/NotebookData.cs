using FishKit.Frames;
using FishKit.Pipeline;
using FishKit.Training;
using FishKit.WriteUp;

namespace FishKit.Notebooks;

/// <summary>
/// Where the notebooks' data is: the folder <c>FISHKIT_DATA</c> names, or else the shipped sample
/// <c>data-samples/synthetic-tank</c> found from the current folder upwards (a notebook runs in notebooks/); and the
/// clone of the write-up's repository that <c>FISHKIT_WRITEUP</c> names, for the sections on the real tank.
/// </summary>
public static class NotebookData
{
    /// <summary>The shipped sample, relative to the repository root.</summary>
    public const string SampleFolder = "data-samples/synthetic-tank";

    /// <summary>The data folder, holding train/, validation/ and test/ frame folders.</summary>
    public static string Folder
    {
        get
        {
            var chosen = Environment.GetEnvironmentVariable(NotebookMode.DataVariable);
            if (!string.IsNullOrWhiteSpace(chosen))
            {
                if (!Directory.Exists(chosen))
                    throw new FishKitException($"{NotebookMode.DataVariable} names '{chosen}', which does not exist; point it at a folder with train/, validation/ and test/ frame folders, or unset it.");
                return Path.GetFullPath(chosen);
            }
            return Above(SampleFolder) ?? throw new FishKitException($"'{SampleFolder}' was not found above '{Environment.CurrentDirectory}'; open the notebook from the repository's notebooks/ folder, or set {NotebookMode.DataVariable} to a data folder.");
        }
    }

    /// <summary>
    /// The clone of the write-up's repository that <c>FISHKIT_WRITEUP</c> names, with its targets checked
    /// (<see cref="WriteUpClone.Open"/>) and its sample frames and best model present; null when the variable is not set.
    /// A clone that fails a check is one error line naming the variable and what is wrong.
    /// </summary>
    public static WriteUpClone? WriteUp
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(NotebookMode.WriteUpVariable);
            if (string.IsNullOrWhiteSpace(folder)) return null;
            string Problem(string what) => $"{NotebookMode.WriteUpVariable}='{folder}': {what}";
            WriteUpClone clone;
            try
            {
                clone = WriteUpClone.Open(folder);
            }
            catch (FishKitException e)
            {
                throw new FishKitException(Problem(e.Message), e);
            }
            foreach (var part in new[] { clone.SampleImages, clone.BestModel })
                if (!Directory.Exists(part))
                    throw new FishKitException(Problem($"the clone has no '{Path.GetFileName(part)}/' folder; clone the write-up again (`{WriteUpClone.CloneCommand}`)."));
            return clone;
        }
    }

    /// <summary>How to get the write-up's clone, in one line: what a section on the real tank prints without <c>FISHKIT_WRITEUP</c>.</summary>
    public static string WriteUpHint =>
        $"This section runs on the write-up's real tank: `{WriteUpClone.CloneCommand}`, then {NotebookMode.WriteUpVariable}=$PWD/writeup (not set, so skipped).";

    /// <summary>One line on the write-up's clone: its folder and the frames of each split, or without one <see cref="WriteUpHint"/>.</summary>
    public static string WriteUpLine(WriteUpClone? clone) => clone is null
        ? WriteUpHint
        : $"The write-up's clone in {clone.Folder}: y-tilde and labels of {string.Join(", ", clone.Splits.Select(s => $"{s.Name} ({s.YTilde.Length:N0} frames)"))}.";

    /// <summary>The frame folder of one split ("train", "validation" or "test").</summary>
    public static string Split(string split)
    {
        if (!ChronologicalSplit.FolderNames.Contains(split))
            throw new FishKitException($"split '{split}' is not one of {string.Join(", ", ChronologicalSplit.FolderNames)}.");
        var folder = Path.Combine(Folder, split);
        if (!Directory.Exists(folder))
            throw new FishKitException($"'{Folder}' has no {split}/ folder; give a data folder split into train/, validation/ and test/ (fishkit frames split).");
        return folder;
    }

    /// <summary>The frames of one split.</summary>
    public static FrameSequence Frames(string split) => FrameSequence.Open(Split(split));

    /// <summary>
    /// One split prepared for <paramref name="config"/>'s frame size: packed once into artifacts/notebook-stores (beside
    /// artifacts/notebook-runs), with y-tilde and the labels cached beside the store. The caller disposes the store.
    /// </summary>
    public static PreparedSplit Prepared(string split, RunConfig config) =>
        PreparedSplit.Open(Split(split), Path.Combine(Path.GetDirectoryName(NotebookRuns.Root())!, "notebook-stores"), config.Size, config.Resize);

    /// <summary>
    /// The committed showcase run of <paramref name="model"/> ("convlstm" or "ytilde-lstm"): <c>data-samples/showcase-{model}</c>,
    /// trained by <c>fishkit showcase</c> on 30 simulated minutes.
    /// </summary>
    public static RunFolder Showcase(string model) => NotebookRuns.Showcase(model)
        ?? throw new FishKitException($"'data-samples/showcase-{model}' holds no run in the repository above '{Environment.CurrentDirectory}'; it ships with the kit (git checkout data-samples), or train it with fishkit showcase.");

    /// <summary>The folder <paramref name="relative"/> under the current folder or the nearest folder above it that has one; null if none does.</summary>
    static string? Above(string relative)
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>A folder under artifacts/notebook-data (beside artifacts/notebook-runs) for data a notebook makes, e.g. a simulated session.</summary>
    public static string Artifacts(string name) => Path.Combine(Path.GetDirectoryName(NotebookRuns.Root())!, "notebook-data", name);

    /// <summary>The splits the data folder holds, in the write-up's order.</summary>
    public static IReadOnlyList<string> Splits =>
        ChronologicalSplit.FolderNames.Where(s => Directory.Exists(Path.Combine(Folder, s))).ToList();

    /// <summary>
    /// The burst onsets of a split's ground truth (truth-bursts.csv, written by the simulator), or none when the split has
    /// no ground truth (real footage).
    /// </summary>
    public static int[] BurstOnsets(string split)
    {
        var file = Path.Combine(Split(split), "truth-bursts.csv");
        if (!File.Exists(file)) return [];
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0 || lines[0].Split(',')[0] != "onset_frame")
            throw new FishKitException($"{file} does not start with the header 'onset_frame,...'; regenerate it with fishkit simulate.");
        return lines.Skip(1).Where(l => l.Length > 0).Select((l, i) =>
            int.TryParse(l.Split(',')[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var onset)
                ? onset
                : throw new FishKitException($"{file}, line {i + 2}: '{l.Split(',')[0]}' is not a frame number.")).ToArray();
    }
}
