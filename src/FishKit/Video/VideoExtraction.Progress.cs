namespace FishKit.Video;

// VideoExtraction, part: progress of extract-then-preprocess as one bar.
public static partial class VideoExtraction
{
    /// <summary>One step's progress as part of extract-then-preprocess: offset by the frames before it, out of twice the frames.</summary>
    sealed class Phase(IProgress<(long Done, long Total)> overall, long offset) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value)
        {
            long frames = offset > 0 ? offset : value.Total;
            overall.Report((offset + value.Done, 2 * frames));
        }
    }
}
