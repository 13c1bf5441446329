namespace FishKit.Training;

/// <summary>
/// The files of a training run: <c>config.json</c> (model, options, data), <c>history.json</c>, <c>summary.json</c>,
/// and <c>checkpoints/</c> with one checkpoint per epoch, <c>best.ckpt</c> (lowest validation loss, or highest AUC where the recipe says) and
/// <c>last.ckpt</c> (where to resume, possibly mid-epoch).
/// </summary>
public sealed record RunFolder(string Path)
{
    /// <summary>The run's recipe (<c>run.json</c>, a <see cref="RunConfig"/>): its presence with no checkpoint yet marks a run stopped before its first checkpoint.</summary>
    public string Recipe => System.IO.Path.Combine(Path, "run.json");

    /// <summary>The run's settings.</summary>
    public string Config => System.IO.Path.Combine(Path, "config.json");

    /// <summary>Per-epoch losses and AUCs.</summary>
    public string History => System.IO.Path.Combine(Path, "history.json");

    /// <summary>The run's outcome.</summary>
    public string Summary => System.IO.Path.Combine(Path, "summary.json");

    /// <summary>Folder of checkpoints.</summary>
    public string Checkpoints => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary>The checkpoint to resume from.</summary>
    public string Last => System.IO.Path.Combine(Checkpoints, "last.ckpt");

    /// <summary>The best epoch's checkpoint (<see cref="TrainingHistory.BestEpoch"/>).</summary>
    public string Best => System.IO.Path.Combine(Checkpoints, "best.ckpt");

    /// <summary>The checkpoint taken at the end of <paramref name="epoch"/> (from 1).</summary>
    public string Epoch(int epoch) => System.IO.Path.Combine(Checkpoints, $"epoch-{epoch:D3}.ckpt");

    /// <summary>True when the folder holds a run that can be resumed.</summary>
    public bool HasRun => File.Exists(Last);
}
