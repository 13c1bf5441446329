using System.Runtime.CompilerServices;
using FishKit.IO;
using FishKit.Models;
using FishKit.Windowing;
using FishKit.WriteUp;
using static TorchSharp.torch;

namespace FishKit.Baselines;

/// <summary>
/// The y-tilde LSTM baseline's settings. The write-up names only "2 stacked LSTM layers on windows of 120 y-tilde
/// values with a sigmoid output" (its code was never published); the other defaults are the kit's, argued below.
/// The model sees <c>(y-tilde - InputOffset) * InputScale</c>.
/// </summary>
public sealed record YTildeLstmConfig : ModelConfig
{
    /// <summary>Window length: y-tilde[t - Window + 1 .. t] scores frame t (write-up: 120 values, 4 s at 30 fps, as long as a clip).</summary>
    public int Window { get; init; } = WriteUpResults.YTildeLstmWindow;

    /// <summary>Stacked LSTM layers (write-up: 2).</summary>
    public int Layers { get; init; } = WriteUpResults.YTildeLstmLayers;

    /// <summary>
    /// Units per layer; default 32. That gives 12,961 trainable parameters, about the ConvLSTM's 11,537, so the two
    /// learned models compare at equal capacity. The input is one number per step, so a wider state has little to
    /// hold, and ~45,000 training windows that overlap by 119 of 120 values are far fewer independent examples than
    /// their count: a small model is the safer default against memorising the training split.
    /// </summary>
    public int Hidden { get; init; } = 32;

    /// <summary>Subtracted from y-tilde before scaling; default 0.</summary>
    public double InputOffset { get; init; }

    /// <summary>
    /// Multiplies y-tilde (after the offset); default 1000, a fixed factor. Raw y-tilde is ~1e-3 (write-up: mean 0.0012,
    /// max 0.0045): against glorot-initialised input weights (|w| &lt; 0.43) the gates would barely move, and Adam at
    /// lr 8e-5 would need very many steps to grow the weights a thousandfold. In units of 1e-3 the values span ~0..5,
    /// where sigmoid and tanh respond, and thresholds keep their meaning: the label's c = 0.001 becomes 1, the
    /// baseline's c = 0.0006 becomes 0.6. A fixed factor rather than the training split's statistics because the
    /// labels depend on absolute y-tilde ranges: one scale for every split and video means a trained model's
    /// outputs do not move with a split's statistics. <see cref="StandardisedOn"/> gives the statistics' version.
    /// </summary>
    public double InputScale { get; init; } = 1000;

    /// <summary>This config with offset and scale standardising <paramref name="trainYTilde"/> (mean 0, standard deviation 1).</summary>
    public YTildeLstmConfig StandardisedOn(ReadOnlySpan<double> trainYTilde)
    {
        YTildeChecks.Require(trainYTilde, 2, "standardising the LSTM's input");
        double mean = 0;
        foreach (var v in trainYTilde) mean += v;
        mean /= trainYTilde.Length;
        double variance = 0;
        foreach (var v in trainYTilde) variance += (v - mean) * (v - mean);
        double sd = Math.Sqrt(variance / trainYTilde.Length);
        if (sd == 0) throw new FishKitException("the training y-tilde is constant; it cannot be standardised: check the frames.");
        return this with { InputOffset = mean, InputScale = 1 / sd };
    }

    /// <inheritdoc/>
    public override void Validate()
    {
        if (Window < 1) throw new FishKitException($"model config window = {Window} must be at least 1.");
        if (Layers < 1) throw new FishKitException($"model config layers = {Layers} must be at least 1.");
        if (Hidden < 1) throw new FishKitException($"model config hidden = {Hidden} must be at least 1.");
        if (!double.IsFinite(InputOffset)) throw new FishKitException($"model config inputOffset = {InputOffset} must be finite.");
        if (!double.IsFinite(InputScale) || InputScale == 0) throw new FishKitException($"model config inputScale = {InputScale} must be finite and non-zero.");
    }

    private protected override nn.Module<Tensor, Tensor> Build() => new YTildeLstm(this);

    /// <summary>
    /// Makes the y-tilde LSTM a model config (<c>"kind": "ytilde-lstm"</c>) and a named architecture when this assembly
    /// loads, before any of its types is used: Models, below Baselines, cannot name it.
    /// </summary>
#pragma warning disable CA2255 // a library's module initializer: exactly what registering a subtype of the same assembly needs
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        KitJson.RegisterSubtype<ModelConfig, YTildeLstmConfig>(Architectures.YTildeLstm);
        Architectures.Register(Architectures.YTildeLstm, _ => new YTildeLstmConfig());
    }
}
