using System.Globalization;
using FishKit.Baselines;
using FishKit.Clips;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Models;
using FishKit.Torch;
using FishKit.Training;

namespace FishKit.Benchmarks;

/// <summary>
/// One training epoch (then scoring the validation windows) of the y-tilde LSTM with the write-up recipe
/// (<see cref="RunConfig.WriteUpYTildeLstm"/>: 2 x 32 units, windows of 120, batches of 256, Adam) on synthetic y-tilde
/// series as long as the write-up's train and validation splits, in the kit (<c>Runs.Train</c>, what <c>fishkit
/// train</c> runs) and in Debian's PyTorch 1.13 (peers/ytilde_lstm_peer.py): same initial weights (the peer loads the
/// kit's export), same batches in the same order, same threads, fresh processes alternating. Checks that both give the
/// same first losses, and where the epoch's mean training loss and validation AUC end up.
/// </summary>
sealed class YTildeLstmBenchmark : IBenchmark
{
    public string Name => "ytildelstm";

    public string Description => "one epoch of the y-tilde LSTM (writeup-ytilde-lstm) vs PyTorch 1.13 [--rounds 3] [--threads 1] [--frames 44956] [--val-frames 3593]";

    static readonly RunConfig Recipe = RunConfig.WriteUpYTildeLstm with { Training = RunConfig.WriteUpYTildeLstm.Training with { Epochs = 1 } };

