using static TorchSharp.torch;

namespace FishKit.Models;

/// <summary>
/// Keras 2's default initialisers, applied to weights stored in PyTorch layout and drawn from TorchSharp's global
/// generator (seed it with <c>torch.manual_seed</c> before building a model for a reproducible start).
/// </summary>
public static class KerasInit
{
    /// <summary>
    /// glorot_uniform: U(-l, l) with l = sqrt(6 / (fan_in + fan_out)). For a PyTorch weight (out, in, k...) fan_in =
    /// in * prod(k) and fan_out = out * prod(k), the same numbers Keras derives from its (k..., in, out) layout.
    /// </summary>
    public static void GlorotUniform(Tensor weight)
    {
        long receptive = 1;
        for (int d = 2; d < weight.dim(); d++) receptive *= weight.shape[d];
        double fanIn = weight.shape[1] * receptive, fanOut = weight.shape[0] * receptive;
        double limit = Math.Sqrt(6 / (fanIn + fanOut));
        using (no_grad()) weight.uniform_(-limit, limit);
    }

    /// <summary>
    /// orthogonal (gain 1) of a kernel Keras stores as (k..., in, out), here given in PyTorch layout (out, in, k...).
    /// Keras flattens its kernel to a (prod(k) * in, out) matrix M, takes Q of the QR decomposition of a normal matrix
    /// of the taller shape (signs fixed by diag(R)), transposed if M is wide. PyTorch's weight is M's transpose
    /// reshaped to (out, k..., in) and permuted to (out, in, k...).
    /// </summary>
    public static void Orthogonal(Tensor weight)
    {
        using var scope = NewDisposeScope();
        long outputs = weight.shape[0], inputs = weight.shape[1];
        var kernel = weight.shape[2..];
        long rows = inputs * kernel.Aggregate(1L, (a, b) => a * b);
        var a = randn(Math.Max(rows, outputs), Math.Min(rows, outputs), dtype: float64);
        var (q, r) = linalg.qr(a);
        q = q * r.diagonal().sign();
        var m = rows < outputs ? q.t() : q;                        // (rows, outputs), as Keras' flattened kernel
        var kerasOrder = m.t().reshape([outputs, .. kernel, inputs]); // (out, k..., in)
        var dims = new long[weight.dim()];
        dims[1] = weight.dim() - 1;
        for (int d = 2; d < dims.Length; d++) dims[d] = d - 1;
        using (no_grad()) weight.copy_(kerasOrder.permute(dims));
    }

    /// <summary>Keras' unit_forget_bias for a gate-stacked LSTM bias in order i, f, c, o: zeros with the forget block set to 1.</summary>
    public static void UnitForgetBias(Tensor bias)
    {
        long units = bias.shape[0] / 4;
        using (no_grad())
        {
            bias.zero_();
            bias.narrow(0, units, units).fill_(1);
        }
    }
}
