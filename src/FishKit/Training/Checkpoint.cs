using System.Text;
using System.Text.Json;
using FishKit.IO;
using FishKit.Models;
using static TorchSharp.torch;

namespace FishKit.Training;

/// <summary>
/// Where a run stands: finished epochs, the next batch of the current epoch, the partial epoch's running sums,
/// and the history so far. Stored in a checkpoint with the model's weights, the optimizer's state and the RNG state.
/// </summary>
/// <param name="EpochsDone">Epochs finished.</param>
/// <param name="NextBatch">The batch of epoch EpochsDone + 1 to run next (0 at an epoch boundary).</param>
/// <param name="Steps">Optimisation steps so far.</param>
/// <param name="PartialLossSum">Sum of the current epoch's batch losses so far.</param>
/// <param name="PartialScores">The current epoch's training outputs so far (for its AUC).</param>
/// <param name="PartialLabels">Their labels.</param>
/// <param name="History">Finished epochs and warnings.</param>
/// <param name="Model">The model's config as JSON.</param>
public sealed record CheckpointState(int EpochsDone, int NextBatch, long Steps, double PartialLossSum,
    List<float> PartialScores, List<bool> PartialLabels, TrainingHistory History, string Model);

/// <summary>
/// Saves and loads checkpoints: a JSON header (<see cref="CheckpointState"/>), the weights, the optimizer's
/// state and the global RNG state, written atomically so a full disk never damages the previous checkpoint.
/// </summary>
public static class Checkpoint
{
    const string Magic = "FISHKIT-CHECKPOINT";
    const int Version = 1;

    /// <summary>Writes a checkpoint to <paramref name="path"/> (temporary name, then rename).</summary>
    public static void Save(string path, CheckpointState state, nn.Module model, optim.Optimizer optimizer)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(Version);
            w.Write(JsonSerializer.Serialize(state, KitJson.Options));
            model.save(w);
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(w);
            using var rng = TorchSharp.torch.random.get_rng_state();
            var bytes = rng.data<byte>().ToArray();
            w.Write(bytes.Length);
            w.Write(bytes);
        });
    }

    /// <summary>Reads only the header of a checkpoint (what it holds, without weights).</summary>
    public static CheckpointState ReadState(string path)
    {
        using var r = Open(path);
        return ReadHeader(r, path);
    }

    /// <summary>
    /// Loads a checkpoint into <paramref name="model"/> and <paramref name="optimizer"/> and restores the RNG state.
    /// A checkpoint of another architecture is refused with the list of tensors that do not match.
    /// </summary>
    public static CheckpointState Load(string path, nn.Module model, ModelConfig config, optim.Optimizer? optimizer)
    {
        using var r = Open(path);
        var state = ReadHeader(r, path);
        var stored = ModelConfig.FromJson(state.Model, $"checkpoint '{path}'");
        if (stored != config)
        {
            using var other = stored.Create();
            var mismatches = ModelWeights.Mismatches(model.state_dict(), other.state_dict());
            throw new FishKitException($"checkpoint '{path}' is of another architecture ({(mismatches.Count > 0 ? string.Join("; ", mismatches) : "same tensors, different settings")}); resume it with its own config or start a new run folder.");
        }
        try
        {
            model.load(r);
            if (optimizer is not null) ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(r);
            else return state;
            int length = r.ReadInt32();
            var bytes = r.ReadBytes(length);
            using var rng = tensor(bytes, dtype: ScalarType.Byte);
            TorchSharp.torch.random.set_rng_state(rng);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new FishKitException($"checkpoint '{path}' is damaged ({e.Message}); use another checkpoint of the run (e.g. best.ckpt or an epoch's).", e);
        }
        return state;
    }

    static BinaryReader Open(string path)
    {
        if (!File.Exists(path)) throw new FishKitException($"checkpoint '{path}' does not exist.");
        return new BinaryReader(File.OpenRead(path), Encoding.UTF8);
    }

    static CheckpointState ReadHeader(BinaryReader r, string path)
    {
        try
        {
            if (r.ReadString() != Magic) throw new FishKitException($"'{path}' is not a FishKit checkpoint.");
            int version = r.ReadInt32();
            if (version != Version) throw new FishKitException($"checkpoint '{path}' has format version {version}; this kit reads version {Version}.");
            return JsonSerializer.Deserialize<CheckpointState>(r.ReadString(), KitJson.Options)
                ?? throw new FishKitException($"checkpoint '{path}' has an empty header.");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException)
        {
            throw new FishKitException($"'{path}' is not a readable FishKit checkpoint ({e.Message}).", e);
        }
    }
}
