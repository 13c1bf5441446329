using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Models;
using FishKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Training;

/// <summary>
/// Trains a model with weighted binary cross-entropy and Adam, validates every epoch (BCE and ROC AUC),
/// checkpoints every epoch and the best validation loss, and resumes an interrupted run exactly where it stopped.
/// Every step runs in a dispose scope, so memory stays flat however long the run.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Runs (or, when <paramref name="folder"/> holds a run, resumes) training. <paramref name="data"/> is stored in
    /// config.json to say what the run was trained on. Cancellation finishes the current step, saves, and returns
    /// <see cref="TrainingStatus.Interrupted"/>; a NaN loss stops the run with a clear error, keeping the last good checkpoint.
    /// </summary>
    public static TrainingOutcome Run(ModelConfig modelConfig, TrainingOptions options, IBatchSource train, IBatchSource validation,
        RunFolder folder, JsonNode? data = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        options.Validate();
        TorchRuntime.EnsureLoaded();
        var device = Device(options.Device);
        set_num_threads(options.Threads > 0 ? options.Threads : Environment.ProcessorCount);
        var weights = ClassWeights.For(options.ClassWeighting, train.Labels);

        using var model = modelConfig.Create(options.Seed);
        model.to(device);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate, options.Beta1, options.Beta2, options.Epsilon);

        CheckpointState state;
        if (folder.HasRun)
        {
            CheckStoredConfig(folder, modelConfig, options);
            state = Checkpoint.Load(folder.Last, model, modelConfig, optimizer);
        }
        else
        {
            Directory.CreateDirectory(folder.Checkpoints);
            AtomicFile.WriteText(folder.Config, ConfigJson(modelConfig, options, weights, data));
            state = new CheckpointState(0, 0, 0, 0, [], [], new TrainingHistory { KeepBest = options.KeepBest }, modelConfig.ToJson());
        }

        int batches = Math.Min(train.BatchesPerEpoch, options.MaxBatchesPerEpoch ?? int.MaxValue);
        var history = state.History;
        for (int epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
        {
            // checked before an epoch starts, on the recorded epochs only: a resumed run stops where the first call would have
            if (options.MaxMinutes is double minutes && history.Epochs.Sum(e => e.Seconds) >= minutes * 60)
                return Finish(TrainingStatus.OutOfTime, history, folder);
            var clock = Stopwatch.StartNew();
            bool resumedMidEpoch = state.NextBatch > 0;
            double lossSum = resumedMidEpoch ? state.PartialLossSum : 0;
            var scores = resumedMidEpoch ? state.PartialScores : [];
            var labels = resumedMidEpoch ? state.PartialLabels : [];
            int batch = resumedMidEpoch ? state.NextBatch : 0;
            long steps = state.Steps;

            model.train();
            foreach (var b in train.Epoch(epoch - 1, batch, CancellationToken.None))
            {
                using (b)
                using (var scope = NewDisposeScope())
                {
                    if (batch >= batches) break;
                    var inputs = b.Inputs.to(device);
                    var targets = b.Targets.to(device);
                    optimizer.zero_grad();
                    var logits = model.forward(inputs);
                    var sampleWeights = targets * (weights.Positive - weights.Negative) + weights.Negative;
                    var loss = nn.functional.binary_cross_entropy_with_logits(logits, targets, sampleWeights);
                    double value = loss.item<float>();
                    if (!double.IsFinite(value))
                        throw new FishKitException($"the training loss became {value} at epoch {epoch}, batch {batch + 1}; training stopped. The last good checkpoint is kept ('{folder.Last}'); lower the learning rate and resume or start again.");
                    loss.backward();
                    optimizer.step();
                    steps++;
                    lossSum += value;
                    scores.AddRange(logits.detach().cpu().data<float>().ToArray());
                    labels.AddRange(b.Targets.data<float>().ToArray().Select(t => t > 0.5f));
                }
                batch++;
                progress?.Report(new TrainingProgress(epoch, options.Epochs, batch, batches, lossSum / batch, null));
                if (cancel.IsCancellationRequested && batch < batches)
                {
                    state = new CheckpointState(epoch - 1, batch, steps, lossSum, scores, labels, history, modelConfig.ToJson());
                    Checkpoint.Save(folder.Last, state, model, optimizer);
                    return new TrainingOutcome(TrainingStatus.Interrupted, history, folder);
                }
            }

            var (valLoss, valAuc, spread) = Validate(model, validation, device);
            var record = new EpochRecord(epoch, lossSum / Math.Max(1, batch), AucOrNull(labels.ToArray(), scores.Select(s => (double)s).ToArray()),
                valLoss, valAuc, spread, clock.Elapsed.TotalSeconds, steps);
            history.Epochs.Add(record);
            if (spread < options.CollapseThreshold)
                history.Warnings.Add($"epoch {epoch}: the validation probabilities hardly vary (standard deviation {spread:G3}): the model outputs about the same value for every clip. Try a lower learning rate, class weights or class-balanced sampling, or a smaller model.");

            state = new CheckpointState(epoch, 0, steps, 0, [], [], history, modelConfig.ToJson());
            Checkpoint.Save(folder.Epoch(epoch), state, model, optimizer);
            if (history.BestEpoch == epoch) AtomicFile.Copy(folder.Epoch(epoch), folder.Best);
            AtomicFile.Copy(folder.Epoch(epoch), folder.Last);
            AtomicFile.WriteText(folder.History, history.ToJson());
            progress?.Report(new TrainingProgress(epoch, options.Epochs, batch, batches, record.TrainLoss, record));

            if (options.EarlyStoppingPatience is int patience && epoch - history.BestEpoch!.Value >= patience)
                return Finish(TrainingStatus.EarlyStopped, history, folder);
            if (cancel.IsCancellationRequested && epoch < options.Epochs)
                return new TrainingOutcome(TrainingStatus.Interrupted, history, folder);
        }
        return Finish(TrainingStatus.Completed, history, folder);
    }

    /// <summary>Probabilities (sigmoid of the model's logits) for every sample of <paramref name="source"/>, by frame.</summary>
    public static IEnumerable<(int Frame, float Probability, bool Label)> Predict(nn.Module<Tensor, Tensor> model, IBatchSource source, string device = "cpu") =>
        Predict(model, source, Device(device));

    static IEnumerable<(int Frame, float Probability, bool Label)> Predict(nn.Module<Tensor, Tensor> model, IBatchSource source, Device dev)
    {
        model.to(dev);
        model.eval();
        foreach (var b in source.Epoch(0, 0, CancellationToken.None))
        {
            float[] p;
            float[] t;
            using (b)
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                p = sigmoid(model.forward(b.Inputs.to(dev))).cpu().data<float>().ToArray();
                t = b.Targets.data<float>().ToArray();
            }
            for (int i = 0; i < p.Length; i++) yield return (b.Frames[i], p[i], t[i] > 0.5f);
        }
    }

    static (double Loss, double? Auc, double Spread) Validate(nn.Module<Tensor, Tensor> model, IBatchSource validation, Device device)
    {
        var results = Predict(model, validation, device).ToList();
        if (results.Count == 0) throw new FishKitException("the validation split has no samples; give a longer validation split.");
        var probabilities = results.Select(r => (double)r.Probability).ToArray();
        var labels = results.Select(r => r.Label).ToArray();
        double loss = BinaryCrossEntropy.Mean(labels, probabilities);
        double mean = probabilities.Average();
        double spread = Math.Sqrt(probabilities.Sum(p => (p - mean) * (p - mean)) / probabilities.Length);
        return (loss, AucOrNull(labels, probabilities), spread);
    }

    static double? AucOrNull(bool[] labels, double[] scores) =>
        ScoredLabels.BothClasses(labels) ? Roc.Auc(labels, scores) : null;

    static TrainingOutcome Finish(TrainingStatus status, TrainingHistory history, RunFolder folder)
    {
        WriteSummary(folder, status.ToString(), history);
        return new TrainingOutcome(status, history, folder);
    }

    /// <summary>Writes the run's summary.json: how it ended (<paramref name="status"/>) and its best epoch.</summary>
    internal static void WriteSummary(RunFolder folder, string status, TrainingHistory history)
    {
        var best = history.Epochs.FirstOrDefault(e => e.Epoch == history.BestEpoch);
        var summary = new JsonObject
        {
            ["status"] = status,
            ["epochs"] = history.Epochs.Count,
            ["best_epoch"] = history.BestEpoch,
            ["best_validation_loss"] = best?.ValidationLoss,
            ["best_validation_auc"] = best?.ValidationAuc,
            ["seconds"] = history.Epochs.Sum(e => e.Seconds),
            ["warnings"] = new JsonArray(history.Warnings.Select(w => (JsonNode)w!).ToArray()),
        };
        AtomicFile.WriteText(folder.Summary, summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The run's config.json: the model, the options, the class weights, what it was trained on (<paramref name="data"/>) and the software.</summary>
    internal static string ConfigJson(ModelConfig model, TrainingOptions options, ClassWeights weights, JsonNode? data) =>
        new JsonObject
        {
            ["model"] = JsonNode.Parse(model.ToJson()),
            ["options"] = JsonSerializer.SerializeToNode(options, KitJson.Options),
            ["class_weights"] = new JsonObject { ["0"] = weights.Negative, ["1"] = weights.Positive },
            ["data"] = data?.DeepClone(),
            ["kit"] = typeof(Trainer).Assembly.GetName().Version?.ToString(),
            ["torchsharp"] = typeof(torch).Assembly.GetName().Version?.ToString(),
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A resumed run must use the settings it started with, or it would not finish as the uninterrupted run would.</summary>
    static void CheckStoredConfig(RunFolder folder, ModelConfig model, TrainingOptions options)
    {
        var stored = JsonNode.Parse(File.ReadAllText(folder.Config))!;
        var storedOptions = stored["options"].Deserialize<TrainingOptions>(KitJson.Options);
        if (storedOptions != options)
            throw new FishKitException($"run folder '{folder.Path}' was started with other training options (see its config.json); resume with the same options or choose a new folder.");
        var storedModel = ModelConfig.FromJson(stored["model"]!.ToJsonString(), folder.Config);
        if (storedModel != model)
            throw new FishKitException($"run folder '{folder.Path}' holds a run of another model (see its config.json); resume with the same model or choose a new folder.");
    }

    static Device Device(string name)
    {
        if (name == "cuda" && !cuda.is_available())
            throw TorchBackend.IsCudaBuild
                ? FishKitException.Refusal($"device \"cuda\" was asked for, but libtorch finds no CUDA device here (check the NVIDIA driver with nvidia-smi); use {FishKitException.Say(Term.CpuDevice)}.",
                    new(Parameter: Term.CpuDevice, Value: "cuda"))
                : TorchBackend.CpuBuildHasNoCuda();
        return name == "cuda" ? CUDA : CPU;
    }
}
