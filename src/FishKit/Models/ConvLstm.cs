using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Models;

/// <summary>
/// Keras 2's ConvLSTM2D layer over input (B, T, C, H, W) with zero initial state: returns the last hidden state
/// (B, F, H', W') or, with <see cref="ReturnSequences"/>, every step's (B, T, F, H', W'). The input convolution of all
/// T steps runs as one batched call on (B*T, C, H, W); only the recurrent convolution runs step by step.
/// </summary>
public sealed class ConvLstm : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state_dict names, as in PyTorch.
    readonly ConvLstmCell cell;
#pragma warning restore IDE1006

    /// <summary>Whether forward returns every step's hidden state rather than the last one.</summary>
    public bool ReturnSequences { get; }

    /// <summary>The cell holding the parameters (state_dict names <c>cell.kernel</c>, <c>cell.recurrent_kernel</c>, <c>cell.bias</c>).</summary>
    public ConvLstmCell Cell => cell;

    /// <summary>A layer around a new <see cref="ConvLstmCell"/> (see its constructor for the arguments and Keras defaults).</summary>
    public ConvLstm(int inputChannels, int filters, int kernel = 3, ConvPadding padding = ConvPadding.Valid,
        Activation activation = Activation.Tanh, Activation recurrentActivation = Activation.HardSigmoid,
        bool useBias = true, bool returnSequences = false)
        : base(nameof(ConvLstm))
    {
        cell = new ConvLstmCell(inputChannels, filters, kernel, padding, activation, recurrentActivation, useBias);
        ReturnSequences = returnSequences;
        RegisterComponents();
    }

    /// <summary>Runs the layer over x (B, T, C, H, W).</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 5 || x.shape[1] < 1 || x.shape[2] != cell.InputChannels)
            throw new FishKitException($"ConvLSTM input has shape ({string.Join(", ", x.shape)}) but must be (batch, steps >= 1, {cell.InputChannels} channels, height, width).");
        long k = cell.Kernel;
        if (cell.Padding == ConvPadding.Valid && (x.shape[3] < k || x.shape[4] < k))
            throw new FishKitException($"ConvLSTM input frames are {x.shape[3]}x{x.shape[4]} but its {k}x{k} valid convolution needs at least {k}x{k}; use larger frames, fewer pooled layers or padding 'same'.");
        using var scope = NewDisposeScope();
        long batch = x.shape[0], steps = x.shape[1];
        var projected = cell.ProjectInput(x.flatten(0, 1));
        projected = projected.view([batch, steps, .. projected.shape[1..]]);
        Tensor? h = null, c = null;
        var sequence = ReturnSequences ? new Tensor[steps] : null;
        for (long t = 0; t < steps; t++)
        {
            (h, c) = cell.Step(projected.select(1, t), h, c);
            if (sequence is not null) sequence[t] = h;
        }
        var result = sequence is not null ? stack(sequence, 1) : h!;
        return result.MoveToOuterDisposeScope();
    }
}
