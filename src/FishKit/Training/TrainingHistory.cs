using System.Text.Json;
using FishKit.IO;

namespace FishKit.Training;

/// <summary>What one epoch measured: training loss, validation loss and ROC AUC, and how long it took.</summary>
/// <param name="Epoch">Epoch number, from 1.</param>
/// <param name="TrainLoss">Mean weighted BCE over the epoch's training batches.</param>
/// <param name="TrainAuc">ROC AUC of the training batches' outputs during the epoch (null when one class only).</param>
/// <param name="ValidationLoss">Unweighted BCE on the validation samples.</param>
/// <param name="ValidationAuc">ROC AUC on the validation samples (null when one class only).</param>
/// <param name="ValidationSpread">Standard deviation of the validation probabilities (near 0: the model outputs a constant).</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, validation included.</param>
/// <param name="Steps">Optimisation steps so far.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double? TrainAuc, double ValidationLoss, double? ValidationAuc,
    double ValidationSpread, double Seconds, long Steps);

/// <summary>A run's epochs and notes (warnings, why it stopped), saved as history.json in the run folder.</summary>
public sealed record TrainingHistory
{
    /// <summary>One record per finished epoch.</summary>
    public List<EpochRecord> Epochs { get; init; } = [];

    /// <summary>Warnings raised during training (e.g. a collapse to a constant output).</summary>
    public List<string> Warnings { get; init; } = [];

    /// <summary>The epoch with the lowest validation loss (from 1), or null before the first epoch ends.</summary>
    public int? BestEpoch => Epochs.Count == 0 ? null : Epochs.MinBy(e => e.ValidationLoss)!.Epoch;

    /// <summary>The history as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, KitJson.Options);

    /// <summary>Reads history written by <see cref="ToJson"/>.</summary>
    public static TrainingHistory FromJson(string json) =>
        JsonSerializer.Deserialize<TrainingHistory>(json, KitJson.Options) ?? new TrainingHistory();
}
