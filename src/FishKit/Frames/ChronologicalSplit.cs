using FishKit.IO;
using FishKit.WriteUp;

namespace FishKit.Frames;

/// <summary>
/// The write-up's chronological split: train, then validation, then test, consecutive and without shuffling.
/// Every quantity (y-tilde, labels, scores) is computed per split, each split being its own folder in the original.
/// </summary>
public sealed record ChronologicalSplit(FrameRange Train, FrameRange Validation, FrameRange Test)
{
    /// <summary>The write-up's frame counts: 44,956 train, 3,593 validation, 5,367 test of 53,916 frames (<see cref="WriteUpResults"/>).</summary>
    public const int WriteUpTrain = WriteUpResults.TrainFrames, WriteUpValidation = WriteUpResults.ValidationFrames,
        WriteUpTest = WriteUpResults.TestFrames, WriteUpTotal = WriteUpResults.TotalFrames;

    /// <summary>The folder names <see cref="WriteFolders"/> uses, in time order.</summary>
    public static IReadOnlyList<string> FolderNames { get; } = ["train", "validation", "test"];

    /// <summary>All frames split.</summary>
    public int Total => Test.End;

    /// <summary>The three ranges in time order.</summary>
    public IReadOnlyList<FrameRange> Ranges => [Train, Validation, Test];

    /// <summary>
    /// The write-up's split of <paramref name="total"/> frames. Its percentages (83.38 / 6.66 / 9.95 %) are its counts
    /// rounded to 0.01 %, and no rounding of those percentages gives the counts back (the rounding of
    /// <see cref="ByFractions"/> gives 44,955 / 3,591 / 5,370 for 53,916 frames), so the split uses the counts' own
    /// ratios: the boundaries are total x 44,956 / 53,916 and total x 48,549 / 53,916, each rounded half up.
    /// For 53,916 frames this is exactly 44,956 / 3,593 / 5,367.
    /// </summary>
    public static ChronologicalSplit WriteUp(int total)
    {
        long first = RoundedShare(total, WriteUpTrain, WriteUpTotal);
        long second = RoundedShare(total, WriteUpTrain + WriteUpValidation, WriteUpTotal);
        return FromBoundaries(total, first, second);
    }

    /// <summary>
    /// Splits <paramref name="total"/> frames by fractions: the train/validation boundary is total x train and the
    /// validation/test boundary total x (train + validation), each rounded to the nearest frame (half up);
    /// test is the rest.
    /// </summary>
    public static ChronologicalSplit ByFractions(int total, double train, double validation)
    {
        if (!(train > 0) || !(validation > 0) || !(train + validation < 1))
            throw new FishKitException($"split fractions train={train} and validation={validation} must be positive and sum to less than 1 (test gets the rest).");
        return FromBoundaries(total, (long)Math.Floor(total * train + 0.5), (long)Math.Floor(total * (train + validation) + 0.5));
    }

    /// <summary>Splits <paramref name="total"/> frames into the first <paramref name="train"/>, the next <paramref name="validation"/>, and the rest as test.</summary>
    public static ChronologicalSplit ByCounts(int total, int train, int validation) =>
        FromBoundaries(total, train, (long)train + validation);

    static long RoundedShare(int total, long part, long whole) => (total * part + whole / 2) / whole;

    /// <summary>Train is 0 .. first-1, validation first .. second-1, test second .. total-1.</summary>
    static ChronologicalSplit FromBoundaries(int total, long first, long second)
    {
        if (first < 1 || second - first < 1 || total - second < 1)
            throw new FishKitException($"cannot split {total:N0} frames into train {first:N0}, validation {second - first:N0} and test {total - second:N0}: each split needs at least one frame.");
        return new ChronologicalSplit(new FrameRange(0, (int)first), new FrameRange((int)first, (int)(second - first)), new FrameRange((int)second, (int)(total - second)));
    }

    /// <summary>The split's frames of <paramref name="frames"/>, in the order train, validation, test.</summary>
    public IReadOnlyList<FrameSequence> Of(FrameSequence frames)
    {
        CheckTotal(frames);
        return Ranges.Select(frames.Slice).ToArray();
    }

    /// <summary>
    /// Copies the frames into <paramref name="folder"/>/train, /validation and /test (file names kept), as the original
    /// arranged them, once every frame's header is checked (<see cref="FrameSequence.CheckHeader"/>). The folder appears complete or not at all; an existing non-empty one is replaced only with <paramref name="force"/>.
    /// </summary>
    public void WriteFolders(FrameSequence frames, string folder, bool force = false,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckTotal(frames);
        for (int i = 0; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            frames.CheckHeader(i);
        }
        AtomicFile.WriteDirectory(folder, force, temp =>
        {
            long done = 0;
            for (int s = 0; s < FolderNames.Count; s++)
            {
                var target = Directory.CreateDirectory(Path.Combine(temp, FolderNames[s])).FullName;
                var range = Ranges[s];
                for (int i = range.Start; i < range.End; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    AtomicFile.CopyNew(frames.Paths[i], Path.Combine(target, Path.GetFileName(frames.Paths[i])));
                    if (++done % 256 == 0 || done == Total) progress?.Report((done, Total));
                }
            }
        });
    }

    void CheckTotal(FrameSequence frames)
    {
        if (frames.Count != Total)
            throw new FishKitException($"the split covers {Total:N0} frames but '{frames.Folder}' holds {frames.Count:N0}; make the split for this folder.");
    }
}
