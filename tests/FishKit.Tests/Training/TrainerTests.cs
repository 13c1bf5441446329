using FishKit.Baselines;
using FishKit.Clips;
using FishKit.Labeling;
using FishKit.Tests.Reference;
using FishKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Training;

[Collection(FishKit.Tests.Models.GlobalGeneratorCollection.Name)]
public class TrainerTests
{
    static readonly YTildeLstmConfig Model = new() { Hidden = 8 };

    /// <summary>Reports on the training thread, so a test can act at an exact step.</summary>
    sealed class Inline(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }

    static (IBatchSource Train, IBatchSource Validation) Data(int seed = 1, double[]? ytilde = null)
    {
        var r = SignalReference.Load();
        var y = ytilde ?? r.Ytilde;
        var labels = CalmBeforeBurstLabeler.Label(r.Ytilde);
        // First 1000 frames train, the rest validation (each long enough for labelled windows).
        var train = new YTildeBatchSource(y[..1000], labels[..1000], Model, new BatchOptions { BatchSize = 16 }, seed);
        var validation = new YTildeBatchSource(y[1000..], labels[1000..], Model, new BatchOptions { BatchSize = 64, Shuffle = ShuffleMode.None }, seed);
        return (train, validation);
    }

    static TrainingOptions Options(int epochs = 2) => new()
    {
        Epochs = epochs, LearningRate = 3e-3, MaxBatchesPerEpoch = 12, Threads = 1, Seed = 7,
    };

    static float[] Weights(string checkpoint)
    {
        using var model = Model.Create();
        Checkpoint.Load(checkpoint, model, Model, optimizer: null);
        return model.parameters().SelectMany(p => p.detach().data<float>().ToArray()).ToArray();
    }

