using System.CommandLine;
using System.Globalization;
using FishKit.IO;
using FishKit.Models;
using FishKit.Training;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit train</c>: trains a model on a train split, validating on another, into a run folder that can be resumed.</summary>
static class TrainCommand
{
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "Training frames: a folder of frames or a frame store (fishkit frames pack); for the y-tilde LSTM also a y-tilde series (.npy or .csv).", Required = true };
        var val = new Option<string>("--val") { Description = "Validation frames: a folder or a frame store; for the y-tilde LSTM also a y-tilde series (.npy or .csv).", Required = true };
        var output = CommonOptions.Out("Run folder: config, history, checkpoints, summary. A folder holding a run is resumed.");
        var preset = new Option<string>("--preset") { Description = $"A named recipe: {string.Join(", ", RunConfig.Presets)}.", DefaultValueFactory = _ => "writeup" };
        var config = new Option<string?>("--config") { Description = "A run.json recipe (overrides --preset)." };
        var model = new Option<string?>("--model") { Description = $"Architecture: {string.Join(", ", Architectures.Names)}." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Training batch size." };
        var lr = new Option<double?>("--lr") { Description = "Adam's learning rate." };
        var seed = new Option<int?>("--seed") { Description = "Seed of every random choice." };
        var threads = new Option<int?>("--threads") { Description = "CPU threads (default: all cores)." };
        var device = new Option<string?>("--device") { Description = "cpu or cuda." };
        var maxBatches = new Option<int?>("--max-batches") { Description = "At most this many batches per epoch (quick runs)." };
        var trainLabels = new Option<string?>("--train-labels") { Description = "Labels for the training frames instead of the signal pipeline's." };
        var valLabels = new Option<string?>("--val-labels") { Description = "Labels for the validation frames instead of the signal pipeline's." };
        var command = new Command("train", "Train a model (default: the write-up's best ConvLSTM with its settings) and checkpoint every epoch; Ctrl-C saves and a rerun resumes.")
        {
            train, val, output, preset, config, model, epochs, batchSize, lr, seed, threads, device, maxBatches, trainLabels, valLabels,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var recipe = parseResult.GetValue(config) is { } file
                ? RunConfig.FromJson(ReadConfig(file), file)
                : RunConfig.Preset(parseResult.GetValue(preset)!);
            if (parseResult.GetValue(model) is { } name)
                recipe = recipe with { Model = name == Architectures.ConvLstm && recipe.Model is ConvLstmConfig ? recipe.Model : Architectures.Config(name, recipe.Channels) };
            recipe = recipe with
            {
                Training = recipe.Training with
                {
                    Epochs = parseResult.GetValue(epochs) ?? recipe.Training.Epochs,
                    LearningRate = parseResult.GetValue(lr) ?? recipe.Training.LearningRate,
                    Seed = parseResult.GetValue(seed) ?? recipe.Training.Seed,
                    Threads = parseResult.GetValue(threads) ?? recipe.Training.Threads,
                    Device = parseResult.GetValue(device) ?? recipe.Training.Device,
                    MaxBatchesPerEpoch = parseResult.GetValue(maxBatches) ?? recipe.Training.MaxBatchesPerEpoch,
                },
                Batches = recipe.Batches with { BatchSize = parseResult.GetValue(batchSize) ?? recipe.Batches.BatchSize },
            };
            var folder = new RunFolder(parseResult.GetValue(output)!);
            if (folder.HasRun) writer.WriteLine($"Resuming the run in {folder.Path}.");

            using var cancel = CliCancellation.OnCtrlC();
            var outcome = Train(writer, recipe, parseResult.GetValue(train)!, parseResult.GetValue(val)!, folder,
                parseResult.GetValue(trainLabels), parseResult.GetValue(valLabels), cancel.Token);
            return outcome.Status == TrainingStatus.Interrupted ? 130 : 0;
        });
        return command;
    }

    /// <summary>
    /// Trains <paramref name="recipe"/> into <paramref name="folder"/> (<see cref="Runs.Train"/>) with a progress bar over
    /// preparing and training, then writes the run's summary; what <c>train</c> and <c>showcase</c> share.
    /// </summary>
    public static TrainingOutcome Train(TextWriter writer, RunConfig recipe, string train, string validation, RunFolder folder,
        string? trainLabels, string? validationLabels, CancellationToken cancel)
    {
        var outcome = CliProgress.Run(writer, "training", bar =>
        {
            var preparing = new Progress<(string Stage, long Done, long Total)>(p => bar.Report((p.Done, p.Total)));
            return Runs.Train(recipe, train, validation, folder, trainLabels, validationLabels, preparing, Steps(writer, bar), cancel);
        });
        WriteSummary(writer, outcome, epochsAlreadyPrinted: !CliProgress.Interactive(writer));
        return outcome;
    }

    static string ReadConfig(string file)
    {
        RegularFile.Check(file, "run config");
        return File.Exists(file) ? File.ReadAllText(file) : throw new FishKitException($"run config '{file}' does not exist.");
    }

    /// <summary>Training progress that moves <paramref name="bar"/> with the batches and prints each finished epoch where no bar is shown.</summary>
    public static IProgress<TrainingProgress> Steps(TextWriter writer, IProgress<(long Done, long Total)> bar) => new InlineProgress(p =>
    {
        bar.Report((p.Batch, p.Batches));
        if (p.Finished is { } e && !CliProgress.Interactive(writer)) writer.WriteLine(EpochLine(e));
    });

    static string EpochLine(EpochRecord e) => string.Format(CultureInfo.InvariantCulture,
        "epoch {0}: train loss {1:F4}, validation loss {2:F4}, validation AUC {3}, {4:F0} s",
        e.Epoch, e.TrainLoss, e.ValidationLoss, e.ValidationAuc is double a ? a.ToString("F3", CultureInfo.InvariantCulture) : "n/a", e.Seconds);

    /// <summary>The run's end; epochs are listed unless they were printed as they finished (redirected output).</summary>
    public static void WriteSummary(TextWriter writer, TrainingOutcome outcome, bool epochsAlreadyPrinted)
    {
        if (!epochsAlreadyPrinted)
            foreach (var e in outcome.History.Epochs) writer.WriteLine(EpochLine(e));
        foreach (var w in outcome.History.Warnings) writer.WriteLine($"warning: {w}");
        writer.WriteLine(outcome.Status switch
        {
            TrainingStatus.Interrupted => $"Interrupted: a checkpoint was saved; run the same command again to resume ({outcome.Folder.Last}).",
            TrainingStatus.OutOfTime => $"Out of time after epoch {outcome.History.Epochs.Count} (training.maxMinutes). Best epoch {outcome.History.BestEpoch} -> {outcome.Folder.Best}",
            TrainingStatus.EarlyStopped => $"Stopped early: no better epoch for a while. Best epoch {outcome.History.BestEpoch} ({outcome.History.BestMeaning}) -> {outcome.Folder.Best}",
            _ => $"Done. Best epoch {outcome.History.BestEpoch} ({outcome.History.BestMeaning}) -> {outcome.Folder.Best}",
        });
    }

    /// <summary>Reports on the training thread, so the bar and lines keep pace with the steps.</summary>
    sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
