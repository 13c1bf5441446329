using FishKit.Models;
using static TorchSharp.torch;

namespace FishKit.Keras;

/// <summary>How a Keras weight's layout becomes the kit's.</summary>
internal enum WeightLayout
{
    /// <summary>The same values in the same order (biases, BatchNorm statistics).</summary>
    Same,
    /// <summary>A convolution kernel (k, k, C, 4F) becomes (4F, C, k, k): <c>permute(3, 2, 0, 1)</c>.</summary>
    ConvKernel,
    /// <summary>A dense kernel (in, out) becomes PyTorch's (out, in).</summary>
    DenseKernel,
}

/// <summary>
/// One weight of a Keras model of a <see cref="ConvLstmConfig"/>: its layer (counting the input layer, as Keras'
/// <c>layer-N</c> names do), its index among the layers with weights (<c>layer_with_weights-N</c>), its attribute name,
/// its Keras shape, whether it is trainable, and the kit's state_dict name and layout for it.
/// </summary>
internal sealed record KerasWeight(int Layer, int WeightedLayer, string Attribute, long[] Shape, bool Trainable, string KitName, WeightLayout Layout)
{
    /// <summary>Keras' values (row-major in <see cref="Shape"/>) in the kit's layout.</summary>
    public Tensor ToKit(float[] values)
    {
        var keras = tensor(values).reshape(Shape);
        return Layout switch
        {
            WeightLayout.ConvKernel => keras.permute(3, 2, 0, 1),
            WeightLayout.DenseKernel => keras.t(),
            _ => keras,
        };
    }

    /// <summary>
    /// The weights of the Keras model a config describes, in the order of Keras' <c>model.variables</c> (layer by layer;
    /// ConvLSTM2D: kernel, recurrent_kernel, bias; BatchNormalization without centre and scale: moving_mean,
    /// moving_variance; Dense: kernel, bias). Layers: input, then per ConvLSTM the layer, a TimeDistributed max pool and
    /// a TimeDistributed BatchNorm between layers, a BatchNorm after the last, the global pool and the dense unit.
    /// </summary>
    public static List<KerasWeight> Of(ConvLstmConfig config)
    {
        var weights = new List<KerasWeight>();
        int layer = 1, weighted = 0;
        long channels = config.InputChannels, k = config.Kernel;
        void Norm(string kitPrefix, long features)
        {
            weights.Add(new(layer, weighted, "moving_mean", [features], false, $"{kitPrefix}.running_mean", WeightLayout.Same));
            weights.Add(new(layer, weighted, "moving_variance", [features], false, $"{kitPrefix}.running_var", WeightLayout.Same));
            layer++;
            weighted++;
        }
        for (int l = 0; l < config.Filters.Count; l++)
        {
            long filters = config.Filters[l];
            weights.Add(new(layer, weighted, "kernel", [k, k, channels, 4 * filters], true, $"convlstm.{l}.cell.kernel", WeightLayout.ConvKernel));
            weights.Add(new(layer, weighted, "recurrent_kernel", [k, k, filters, 4 * filters], true, $"convlstm.{l}.cell.recurrent_kernel", WeightLayout.ConvKernel));
            if (config.UseBias) weights.Add(new(layer, weighted, "bias", [4 * filters], true, $"convlstm.{l}.cell.bias", WeightLayout.Same));
            layer++;
            weighted++;
            channels = filters;
            if (l == config.Filters.Count - 1) break;
            if (config.PoolBetween > 1) layer++;
            if (config.NormBetween) Norm($"norm_between.{l}", filters);
        }
        if (config.NormAfter) Norm("norm", channels);
        layer++; // the global pool
        weights.Add(new(layer, weighted, "kernel", [channels, 1], true, "dense.weight", WeightLayout.DenseKernel));
        weights.Add(new(layer, weighted, "bias", [1], true, "dense.bias", WeightLayout.Same));
        return weights;
    }
}
