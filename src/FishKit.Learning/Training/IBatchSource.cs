namespace FishKit.Training;

/// <summary>
/// Where a trainer gets its batches. An epoch's batch sequence depends only on (seed, epoch), so a run
/// resumed at batch k of epoch e sees exactly the batches an uninterrupted run would have seen.
/// </summary>
public interface IBatchSource
{
    /// <summary>Batches in one epoch.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>The labels of the samples (one per distinct sample, before augmentation), for class weights.</summary>
    ReadOnlySpan<bool> Labels { get; }

    /// <summary>The batches of <paramref name="epoch"/>, starting at batch <paramref name="skip"/>; the caller disposes each.</summary>
    IEnumerable<Batch> Epoch(int epoch, int skip, CancellationToken cancel);
}
