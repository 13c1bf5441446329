using FishKit.Evaluation;

namespace FishKit.Pipeline;

/// <summary>
/// The write-up's signals for one split: y-tilde, calm-before-burst labels, the algorithmic baseline's scores,
/// and the baseline's evaluation over the write-up's frames.
/// </summary>
/// <param name="Split">The split's name (its folder name).</param>
/// <param name="Folder">The frames folder.</param>
/// <param name="YTilde">y-tilde, one value per frame (the last is 0).</param>
/// <param name="Labels">Labels, one per frame.</param>
/// <param name="Baseline">The baseline's probability per frame (0 outside the write-up's scored frames).</param>
/// <param name="FirstEvaluated">First frame of the evaluation range (119).</param>
/// <param name="LastEvaluated">Last frame of the evaluation range (T - 12).</param>
/// <param name="BaselineReport">The baseline against the labels over the evaluation range; null when that range holds one class only.</param>
public sealed record SplitSignals(
    string Split, string Folder, double[] YTilde, bool[] Labels, double[] Baseline,
    int FirstEvaluated, int LastEvaluated, EvaluationReport? BaselineReport)
{
    /// <summary>Number of frames.</summary>
    public int Frames => YTilde.Length;

    /// <summary>Fraction of all frames labelled 1.</summary>
    public double PositiveRate => Frames == 0 ? 0 : (double)Labels.Count(l => l) / Frames;
}
