using FishKit.IO;
using FishKit.Models;
using FishKit.Synthetic;
using FishKit.Training;

namespace FishKit.Tests.Training;

[Collection(FishKit.Tests.Models.GlobalGeneratorCollection.Name)]
public class RunsTests
{
    /// <summary>A recipe small enough for a test: 32x24 frames, clips of 4 steps x 4 frames.</summary>
    internal static readonly RunConfig Tiny = RunConfig.Teaching with
    {
        Model = new ConvLstmConfig { Filters = [2] },
        Width = 32, Height = 24, Steps = 4, Channels = 4, Stride = 2,
        Training = RunConfig.Teaching.Training with { Epochs = 1, MaxBatchesPerEpoch = 3, Threads = 1 },
        Batches = RunConfig.Teaching.Batches with { BatchSize = 4 },
        EvaluationBatchSize = 64,
    };

    internal static (string Train, string Validation) Splits(TempDir dir)
    {
        var sim = TankSimulator.Run(new TankParameters(), seed: 5, frames: 600);
        TankSession.WriteSplits(sim, dir["tank"], [new("train", 300), new("validation", 300)]);
        return (dir["tank/train"], dir["tank/validation"]);
    }

    [Fact]
    public void Train_then_predict_then_evaluate_through_the_command_line()
    {
        using var dir = new TempDir();
        var (train, validation) = Splits(dir);
        File.WriteAllText(dir["tiny.json"], Tiny.ToJson());

        var trained = Cli.Run("train", "--config", dir["tiny.json"], "--train", train, "--val", validation, "--out", dir["run"]);
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.Contains("epoch 1:", trained.Output);
        foreach (var file in new[] { "run.json", "config.json", "history.json", "summary.json", "checkpoints/best.ckpt", "checkpoints/epoch-001.ckpt" })
            Assert.True(File.Exists(dir[$"run/{file}"]), file);
        Assert.True(File.Exists(Directory.GetFiles(dir["run/data"], "*.fks.ytilde.npy").First()));

        var predicted = Cli.Run("predict", "--run", dir["run"], "--frames", validation, "--out", dir["scores.npy"]);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var scores = Series.Read(dir["scores.npy"]);
        Assert.Equal(300, scores.Length);
        int first = Tiny.Layout.FirstFrame; // 4*4 frames, stride 2: (16-1)*2 = frame 30
        Assert.Equal(30, first);
        Assert.All(scores[..first], s => Assert.Equal(0, s));
        Assert.All(scores[first..], s => Assert.InRange(s, 1e-9, 1 - 1e-9));

        Assert.Equal(0, Cli.Run("ytilde", validation, "--out", dir["y.npy"]).ExitCode);
        Assert.Equal(0, Cli.Run("label", dir["y.npy"], "--out", dir["l.npy"]).ExitCode);
        var evaluated = Cli.Run("evaluate", "--labels", dir["l.npy"], "--scores", dir["scores.npy"], "--from", "119", "--to", "288", "--json");
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        Assert.Contains("\"auc\"", evaluated.Output);
    }

    [Fact]
    public void A_run_folder_resumes_only_its_own_recipe_and_a_foreign_folder_is_refused()
    {
        using var dir = new TempDir();
        var (train, validation) = Splits(dir);
        var folder = new RunFolder(dir["run"]);
        Runs.Train(Tiny, train, validation, folder);
        var other = Tiny with { Training = Tiny.Training with { LearningRate = 0.5 } };
        var e = Assert.Throws<FishKitException>(() => Runs.Train(other, train, validation, folder));
        Assert.Contains("another recipe", e.Message);

        Directory.CreateDirectory(dir["mine"]);
        File.WriteAllText(dir["mine/notes.txt"], "keep");
        var refused = Assert.Throws<FishKitException>(() => Runs.Train(Tiny, train, validation, new RunFolder(dir["mine"])));
        Assert.Contains("not empty", refused.Message);
        Assert.Equal("keep", File.ReadAllText(dir["mine/notes.txt"]));
    }

    [Fact]
    public void A_wrong_validation_path_leaves_no_run_behind_and_the_corrected_call_trains()
    {
        using var dir = new TempDir();
        var (train, validation) = Splits(dir);
        File.WriteAllText(dir["tiny.json"], Tiny.ToJson());

        var wrong = Cli.Run("train", "--config", dir["tiny.json"], "--train", train, "--val", dir["tank/val"], "--out", dir["run"]);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("tank/val", wrong.Error);
        Assert.False(File.Exists(dir["run/run.json"]), "a run.json without a usable validation split");

        var corrected = Cli.Run("train", "--config", dir["tiny.json"], "--train", train, "--val", validation, "--out", dir["run"]);
        Assert.True(corrected.ExitCode == 0, corrected.Error);
        Assert.True(File.Exists(dir["run/checkpoints/best.ckpt"]));
    }

    [Fact]
    public void A_split_too_short_for_one_clip_says_how_many_frames_it_needs()
    {
        using var dir = new TempDir();
        var (train, _) = Splits(dir);
        var sim = TankSimulator.Run(new TankParameters(), seed: 6, frames: 20);
        TankSession.Write(sim, dir["short"]);
        var result = Cli.Run("predict", "--run", dir["run"], "--frames", dir["short"], "--out", dir["s.npy"]);
        Assert.Equal(1, result.ExitCode); // no run yet: named clearly
        Assert.Contains("not a run folder", result.Error);

        Runs.Train(Tiny, train, train, new RunFolder(dir["run"]));
        var tooShort = Cli.Run("predict", "--run", dir["run"], "--frames", dir["short"], "--out", dir["s.npy"]);
        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("frames", tooShort.Error);
        Assert.False(File.Exists(dir["s.npy"]));
    }

    [Fact]
    public void Presets_and_configs_round_trip_as_json()
    {
        foreach (var name in RunConfig.Presets)
        {
            var preset = RunConfig.Preset(name);
            Assert.Equal(preset.ToJson(), RunConfig.FromJson(preset.ToJson(), name).ToJson());
        }
        var e = Assert.Throws<FishKitException>(() => RunConfig.Preset("fast"));
        Assert.Contains("writeup, teaching, showcase, ytilde-lstm", e.Message);
        var bad = Assert.Throws<FishKitException>(() => RunConfig.FromJson("{\"steps\": 0}", "run.json"));
        Assert.Equal("clip steps = 0 is out of range; allowed: 1 to 100,000 steps.", bad.Message);
    }
}
