using System.Collections;
using FishKit.IO;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using FishKit.Errors;

namespace FishKit.Models;

/// <summary>
/// Moves a model's weights to and from PyTorch: files written here load in Python with
/// <c>model.load_state_dict(torch.load(path))</c>, and <c>torch.save(model.state_dict(), path)</c> files load here.
/// </summary>
public static class ModelWeights
{
    /// <summary>Writes the module's state_dict (parameters and buffers) as a PyTorch file, atomically.</summary>
    public static void SavePyTorch(nn.Module module, string path)
    {
        Torch.TorchRuntime.EnsureLoaded();
        AtomicFile.Write(path, stream => module.save_py(stream, leaveOpen: true));
    }

    /// <summary>
    /// Loads a PyTorch state_dict file into the module. Every tensor of the module must be in the file with the same
    /// shape and nothing else may be: otherwise a <see cref="FishKitException"/> lists the mismatched tensors (names
    /// and shapes) and the module is left unchanged.
    /// </summary>
    public static void LoadPyTorch(nn.Module module, string path)
    {
        Torch.TorchRuntime.EnsureLoaded();
        if (!File.Exists(path)) throw new FishKitException($"weights file '{path}' does not exist.");
        using var scope = NewDisposeScope();
        Hashtable loaded;
        try
        {
            using var stream = File.OpenRead(path);
            loaded = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
        }
        catch (Exception e) when (e is not FishKitException)
        {
            throw new FishKitException($"weights file '{path}' is not a PyTorch state_dict ({ErrorReport.OneLine(e.Message)}); save one with torch.save(model.state_dict(), path).", e);
        }
        var file = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in loaded)
            if (entry.Key is string name && entry.Value is Tensor t) file[name] = t;
        var model = module.state_dict();
        var problems = Mismatches(model, file);
        if (problems.Count > 0)
            throw new FishKitException($"weights file '{path}' does not fit this model ({string.Join("; ", problems)}); was it saved from another architecture or input size?");
        using (no_grad())
            foreach (var (name, tensor) in model) tensor.copy_(file[name]);
    }

    /// <summary>The tensors that differ in name or shape between a model's state and a stored one, one phrase each.</summary>
    public static List<string> Mismatches(IReadOnlyDictionary<string, Tensor> model, IReadOnlyDictionary<string, Tensor> file)
    {
        var problems = new List<string>();
        foreach (var (name, tensor) in model)
        {
            if (!file.TryGetValue(name, out var stored)) problems.Add($"{name} {Shape(tensor)} missing from the file");
            else if (!stored.shape.SequenceEqual(tensor.shape)) problems.Add($"{name} is {Shape(stored)} in the file but {Shape(tensor)} in the model");
        }
        foreach (var (name, stored) in file)
            if (!model.ContainsKey(name)) problems.Add($"{name} {Shape(stored)} in the file is not in the model");
        return problems;
    }

    /// <summary>Number of trainable values (parameters that require a gradient).</summary>
    public static long TrainableParameters(nn.Module module) =>
        module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    static string Shape(Tensor t) => $"({string.Join(", ", t.shape)})";
}
