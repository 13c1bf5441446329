using System.Text.Json;
using FishKit.IO;
using static FishKit.Tests.Evaluation.SklearnReference;

namespace FishKit.Tests.Evaluation;

/// <summary><c>fishkit evaluate</c> end to end: files in, scikit-learn's numbers out, one-line errors for bad input.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    readonly TempDir dir = new();
    readonly JsonElement data = Dataset("imbalanced_ties");

    public void Dispose() => dir.Dispose();

    /// <summary>Writes the reference dataset as labels and scores files, with <paramref name="pad"/> junk frames in front.</summary>
    (string Labels, string Scores) Files(string labelsFile = "labels.npy", string scoresFile = "scores.csv", int pad = 0)
    {
        bool[] labels = [.. Enumerable.Repeat(true, pad), .. data.Labels()];
        double[] scores = [.. Enumerable.Repeat(double.NaN, pad), .. data.Doubles("scores")];
        Series.WriteLabels(dir[labelsFile], labels, "label");
        Series.Write(dir[scoresFile], scores, "score");
        return (dir[labelsFile], dir[scoresFile]);
    }

    static void AssertMatchesReference(JsonElement expected, JsonElement json)
    {
        Assert.Equal(["n", "positives", "auc", "average_precision", "youden", "max_accuracy"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["j", "threshold", "tpr", "fpr"], json.GetProperty("youden").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["accuracy", "threshold", "tpr", "fpr"], json.GetProperty("max_accuracy").EnumerateObject().Select(p => p.Name));
        Assert.Equal(expected.Labels().Length, json.GetProperty("n").GetInt32());
        Assert.Equal(expected.Labels().Count(l => l), json.GetProperty("positives").GetInt32());
        AssertClose(expected.Number("roc_auc_score"), json.Number("auc"));
        AssertClose(expected.Number("average_precision_score"), json.Number("average_precision"));
        foreach (var key in new[] { "j", "threshold", "tpr", "fpr" })
            AssertClose(expected.GetProperty("youden").Number(key), json.GetProperty("youden").Number(key));
        foreach (var key in new[] { "accuracy", "threshold", "tpr", "fpr" })
            AssertClose(expected.GetProperty("max_accuracy").Number(key), json.GetProperty("max_accuracy").Number(key));
    }

    [Theory]
    [InlineData("labels.npy", "scores.csv")]
    [InlineData("labels.csv", "scores.npy")]
    [InlineData("labels.npy", "scores.npy")]
    [InlineData("labels.csv", "scores.csv")]
    public void Json_has_exactly_the_documented_keys_and_scikit_learns_values(string labelsFile, string scoresFile)
    {
        var (labels, scores) = Files(labelsFile, scoresFile);
        var r = Cli.Run("evaluate", "--labels", labels, "--scores", scores, "--json");
        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        using var json = JsonDocument.Parse(r.Output); // exactly one JSON value, or this throws
        AssertMatchesReference(data, json.RootElement);
    }

    [Fact]
    public void From_and_to_select_frames_inclusively()
    {
        // 5 padding frames with NaN scores and label 1 come first: only frames 5 .. 5+599 are the dataset.
        var (labels, scores) = Files(pad: 5);
        var r = Cli.Run("evaluate", "--labels", labels, "--scores", scores, "--from", "5", "--to", "604", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Output);
        AssertMatchesReference(data, json.RootElement);
    }

    [Fact]
    public void Table_shows_the_numbers()
    {
        var (labels, scores) = Files();
        var r = Cli.Run("evaluate", "--labels", labels, "--scores", scores);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("frames             0..599 (600)", r.Output);
        Assert.Contains("positives          86 (14.3 %)", r.Output);
        Assert.Contains($"ROC AUC            {data.Number("roc_auc_score"):F4}", r.Output);
        Assert.Contains($"average precision  {data.Number("average_precision_score"):F4}", r.Output);
        var y = data.GetProperty("youden");
        Assert.Contains($"max Youden J       {y.Number("j"):F4} at threshold {y.Number("threshold")} (TPR {y.Number("tpr"):F4}, FPR {y.Number("fpr"):F4})", r.Output);
        var a = data.GetProperty("max_accuracy");
        Assert.Contains($"max accuracy       {a.Number("accuracy"):F4} at threshold {a.Number("threshold")} (TPR {a.Number("tpr"):F4}, FPR {a.Number("fpr"):F4})", r.Output);
    }

    [Fact]
    public void A_best_threshold_that_flags_nothing_is_printed_as_predict_none_and_kept_as_a_number_in_json()
    {
        // Three negatives score above the one positive: accuracy is best (3 of 4) flagging nothing, at 0.9 + 1.
        Series.WriteLabels(dir["l.csv"], [false, false, false, true], "label");
        Series.Write(dir["s.csv"], [0.9, 0.8, 0.7, 0.1], "score");
        var table = Cli.Run("evaluate", "--labels", dir["l.csv"], "--scores", dir["s.csv"]);
        Assert.Equal((0, ""), (table.ExitCode, table.Error));
        Assert.Contains("max accuracy       0.7500 at threshold predict none (TPR 0.0000, FPR 0.0000)", table.Output);
        var json = Cli.Run("evaluate", "--labels", dir["l.csv"], "--scores", dir["s.csv"], "--json");
        using var parsed = JsonDocument.Parse(json.Output);
        AssertClose(1.9, parsed.RootElement.GetProperty("max_accuracy").Number("threshold"));
    }

    [Fact]
    public void Bootstrap_and_delong_are_added_when_asked()
    {
        var c = DeLongCase("tied_200");
        Series.WriteLabels(dir["l.npy"], c.Labels(), "label");
        Series.Write(dir["a.npy"], c.Doubles("scores_a"), "a");
        Series.Write(dir["b.csv"], c.Doubles("scores_b"), "b");
        var r = Cli.Run("evaluate", "--labels", dir["l.npy"], "--scores", dir["a.npy"], "--compare", dir["b.csv"],
            "--bootstrap", "300", "--seed", "4", "--json");
        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        using var json = JsonDocument.Parse(r.Output);
        var delong = json.RootElement.GetProperty("delong");
        AssertClose(c.Number("z"), delong.Number("z"), 1e-10);
        AssertClose(c.Number("p_value"), delong.Number("p_value"));
        var ci = json.RootElement.GetProperty("auc_ci");
        Assert.Equal(300, ci.GetProperty("resamples").GetInt32());
        Assert.InRange(c.Number("auc_a"), ci.Number("lower"), ci.Number("upper"));

        var table = Cli.Run("evaluate", "--labels", dir["l.npy"], "--scores", dir["a.npy"], "--compare", dir["b.csv"], "--bootstrap", "300");
        Assert.Contains("AUC 95 % CI", table.Output);
        Assert.Contains($"p = {c.Number("p_value"):G3}", table.Output);
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "labels and scores of different lengths", ["--scores", "short.npy"], "has 600 frames but '{dir}/short.npy' has 599; give labels and scores of the same frames." },
        { "one-class labels in the range", ["--from", "0", "--to", "3"], "'{dir}/labels.npy' frames 0..3 are all 0; ROC AUC needs both classes" },
        { "a NaN score", ["--scores", "nan.npy"], "'{dir}/nan.npy' frame 7: score NaN is not a finite number" },
        { "an infinite score", ["--scores", "inf.csv"], "'{dir}/inf.csv' frame 3: score -Infinity is not a finite number" },
        { "--from past the end", ["--from", "600"], "--from 600 is outside the frames 0..599 of '{dir}/labels.npy'." },
        { "negative --from", ["--from", "-1"], "--from -1 is outside the frames 0..599" },
        { "--to past the end", ["--to", "600"], "--to 600 is outside the frames 0..599 of '{dir}/labels.npy'." },
        { "--from after --to", ["--from", "10", "--to", "9"], "--from 10 is after --to 9; give --from <= --to." },
        { "a label that is not 0 or 1", ["--labels", "two.csv"], "'{dir}/two.csv' frame 2: label 2 is not 0 or 1" },
        { "a missing labels file", ["--labels", "nope.npy"], "'{dir}/nope.npy' not found; check the path." },
        { "a missing scores file", ["--scores", "nope.csv"], "'{dir}/nope.csv' not found; check the path." },
        { "an unknown format", ["--scores", "scores.txt"], "'{dir}/scores.txt': unknown series format '.txt'" },
        { "a bad --compare file", ["--compare", "short.npy"], "has 600 frames but '{dir}/short.npy' has 599" },
        { "negative --bootstrap", ["--bootstrap", "-5"], "--bootstrap -5 is out of range; allowed: 1 to 1,000,000 resamples." },
    };

    [Theory, MemberData(nameof(BadInput))]
    public void Bad_input_gives_one_line_naming_the_culprit(string what, string[] overrides, string message)
    {
        var (labels, scores) = Files();
        var d = data.Doubles("scores");
        Series.Write(dir["short.npy"], d[..^1], "score");
        Series.Write(dir["nan.npy"], [.. d[..7], double.NaN, .. d[8..]], "score");
        Series.Write(dir["inf.csv"], [.. d[..3], double.NegativeInfinity, .. d[4..]], "score");
        Series.Write(dir["two.csv"], [0, 1, 2, .. data.Labels().Skip(3).Select(l => l ? 1.0 : 0.0)], "label");
        File.WriteAllText(dir["scores.txt"], "0.5\n");
        var args = new Dictionary<string, string> { ["--labels"] = labels, ["--scores"] = scores };
        for (int i = 0; i < overrides.Length; i += 2)
            args[overrides[i]] = overrides[i + 1].EndsWith(".npy") || overrides[i + 1].EndsWith(".csv") || overrides[i + 1].EndsWith(".txt")
                ? dir[overrides[i + 1]] : overrides[i + 1];

        var r = Cli.Run(["evaluate", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.True(r.ExitCode != 0, what);
        Assert.Equal("", r.Output);
        var line = Assert.Single(r.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("fishkit: error: ", line);
        Assert.Contains(message.Replace("{dir}", dir.Path), line);
    }

    [Fact]
    public void Missing_required_option_is_a_usage_error()
    {
        var r = Cli.Run("evaluate", "--labels", "x.npy");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--scores", r.Error);
    }
}
