namespace FishKit.Training;

/// <summary>
/// Mean binary cross-entropy of probabilities against 0/1 labels, optionally with class weights: the trainer's
/// validation loss (unweighted) and the loss of a reference output such as a constant.
/// </summary>
public static class BinaryCrossEntropy
{
    /// <summary>Probabilities are clipped to [Epsilon, 1 - Epsilon] (Keras' epsilon) so a confident mistake costs a finite loss.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>
    /// The mean over samples of w(y)·(−ln q) with q the probability given to the true label and w(y) its class weight
    /// (1 for both without <paramref name="weights"/>), as the trainer's weighted loss averages it.
    /// </summary>
    public static double Mean(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities, ClassWeights? weights = null)
    {
        if (labels.Length != probabilities.Length)
            throw new FishKitException($"{labels.Length} labels but {probabilities.Length} probabilities; give one probability per label.");
        if (labels.IsEmpty) throw new FishKitException("no samples to compute a loss on.");
        var w = weights ?? ClassWeights.None;
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double q = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= labels[i] ? w.Positive * Math.Log(q) : w.Negative * Math.Log(1 - q);
        }
        return sum / labels.Length;
    }
}
