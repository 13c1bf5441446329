using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FishKit.Keras;
using FishKit.Training;
using FishKit.WriteUp;
using static FishKit.Notebooks.Tests.Outputs;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// With <c>FISHKIT_WRITEUP</c> set (to a <see cref="WriteUpFixtureClone"/>), notebooks 01, 02, 03, 05 and 07 each run a
/// section on the write-up's real tank, and show what the kit computes from the clone.
/// </summary>
[Collection(WriteUpNotebookSeriesCollection.Name)]
public class WriteUpNotebookTests(WriteUpNotebookSeries series)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What scikit-learn computed on the fixture's test split (Reference/make_writeup_fixture.py).</summary>
    static JsonNode Expected(string model) =>
        JsonNode.Parse(File.ReadAllText(Repo.File("tests/FishKit.Tests/Reference/writeup_fixture_expected.json")))!["models"]![model]!;

    /// <summary>A number as the kit's tables show it: 4 significant digits.</summary>
    static string Cell(double value) => value.ToString("G4", Inv);

    List<JsonNode> Section(string notebook) => WriteUpSection(series.Executed(notebook));

    [Fact]
    public void Every_section_names_the_clone_and_shows_something_in_every_cell()
    {
        Assert.Equal(WriteUpNotebookSeries.Numbers, series.Result.Notebooks.Select(n => Path.GetFileName(n.Source)[..2]));
        foreach (var result in series.Result.Notebooks)
        {
            var section = WriteUpSection(result.Notebook);
            Assert.Equal($"The write-up's clone in {series.Clone}: y-tilde and labels of train (700 frames), validation (400 frames), test (600 frames).",
                Assert.Single(Texts(section[0])));
            Assert.All(section, c => Assert.NotEmpty(Texts(c)));
            Assert.DoesNotContain(section.SelectMany(c => c["outputs"]!.AsArray()), o => o!["output_type"]!.GetValue<string>() == "error");
        }
    }

    [Fact]
    public void Notebook_01_shows_the_eleven_sample_frames_beside_simulated_ones_and_measures_both()
    {
        var html = Html(Section("01-data-and-frames"));
        var grid = Assert.Single(html, h => h.Contains("fishkit-frame-grid", StringComparison.Ordinal));
        Assert.Equal(2 * WriteUpFixtureClone.SampleFrames, Regex.Matches(grid, "data:image/png;base64,").Count);
        Assert.Contains("frame 10: real tank", grid);
        Assert.Contains("frame 10: simulated tank", grid);
        var rows = TableRows(html, "frames", "count", "size", "mean intensity (of 255)", "share of pixels above 64", "mean y-tilde");
        Assert.Equal(["real tank", "simulated tank"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(["11", "320x240"], r[1..3]));
    }

    [Fact]
    public void Notebook_02_charts_the_real_ytilde_and_finds_no_label_mismatch_on_the_fixture()
    {
        var html = Html(Section("02-ytilde-and-labels"));
        Assert.Equal(["train (700 frames)", "validation (400 frames)", "test (600 frames)"],
            Traces(Titled(Figures(html), "y-tilde over the whole video (1,700 frames, 0.9 min at 30 fps)")).Select(t => t.Name));
        Assert.Equal(["train", "validation", "test"], TableRows(html, "split", "mean", "median", "99th percentile", "max", "write-up mean", "write-up max").Select(r => r[0]));

        var clone = WriteUpClone.Open(series.Clone);
        var rows = TableRows(html, "split", "frames", "write-up frames", "positive rate of Y_label", "write-up positive rate", "kit labels differing from Y_label",
            "baseline: largest |kit - Y_pred_baseline|");
        Assert.Equal(clone.Splits.Select(s => new[] { s.Name, s.YTilde.Length.ToString("N0", Inv), "", Cell((double)s.Labels.Count(l => l) / s.Labels.Length), "", "0" }),
            rows.Select(r => new[] { r[0], r[1], "", r[3], "", r[5] }));
        Assert.Equal(["44,956", "3,593", "5,367"], rows.Select(r => r[2]));
        Assert.Equal(["0.134", "0.127", "0.154"], rows.Select(r => r[4]));
        Assert.Equal(["", ""], rows.Take(2).Select(r => r[6])); // the write-up published its baseline for the test split only
        Assert.InRange(double.Parse(rows[2][6], Inv), 0, 1e-12);
    }

    [Fact]
    public void Notebook_03_compares_the_baseline_with_the_published_one_and_trains_the_ytilde_lstm_on_the_real_ytilde()
    {
        var section = Section("03-baselines");
        var line = Assert.Single(section.SelectMany(Texts), t => t.StartsWith("test frames 119 .. 588: largest |kit - Y_pred_baseline| = ", StringComparison.Ordinal));
        Assert.InRange(double.Parse(line.Split("= ")[1], Inv), 0, 1e-12);
        var html = Html(section);
        var figures = Figures(html);
        Assert.Equal($"algorithmic baseline (real tank) (AUC {Expected("baseline")["auc"]!.GetValue<double>().ToString("F3", Inv)})", Traces(Titled(figures, "ROC curves"))[1].Name);

        var progress = Assert.Single(html, h => h.Contains("fishkit-training", StringComparison.Ordinal));
        Assert.Contains("y-tilde LSTM on the real tank", progress);
        Assert.Contains("epoch 2/2", progress); // quick mode
        Assert.Equal([Charts.TrainLossName, Charts.ValidationLossName, "train AUC (right axis)", "validation AUC (right axis)"],
            Traces(Titled(figures, "y-tilde LSTM on the real tank: loss and ROC AUC per epoch")).Select(t => t.Name));
        var run = NotebookRuns.Folder("writeup-ytilde-lstm", quick: true);
        var quick = RunConfig.WriteUpYTildeLstm with { Training = RunConfig.WriteUpYTildeLstm.Training with { Epochs = 2, MaxBatchesPerEpoch = 15 } };
        Assert.Equal(quick.ToJson(), File.ReadAllText(Runs.ConfigPath(run)));
        Assert.Equal(Path.Combine(series.Clone, "targets", "train", "Y_tilde.npy"), JsonNode.Parse(File.ReadAllText(run.Config))!["data"]!["train"]!.GetValue<string>());
    }

    [Fact]
    public void Notebook_05_loads_the_authors_model_tables_its_11537_parameters_and_draws_its_first_layer_kernels()
    {
        var section = Section("05-convlstm");
        var steps = long.Parse(JsonNode.Parse(File.ReadAllText(Repo.File("tests/FishKit.Tests/Reference/keras/fixture.json")))!["optimizer_iterations"]!.GetValue<string>(), Inv);
        Assert.Contains($"writeup-best, without ConvLSTM biases: saved after {steps.ToString("N0", Inv)} Adam steps at learning rate 8E-05", section.SelectMany(Texts));
        var html = Html(section);
        Assert.Contains(["ConvLSTM 1 (16 filters), last state", "(1, 16, 118, 158)"], TableRows(html, "stage", "shape"));
        Assert.Equal(["total", "", "11,537"], TableRows(html, "layer", "arithmetic", "trainable parameters")[^1]);

        // Every weight of the heatmap is the checkpoint's: Keras' kernel (k, k, C, 4F), gates i, f, c, o of F filters each.
        var figure = Titled(Figures(html), "The author's first ConvLSTM: input kernels W per filter, gate and frame of the step");
        var z = figure["data"]![0]!["z"]!.AsArray();
        var bundle = TensorBundle.Open(Path.Combine(series.Clone, WriteUpClone.BestModelFolder, "variables", "variables"));
        var keras = bundle.ReadFloats(bundle.Find("trainable_variables/0/.ATTRIBUTES/VARIABLE_VALUE")!);
        const int k = 3, c = 4, f = 16;
        Assert.Equal(4 * c * (k + 1) - 1, z.Count);
        for (int gate = 0; gate < 4; gate++)
            for (int filter = 0; filter < f; filter++)
                for (int channel = 0; channel < c; channel++)
                    for (int y = 0; y < k; y++)
                        for (int x = 0; x < k; x++)
                            Assert.Equal(keras[((y * k + x) * c + channel) * 4 * f + gate * f + filter],
                                z[(gate * c + channel) * (k + 1) + y]![filter * (k + 1) + x]!.GetValue<double>(), 6);
    }

    [Fact]
    public void Notebook_07_recomputes_the_published_table_and_scores_the_simulated_tank_with_the_authors_model()
    {
        var section = Section("07-evaluation");
        var html = Html(section);
        Assert.DoesNotContain(html, h => h.Contains("fishkit-training", StringComparison.Ordinal)); // notebook 3's run, reused

        var table = TableRows(html, ["model", "ROC AUC", "average precision", "max Youden's J", "threshold at max J", "TPR at max J", "FPR at max J", "max accuracy",
            "threshold at max accuracy", "AUC interval (95 %)", "DeLong p against the ConvLSTM (best)"]);
        Assert.Equal(["algorithmic baseline", "algorithmic baseline (write-up)", "ConvLSTM (best)", "ConvLSTM (best) (write-up)", "ConvLSTM (two layers)",
            "ConvLSTM (two layers) (write-up)", "y-tilde LSTM (kit)"], table.Select(r => r[0]));
        Assert.Equal(new[] { "baseline", "convlstm", "two_layer" }.Select(m => Cell(Expected(m)["auc"]!.GetValue<double>())), table.Where((_, i) => i is 0 or 2 or 4).Select(r => r[1]));
        Assert.Equal(["0.838", "0.83", "0.787"], table.Where((_, i) => i is 1 or 3 or 5).Select(r => r[1]));
        Assert.Equal("", table[2][10]); // the ConvLSTM is what the others are tested against
        Assert.NotEqual("", table[6][10]);

        var scored = TableRows(html, "model", "frames", "positives", "ROC AUC", "interval from", "interval to", "write-up AUC");
        Assert.Equal(["author's ConvLSTM on the real tank", "author's ConvLSTM on the simulated tank"], scored.Select(r => r[0]));
        Assert.Equal(["470", Cell(Expected("convlstm")["auc"]!.GetValue<double>()), "0.83"], new[] { scored[0][1], scored[0][3], scored[0][6] });
        Assert.Equal(NotebookRecipes.QuickScoredFrames.ToString(Inv), scored[1][1]);
        Assert.Contains(section.SelectMany(Texts), t => t.StartsWith("The author's ConvLSTM ranks the real tank's test frames with AUC ", StringComparison.Ordinal));
        Assert.Contains("\"status\": \"Imported\"", File.ReadAllText(NotebookRuns.Folder("writeup-best", quick: true).Summary));
    }
}
