using FishKit.WriteUp;

namespace FishKit.Training;

/// <summary>
/// Weights of the two classes in the training loss. The write-up used {0: 0.133, 1: 0.866}: the positive
/// rate of its training labels and its complement, so rarer positives weigh more.
/// </summary>
/// <param name="Negative">Weight of a frame labelled 0.</param>
/// <param name="Positive">Weight of a frame labelled 1.</param>
public sealed record ClassWeights(double Negative, double Positive)
{
    /// <summary>The write-up's weights.</summary>
    public static ClassWeights WriteUp { get; } = new(WriteUpResults.NegativeClassWeight, WriteUpResults.PositiveClassWeight);

    /// <summary>Both classes weigh 1.</summary>
    public static ClassWeights None { get; } = new(1, 1);

    /// <summary>The write-up's rule applied to other labels: weight(0) = positive rate, weight(1) = 1 - positive rate.</summary>
    public static ClassWeights FromLabels(ReadOnlySpan<bool> labels)
    {
        if (labels.IsEmpty) throw new FishKitException("no training labels to compute class weights from.");
        double rate = (double)labels.Count(true) / labels.Length;
        if (rate is 0 or 1)
            throw new FishKitException($"every training label is {(rate == 0 ? 0 : 1)}; class weights (and training) need both classes.");
        return new ClassWeights(rate, 1 - rate);
    }

    /// <summary>The weights <paramref name="weighting"/> gives for training on <paramref name="labels"/>.</summary>
    public static ClassWeights For(ClassWeighting weighting, ReadOnlySpan<bool> labels) => weighting switch
    {
        ClassWeighting.WriteUp => WriteUp,
        ClassWeighting.FromLabels => FromLabels(labels),
        _ => None,
    };

    /// <summary>Throws a clear error unless both weights are finite and non-negative, and not both zero.</summary>
    public void Validate()
    {
        if (!(Negative >= 0 && Positive >= 0) || double.IsInfinity(Negative) || double.IsInfinity(Positive) || Negative + Positive == 0)
            throw new FishKitException($"class weights {{0: {Negative}, 1: {Positive}}} must be finite, non-negative and not both zero.");
    }
}
