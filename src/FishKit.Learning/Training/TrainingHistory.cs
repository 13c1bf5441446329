using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>How the best epoch is chosen (the run's <see cref="TrainingOptions.KeepBest"/>).</summary>
    public BestCheckpoint KeepBest { get; init; }

    /// <summary>The best epoch (from 1; the first of equals): lowest validation loss or highest validation AUC, by <see cref="KeepBest"/>; null before the first epoch ends.</summary>
    public int? BestEpoch => Epochs.Count == 0 ? null
        : (KeepBest == BestCheckpoint.HighestValidationAuc ? Epochs.MaxBy(e => e.ValidationAuc ?? double.NegativeInfinity) : Epochs.MinBy(e => e.ValidationLoss))!.Epoch;

    /// <summary>What <see cref="BestEpoch"/> means, for messages: "lowest validation loss" or "highest validation AUC".</summary>
    [JsonIgnore]
    public string BestMeaning => KeepBest == BestCheckpoint.HighestValidationAuc ? "highest validation AUC" : "lowest validation loss";

    /// <summary>The history as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, KitJson.Options);

    /// <summary>Reads history written by <see cref="ToJson"/>.</summary>
    public static TrainingHistory FromJson(string json) =>
        JsonSerializer.Deserialize<TrainingHistory>(json, KitJson.Options) ?? new TrainingHistory();
}
