using System.Text.Json.Nodes;
using FishKit.Baselines;
using FishKit.Clips;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Pipeline;
using FishKit.Store;
using static TorchSharp.torch;

namespace FishKit.Training;

/// <summary>
/// Training runs from frames to a run folder, and predictions from a run folder to per-frame scores: what
/// <c>fishkit train</c>, <c>fishkit predict</c> and the notebooks call.
/// </summary>
public static partial class Runs
{
    /// <summary>The run's recipe in its folder.</summary>
    public static string ConfigPath(RunFolder folder) => folder.Recipe;

    /// <summary>The recipe of the run in <paramref name="folder"/> (its run.json).</summary>
    public static RunConfig Recipe(RunFolder folder) => RunConfig.FromJson(File.ReadAllText(ConfigPath(folder)), ConfigPath(folder));

    /// <summary>Where prepared splits (frame stores, y-tilde, labels) of a run are cached.</summary>
    public static string DataFolder(RunFolder folder) => Path.Combine(folder.Path, "data");

    /// <summary>
    /// Trains <paramref name="config"/> on the frames (folder or store) at <paramref name="train"/>, validating on
    /// <paramref name="validation"/>; the y-tilde LSTM also takes y-tilde series files (.npy or .csv) instead. Labels come
    /// from the signal pipeline unless label files are given. Resumes the run when the folder holds one. A fresh run
    /// refuses a non-empty folder that holds no run (except this recipe's own first call, killed before its first
    /// checkpoint: it starts again), and when it fails before its first checkpoint it removes what it added to the
    /// folder (<see cref="NewRunCleanup"/>).
    /// </summary>
    public static TrainingOutcome Train(RunConfig config, string train, string validation, RunFolder folder,
        string? trainLabels = null, string? validationLabels = null,
        IProgress<(string Stage, long Done, long Total)>? preparing = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancel = default)
    {
        config.Validate();
        if (folder.HasRun)
        {
            var stored = RunConfig.FromJson(File.ReadAllText(ConfigPath(folder)), ConfigPath(folder));
            if (stored != config && stored.ToJson() != config.ToJson())
                throw FishKitException.Refusal($"run folder '{folder.Path}' holds a run with another recipe (its run.json); resume it with that recipe ({FishKitException.Say(Term.Config)} {ConfigPath(folder)}) or choose a new folder.",
                    new(File: folder.Path));
        }
        else if (Directory.Exists(folder.Path) && !StoppedBeforeFirstCheckpoint(folder, config)
            && Directory.EnumerateFileSystemEntries(folder.Path).Any(e => Path.GetFileName(e) is not ("data" or "run.json")))
            throw new FishKitException($"run folder '{folder.Path}' is not empty and holds no run; choose a new folder.");
        using var cleanup = NewRunCleanup.Begin(folder); // disposed last, after the stores are closed
        using var trainSplit = Prepare(config, train, folder, trainLabels, "train", preparing, cancel);
        using var validationSplit = Prepare(config, validation, folder, validationLabels, "validation", preparing, cancel);
        using var trainSource = Source(config, trainSplit, config.Batches);
        using var validationSource = Source(config, validationSplit, BatchOptions.InOrder with { BatchSize = config.EvaluationBatchSize });
        // The recipe marks the folder as a run: written only once both splits are usable, so bad input leaves no half-made run.
        AtomicFile.WriteText(ConfigPath(folder), config.ToJson());
        var data = new JsonObject
        {
            ["train"] = Path.GetFullPath(train),
            ["validation"] = Path.GetFullPath(validation),
            ["train_labels"] = trainLabels,
            ["validation_labels"] = validationLabels,
        };
        return Trainer.Run(config.Model, config.Training, trainSource.Batches, validationSource.Batches, folder, data, progress, cancel);
    }

    /// <summary>
    /// Whether <paramref name="folder"/> holds a first call of this very recipe that was stopped before its first
    /// checkpoint (killed: nothing could clean up), which the same command starts again rather than refuse.
    /// </summary>
    static bool StoppedBeforeFirstCheckpoint(RunFolder folder, RunConfig config)
    {
        if (!File.Exists(ConfigPath(folder))) return false;
        try { return RunConfig.FromJson(File.ReadAllText(ConfigPath(folder)), ConfigPath(folder)).ToJson() == config.ToJson(); }
        catch (FishKitException) { return false; }
    }

