using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using FishKit.IO;
using FishKit.Training;
using static TorchSharp.torch;

namespace FishKit.Keras;

/// <summary>
/// Turns a Keras SavedModel of one of the write-up's ConvLSTMs into a run folder that <c>fishkit predict</c>, evaluation
/// and the notebooks use like a trained run: the write-up's recipe with the recognised model (run.json), config.json
/// recording where the weights came from, an empty history, a summary with status "Imported", and
/// <c>checkpoints/best.ckpt</c> holding the weights. It has no last.ckpt: Keras' optimizer slots are not carried over,
/// so there is no training to resume.
/// </summary>
public static class KerasImport
{
    /// <summary>Status written to an imported run's summary.json.</summary>
    public const string Status = "Imported";

    /// <summary>
    /// Reads and checks the whole checkpoint of <paramref name="savedModel"/>, then writes the run folder
    /// <paramref name="output"/> under a temporary name and renames it when complete; an existing non-empty folder is
    /// replaced only with <paramref name="force"/>. Any problem is a <see cref="FishKitException"/> and leaves nothing behind.
    /// </summary>
    public static KerasImportSource ToRun(string savedModel, string output, bool force = false)
    {
        var checkpoint = KerasCheckpoint.Read(savedModel);
        var defaults = new TrainingOptions();
        var config = new RunConfig
        {
            Model = checkpoint.Config,
            Training = defaults with
            {
                LearningRate = checkpoint.LearningRate ?? defaults.LearningRate,
                Beta1 = checkpoint.Beta1 ?? defaults.Beta1,
                Beta2 = checkpoint.Beta2 ?? defaults.Beta2,
            },
        };
        config.Validate();
        using var model = config.Model.Create();
        checkpoint.LoadInto(model);
        var source = new KerasImportSource(Path.GetFullPath(savedModel), checkpoint.Architecture, Hashes(savedModel, checkpoint.Bundle),
            checkpoint.Iterations, checkpoint.LearningRate, checkpoint.Beta1, checkpoint.Beta2);
        var data = new JsonObject { ["imported_from"] = JsonSerializer.SerializeToNode(source, KitJson.Options) };
        var training = config.Training;
        AtomicFile.WriteDirectory(output, force, temp =>
        {
            var run = new RunFolder(temp);
            AtomicFile.WriteText(run.Recipe, config.ToJson());
            // The write-up's class weights: the ones the Keras model was trained with.
            AtomicFile.WriteText(run.Config, Trainer.ConfigJson(config.Model, training, ClassWeights.WriteUp, data));
            AtomicFile.WriteText(run.History, new TrainingHistory().ToJson());
            Trainer.WriteSummary(run, Status, new TrainingHistory());
            using var optimizer = optim.Adam(model.parameters(), training.LearningRate, training.Beta1, training.Beta2, training.Epsilon);
            var state = new CheckpointState(0, 0, checkpoint.Iterations ?? 0, 0, [], [], new TrainingHistory(), config.Model.ToJson());
            Checkpoint.Save(run.Best, state, model, optimizer);
        });
        return source;
    }

    /// <summary>SHA-256 of saved_model.pb (when there) and of the checkpoint's files, by path relative to the folder.</summary>
    static Dictionary<string, string> Hashes(string folder, TensorBundle bundle)
    {
        var graph = Path.Combine(folder, "saved_model.pb");
        var files = (File.Exists(graph) ? [graph] : Array.Empty<string>()).Append(bundle.IndexPath).Concat(bundle.ShardPaths);
        return files.ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f =>
        {
            using var stream = File.OpenRead(f);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }
}