    public int Run(string[] args)
    {
        int threads = Measure.IntOption(args, "--threads", Recipe.Training.Threads);
        var recipe = Recipe with { Training = Recipe.Training with { Threads = threads } };
        if (Measure.Option(args, "--child") is { } dir) return RunKitChild(recipe, dir);

        int rounds = Measure.IntOption(args, "--rounds", 3);
        var data = Directory.CreateTempSubdirectory("fishkit-ytildelstm-").FullName;
        try
        {
            var (trainFrames, validationFrames) = (Measure.IntOption(args, "--frames", 44_956), Measure.IntOption(args, "--val-frames", 3_593));
            int batches = Prepare(data, recipe, trainFrames, validationFrames);
            Console.WriteLine($"ytildelstm: one epoch of writeup-ytilde-lstm ({trainFrames:N0} synthetic y-tilde values, {batches} batches of {recipe.Batches.BatchSize}, " +
                $"then {validationFrames:N0} validation values), {threads} thread(s), OMP_WAIT_POLICY {Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "unset"} (both sides); " +
                $"{rounds} rounds, each a fresh process per side, sides alternating");
            Console.WriteLine($"machine: {Measure.Machine()}, load average {Measure.LoadAverage()}");
            var kit = new List<Report>();
            var peer = new List<Report>();
            for (int r = 0; r < rounds; r++)
            {
                kit.Add(Report.Parse(Measure.RunSelf([Name, "--child", data, "--threads", threads.ToString(CultureInfo.InvariantCulture)])));
                peer.Add(Report.Parse(Measure.RunPeer("ytilde_lstm_peer.py", "--data", data, "--threads", threads.ToString(CultureInfo.InvariantCulture),
                    "--lr", recipe.Training.LearningRate.ToString("R", CultureInfo.InvariantCulture), "--eps", recipe.Training.Epsilon.ToString("R", CultureInfo.InvariantCulture),
                    "--batch", recipe.Batches.BatchSize.ToString(CultureInfo.InvariantCulture), "--eval-batch", recipe.EvaluationBatchSize.ToString(CultureInfo.InvariantCulture))));
                Console.WriteLine($"  round {r + 1}: kit {kit[^1]}, PyTorch {peer[^1]}");
            }
            double kitEpoch = Measure.Median(kit.Select(k => k.Seconds)), peerEpoch = Measure.Median(peer.Select(p => p.Seconds));
            double kitCpu = Measure.Median(kit.Select(k => k.CpuSeconds)), peerCpu = Measure.Median(peer.Select(p => p.CpuSeconds));
            Console.WriteLine($"epoch time (median): kit {kitEpoch:F1} s, PyTorch {peerEpoch:F1} s; ratio kit/PyTorch {kitEpoch / peerEpoch:F2} (target <= 1)");
            Console.WriteLine($"epoch CPU time (median, user + system): kit {kitCpu:F1} s, PyTorch {peerCpu:F1} s; ratio {kitCpu / peerCpu:F2}");
            var (k, q) = (kit[0], peer[0]);
            Console.WriteLine($"check: first batch's loss kit {k.FirstLoss:G9}, PyTorch {q.FirstLoss:G9} (relative difference {Math.Abs(k.FirstLoss / q.FirstLoss - 1):E1}); " +
                $"mean of the first {CheckedBatches[1]} kit {k.TenthLoss:G9}, PyTorch {q.TenthLoss:G9} ({Math.Abs(k.TenthLoss / q.TenthLoss - 1):E1}) (same initial weights and batches)");
            Console.WriteLine($"       after the epoch's {batches} Adam steps: mean training loss kit {k.TrainLoss:G6}, PyTorch {q.TrainLoss:G6}; validation AUC kit {k.ValidationAuc:F4}, PyTorch {q.ValidationAuc:F4} " +
                "(float32 rounding differs between oneDNN's and PyTorch 1.13's LSTM; the steps let it grow)");
            Console.WriteLine($"load average after: {Measure.LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Writes both sides' inputs into <paramref name="dir"/>: the series, their labels, the epoch's batches (frames in order) and the initial weights; returns the batch count.</summary>
    static int Prepare(string dir, RunConfig recipe, int trainFrames, int validationFrames)
    {
        TorchRuntime.EnsureLoaded();
        foreach (var (name, frames, seed) in new[] { ("train", trainFrames, 1), ("val", validationFrames, 2) })
        {
            var ytilde = SyntheticYTilde(frames, seed);
            Series.Write(Path.Combine(dir, $"{name}.npy"), ytilde, "ytilde");
            Series.WriteLabels(Path.Combine(dir, $"{name}-labels.npy"), CalmBeforeBurstLabeler.Label(ytilde), "label");
        }
        var source = new YTildeBatchSource(Series.Read(Path.Combine(dir, "train.npy")), Series.ReadLabels(Path.Combine(dir, "train-labels.npy")),
            (YTildeLstmConfig)recipe.Model, recipe.Batches, recipe.Training.Seed);
        var order = new List<double>();
        foreach (var batch in source.Epoch(0, 0, CancellationToken.None))
            using (batch) order.AddRange(batch.Frames.Select(f => (double)f));
        Series.Write(Path.Combine(dir, "order.npy"), order.ToArray(), "frame");
        using var model = recipe.Model.Create(recipe.Training.Seed); // what Trainer.Run draws for this seed
        ModelWeights.SavePyTorch(model, Path.Combine(dir, "weights.pt"));
        return source.BatchesPerEpoch;
    }

    /// <summary>A y-tilde-like series: calm noise around 0.0008 with a burst of fast swimming every ~300 frames.</summary>
    static double[] SyntheticYTilde(int frames, int seed)
    {
        var random = new Random(seed);
        var y = new double[frames];
        for (int t = 0; t < frames; t++) y[t] = Math.Abs(0.0008 + 0.0002 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2);
        for (int onset = 150; onset < frames - 100; onset += 200 + random.Next(200))
        {
            int length = 20 + random.Next(60);
            for (int i = 0; i < length; i++) y[onset + i] += 0.003 - 0.0025 * i / length;
        }
        y[^1] = 0;
        return y;
    }

    /// <summary>The kit's side, in its own process: <c>Runs.Train</c> for one epoch, as <c>fishkit train</c> runs it.</summary>
    static int RunKitChild(RunConfig recipe, string dir)
    {
        TorchRuntime.EnsureLoaded();
        var run = Path.Combine(dir, $"kit-run-{Environment.ProcessId}");
        var cpu = Environment.CpuUsage.TotalTime;
        var running = new RunningLoss();
        var outcome = Runs.Train(recipe, Path.Combine(dir, "train.npy"), Path.Combine(dir, "val.npy"), new RunFolder(run),
            Path.Combine(dir, "train-labels.npy"), Path.Combine(dir, "val-labels.npy"), progress: running);
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        var epoch = outcome.History.Epochs.Single();
        Console.WriteLine(FormattableString.Invariant($"epoch {epoch.Seconds:F6} {cpuSeconds:F6}"));
        Console.WriteLine(FormattableString.Invariant($"loss_after {CheckedBatches[0]} {running.Means[CheckedBatches[0] - 1]:R}"));
        Console.WriteLine(FormattableString.Invariant($"loss_after {CheckedBatches[1]} {running.Means[CheckedBatches[1] - 1]:R}"));
        Console.WriteLine(FormattableString.Invariant($"train_loss {epoch.TrainLoss:R}"));
        Console.WriteLine(FormattableString.Invariant($"val_auc {epoch.ValidationAuc:R}"));
        Directory.Delete(run, recursive: true);
        return 0;
    }

    /// <summary>The batches after which both sides report their running mean training loss: the first (no step taken yet) and the tenth.</summary>
    static readonly int[] CheckedBatches = [1, 10];

    /// <summary>The running mean training loss after each batch, as the trainer reports it.</summary>
    sealed class RunningLoss : IProgress<TrainingProgress>
    {
        public List<double> Means { get; } = [];

        public void Report(TrainingProgress value)
        {
            if (value.Finished is null) Means.Add(value.Loss);
        }
    }

    /// <summary>
    /// What one process reported: the epoch's wall and CPU seconds (training and validation), the running mean training
    /// loss after the first and the tenth batch, the epoch's mean training loss and the validation AUC.
    /// </summary>
    sealed record Report(double Seconds, double CpuSeconds, double FirstLoss, double TenthLoss, double TrainLoss, double ValidationAuc)
    {
        public static Report Parse(string output)
        {
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ')).ToList();
            double Value(string key, int index = 1) => double.Parse(lines.Single(l => l[0] == key)[index], CultureInfo.InvariantCulture);
            double After(int batch) => double.Parse(lines.Single(l => l[0] == "loss_after" && l[1] == batch.ToString(CultureInfo.InvariantCulture))[2], CultureInfo.InvariantCulture);
            return new Report(Value("epoch"), Value("epoch", 2), After(CheckedBatches[0]), After(CheckedBatches[1]), Value("train_loss"), Value("val_auc"));
        }

        public override string ToString() => FormattableString.Invariant($"{Seconds:F1}s (cpu {CpuSeconds:F1}s)");
    }
}
