using static TorchSharp.torch;

namespace FishKit.Models;

/// <summary>One stage of a forward pass: what it is and the shape of its output.</summary>
/// <param name="Stage">The layer or operation, e.g. "ConvLSTM 1 (16 filters), last state".</param>
/// <param name="Shape">Its output's shape.</param>
public sealed record StageShape(string Stage, long[] Shape)
{
    /// <summary>The shape as Python prints a tuple: (1, 16, 118, 158).</summary>
    public string ShapeText => $"({string.Join(", ", Shape)})";
}

public sealed partial class ConvLstmClassifier
{
    /// <summary>
    /// The shape after every stage of this model's own forward pass (pooling and BatchNorm between layers, the final
    /// BatchNorm and global pooling only where the config has them), for one clip of zeros of
    /// <paramref name="steps"/> × input channels × <paramref name="height"/> × <paramref name="width"/>, in evaluation mode.
    /// </summary>
    public IReadOnlyList<StageShape> TraceShapes(int steps, int height, int width)
    {
        var stages = new List<StageShape>();
        bool training = this.training;
        eval();
        try
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            Forward(zeros([1, steps, Config.InputChannels, height, width]), (stage, shape) => stages.Add(new StageShape(stage, shape)));
        }
        finally
        {
            train(training);
        }
        return stages;
    }

    string BetweenStage() => "per-step " + string.Join(" + ",
        new[] { Config.PoolBetween > 1 ? $"{Config.PoolBetween}x{Config.PoolBetween} max pool" : null, Config.NormBetween ? "BatchNorm" : null }.OfType<string>());
}
