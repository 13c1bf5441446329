using System.Text.Json;

namespace FishKit.Tests.Reference;

/// <summary>Keras ConvLSTM2D and classifier outputs computed literally in numpy, in Keras' channels-last layouts (make_convlstm_reference.py).</summary>
public sealed record ConvLstmReference(ConvLstmReference.Cell[] Cells, ConvLstmReference.Classifier[] Models, ConvLstmReference.YTildeLstmCase YtildeLstm)
{
    /// <summary>One ConvLSTM2D layer: input (B, T, H, W, C), kernels (k, k, in, 4F), every step's h (B, T, H', W', F), last c (B, H', W', F).</summary>
    public sealed record Cell(string Name, string Padding, int KernelSize, int Filters, bool UseBias, string Activation,
        string RecurrentActivation, long[] InputShape, double[] Input, double[] Kernel, double[] RecurrentKernel,
        double[] Bias, long[] SequenceShape, double[] Sequence, double[] LastC)
    {
        public override string ToString() => Name;
    }

    /// <summary>Weights of one ConvLSTM layer of a classifier, Keras layout.</summary>
    public sealed record Layer(double[] Kernel, double[] RecurrentKernel, double[] Bias);

    /// <summary>A write-up classifier on uint8 input (B, T, H, W, C) with its logits in eval and in train mode.</summary>
    public sealed record Classifier(string Architecture, long[] InputShape, int[] Input, Layer[] Layers,
        double[] NormMean, double[] NormVar, double[] DenseKernel, double[] DenseBias, double[] EvalLogits, double[] TrainLogits)
    {
        public override string ToString() => Architecture;
    }

    /// <summary>One layer of PyTorch's LSTM weights (gates i, f, g, o).</summary>
    public sealed record LstmLayer(double[] WeightIh, double[] WeightHh, double[] BiasIh, double[] BiasHh);

    /// <summary>The y-tilde LSTM on raw y-tilde windows (B, Window) with its input offset and scale.</summary>
    public sealed record YTildeLstmCase(int Window, int Hidden, int Layers, double Offset, double Scale, long[] YtildeShape,
        double[] Ytilde, LstmLayer[] Lstm, double[] DenseWeight, double[] DenseBias, double[] Logits);

    public static ConvLstmReference Load() => Cached.Value;

    static readonly Lazy<ConvLstmReference> Cached = new(() =>
        JsonSerializer.Deserialize<ConvLstmReference>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "convlstm_reference.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!);
}
