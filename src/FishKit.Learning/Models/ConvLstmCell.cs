using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace FishKit.Models;

/// <summary>
/// One step of Keras 2's ConvLSTM2D: gates z = conv(x, kernel) + conv(h, recurrent_kernel) (+ bias), stacked i, f, c, o;
/// <c>i, f, o = recurrent_activation(z_i, z_f, z_o)</c>, <c>c' = f*c + i*activation(z_c)</c>, <c>h' = o*activation(c')</c>.
/// No peepholes, stride 1; the input convolution pads as chosen, the recurrent one always "same" and never has a bias.
/// Parameters (PyTorch layout): <c>kernel</c> (4F, C, k, k), <c>recurrent_kernel</c> (4F, F, k, k), optional <c>bias</c> (4F).
/// Keras keeps kernels as (k, k, C, 4F): the PyTorch tensor is <c>kernel.permute(3, 2, 0, 1)</c> of Keras' one.
/// </summary>
public sealed class ConvLstmCell : nn.Module<Tensor, Tensor, Tensor, (Tensor H, Tensor C)>
{
#pragma warning disable IDE1006 // Field names are the state_dict names, as in PyTorch.
    readonly Parameter kernel;
    readonly Parameter recurrent_kernel;
    readonly Parameter? bias;
#pragma warning restore IDE1006

    /// <summary>Input channels C.</summary>
    public int InputChannels { get; }
    /// <summary>Filters F: channels of h and c.</summary>
    public int Filters { get; }
    /// <summary>Kernel size k of both convolutions (k x k).</summary>
    public int Kernel { get; }
    /// <summary>Padding of the input convolution.</summary>
    public ConvPadding Padding { get; }
    /// <summary>Applied to the candidate c and to c' in h'.</summary>
    public Activation Activation { get; }
    /// <summary>Applied to the i, f, o gates.</summary>
    public Activation RecurrentActivation { get; }

    /// <summary>
    /// A cell with Keras' initialisation drawn from the global generator: glorot_uniform kernel, orthogonal recurrent
    /// kernel, unit_forget_bias. Defaults are Keras': tanh, hard_sigmoid, valid padding, with bias.
    /// </summary>
    public ConvLstmCell(int inputChannels, int filters, int kernel = 3, ConvPadding padding = ConvPadding.Valid,
        Activation activation = Activation.Tanh, Activation recurrentActivation = Activation.HardSigmoid, bool useBias = true)
        : base(nameof(ConvLstmCell))
    {
        if (inputChannels < 1) throw new FishKitException($"ConvLSTM input channels = {inputChannels} must be at least 1.");
        if (filters < 1) throw new FishKitException($"ConvLSTM filters = {filters} must be at least 1.");
        if (kernel < 1) throw new FishKitException($"ConvLSTM kernel = {kernel} must be at least 1.");
        InputChannels = inputChannels;
        Filters = filters;
        Kernel = kernel;
        Padding = padding;
        Activation = activation;
        RecurrentActivation = recurrentActivation;
        this.kernel = new Parameter(empty(4 * filters, inputChannels, kernel, kernel));
        recurrent_kernel = new Parameter(empty(4 * filters, filters, kernel, kernel));
        bias = useBias ? new Parameter(empty(4 * filters)) : null;
        KerasInit.GlorotUniform(this.kernel);
        KerasInit.Orthogonal(recurrent_kernel);
        if (bias is not null) KerasInit.UnitForgetBias(bias);
        RegisterComponents();
    }

    /// <summary>Whether the gates have a bias.</summary>
    public bool UseBias => bias is not null;

    /// <summary>
    /// The input convolution (with bias) of frames (N, C, H, W): (N, 4F, H', W'). It does not depend on the state,
    /// so a layer applies it to all time steps in one call.
    /// </summary>
    public Tensor ProjectInput(Tensor x) =>
        F.conv2d_padding(x, kernel, bias, padding: Padding == ConvPadding.Same ? TorchSharp.Padding.Same : TorchSharp.Padding.Valid);

    /// <summary>
    /// One step from the projected input (N, 4F, H', W') and the state; a null state means zeros (the first step),
    /// which skips the recurrent convolution and f*c. float32 on the CPU runs the fused <see cref="ConvLstmGates"/>;
    /// other dtypes (e.g. float64 in the tests) and devices use separate tensor operations. With
    /// <paramref name="last"/> the returned c' is null (a layer's last step needs only h').
    /// </summary>
    public (Tensor H, Tensor? C) Step(Tensor projected, Tensor? h, Tensor? c, bool last = false)
    {
        using var scope = NewDisposeScope();
        var recurrent = h is null ? null : F.conv2d_padding(h, recurrent_kernel, padding: TorchSharp.Padding.Same);
        if (ConvLstmGates.Supports(projected))
        {
            var (hFused, cFused) = ConvLstmGates.Step(projected, recurrent, c, Activation, RecurrentActivation, returnCell: !last);
            return (hFused.MoveToOuterDisposeScope(), cFused?.MoveToOuterDisposeScope());
        }
        // Other dtypes and devices: the same arithmetic as separate differentiable operations. chunk, not narrow:
        // its backward concatenates the four gate gradients instead of summing four zero-padded copies.
        var z = recurrent is null ? projected : projected + recurrent;
        var gates = z.chunk(4, 1);
        var i = RecurrentActivation.Apply(gates[0]);
        var cNext = i * Activation.Apply(gates[2]);
        if (c is not null) cNext = cNext.add_(RecurrentActivation.Apply(gates[1]) * c);
        var o = RecurrentActivation.Apply(gates[3]);
        var hNext = o * Activation.Apply(cNext);
        return (hNext.MoveToOuterDisposeScope(), last ? null : cNext.MoveToOuterDisposeScope());
    }

    /// <summary>One step from raw input x (N, C, H, W) and state h, c (N, F, H', W').</summary>
    public override (Tensor H, Tensor C) forward(Tensor x, Tensor h, Tensor c)
    {
        using var scope = NewDisposeScope();
        var (hNext, cNext) = Step(ProjectInput(x), h, c);
        return (hNext.MoveToOuterDisposeScope(), cNext!.MoveToOuterDisposeScope());
    }
}
