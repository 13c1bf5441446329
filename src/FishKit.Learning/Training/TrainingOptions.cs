using FishKit.Validation;
using FishKit.WriteUp;

namespace FishKit.Training;

/// <summary>How to weigh the classes in the loss.</summary>
public enum ClassWeighting
{
    /// <summary>The write-up's {0: 0.133, 1: 0.866}.</summary>
    WriteUp,

    /// <summary>The write-up's rule on the training labels: {0: positive rate, 1: 1 - positive rate}.</summary>
    FromLabels,

    /// <summary>Unweighted binary cross-entropy.</summary>
    None,
}

/// <summary>Which epoch's checkpoint a run keeps as its best (best.ckpt).</summary>
public enum BestCheckpoint
{
    /// <summary>The lowest validation loss (the write-up's choice).</summary>
    LowestValidationLoss,

    /// <summary>The highest validation ROC AUC (the metric the models are compared by).</summary>
    HighestValidationAuc,
}

/// <summary>
/// Settings of the optimisation, defaulting to the write-up's: Adam (lr 8e-5, betas 0.9/0.999, eps 1e-7), 5 epochs,
/// class weights {0: 0.133, 1: 0.866}, checkpoint on best validation loss. Batching and augmentation are the batch
/// source's (<see cref="Clips.BatchOptions"/>).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the (augmented) training samples.</summary>
    public int Epochs { get; init; } = WriteUpResults.Epochs;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = WriteUpResults.LearningRate;

    /// <summary>Adam's beta1.</summary>
    public double Beta1 { get; init; } = WriteUpResults.Beta1;

    /// <summary>Adam's beta2.</summary>
    public double Beta2 { get; init; } = WriteUpResults.Beta2;

    /// <summary>Adam's epsilon (Keras' default 1e-7, not PyTorch's 1e-8).</summary>
    public double Epsilon { get; init; } = WriteUpResults.Epsilon;

    /// <summary>Class weights of the loss.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.WriteUp;

    /// <summary>Seed of every random choice: initial weights, shuffling, sampling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>CPU threads for TorchSharp (0: all cores).</summary>
    public int Threads { get; init; }

    /// <summary>"cpu" (default) or "cuda", which needs a CUDA build of the kit (<see cref="Torch.TorchBackend"/>).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Which epoch's checkpoint is kept as best.ckpt (the write-up: the lowest validation loss).</summary>
    public BestCheckpoint KeepBest { get; init; }

    /// <summary>Stop when the best epoch (see <see cref="KeepBest"/>) lies this many epochs back (null: never).</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>At most this many batches per training epoch (null: all), for quick runs.</summary>
    public int? MaxBatchesPerEpoch { get; init; }

    /// <summary>
    /// A wall-clock budget (null: none): training stops after the epoch in which the finished epochs' seconds
    /// (validation included) reach this many minutes, with <see cref="TrainingStatus.OutOfTime"/>. How many epochs that
    /// is depends on the machine's speed and load, so only an epoch budget gives the same run on every machine.
    /// </summary>
    public double? MaxMinutes { get; init; }

    /// <summary>Warn when the validation probabilities' standard deviation is below this: the model outputs a constant.</summary>
    public double CollapseThreshold { get; init; } = 1e-3;

    /// <summary>Throws a clear error naming the first setting out of range.</summary>
    public void Validate()
    {
        Limits.Epochs.Check("epochs", Epochs);
        Limits.LearningRate.Check("learning rate", LearningRate);
        if (!(Beta1 >= 0 && Beta1 < 1) || !(Beta2 >= 0 && Beta2 < 1)) throw new FishKitException($"Adam betas ({Beta1}, {Beta2}) must be in [0, 1).");
        if (!(Epsilon > 0)) throw new FishKitException($"Adam epsilon = {Epsilon} must be positive.");
        if (!Enum.IsDefined(KeepBest)) throw new FishKitException($"unknown best checkpoint rule {KeepBest}; use lowest_validation_loss or highest_validation_auc.");
        Limits.Threads.Check("threads", Threads);
        if (Device is not ("cpu" or "cuda")) throw new FishKitException($"device '{Device}' is not known; use \"cpu\" or \"cuda\".");
        if (Device == "cuda" && !Torch.TorchBackend.IsCudaBuild) throw Torch.TorchBackend.CpuBuildHasNoCuda();
        if (EarlyStoppingPatience is int patience) Limits.Epochs.Check("early stopping patience", patience);
        if (MaxBatchesPerEpoch is int batches) Limits.BatchesPerEpoch.Check("max batches per epoch", batches);
        if (MaxMinutes is double minutes) Limits.Minutes.Check("max minutes", minutes);
    }

}
