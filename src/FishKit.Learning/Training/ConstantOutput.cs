using FishKit.Evaluation;

namespace FishKit.Training;

/// <summary>
/// What a model that collapsed to one output scores: the constant probability that minimises the weighted training
/// loss, that loss, its (unweighted) loss on the validation labels and its validation ROC AUC, which is 0.5 since every
/// clip ties. A trained model's curves must get below these losses and above this AUC to have learned anything.
/// </summary>
/// <param name="Probability">The best constant: w1·p / (w1·p + w0·(1 − p)) for positive rate p and class weights w0, w1.</param>
/// <param name="TrainLoss">Its weighted binary cross-entropy on the training labels.</param>
/// <param name="ValidationLoss">Its unweighted binary cross-entropy on the validation labels (what the trainer reports).</param>
/// <param name="ValidationAuc">Its ROC AUC on the validation labels.</param>
public sealed record ConstantOutput(double Probability, double TrainLoss, double ValidationLoss, double ValidationAuc)
{
    /// <summary>The best constant output for <paramref name="train"/> labels weighted by <paramref name="weights"/>, scored on both splits.</summary>
    public static ConstantOutput Best(ReadOnlySpan<bool> train, ClassWeights weights, ReadOnlySpan<bool> validation)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        if (train.IsEmpty) throw new FishKitException("no training labels to fit a constant output to.");
        double rate = (double)train.Count(true) / train.Length;
        double positive = weights.Positive * rate, negative = weights.Negative * (1 - rate);
        if (positive + negative == 0)
            throw new FishKitException($"class weights {{0: {weights.Negative}, 1: {weights.Positive}}} give the training labels' only class a weight of 0; no constant output fits them.");
        double probability = positive / (positive + negative);
        double[] Constant(int n) => Enumerable.Repeat(probability, n).ToArray();
        return new ConstantOutput(probability,
            BinaryCrossEntropy.Mean(train, Constant(train.Length), weights),
            BinaryCrossEntropy.Mean(validation, Constant(validation.Length)),
            Roc.Auc(validation, Constant(validation.Length)));
    }
}
