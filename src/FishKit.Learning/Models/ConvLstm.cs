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

    /// <summary>
    /// Largest input projection computed in one call, in bytes (default 64 MB): all steps in one batched convolution
    /// while that fits (e.g. the teaching sizes), otherwise chunks of consecutive steps. At the write-up's size one
    /// call for all 30 steps would hold a 573 MB projection through the forward pass and build a 573 MB gradient for
    /// it in the backward pass, and stream both through main memory; chunks stay near the cache and keep the peak low.
    /// </summary>
    internal static long ProjectionChunkBytes { get; set; } = 64L << 20;

    long ProjectionChunk(Tensor x)
    {
        long k = cell.Kernel, height = x.shape[3], width = x.shape[4];
        if (cell.Padding == ConvPadding.Valid) { height -= k - 1; width -= k - 1; }
        long stepBytes = x.shape[0] * 4L * cell.Filters * height * width * sizeof(float);
        return Math.Clamp(ProjectionChunkBytes / Math.Max(1, stepBytes), 1, x.shape[1]);
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
        Tensor? h = null, c = null;
        var sequence = ReturnSequences ? new Tensor[steps] : null;
        long chunk = ProjectionChunk(x);
        for (long first = 0; first < steps; first += chunk)
        {
            long count = Math.Min(chunk, steps - first);
            // A scope per chunk frees its projection once its steps are done (nothing saves it for the backward pass).
            using var chunkScope = NewDisposeScope();
            // Time-major (count * batch images) so that each step's projection comes out contiguous; unbind, not
            // select per step: its backward stacks the step gradients once instead of zero-filling a chunk-sized
            // gradient per step.
            var images = x.narrow(1, first, count).transpose(0, 1).reshape([count * batch, .. x.shape[2..]]);
            var projected = cell.ProjectInput(images);
            var inputs = projected.view([count, batch, .. projected.shape[1..]]).unbind(0);
            for (long t = first; t < first + count; t++)
            {
                (h, c) = cell.Step(inputs[t - first], h, c, last: t == steps - 1);
                if (sequence is not null) sequence[t] = h.MoveToOuterDisposeScope();
            }
            if (sequence is null) h!.MoveToOuterDisposeScope();
            c?.MoveToOuterDisposeScope();
        }
        var result = sequence is not null ? stack(sequence, 1) : h!;
        return result.MoveToOuterDisposeScope();
    }
}