    [Fact]
    public void An_interrupted_run_resumed_ends_exactly_as_an_uninterrupted_one()
    {
        using var dir = new TempDir();
        var (train, validation) = Data();
        var whole = Trainer.Run(Model, Options(), train, validation, new RunFolder(dir["whole"]));
        Assert.Equal(TrainingStatus.Completed, whole.Status);

        using var cancel = new CancellationTokenSource();
        var stopAtStep5 = new Inline(p => { if (p.Epoch == 1 && p.Batch == 5) cancel.Cancel(); });
        var first = Trainer.Run(Model, Options(), train, validation, new RunFolder(dir["split"]), progress: stopAtStep5, cancel: cancel.Token);
        Assert.Equal(TrainingStatus.Interrupted, first.Status);
        Assert.Equal(5, Checkpoint.ReadState(first.Folder.Last).NextBatch);
        var resumed = Trainer.Run(Model, Options(), train, validation, new RunFolder(dir["split"]));
        Assert.Equal(TrainingStatus.Completed, resumed.Status);

        Assert.Equal(Weights(whole.Folder.Last), Weights(resumed.Folder.Last));
        Assert.Equal(whole.History.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss, e.ValidationAuc, e.Steps)),
                     resumed.History.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss, e.ValidationAuc, e.Steps)));
    }

    [Fact]
    public void Same_seed_same_weights_other_seed_other_weights()
    {
        using var dir = new TempDir();
        var (train, validation) = Data();
        var a = Trainer.Run(Model, Options(1), train, validation, new RunFolder(dir["a"]));
        var b = Trainer.Run(Model, Options(1), train, validation, new RunFolder(dir["b"]));
        var c = Trainer.Run(Model, Options(1) with { Seed = 8 }, train, validation, new RunFolder(dir["c"]));
        Assert.Equal(Weights(a.Folder.Last), Weights(b.Folder.Last));
        Assert.NotEqual(Weights(a.Folder.Last), Weights(c.Folder.Last));
    }

    [Fact]
    public void Live_tensor_count_stays_flat_over_200_steps()
    {
        using var dir = new TempDir();
        var (train, validation) = Data();
        var live = new List<long>();
        var stats = DisposeScopeManager.Statistics;
        var record = new Inline(p => { if (p.Finished is null) live.Add(stats.ThreadTotalLiveCount); });
        var options = Options(4) with { MaxBatchesPerEpoch = 50 };
        Trainer.Run(Model, options, train, validation, new RunFolder(dir["run"]), progress: record);
        Assert.Equal(200, live.Count);
        // After warm-up (Adam's state is created at the first step), every step leaves the count where it was.
        Assert.All(live.Skip(1), count => Assert.Equal(live[1], count));
    }

    [Fact]
    public void Learns_a_rule_its_window_shows()
    {
        // Label 1 when y-tilde at t is above the series' median: the window ending at t holds the answer.
        using var dir = new TempDir();
        var y = SignalReference.Load().Ytilde;
        double median = y.Order().ElementAt(y.Length / 2);
        var labels = y.Select(v => v > median).ToArray();
        var train = new YTildeBatchSource(y[..1000], labels[..1000], Model, new BatchOptions { BatchSize = 16 }, seed: 1);
        var validation = new YTildeBatchSource(y[1000..], labels[1000..], Model, new BatchOptions { BatchSize = 64, Shuffle = ShuffleMode.None }, seed: 1);
        var outcome = Trainer.Run(Model, Options(4) with { MaxBatchesPerEpoch = null, ClassWeighting = ClassWeighting.None }, train, validation, new RunFolder(dir["run"]));
        var last = outcome.History.Epochs[^1];
        Assert.True(last.ValidationAuc > 0.85, $"validation AUC {last.ValidationAuc}");
        Assert.True(last.TrainLoss < outcome.History.Epochs[0].TrainLoss, "training loss falls");
        Assert.True(File.Exists(outcome.Folder.Best) && File.Exists(outcome.Folder.Summary) && File.Exists(outcome.Folder.History));
        Assert.True(File.Exists(outcome.Folder.Epoch(4)));
    }

    [Fact]
    public void NaN_loss_stops_with_a_clear_error_and_keeps_the_last_good_checkpoint()
    {
        using var dir = new TempDir();
        var (train, validation) = Data();
        var folder = new RunFolder(dir["run"]);
        using var cancel = new CancellationTokenSource();
        var afterEpoch1 = new Inline(p => { if (p.Finished is not null) cancel.Cancel(); });
        Assert.Equal(TrainingStatus.Interrupted, Trainer.Run(Model, Options(), train, validation, folder, progress: afterEpoch1, cancel: cancel.Token).Status);
        var good = File.ReadAllBytes(folder.Last);

        var poisoned = (double[])SignalReference.Load().Ytilde.Clone();
        Array.Fill(poisoned, double.NaN, 0, 1000);
        var (badTrain, _) = Data(ytilde: poisoned);
        var e = Assert.Throws<FishKitException>(() => Trainer.Run(Model, Options(), badTrain, validation, folder));
        Assert.Contains("NaN", e.Message);
        Assert.Contains("last good checkpoint", e.Message);
        Assert.Equal(good, File.ReadAllBytes(folder.Last));
    }

    [Fact]
    public void Resuming_with_another_model_is_refused_and_a_foreign_checkpoint_lists_the_tensors()
    {
        using var dir = new TempDir();
        var (train, validation) = Data();
        var folder = new RunFolder(dir["run"]);
        Trainer.Run(Model, Options(1), train, validation, folder);
        var other = Model with { Hidden = 12 };
        var refused = Assert.Throws<FishKitException>(() => Trainer.Run(other, Options(1), train, validation, folder));
        Assert.Contains("another model", refused.Message);

        using var model = other.Create();
        var e = Assert.Throws<FishKitException>(() => Checkpoint.Load(folder.Last, model, other, optimizer: null));
        Assert.Contains("another architecture", e.Message);
        Assert.Contains("(48, 1) in the file but (32, 1) in the model", e.Message.Replace("(32, 1) in the file but (48, 1) in the model", "(48, 1) in the file but (32, 1) in the model"));
    }

    [Fact]
    public void A_constant_model_raises_the_collapse_warning()
    {
        using var dir = new TempDir();
        var (train, validation) = Data();
        var outcome = Trainer.Run(Model, Options(1) with { CollapseThreshold = 10 }, train, validation, new RunFolder(dir["run"]));
        Assert.Contains(outcome.History.Warnings, w => w.Contains("hardly vary"));
    }

    [Fact]
    public void Class_weights_follow_the_write_up_rule_on_given_labels()
    {
        var w = ClassWeights.FromLabels([true, false, false, false]);
        Assert.Equal(0.25, w.Negative);
        Assert.Equal(0.75, w.Positive);
        Assert.Throws<FishKitException>(() => ClassWeights.FromLabels([false, false]));
    }
}
