using System.Diagnostics;
using System.Text.Json;
using FishKit.Errors;
using FishKit.IO;
using FishKit.Training;

namespace FishKit.Ablation;

/// <summary>
/// What one cell x seed ran and measured, saved as <c>record.json</c> beside its run folder: the recipe, seed, levels,
/// grid hash, git commit, package versions, machine, device, wall time, history and final validation metrics. Its
/// per-frame validation scores and labels lie beside it as <c>scores.npy</c> and <c>labels.npy</c>.
/// </summary>
/// <param name="Cell">K.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Levels">Factor name to level label.</param>
/// <param name="Config">The cell's recipe (its seed included).</param>
/// <param name="GridHash">The grid's SHA-256.</param>
/// <param name="GitCommit">The commit of the working folder, when git knows one.</param>
/// <param name="Versions">Package versions (kit, TorchSharp, .NET).</param>
/// <param name="Machine">Cores and operating system.</param>
/// <param name="Device">cpu or cuda.</param>
/// <param name="WallSeconds">Wall-clock seconds of training and scoring (this call's, when the run resumed).</param>
/// <param name="Status">How training ended: <c>out_of_time</c> when the minutes budget stopped it after the history's last epoch (a rerun with that many epochs as the budget repeats it on any machine).</param>
/// <param name="History">Per-epoch metrics.</param>
/// <param name="FirstFrame">The first validation frame both labelled and scored (earlier ones have score 0).</param>
/// <param name="LastFrame">The last labelled validation frame (later ones have no label: the rule looks ahead).</param>
/// <param name="Auc">ROC AUC of the best checkpoint's scores on validation frames FirstFrame to LastFrame.</param>
/// <param name="AveragePrecision">Average precision on the same frames.</param>
public sealed record RunRecord(int Cell, int Seed, Dictionary<string, string> Levels, RunConfig Config, string GridHash,
    string? GitCommit, Dictionary<string, string?> Versions, string Machine, string Device, double WallSeconds,
    TrainingStatus Status, TrainingHistory History, int FirstFrame, int LastFrame, double Auc, double AveragePrecision)
{
    /// <summary>The record as JSON, sealed with its checksum (<see cref="SealedJson"/>).</summary>
    public string ToJson() => SealedJson.Seal(JsonSerializer.Serialize(this, KitJson.Options));

    /// <summary>Reads a record, checking its checksum; <paramref name="path"/> names it in errors.</summary>
    public static RunRecord Read(string path)
    {
        RegularFile.Check(path, "run record");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (FileErrors.IsFileError(e)) { throw FileErrors.Reading(path, e); }
        const string remedy = "delete its folder and run the cell again.";
        try { return JsonSerializer.Deserialize<RunRecord>(SealedJson.Open(text, $"run record '{path}'", remedy), KitJson.Options) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new FishKitException($"run record '{path}' is not readable ({ErrorReport.OneLine(e.Message)}); {remedy}", e); }
    }

    /// <summary>Kit, TorchSharp and .NET versions.</summary>
    internal static Dictionary<string, string?> PackageVersions() => new()
    {
        ["fishkit"] = typeof(RunRecord).Assembly.GetName().Version?.ToString(),
        ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(),
        ["dotnet"] = Environment.Version.ToString(),
    };

    /// <summary>Cores and operating system.</summary>
    internal static string ThisMachine() => $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, {Environment.MachineName}";

    /// <summary><c>git rev-parse HEAD</c> in the current folder, or null when git or a repository is missing.</summary>
    internal static string? GitHead()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (git is null) return null;
            var head = git.StandardOutput.ReadToEnd().Trim();
            if (!git.WaitForExit(5000)) { git.Kill(); return null; }
            return git.ExitCode == 0 && head.Length == 40 ? head : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

}
