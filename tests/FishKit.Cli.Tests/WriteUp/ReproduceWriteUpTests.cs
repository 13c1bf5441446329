using System.Text.Json.Nodes;
using FishKit.IO;
using FishKit.Training;
using FishKit.WriteUp;

namespace FishKit.Tests.WriteUp;

public class ReproduceWriteUpTests
{
    [Fact]
    public void The_published_table_is_recomputed_as_scikit_learn_computes_it_beside_a_given_ytilde_run()
    {
        using var dir = new TempDir();
        var run = WriteUpFixture.TinyRun(dir);

        var result = Cli.Run("reproduce", "--writeup", WriteUpFixture.Clone, "--ytilde-run", run, "--no-notebooks", "--out", dir["out"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("test frames 119..588 (470 frames, 63 positive)", result.Output);
        var metrics = JsonNode.Parse(File.ReadAllText(dir["out/metrics.json"]))!;
        var splits = metrics["splits"]!.AsArray();
        Assert.Equal(["train", "validation", "test"], splits.Select(s => s!["split"]!.GetValue<string>()));
        Assert.All(splits, s => Assert.Equal(0, s!["label_mismatches"]!.GetValue<int>()));
        Assert.InRange(splits[2]!["baseline_max_difference"]!.GetValue<double>(), 0, 1e-9);
        Assert.Null(splits[0]!["baseline_max_difference"]);

        var expected = WriteUpFixture.Expected["models"]!;
        var models = metrics["models"]!.AsArray();
        Assert.Equal([WriteUpResults.AlgorithmicBaseline.Model, WriteUpResults.ConvLstmBest.Model, WriteUpResults.ConvLstmTwoLayer.Model, "y-tilde LSTM (kit)"],
            models.Select(m => m!["model"]!.GetValue<string>()));
        foreach (var (name, row) in new[] { "baseline", "convlstm", "two_layer" }.Zip(models))
        {
            var (want, got) = (expected[name]!, row!["report"]!);
            foreach (var key in new[] { "auc", "average_precision" })
                Assert.Equal(want[key]!.GetValue<double>(), got[key]!.GetValue<double>(), 12);
            foreach (var (optimum, keys) in new[] { ("youden", new[] { "j", "threshold", "tpr", "fpr" }), ("max_accuracy", new[] { "accuracy", "threshold", "tpr", "fpr" }) })
                foreach (var key in keys)
                    Assert.Equal(want[optimum]![key]!.GetValue<double>(), got[optimum]![key]!.GetValue<double>(), 6);
            var interval = row["interval"]!;
            Assert.InRange(got["auc"]!.GetValue<double>(), interval["lower"]!.GetValue<double>(), interval["upper"]!.GetValue<double>());
        }
        Assert.Null(models[1]!["versus_conv_lstm"]);
        Assert.All(new[] { models[0], models[2], models[3] }, m => Assert.InRange(m!["versus_conv_lstm"]!["p_value"]!.GetValue<double>(), 0, 1));
        Assert.Equal(WriteUpResults.ConvLstmTwoLayer.Auc, models[2]!["published"]!["auc"]!.GetValue<double>());
        Assert.Null(models[2]!["published"]!["youden_j"]);
        Assert.Null(models[3]!["published"]);

        // The arrays: the kit's labels per split, its baseline and the y-tilde LSTM's scores of the test split.
        var clone = WriteUpClone.Open(WriteUpFixture.Clone);
        foreach (var split in clone.Splits)
            Assert.Equal(split.Labels, Series.ReadLabels(dir[$"out/{split.Name}/labels.npy"]));
        Assert.Equal(600, Series.Read(dir["out/test/baseline.npy"]).Length);
        var predicted = Cli.Run("predict", "--run", run, "--frames", clone.Test.YTildeFile, "--out", dir["lstm.npy"]);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        Assert.Equal(Series.Read(dir["lstm.npy"]), Series.Read(dir["out/test/ytilde-lstm.npy"]));
        Assert.Empty(Directory.GetFiles(dir["out"], "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Without_a_run_the_ytilde_LSTM_is_trained_with_the_writeup_recipe_keeping_the_best_validation_AUC()
    {
        using var dir = new TempDir();
        var result = Cli.Run("reproduce", "--writeup", WriteUpFixture.Clone, "--no-notebooks", "--out", dir["out"]);

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = new RunFolder(dir["out/ytilde-lstm"]);
        Assert.Equal(RunConfig.WriteUpYTildeLstm, RunConfig.FromJson(File.ReadAllText(Runs.ConfigPath(folder)), "run.json"));
        var history = TrainingHistory.FromJson(File.ReadAllText(folder.History));
        Assert.Equal(RunConfig.WriteUpYTildeLstm.Training.Epochs, history.Epochs.Count);
        Assert.Equal(history.Epochs.MaxBy(e => e.ValidationAuc)!.Epoch, history.BestEpoch);
        Assert.Contains($"Best epoch {history.BestEpoch} (highest validation AUC)", result.Output);
        Assert.Contains("y-tilde LSTM (kit)", result.Output);
        var metrics = JsonNode.Parse(File.ReadAllText(dir["out/metrics.json"]))!;
        Assert.Equal(RunConfig.WriteUpYTildeLstm.Training.Epochs, metrics["ytilde_training"]!["epochs"]!.GetValue<int>());
    }
}
