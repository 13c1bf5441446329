using static TorchSharp.torch;

namespace FishKit.Models;

/// <summary>
/// A ConvLSTM classifier: stacked ConvLSTM layers (all but the last return sequences), between layers an optional
/// per-step max pool and per-step BatchNorm, after the last an optional BatchNorm, a global pool over space and one
/// dense unit giving a logit. BatchNorms have no centre and scale (Keras momentum 0.99, epsilon 1e-3). The defaults
/// are the write-up's best model (<see cref="Architectures.WriteUpBest"/>).
/// </summary>
public sealed record ConvLstmConfig : ModelConfig
{
    /// <summary>Channels per time step of the input clip (4 frames per step in the write-up, 1 for single frames).</summary>
    public int InputChannels { get; init; } = 4;
    /// <summary>Filters of each ConvLSTM layer, first to last.</summary>
    public IReadOnlyList<int> Filters { get; init; } = [16];
    /// <summary>Kernel size k of every ConvLSTM convolution (k x k).</summary>
    public int Kernel { get; init; } = 3;
    /// <summary>Padding of every layer's input convolution.</summary>
    public ConvPadding Padding { get; init; } = ConvPadding.Valid;
    /// <summary>The cell's activation.</summary>
    public Activation Activation { get; init; } = Activation.Tanh;
    /// <summary>The gates' activation.</summary>
    public Activation RecurrentActivation { get; init; } = Activation.HardSigmoid;
    /// <summary>Whether the ConvLSTM gates have a bias.</summary>
    public bool UseBias { get; init; }
    /// <summary>Max pool size (p x p, stride p) applied to every step between layers; 1 for none.</summary>
    public int PoolBetween { get; init; } = 2;
    /// <summary>Whether a per-step BatchNorm follows each layer but the last.</summary>
    public bool NormBetween { get; init; } = true;
    /// <summary>Whether a BatchNorm follows the last layer's state.</summary>
    public bool NormAfter { get; init; } = true;
    /// <summary>Reduction of the last state over space.</summary>
    public GlobalPooling GlobalPool { get; init; } = GlobalPooling.Max;

    /// <inheritdoc/>
    public override void Validate()
    {
        if (InputChannels < 1) throw new FishKitException($"model config inputChannels = {InputChannels} must be at least 1.");
        if (Filters is null || Filters.Count == 0) throw new FishKitException("model config filters is empty; give one filter count per ConvLSTM layer, e.g. [16].");
        foreach (var f in Filters)
            if (f < 1) throw new FishKitException($"model config filters [{string.Join(", ", Filters)}] has {f}; every layer needs at least 1 filter.");
        if (Kernel < 1) throw new FishKitException($"model config kernel = {Kernel} must be at least 1.");
        if (PoolBetween < 1) throw new FishKitException($"model config poolBetween = {PoolBetween} must be at least 1 (1 = no pooling).");
    }

    private protected override nn.Module<Tensor, Tensor> Build() => new ConvLstmClassifier(this);

    /// <summary>Equal when every setting is equal, comparing <see cref="Filters"/> element by element.</summary>
    public bool Equals(ConvLstmConfig? other) =>
        other is not null && InputChannels == other.InputChannels && Filters.SequenceEqual(other.Filters) && Kernel == other.Kernel
        && Padding == other.Padding && Activation == other.Activation && RecurrentActivation == other.RecurrentActivation
        && UseBias == other.UseBias && PoolBetween == other.PoolBetween && NormBetween == other.NormBetween
        && NormAfter == other.NormAfter && GlobalPool == other.GlobalPool;

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var f in Filters) hash.Add(f);
        hash.Add(InputChannels);
        hash.Add(Kernel);
        hash.Add(Padding);
        hash.Add(Activation);
        hash.Add(RecurrentActivation);
        hash.Add(UseBias);
        hash.Add(PoolBetween);
        hash.Add(NormBetween);
        hash.Add(NormAfter);
        hash.Add(GlobalPool);
        return hash.ToHashCode();
    }
}
