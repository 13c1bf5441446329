using FishKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Models;

/// <summary>
/// float32 layers run the fused gate kernels, float64 ones separate tensor operations under autograd: the fused
/// backward must give autograd's gradients (the forward is checked against Keras in <see cref="ConvLstmKerasTests"/>).
/// </summary>
public class FusedGatesTests
{
    [Theory]
    [InlineData(Activation.Tanh, Activation.HardSigmoid, ConvPadding.Valid, false, false)]
    [InlineData(Activation.Tanh, Activation.HardSigmoid, ConvPadding.Same, true, true)]
    [InlineData(Activation.Tanh, Activation.Sigmoid, ConvPadding.Valid, true, false)]
    [InlineData(Activation.Relu, Activation.Sigmoid, ConvPadding.Same, false, true)]
    [InlineData(Activation.Sigmoid, Activation.HardSigmoid, ConvPadding.Valid, true, true)]
    [InlineData(Activation.HardSigmoid, Activation.Tanh, ConvPadding.Valid, false, false)]
    public void Fused_float32_gradients_match_autograd_in_float64(Activation activation, Activation recurrent, ConvPadding padding, bool bias, bool sequences) =>
        // 13 x 11 frames: planes of 11 x 9 = 99 values after a valid 3x3, so the kernels' scalar tails run too.
        CompareWithAutograd([3L, 4, 2, 13, 11], 5, activation, recurrent, padding, bias, sequences);

    [Fact]
    public void Steps_large_enough_for_several_threads_give_the_same_gradients() =>
        // 16 filters x 256 x 256 = 2^20 state values per step: the kernels split the planes over threads.
        CompareWithAutograd([1L, 2, 1, 258, 258], 16, Activation.Tanh, Activation.HardSigmoid, ConvPadding.Valid, false, false);

    [Fact]
    public void Small_states_keep_float32_precision()
    {
        // Trained write-up models keep h and c near 1e-2 and their BatchNorm multiplies them by ~30 (variances ~1e-4),
        // so tanh near 0 must keep its relative precision: (1 - e^-2x) / (1 + e^-2x) loses digits to cancellation there.
        using var scope = NewDisposeScope();
        var generator = new Generator(3);
        var x64 = rand([2L, 6, 4, 12, 10], float64, generator: generator);
        var layer64 = new ConvLstm(4, 8, 3, ConvPadding.Valid, Activation.Tanh, Activation.HardSigmoid, useBias: false, returnSequences: true);
        layer64.to(float64);
        using (no_grad())
            foreach (var p in layer64.parameters()) p.copy_(randn(p.shape, float64, generator: generator).abs() * 0.002); // positive: no cancellation in the convolutions
        var layer32 = new ConvLstm(4, 8, 3, ConvPadding.Valid, Activation.Tanh, Activation.HardSigmoid, useBias: false, returnSequences: true);
        using (no_grad())
            foreach (var (name, p) in layer32.named_parameters()) p.copy_(layer64.get_parameter(name)!);
        var out64 = layer64.forward(x64);
        var out32 = layer32.forward(x64.to_type(float32));
        double relative = ((out32.to_type(float64) - out64).abs() / out64.abs()).max().item<double>();
        Assert.True(relative < 1e-6, $"largest relative difference {relative:G3}");
    }

    static void CompareWithAutograd(long[] shape, int filters, Activation activation, Activation recurrent, ConvPadding padding, bool bias, bool sequences)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var x64 = randn(shape, float64, generator: generator);
        int channels = (int)shape[2];
        var layer64 = new ConvLstm(channels, filters, 3, padding, activation, recurrent, bias, sequences);
        layer64.to(float64);
        using (no_grad())
            foreach (var p in layer64.parameters()) p.copy_(randn(p.shape, float64, generator: generator) * 0.5);
        var layer32 = new ConvLstm(channels, filters, 3, padding, activation, recurrent, bias, sequences);
        using (no_grad())
            foreach (var (name, p) in layer32.named_parameters()) p.copy_(layer64.get_parameter(name)!);

        var x32 = x64.to_type(float32).requires_grad_();
        x64.requires_grad_();
        var out64 = layer64.forward(x64);
        var weights = randn(out64.shape, float64, generator: generator);
        (out64 * weights).sum().backward();
        var out32 = layer32.forward(x32);
        (out32 * weights.to_type(float32)).sum().backward();

        Assert.True(RelativeDifference(out32, out64) < 1e-5);
        Assert.True(RelativeDifference(x32.grad!, x64.grad!) < 1e-4);
        foreach (var (name, p) in layer64.named_parameters())
            Assert.True(RelativeDifference(layer32.get_parameter(name)!.grad!, p.grad!) < 1e-4, name);
    }

    static double RelativeDifference(Tensor actual, Tensor expected) =>
        (actual.to_type(float64) - expected).abs().max().item<double>() / expected.abs().max().item<double>();
}
