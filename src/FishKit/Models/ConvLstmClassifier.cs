using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FishKit.Models;

/// <summary>
/// The ConvLSTM classifier a <see cref="ConvLstmConfig"/> describes. Input clips (B, T, C, H, W) of any T >= 1, H and W
/// large enough for the kernels and pools; output one logit per clip (B): the probability is its sigmoid.
/// uint8 clips are converted and divided by 255 inside forward, so a loader can hand over raw pixels (4x fewer bytes
/// to move than float clips); floating clips are taken as already scaled to [0, 1].
/// state_dict names: <c>convlstm.{l}.cell.kernel|recurrent_kernel|bias</c>, <c>norm_between.{l}.*</c>, <c>norm.*</c>, <c>dense.weight|bias</c>.
/// </summary>
public sealed partial class ConvLstmClassifier : Module<Tensor, Tensor>
{
    /// <summary>Keras BatchNormalization's defaults: moving = 0.99 moving + 0.01 batch (PyTorch momentum 0.01), epsilon 1e-3.</summary>
    const double NormMomentum = 0.01, NormEpsilon = 1e-3;

#pragma warning disable IDE1006 // Field names are the state_dict names, as in PyTorch.
    readonly ModuleList<ConvLstm> convlstm;
    readonly ModuleList<BatchNorm2d> norm_between;
    readonly BatchNorm2d? norm;
    readonly Linear dense;
#pragma warning restore IDE1006

    /// <summary>The settings this model was built from.</summary>
    public ConvLstmConfig Config { get; }

    /// <summary>
    /// Builds the layers in order (ConvLSTMs first to last, then the dense unit), each with Keras' initialisation drawn
    /// from the global generator; the dense unit is glorot_uniform with a zero bias, as Keras' Dense.
    /// </summary>
    public ConvLstmClassifier(ConvLstmConfig config) : base(nameof(ConvLstmClassifier))
    {
        config.Validate();
        Config = config;
        convlstm = new ModuleList<ConvLstm>();
        norm_between = new ModuleList<BatchNorm2d>();
        int channels = config.InputChannels;
        for (int l = 0; l < config.Filters.Count; l++)
        {
            bool last = l == config.Filters.Count - 1;
            int filters = config.Filters[l];
            convlstm.Add(new ConvLstm(channels, filters, config.Kernel, config.Padding, config.Activation,
                config.RecurrentActivation, config.UseBias, returnSequences: !last));
            if (!last && config.NormBetween) norm_between.Add(KerasBatchNorm(filters));
            channels = filters;
        }
        norm = config.NormAfter ? KerasBatchNorm(channels) : null;
        dense = Linear(channels, 1);
        KerasInit.GlorotUniform(dense.weight!);
        using (no_grad()) dense.bias!.zero_();
        RegisterComponents();
    }

    static BatchNorm2d KerasBatchNorm(int features) =>
        BatchNorm2d(features, eps: NormEpsilon, momentum: NormMomentum, affine: false, track_running_stats: true);

    /// <summary>Logits (B) of clips (B, T, C, H, W), uint8 pixels or floats in [0, 1].</summary>
    public override Tensor forward(Tensor clips) => Forward(clips, trace: null);

    /// <summary>The forward pass; <paramref name="trace"/>, when given, hears each stage's name and output shape.</summary>
    Tensor Forward(Tensor clips, Action<string, long[]>? trace)
    {
        using var scope = NewDisposeScope();
        var x = clips.dtype == ScalarType.Byte ? clips.to_type(dense.weight!.dtype).div_(255) : clips;
        trace?.Invoke("input clip (B, T, C, H, W)", x.shape);
        for (int l = 0; l < convlstm.Count; l++)
        {
            x = convlstm[l].forward(x);
            trace?.Invoke($"ConvLSTM {l + 1} ({Config.Filters[l]} filters), {(convlstm[l].ReturnSequences ? "every step" : "last state")}", x.shape);
            if (l == convlstm.Count - 1) break;
            long batch = x.shape[0], steps = x.shape[1];
            var frames = x.flatten(0, 1);
            if (Config.PoolBetween > 1) frames = functional.max_pool2d(frames, Config.PoolBetween);
            if (Config.NormBetween) frames = norm_between[l].forward(frames);
            x = frames.view([batch, steps, .. frames.shape[1..]]);
            if (Config.PoolBetween > 1 || Config.NormBetween) trace?.Invoke(BetweenStage(), x.shape);
        }
        if (norm is not null)
        {
            x = norm.forward(x);
            trace?.Invoke("BatchNorm (no centre, no scale)", x.shape);
        }
        var pooled = Config.GlobalPool == GlobalPooling.Max ? x.amax([2, 3]) : x.mean([2, 3]);
        trace?.Invoke($"global {(Config.GlobalPool == GlobalPooling.Max ? "max" : "average")} pool over space", pooled.shape);
        var logits = dense.forward(pooled).squeeze(1);
        trace?.Invoke("dense(1): the logit per clip", logits.shape);
        return logits.MoveToOuterDisposeScope();
    }
}
