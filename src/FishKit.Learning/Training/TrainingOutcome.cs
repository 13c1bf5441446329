namespace FishKit.Training;

/// <summary>How a training run ended.</summary>
public enum TrainingStatus
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>Validation loss stopped improving for the patience given.</summary>
    EarlyStopped,

    /// <summary>The time budget (<see cref="TrainingOptions.MaxMinutes"/>) ran out: training stopped after the epoch in which it did.</summary>
    OutOfTime,

    /// <summary>Cancelled (e.g. Ctrl-C): the step finished, a checkpoint was saved, and the run can resume.</summary>
    Interrupted,
}

/// <summary>The end of a training run: its status, history and where its checkpoints are.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="History">Per-epoch metrics and warnings.</param>
/// <param name="Folder">The run folder.</param>
public sealed record TrainingOutcome(TrainingStatus Status, TrainingHistory History, RunFolder Folder);
