using System.Text.Json.Nodes;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Tests.WriteUp;
using FishKit.Training;

namespace FishKit.Tests.Training;

public class SeriesInputTests
{
    static string Fixture(string split) => WriteUpFixture.Target(WriteUpFixture.Clone, split, "Y_tilde.npy");

    /// <summary>The class weights a run derived from its training labels: {0: positive rate, 1: 1 - positive rate}.</summary>
    static double NegativeWeight(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run, "config.json")))!["class_weights"]!["0"]!.GetValue<double>();

    static double PositiveRate(bool[] labels)
    {
        var p = LabelParameters.WriteUp;
        var labelled = labels[p.FirstFrame..(p.LastFrame(labels.Length) + 1)];
        return (double)labelled.Count(l => l) / labelled.Length;
    }

    [Fact]
    public void The_ytilde_LSTM_trains_on_npy_series_labelled_by_the_kit_and_scores_a_series()
    {
        using var dir = new TempDir();
        var run = WriteUpFixture.TinyRun(dir);
        var ytilde = Series.Read(Fixture("train"));
        Assert.Equal(PositiveRate(CalmBeforeBurstLabeler.Label(ytilde)), NegativeWeight(run), 12);
        Assert.False(Directory.Exists(Path.Combine(run, "data")), "a series needs no frame store");

        var predicted = Cli.Run("predict", "--run", run, "--frames", Fixture("test"), "--out", dir["scores.npy"]);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var scores = Series.Read(dir["scores.npy"]);
        Assert.Equal(600, scores.Length);
        Assert.All(scores[..119], s => Assert.Equal(0, s));
        Assert.All(scores[119..], s => Assert.InRange(s, 1e-9, 1 - 1e-9));
    }

    [Fact]
    public void Predict_scores_only_the_frames_asked_for_and_refuses_frames_the_model_cannot_score()
    {
        using var dir = new TempDir();
        var run = new RunFolder(WriteUpFixture.TinyRun(dir));
        var all = Runs.Predict(run, Fixture("test"));
        var some = Runs.Predict(run, Fixture("test"), range: (200, 299));
        Assert.Equal(all.Length, some.Length);
        Assert.All(Enumerable.Range(200, 100), t => Assert.Equal(all[t], some[t], 6));
        Assert.All(some[..200].Concat(some[300..]), s => Assert.Equal(0, s));
        Assert.Contains("frames 50 .. 100 are not frames the model can score", Assert.Throws<FishKitException>(() => Runs.Predict(run, Fixture("test"), range: (50, 100))).Message);
    }

    [Fact]
    public void Csv_series_train_with_the_labels_given_and_predict()
    {
        using var dir = new TempDir();
        var train = Series.Read(Fixture("train"));
        Series.Write(dir["train.csv"], train, "ytilde");
        Series.Write(dir["val.csv"], Series.Read(Fixture("validation")), "ytilde");
        var labels = train.Select((_, t) => t % 5 == 0).ToArray();
        Series.WriteLabels(dir["train-labels.csv"], labels, "label");

        var trained = Cli.Run("train", "--preset", "ytilde-lstm", "--train", dir["train.csv"], "--val", dir["val.csv"], "--train-labels", dir["train-labels.csv"],
            "--out", dir["run"], "--epochs", "1", "--max-batches", "2", "--threads", "1");
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.Equal(PositiveRate(labels), NegativeWeight(dir["run"]), 12);

        var predicted = Cli.Run("predict", "--run", dir["run"], "--frames", dir["val.csv"], "--out", dir["scores.csv"]);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        Assert.Equal(400, Series.Read(dir["scores.csv"]).Length);
    }

    [Fact]
    public void Labels_of_another_length_are_refused_naming_both_files()
    {
        using var dir = new TempDir();
        Series.WriteLabels(dir["short.npy"], new bool[300], "label");
        var result = Cli.Run("train", "--model", "ytilde-lstm", "--train", Fixture("train"), "--val", Fixture("validation"), "--train-labels", dir["short.npy"], "--out", dir["run"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'" + dir["short.npy"] + "' has 300 values but '" + Fixture("train") + "' has 700 frames", result.Error);
        Assert.False(Directory.Exists(dir["run"]));
    }

    [Theory]
    [InlineData("teaching")]
    [InlineData("writeup")]
    public void A_ConvLSTM_given_a_series_is_refused_in_one_line_and_no_run_is_started(string preset)
    {
        using var dir = new TempDir();
        var result = Cli.Run("train", "--preset", preset, "--train", Fixture("train"), "--val", Fixture("validation"), "--out", dir["run"]);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{Fixture("train")}' is a series file, but only the y-tilde LSTM", line);
        Assert.Contains("a ConvLSTM needs frames", line);
        Assert.False(Directory.Exists(dir["run"]));
    }
}
