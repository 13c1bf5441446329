using FishKit.Validation;

namespace FishKit.Clips;

/// <summary>How an epoch's samples are drawn and batched: batch size, flips, shuffling, class balance, last partial batch.</summary>
public sealed record BatchOptions
{
    /// <summary>Samples per batch (the write-up: 4).</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>The write-up's augmentation: each sample four times, as is and flipped left-right, up-down and both.</summary>
    public bool Flips { get; init; }

    /// <summary>How samples are ordered each epoch.</summary>
    public ShuffleMode Shuffle { get; init; } = ShuffleMode.Full;

    /// <summary>The shuffle buffer as a fraction of the epoch's samples, for <see cref="ShuffleMode.Buffer"/> (the write-up: 4 %).</summary>
    public double BufferFraction { get; init; } = 0.04;

    /// <summary>Whether to even out the classes.</summary>
    public ClassBalance Balance { get; init; }

    /// <summary>Drop the last batch when it is not full (otherwise it is kept, smaller).</summary>
    public bool DropLast { get; init; }

    /// <summary>Training as the kit does it by default: batch 4, the four flips, a full shuffle each epoch.</summary>
    public static BatchOptions Training { get; } = new() { Flips = true };

    /// <summary>Training exactly as the write-up: batch 4, the four flips, a shuffle buffer of 4 % of the samples.</summary>
    public static BatchOptions WriteUp { get; } = new() { Flips = true, Shuffle = ShuffleMode.Buffer };

    /// <summary>Validation and prediction: batch 4, every sample once in time order, no flips.</summary>
    public static BatchOptions InOrder { get; } = new() { Shuffle = ShuffleMode.None };

    /// <summary>Throws a clear error for an option out of range.</summary>
    public void Validate()
    {
        Limits.BatchSize.Check("batch size", BatchSize);
        if (!(BufferFraction > 0 && BufferFraction <= 1))
            throw new FishKitException($"shuffle buffer fraction {BufferFraction} must be above 0 and at most 1 (the write-up: 0.04).");
        if (!Enum.IsDefined(Shuffle)) throw new FishKitException($"unknown shuffle mode {Shuffle}.");
        if (!Enum.IsDefined(Balance)) throw new FishKitException($"unknown class balance {Balance}.");
    }
}
