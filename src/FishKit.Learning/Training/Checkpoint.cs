using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using FishKit.Errors;
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
/// state and the global RNG state, then an XxHash3 of all of it, written atomically so a full disk never damages the
/// previous checkpoint. Loading checks the hash first, so damaged weights are refused instead of scored. Checkpoints of
/// format version 1, written before the hash, still load (unchecked: they carry nothing to check against).
/// </summary>
public static class Checkpoint
{
    const string Magic = "FISHKIT-CHECKPOINT";
    const int Version = 2;
    const int Unchecked = 1;
    const int HashBytes = 8;

    /// <summary>Writes a checkpoint to <paramref name="path"/> (temporary name, then rename).</summary>
    public static void Save(string path, CheckpointState state, nn.Module model, optim.Optimizer optimizer)
    {
        var content = new MemoryStream();
        using (var w = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(JsonSerializer.Serialize(state, KitJson.Options));
            model.save(w);
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(w);
            using var rng = TorchSharp.torch.random.get_rng_state();
            var bytes = rng.data<byte>().ToArray();
            w.Write(bytes.Length);
            w.Write(bytes);
        }
        var written = content.GetBuffer().AsMemory(0, (int)content.Length);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(written.Span);
            Span<byte> hash = stackalloc byte[HashBytes];
            BinaryPrimitives.WriteUInt64LittleEndian(hash, XxHash3.HashToUInt64(written.Span));
            stream.Write(hash);
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
            if (optimizer is null) return state;
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(r);
            int length = r.ReadInt32();
            var bytes = r.ReadBytes(length);
            if (bytes.Length != length || r.BaseStream.Position != r.BaseStream.Length)
                throw new InvalidDataException("its length does not match its content");
            using var rng = tensor(bytes, dtype: ScalarType.Byte);
            TorchSharp.torch.random.set_rng_state(rng);
        }
        catch (Exception e) when (e is not (FishKitException or OperationCanceledException or OutOfMemoryException))
        {
            // Only a version-1 checkpoint gets here damaged (a version-2 one was checked against its hash): whatever
            // TorchSharp throws on bytes that are not what it wrote means the same.
            throw Damaged(path, ErrorReport.OneLine(e.Message), e);
        }
        return state;
    }

    /// <summary>The checkpoint's content, after its magic and version, checked against its hash (version 2).</summary>
    static BinaryReader Open(string path)
    {
        RegularFile.Check(path, "checkpoint");
        if (!File.Exists(path)) throw new FishKitException($"checkpoint '{path}' does not exist.");
        byte[] file;
        try { file = File.ReadAllBytes(path); }
        catch (Exception e) when (FileErrors.IsFileError(e)) { throw FileErrors.Reading(path, e); }
        var r = new BinaryReader(new MemoryStream(file, writable: false), Encoding.UTF8);
        int version;
        try
        {
            if (r.ReadString() != Magic) throw new FishKitException($"'{path}' is not a FishKit checkpoint.");
            version = r.ReadInt32();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new FishKitException($"'{path}' is not a FishKit checkpoint ({ErrorReport.OneLine(e.Message)}).", e);
        }
        if (version == Unchecked) return r;
        if (version != Version) throw new FishKitException($"checkpoint '{path}' has format version {version}; this kit reads versions {Unchecked} and {Version}.");
        int content = file.Length - HashBytes;
        if (content < r.BaseStream.Position || XxHash3.HashToUInt64(file.AsSpan(0, content)) != BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(content)))
            throw Damaged(path, "its checksum does not match its content", null);
        var checkedContent = new BinaryReader(new MemoryStream(file, 0, content, writable: false), Encoding.UTF8);
        checkedContent.BaseStream.Position = r.BaseStream.Position;
        return checkedContent;
    }

    static FishKitException Damaged(string path, string why, Exception? inner) =>
        new($"checkpoint '{path}' is damaged ({why}); use another checkpoint of the run (e.g. best.ckpt or an epoch's) or train again.", inner);

    static CheckpointState ReadHeader(BinaryReader r, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(r.ReadString(), KitJson.Options)
                ?? throw new FishKitException($"checkpoint '{path}' has an empty header.");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException or FormatException)
        {
            throw new FishKitException($"'{path}' is not a readable FishKit checkpoint ({ErrorReport.OneLine(e.Message)}).", e);
        }
    }
}
