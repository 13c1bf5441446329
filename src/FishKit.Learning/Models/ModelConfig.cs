using System.Text.Json;
using System.Text.Json.Serialization;
using FishKit.IO;
using static TorchSharp.torch;
using FishKit.Errors;

namespace FishKit.Models;

/// <summary>
/// Everything needed to rebuild a model (not its weights), as JSON that a run folder stores:
/// <c>{"kind": "convlstm", ...}</c> or <c>{"kind": "ytilde-lstm", ...}</c>. A model defined outside this namespace (the
/// y-tilde LSTM, in Baselines) registers its config's kind itself (<see cref="KitJson.RegisterSubtype"/>, from a module
/// initializer), so Models names no model above it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ConvLstmConfig), "convlstm")]
public abstract record ModelConfig
{
    /// <summary>Throws a <see cref="FishKitException"/> naming the first setting out of range.</summary>
    public abstract void Validate();

    /// <summary>
    /// Validates, loads TorchSharp's natives if needed, lets the process reuse freed tensor memory
    /// (<see cref="TensorMemory.ReuseFreedMemory"/>) and builds a model with fresh Keras-style weights from the global generator.
    /// </summary>
    public nn.Module<Tensor, Tensor> Create()
    {
        Validate();
        Torch.TorchRuntime.EnsureLoaded();
        TensorMemory.ReuseFreedMemory();
        return Build();
    }

    static readonly Lock SeedGate = new();

    /// <summary>
    /// Builds the model with weights drawn right after <c>torch.manual_seed(seed)</c>, holding a lock so that other kit
    /// threads building models cannot draw from the shared global generator in between: same seed, same weights.
    /// </summary>
    public nn.Module<Tensor, Tensor> Create(int seed)
    {
        lock (SeedGate)
        {
            Torch.TorchRuntime.EnsureLoaded();
            manual_seed(seed);
            return Create();
        }
    }

    /// <summary>Builds the model of a validated config.</summary>
    private protected abstract nn.Module<Tensor, Tensor> Build();

    /// <summary>This config as JSON, with its "kind".</summary>
    public string ToJson() => JsonSerializer.Serialize(this, KitJson.Options);

    /// <summary>Reads a config written by <see cref="ToJson"/> (missing properties take their defaults) and validates it; <paramref name="source"/> names the file in errors.</summary>
    public static ModelConfig FromJson(string json, string source = "model config")
    {
        ModelConfig? config;
        try { config = JsonSerializer.Deserialize<ModelConfig>(json, KitJson.Options); }
        catch (JsonException e) { throw new FishKitException($"{source} is not a valid model config: {ErrorReport.OneLine(e.Message)}", e); }
        catch (NotSupportedException e) { throw new FishKitException($"{source} is not a valid model config (it needs a \"kind\": \"convlstm\" or \"ytilde-lstm\" first): {ErrorReport.OneLine(e.Message)}", e); }
        if (config is null) throw new FishKitException($"{source} is empty; give a model config object.");
        config.Validate();
        return config;
    }
}
