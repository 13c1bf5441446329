namespace FishKit.Training;

/// <summary>A progress event of a training run: after every step, and after each epoch's validation.</summary>
/// <param name="Epoch">Current epoch, from 1.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches in this epoch.</param>
/// <param name="Loss">Running mean training loss of this epoch.</param>
/// <param name="Finished">The epoch's record once the epoch (with validation) is over; null during the epoch.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double Loss, EpochRecord? Finished);