    /// <summary>
    /// Scores every frame of <paramref name="frames"/> (folder or store, or for the y-tilde LSTM a y-tilde series file)
    /// with the run's best checkpoint: the model's probability for each frame whose clip (or y-tilde window) exists, and 0
    /// before it, as the write-up wrote its scores. <paramref name="range"/> scores only frames First .. Last (0 elsewhere),
    /// e.g. to score a few frames with a large model.
    /// </summary>
    public static double[] Predict(RunFolder folder, string frames, string checkpoint = "best",
        IProgress<(string Stage, long Done, long Total)>? preparing = null, CancellationToken cancel = default, (int First, int Last)? range = null)
    {
        var config = LoadConfig(folder);
        var path = CheckpointPath(folder, checkpoint);
        using var split = Prepare(config, frames, folder, null, "predict", preparing, cancel);
        int first = config.FirstScoredFrame;
        int frameCount = split.YTilde.Length;
        if (frameCount <= first)
            throw new FishKitException($"'{frames}' has {frameCount} frames; the model needs at least {first + 1} for one sample.");
        var (from, to) = range ?? (first, frameCount - 1);
        if (from > to || to >= frameCount || to < first)
            throw new FishKitException($"frames {from} .. {to} are not frames the model can score in '{frames}' ({first} .. {frameCount - 1}).");
        using var source = Source(config, split, BatchOptions.InOrder with { BatchSize = config.EvaluationBatchSize }, Math.Max(from, first), to);
        using var model = config.Model.Create();
        Checkpoint.Load(path, model, config.Model, optimizer: null);
        var scores = new double[frameCount];
        foreach (var (frame, probability, _) in Trainer.Predict(model, source.Batches, config.Training.Device))
        {
            cancel.ThrowIfCancellationRequested();
            scores[frame] = probability;
        }
        return scores;
    }

    /// <summary>The recipe of the run in <paramref name="folder"/>, refused clearly when the folder holds no run.</summary>
    static RunConfig LoadConfig(RunFolder folder)
    {
        if (!File.Exists(ConfigPath(folder)))
            throw FishKitException.Refusal($"'{folder.Path}' is not a run folder (no run.json); give {FishKitException.Say(Term.TrainOutput)}.", new(File: folder.Path));
        return RunConfig.FromJson(File.ReadAllText(ConfigPath(folder)), ConfigPath(folder));
    }

    /// <summary>best, last or a checkpoint file.</summary>
    static string CheckpointPath(RunFolder folder, string checkpoint) =>
        checkpoint == "best" ? folder.Best : checkpoint == "last" ? folder.Last : checkpoint;

    /// <summary>A split's y-tilde and labels, and its frames unless it came as a series; disposes the frames.</summary>
    sealed record Prepared(double[] YTilde, bool[] Labels, FrameStore? Store) : IDisposable
    {
        public void Dispose() => Store?.Dispose();
    }

    /// <summary>A y-tilde series file for the y-tilde LSTM (a ConvLSTM is refused: it needs frames), or frames prepared as a split.</summary>
    static Prepared Prepare(RunConfig config, string path, RunFolder folder, string? labels, string stage,
        IProgress<(string Stage, long Done, long Total)>? preparing, CancellationToken cancel)
    {
        if (Series.IsSeriesPath(path))
        {
            if (config.Model is not YTildeLstmConfig)
                throw FishKitException.Refusal($"'{path}' is a series file, but only the y-tilde LSTM ({FishKitException.Say(Term.YTildeLstmModel)}) learns from a y-tilde series; a ConvLSTM needs frames: give a folder of frames or a frame store.");
            var series = LabelledSeries.Read(path, labels);
            return new Prepared(series.YTilde, series.Labels, null);
        }
        var progress = preparing is null ? null : new Progress<(long Done, long Total)>(p => preparing.Report((stage, p.Done, p.Total)));
        var split = PreparedSplit.Open(path, DataFolder(folder), config.Size, config.Resize, labels, progress: progress, cancel: cancel);
        return new Prepared(split.YTilde, split.Labels, split.Store);
    }

    /// <summary>A batch source that disposes what it holds.</summary>
    sealed record OwnedSource(IBatchSource Batches) : IDisposable
    {
        public void Dispose() => (Batches as IDisposable)?.Dispose();
    }

    static OwnedSource Source(RunConfig config, Prepared prepared, BatchOptions options, int? first = null, int? last = null)
    {
        if (config.Model is YTildeLstmConfig lstm)
            return new OwnedSource(new YTildeBatchSource(prepared.YTilde, prepared.Labels, lstm, options with { Flips = false }, config.Training.Seed, first, last));
        var store = prepared.Store!; // Prepare refuses a series for any other model
        var set = first is int a
            ? ClipSet.Create(store, config.Layout, prepared.Labels, a, last!.Value)
            : ClipSet.Create(store, config.Layout, prepared.Labels);
        return new OwnedSource(new ClipBatchSource(set, options, config.Training.Seed));
    }

    /// <summary>
    /// The finished runs among <paramref name="runs"/> (summary.json written) scored on <paramref name="frames"/> (the split's
    /// frames or store) beside <paramref name="split"/>'s algorithmic baseline, named "baseline", on their shared frames.
    /// </summary>
    public static SharedFrames OnSharedFrames(SplitSignals split, string frames, IEnumerable<(string Name, RunFolder Run)> runs,
        Func<BurstAssignment?>? assignment = null, int resamples = BurstKindEvaluation.DefaultResamples, int seed = 1)
    {
        var finished = runs.Where(r => File.Exists(r.Run.Summary)).ToList();
        var firstScored = finished.Select(r => Recipe(r.Run).FirstScoredFrame).ToList();
        var scored = new List<(string, double[])> { ("baseline", split.Baseline) };
        scored.AddRange(finished.Select(r => (r.Name, Predict(r.Run, frames))));
        return SharedFrames.Evaluate(split, scored, firstScored, assignment, resamples, seed);
    }
}
