using static TorchSharp.torch;

namespace FishKit.Models;

/// <summary>The kit's named models: the write-up's two published ConvLSTMs, a configurable ConvLSTM and the y-tilde LSTM baseline.</summary>
public static class Architectures
{
    /// <summary>
    /// The write-up's best model: ConvLSTM(16 filters, 3x3, valid, tanh, hard_sigmoid, no bias, last state) -> BatchNorm
    /// without centre and scale -> global max pool -> dense(1). 11,537 trainable parameters with 4 input channels.
    /// </summary>
    public const string WriteUpBest = "writeup-best";

    /// <summary>
    /// The write-up's second variant: ConvLSTM(16, 3x3, sequences) -> per-step 2x2 max pool -> per-step BatchNorm (no
    /// centre/scale) -> ConvLSTM(32, 3x3, last state) -> global max pool -> dense(1). The write-up does not say its
    /// padding or bias; the author's published checkpoint of this model has valid padding and no ConvLSTM biases
    /// (src/FishKit.Learning/Keras/README.md): 66,849 trainable parameters with 4 input channels.
    /// </summary>
    public const string WriteUpTwoLayer = "writeup-two-layer";

    /// <summary>A <see cref="ConvLstmConfig"/> starting from the best model's settings, to be changed in a config file.</summary>
    public const string ConvLstm = "convlstm";

    /// <summary>The y-tilde LSTM baseline (<c>Baselines.YTildeLstmConfig</c>, which registers this name: <see cref="Register"/>).</summary>
    public const string YTildeLstm = "ytilde-lstm";

    static readonly Lock Gate = new();
    static readonly List<(string Name, Func<int, ModelConfig> Config)> Registered = [];

    /// <summary>Every name <see cref="Config"/> accepts: the ConvLSTMs, then the models registered from outside this namespace.</summary>
    public static IReadOnlyList<string> Names
    {
        get { lock (Gate) return [WriteUpBest, WriteUpTwoLayer, ConvLstm, .. Registered.Select(r => r.Name)]; }
    }

    /// <summary>
    /// Names a model defined outside this namespace (the y-tilde LSTM registers itself from a module initializer), so
    /// that Models does not depend on the namespaces of the models it lists; <paramref name="config"/> gets the input channels.
    /// </summary>
    public static void Register(string name, Func<int, ModelConfig> config)
    {
        lock (Gate)
        {
            if (Registered.Any(r => r.Name == name) || name is WriteUpBest or WriteUpTwoLayer or ConvLstm) return;
            Registered.Add((name, config));
        }
    }

    /// <summary>The config of a named model; <paramref name="inputChannels"/> is the clip's channels per step (ignored by the y-tilde LSTM).</summary>
    public static ModelConfig Config(string name, int inputChannels = 4) => name switch
    {
        WriteUpBest or ConvLstm => new ConvLstmConfig { InputChannels = inputChannels },
        WriteUpTwoLayer => new ConvLstmConfig { InputChannels = inputChannels, Filters = [16, 32], UseBias = false, NormAfter = false },
        _ when Find(name) is { } registered => registered(inputChannels),
        _ => throw new FishKitException($"unknown model '{name}'; choose one of: {string.Join(", ", Names)}."),
    };

    static Func<int, ModelConfig>? Find(string name)
    {
        lock (Gate) return Registered.FirstOrDefault(r => r.Name == name).Config;
    }

    /// <summary>A new model of a named architecture with fresh weights from the global generator (seed with <c>torch.manual_seed</c> first).</summary>
    public static nn.Module<Tensor, Tensor> Create(string name, int inputChannels = 4) => Config(name, inputChannels).Create();
}
