using FishKit.Models;
using FishKit.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;
using static FishKit.Tests.Models.KerasLayout;

namespace FishKit.Tests.Models;

/// <summary>The kit's ConvLSTM against Keras 2's ConvLSTM2D equations evaluated in numpy on fixed weights (Reference/make_convlstm_reference.py).</summary>
public class ConvLstmKerasTests
{
    public static TheoryData<string> CellCases() => [.. ConvLstmReference.Load().Cells.Select(c => c.Name)];

    static ConvLstmReference.Cell Case(string name) => ConvLstmReference.Load().Cells.Single(c => c.Name == name);

    static ConvLstm Layer(ConvLstmReference.Cell r, bool returnSequences, ScalarType dtype)
    {
        long channels = r.InputShape[4];
        var layer = new ConvLstm((int)channels, r.Filters, r.KernelSize, r.Padding == "same" ? ConvPadding.Same : ConvPadding.Valid,
            Activation(r.Activation), Activation(r.RecurrentActivation), r.UseBias, returnSequences);
        layer.to(dtype);
        Set(layer, "cell.kernel", Kernel(r.Kernel, r.KernelSize, channels, 4 * r.Filters));
        Set(layer, "cell.recurrent_kernel", Kernel(r.RecurrentKernel, r.KernelSize, r.Filters, 4 * r.Filters));
        if (r.UseBias) Set(layer, "cell.bias", tensor(r.Bias, float64));
        return layer;
    }

    [Theory]
    [MemberData(nameof(CellCases))]
    public void Every_step_s_hidden_state_matches_Keras_in_float64(string name)
    {
        using var scope = NewDisposeScope();
        var r = Case(name);
        using var layer = Layer(r, returnSequences: true, float64);
        var output = layer.forward(Sequence(r.Input, r.InputShape));
        Assert.True(MaxDifference(output, Sequence(r.Sequence, r.SequenceShape)) < 1e-12);
    }

    [Theory]
    [MemberData(nameof(CellCases))]
    public void The_last_state_matches_Keras_in_float32(string name)
    {
        using var scope = NewDisposeScope();
        var r = Case(name);
        using var layer = Layer(r, returnSequences: false, float32);
        var output = layer.forward(Sequence(r.Input, r.InputShape).to_type(float32));
        Assert.Equal(ScalarType.Float32, output.dtype);
        var expected = Sequence(r.Sequence, r.SequenceShape).select(1, -1);
        Assert.True(MaxDifference(output, expected) < 1e-6);
    }

    [Theory]
    [MemberData(nameof(CellCases))]
    public void The_cell_stepped_from_zeros_gives_Keras_hidden_and_cell_states(string name)
    {
        using var scope = NewDisposeScope();
        var r = Case(name);
        using var layer = Layer(r, returnSequences: true, float64);
        var x = Sequence(r.Input, r.InputShape);
        var expected = Sequence(r.Sequence, r.SequenceShape);
        var h = zeros_like(expected.select(1, 0));
        var c = zeros_like(h);
        for (int t = 0; t < x.shape[1]; t++)
        {
            (h, c) = layer.Cell.forward(x.select(1, t), h, c);
            Assert.True(MaxDifference(h, expected.select(1, t)) < 1e-12);
        }
        var lastC = tensor(r.LastC, float64).reshape(expected.select(1, 0).permute(0, 2, 3, 1).shape).permute(0, 3, 1, 2);
        Assert.True(MaxDifference(c, lastC) < 1e-12);
    }

    public static TheoryData<string> ClassifierCases() => [.. ConvLstmReference.Load().Models.Select(m => m.Architecture)];

    [Theory]
    [MemberData(nameof(ClassifierCases))]
    public void The_write_up_classifiers_on_uint8_clips_give_the_reference_logits_in_eval_and_train_mode(string architecture)
    {
        using var scope = NewDisposeScope();
        var r = ConvLstmReference.Load().Models.Single(m => m.Architecture == architecture);
        using var model = Architectures.Create(architecture, inputChannels: (int)r.InputShape[4]);
        model.to(float64);
        long channels = r.InputShape[4];
        for (int l = 0; l < r.Layers.Length; l++)
        {
            long filters = r.Layers[l].Kernel.Length / (9 * channels) / 4;
            Set(model, $"convlstm.{l}.cell.kernel", Kernel(r.Layers[l].Kernel, 3, channels, 4 * filters));
            Set(model, $"convlstm.{l}.cell.recurrent_kernel", Kernel(r.Layers[l].RecurrentKernel, 3, filters, 4 * filters));
            if (r.Layers[l].Bias.Length > 0) Set(model, $"convlstm.{l}.cell.bias", tensor(r.Layers[l].Bias, float64));
            channels = filters;
        }
        var norm = architecture == Architectures.WriteUpBest ? "norm" : "norm_between.0";
        Set(model, $"{norm}.running_mean", tensor(r.NormMean, float64));
        Set(model, $"{norm}.running_var", tensor(r.NormVar, float64));
        Set(model, "dense.weight", tensor(r.DenseKernel, float64).reshape(1, channels));   // Keras (in, 1) -> PyTorch (1, in)
        Set(model, "dense.bias", tensor(r.DenseBias, float64));
        var pixels = tensor(r.Input.Select(v => (byte)v).ToArray()).reshape(r.InputShape).permute(0, 1, 4, 2, 3);

        model.eval();
        Assert.True(MaxDifference(model.forward(pixels), tensor(r.EvalLogits, float64)) < 1e-12);
        model.train();
        Assert.True(MaxDifference(model.forward(pixels), tensor(r.TrainLogits, float64)) < 1e-12);
    }
}
