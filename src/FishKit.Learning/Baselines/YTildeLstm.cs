using FishKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FishKit.Baselines;

/// <summary>
/// The y-tilde LSTM baseline: stacked LSTM layers over a window of y-tilde values ending at frame t, the last
/// step's output through one dense unit: a logit per window (probability = its sigmoid). Input (B, Window, 1) or
/// (B, Window) of raw y-tilde; the config's offset and scale are applied inside.
/// state_dict names: PyTorch's <c>lstm.weight_ih_l{k}</c>, <c>lstm.weight_hh_l{k}</c>, <c>lstm.bias_ih_l{k}</c>,
/// <c>lstm.bias_hh_l{k}</c> (gates i, f, g, o: Keras' i, f, c, o), <c>dense.weight|bias</c>.
/// </summary>
public sealed class YTildeLstm : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state_dict names, as in PyTorch.
    readonly LSTM lstm;
    readonly Linear dense;
#pragma warning restore IDE1006

    /// <summary>The settings this model was built from.</summary>
    public YTildeLstmConfig Config { get; }

    /// <summary>
    /// Builds the model with Keras' LSTM initialisation from the global generator: glorot_uniform input weights,
    /// orthogonal recurrent weights, unit_forget_bias (PyTorch's second bias, which Keras lacks, starts at 0), and a
    /// glorot_uniform dense unit with zero bias.
    /// </summary>
    public YTildeLstm(YTildeLstmConfig config) : base(nameof(YTildeLstm))
    {
        config.Validate();
        Config = config;
        lstm = LSTM(1, config.Hidden, config.Layers, batchFirst: true);
        for (int k = 0; k < config.Layers; k++)
        {
            KerasInit.GlorotUniform(lstm.get_parameter($"weight_ih_l{k}")!);
            KerasInit.Orthogonal(lstm.get_parameter($"weight_hh_l{k}")!);
            KerasInit.UnitForgetBias(lstm.get_parameter($"bias_ih_l{k}")!);
            using (no_grad()) lstm.get_parameter($"bias_hh_l{k}")!.zero_();
        }
        dense = Linear(config.Hidden, 1);
        KerasInit.GlorotUniform(dense.weight!);
        using (no_grad()) dense.bias!.zero_();
        RegisterComponents();
    }

    /// <summary>Logits (B) of y-tilde windows (B, Window, 1) or (B, Window).</summary>
    public override Tensor forward(Tensor windows)
    {
        if (windows.dim() is < 2 or > 3 || windows.shape[1] != Config.Window || (windows.dim() == 3 && windows.shape[2] != 1))
            throw new FishKitException($"y-tilde LSTM input has shape ({string.Join(", ", windows.shape)}) but must be (batch, {Config.Window}) or (batch, {Config.Window}, 1).");
        using var scope = NewDisposeScope();
        var x = windows.dim() == 2 ? windows.unsqueeze(2) : windows;
        x = (x - Config.InputOffset) * Config.InputScale;
        var (output, _, _) = lstm.forward(x);
        return dense.forward(output.select(1, -1)).squeeze(1).MoveToOuterDisposeScope();
    }
}
