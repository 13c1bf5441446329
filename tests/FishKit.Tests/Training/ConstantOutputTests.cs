using FishKit.Training;

namespace FishKit.Tests.Training;

public class ConstantOutputTests
{
    static readonly bool[] Train = [true, false, false, false];
    static readonly bool[] Validation = [true, false];

    [Fact]
    public void Without_weights_the_best_constant_is_the_positive_rate_and_its_loss_the_labels_entropy()
    {
        var c = ConstantOutput.Best(Train, ClassWeights.None, Validation);
        Assert.Equal(0.25, c.Probability, 12);
        Assert.Equal(-(0.25 * Math.Log(0.25) + 0.75 * Math.Log(0.75)), c.TrainLoss, 12);
        Assert.Equal(-(Math.Log(0.25) + Math.Log(0.75)) / 2, c.ValidationLoss, 12);
        Assert.Equal(0.5, c.ValidationAuc);
    }

    [Fact]
    public void With_the_write_up_rule_the_best_constant_is_one_half_and_its_validation_loss_ln_2()
    {
        var c = ConstantOutput.Best(Train, ClassWeights.FromLabels(Train), Validation);
        Assert.Equal(0.5, c.Probability, 12);
        // Weighted mean over the 4 labels: (0.75·ln 2 + 3 · 0.25·ln 2) / 4.
        Assert.Equal(1.5 * Math.Log(2) / 4, c.TrainLoss, 12);
        Assert.Equal(Math.Log(2), c.ValidationLoss, 12);
    }

    [Fact]
    public void Binary_cross_entropy_weighs_each_class_and_clips_certain_mistakes()
    {
        Assert.Equal(-(2 * Math.Log(0.8) + 0.5 * Math.Log(0.6)) / 2, BinaryCrossEntropy.Mean([true, false], [0.8, 0.4], new ClassWeights(0.5, 2)), 12);
        Assert.Equal(-Math.Log(BinaryCrossEntropy.Epsilon), BinaryCrossEntropy.Mean([true], [0.0]), 9);
        Assert.Throws<FishKitException>(() => BinaryCrossEntropy.Mean([true, false], [0.5]));
    }
}
