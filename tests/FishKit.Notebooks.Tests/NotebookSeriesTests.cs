using System.Text.Json.Nodes;
using FishKit.Notebooks.Runner;
using static FishKit.Notebooks.Tests.Outputs;

namespace FishKit.Notebooks.Tests;

/// <summary>Every committed notebook runs headless in quick mode, and each shows the charts and tables its story needs.</summary>
[Collection(NotebookSeriesCollection.Name)]
public class NotebookSeriesTests(NotebookSeries series)
{
    [Fact]
    public void Every_code_cell_of_every_notebook_ran_without_an_error()
    {
        Assert.Equal(NotebookRunner.InOrder(Repo.Notebooks).Count, series.Result.Notebooks.Count);
        foreach (var result in series.Result.Notebooks)
        {
            var code = result.Notebook.Cells.Where(c => NotebookFile.Type(c!) == "code").ToList();
            Assert.Equal(code.Count, result.CodeCells);
            Assert.All(code, c => Assert.True(c!["execution_count"] is JsonValue, "a code cell did not run"));
            var errors = code.SelectMany(c => c!["outputs"]!.AsArray()).Where(o => o!["output_type"]!.GetValue<string>() is "error").ToList();
            Assert.True(errors.Count == 0, $"{result.Source}: {string.Join("; ", errors.Select(e => e!["evalue"]))}");
            Assert.True(File.Exists(result.Executed));
        }
    }

    [Fact]
    public void The_setup_cell_embeds_plotly_js_once_per_notebook_and_reports_quick_mode()
    {
        foreach (var result in series.Result.Notebooks)
        {
            var html = Html(result.Notebook);
            Assert.Equal(1, html.Count(h => h.Contains("data-fishkit-plotlyjs=\"embedded\"", StringComparison.Ordinal)));
            Assert.Contains("quick mode", html[0]);
            Assert.Contains("plotly.js v2.28.0", html[0]);
        }
    }

    [Fact]
    public void Without_the_write_ups_clone_each_section_on_the_real_tank_prints_one_line_on_how_to_get_it()
    {
        var sections = series.Result.Notebooks.Where(n => WriteUpNotebookSeries.Numbers.Contains(Path.GetFileName(n.Source)[..2])).Select(n => WriteUpSection(n.Notebook)).ToList();
        Assert.Equal(WriteUpNotebookSeries.Numbers.Length, sections.Count);
        Assert.All(sections, s => Assert.Equal([NotebookData.WriteUpHint], s.SelectMany(Texts)));
        Assert.Contains("`git clone https://github.com/M-Lin-DM/Convolutional-LSTMs-for-Motion-Forcasting writeup`, then FISHKIT_WRITEUP=$PWD/writeup", NotebookData.WriteUpHint);
    }

    [Fact]
    public void Notebook_01_shows_frames_as_images_and_the_split_beside_the_write_up()
    {
        var notebook = series.Executed("01-data-and-frames");
        var html = Html(notebook);
        Assert.Equal(2, html.Count(h => h.Contains("fishkit-frame-grid", StringComparison.Ordinal)));
        Assert.Contains(html, h => h.StartsWith("<figure", StringComparison.Ordinal) && h.Contains("data:image/png;base64,", StringComparison.Ordinal));
        var headers = TableHeaders(notebook);
        Assert.Contains(headers, h => h.SequenceEqual(["split", "frames", "share", "seconds at 30 fps", "write-up frames", "write-up share", "write-up shares of this total"]));
    }

    [Fact]
    public void Notebook_02_charts_ytilde_with_labels_and_bursts_and_the_labelling_rule()
    {
        var notebook = series.Executed("02-ytilde-and-labels");
        var figures = Figures(notebook);
        var train = Traces(Titled(figures, "y-tilde of the train split"));
        Assert.Equal([("bar", "label 1: calm before a burst"), ("scatter", "y-tilde"), ("scatter", "burst onset (ground truth)")], train);
        Traces(Titled(figures, "y-tilde of the test split"));
        var rule = Traces(Titled(figures, "The labelling rule at frame t = "));
        Assert.Equal(["look-ahead window W = y-tilde[t .. t+45]", "y-tilde", "min(W) + b·R (b = 0.1)"], rule.Take(3).Select(t => t.Name));
        Assert.StartsWith("frame t = ", rule[3].Name);
        Assert.EndsWith("label 1", rule[3].Name); // the notebook shows the first frame labelled 1
        var headers = TableHeaders(notebook);
        Assert.Contains(headers, h => h.Contains("write-up positive rate"));
        Assert.Contains(headers, h => h.SequenceEqual(["split", "mean", "median", "99th percentile", "max", "write-up mean", "write-up max"]));
        Assert.Contains(headers, h => h.Contains("write-up median length"));
    }

    [Fact]
    public void Notebook_03_compares_the_baselines_with_roc_thresholds_training_curves_and_delong()
    {
        var notebook = series.Executed("03-baselines");
        var figures = Figures(notebook);
        Assert.Equal(["label 1: calm before a burst", "y-tilde (right axis)", "baseline probability"],
            Traces(Titled(figures, "The algorithmic baseline on the test split")).Select(t => t.Name));

        var rocs = figures.Where(f => f["layout"]!["title"]!["text"]!.GetValue<string>() == "ROC curves").Select(Traces).ToList();
        Assert.Equal(2, rocs.Count);
        Assert.Equal(("scatter", "chance (AUC 0.5)"), rocs[0][0]);
        Assert.StartsWith("algorithmic baseline (AUC 0.", rocs[0][1].Name);
        Assert.StartsWith("algorithmic baseline: max J ", rocs[0][2].Name);
        Assert.Equal("write-up: algorithmic baseline at max J (AUC 0.838)", rocs[0][3].Name);
        Assert.Contains(rocs[1], t => t.Name.StartsWith("y-tilde LSTM (AUC 0.", StringComparison.Ordinal));

        Assert.Equal(["accuracy", "Youden's J = TPR - FPR"], Traces(Titled(figures, "algorithmic baseline: accuracy and Youden's J")).Take(2).Select(t => t.Name));
        Assert.Equal([Charts.TrainLossName, Charts.ValidationLossName, "train AUC (right axis)", "validation AUC (right axis)"],
            Traces(Titled(figures, "y-tilde LSTM: loss and ROC AUC per epoch")).Select(t => t.Name));
        Assert.Contains(Traces(Titled(figures, "Precision and recall")), t => t.Name.StartsWith("y-tilde LSTM (AP ", StringComparison.Ordinal));
        var timeline = Traces(Titled(figures, "Test split: the two baselines over time"));
        Assert.Equal(("bar", "label 1: calm before a burst"), timeline[0]);
        Assert.Contains(("scatter", "y-tilde LSTM"), timeline);

        var headers = TableHeaders(notebook);
        Assert.Contains(headers, h => h.SequenceEqual(["metric", "algorithmic baseline", "algorithmic baseline (write-up)", "y-tilde LSTM"]));
        Assert.Contains(headers, h => h.SequenceEqual(["epoch", "train loss", "train AUC", "validation loss", "validation AUC", "validation spread", "seconds", "best"]));
        Assert.Contains(headers, h => h.SequenceEqual(["DeLong's test", "value"]));
    }

    [Fact]
    public void Notebook_04_shows_the_memory_argument_a_clip_its_flips_and_the_assembly_speed()
    {
        var notebook = series.Executed("04-input-pipeline");
        var html = Html(notebook);
        var grids = html.Where(h => h.Contains("fishkit-frame-grid", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, grids.Count);
        Assert.Equal(120, System.Text.RegularExpressions.Regex.Matches(grids[0], "data:image/png;base64,").Count); // 30 steps x 4 channels
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(grids[1], "data:image/png;base64,").Count); // the four flips
        var headers = TableHeaders(notebook);
        Assert.Contains(headers, h => h.SequenceEqual(["stored as", "arithmetic", "size", "times the frame store"]));
        Assert.Contains(headers, h => h.SequenceEqual(["pipeline", "clips per second", "one pass over the write-up's 44,791 clips"]));
        var text = string.Join("\n", html);
        Assert.Contains("412.8 GB", text); // 44,791 clips (frames 119 .. 44,909) x 30*4*120*160 x 4 bytes
        Assert.Contains("103.2 GB", text); // the same in bytes
        Assert.Contains("0.9 GB", text); // 44,956 x 160*120 bytes
    }

    [Fact]
    public void Notebook_05_charts_the_recurrent_activation_and_tables_shapes_and_parameter_counts()
    {
        var notebook = series.Executed("05-convlstm");
        Assert.Equal([("scatter", "hard_sigmoid: clip(0.2x + 0.5, 0, 1)"), ("scatter", "sigmoid: 1 / (1 + exp(-x))")],
            Traces(Titled(Figures(notebook), "Recurrent activation: Keras' hard_sigmoid against the logistic sigmoid")));
        var headers = TableHeaders(notebook);
        Assert.Equal(5, headers.Count(h => h.SequenceEqual(["stage", "shape"]))); // best and teaching, two-layer at two sizes, exercise 1's 5x5
        Assert.Equal(2, headers.Count(h => h.SequenceEqual(["layer", "arithmetic", "trainable parameters"])));
        var html = string.Join("\n", Html(notebook));
        Assert.Contains("(1, 30, 16, 118, 158)", html); // valid 3x3 trims one pixel per border at the write-up's size
        Assert.Contains("(1, 8, 46, 62)", html); // the teaching model's last state: 8 filters at 64x48
        Assert.Contains("global average pool over space", html); // the teaching model averages where the write-up max-pools
        Assert.Contains("(1, 32, 57, 77)", html); // the two-layer model after pooling 118x158 to 59x79
        Assert.Contains("11,537", html); // 3*3*4*64 + 3*3*16*64 + 16 + 1
        Assert.Contains("66,849", html); // (2,304 + 9,216) + (18,432 + 36,864) + 32 + 1
    }

    [Fact]
    public void Notebook_07_meets_the_three_models_on_the_test_split_with_intervals_delong_the_write_up_and_a_timeline()
    {
        var notebook = series.Executed("07-evaluation");
        var figures = Figures(notebook);
        string[] models = ["algorithmic baseline", "y-tilde LSTM", "ConvLSTM"];

        var roc = Traces(Titled(figures, "ROC curves"));
        Assert.All(roc, t => Assert.Equal("scatter", t.Type));
        string[] rocNames = ["chance (AUC 0.5)", "algorithmic baseline (AUC 0.", "algorithmic baseline: max J ", "write-up: algorithmic baseline at max J (AUC 0.838)",
            "y-tilde LSTM (AUC 0.", "y-tilde LSTM: max J ", "ConvLSTM (AUC 0.", "ConvLSTM: max J ", "write-up: ConvLSTM (best) at max J (AUC 0.830)"];
        Assert.Equal(rocNames.Length, roc.Count);
        Assert.All(rocNames.Zip(roc), p => Assert.StartsWith(p.First, p.Second.Name));

        var pr = Traces(Titled(figures, "Precision and recall")).Select(t => t.Name).ToList();
        Assert.Equal(4, pr.Count);
        Assert.All(models.Zip(pr), p => Assert.StartsWith($"{p.First} (AP 0.", p.Second));
        Assert.StartsWith("chance (positive rate ", pr[3]);

        var thresholds = Traces(Titled(figures, "Accuracy and Youden's J against the threshold")).Select(t => t.Name).ToList();
        Assert.Equal(12, thresholds.Count);
        for (int m = 0; m < 3; m++)
        {
            Assert.Equal([$"{models[m]}: accuracy", $"{models[m]}: Youden's J"], thresholds.Skip(4 * m).Take(2));
            Assert.StartsWith($"{models[m]}: max accuracy ", thresholds[4 * m + 2]);
            Assert.StartsWith($"{models[m]}: max J ", thresholds[4 * m + 3]);
        }

        var timelineFigure = Titled(figures, "Test split: y-tilde, labels and the three models over time");
        var timeline = Traces(timelineFigure);
        Assert.Equal(("bar", "label 1: calm before a burst"), timeline[0]);
        Assert.Equal(models, timeline.Skip(1).Take(6).Where((_, i) => i % 2 == 0).Select(t => t.Name));
        Assert.All(timeline.Skip(2).Take(6).Where((_, i) => i % 2 == 0), t => Assert.EndsWith("(max J)", t.Name));
        Assert.Equal("y-tilde (top panel)", timeline[^1].Name);
        var moments = timelineFigure["layout"]!["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()).ToList();
        Assert.InRange(moments.Count, 1, 3);
        Assert.All(moments, m => Assert.Matches(@"^(true positive|false positive|miss) \(\d+\)$", m));

        var grid = Assert.Single(Html(notebook), h => h.Contains("fishkit-frame-grid", StringComparison.Ordinal));
        Assert.Equal(4 * moments.Count, System.Text.RegularExpressions.Regex.Matches(grid, "data:image/png;base64,").Count); // t, t+15, t+30, t+45 per moment

        var headers = TableHeaders(notebook);
        Assert.Equal(2, headers.Count(h => h.SequenceEqual(["epoch", "train loss", "train AUC", "validation loss", "validation AUC", "validation spread", "seconds", "best"])));
        Assert.Contains(headers, h => h.SequenceEqual(["model", "frames", "positives", "ROC AUC", "interval from", "interval to", "write-up AUC"]));
        Assert.Contains(headers, h => h.SequenceEqual(["model A", "model B", "AUC A", "AUC B", "A - B", "z", "two-sided p"]));
        Assert.Contains(headers, h => h.SequenceEqual(["metric", "ConvLSTM", "ConvLSTM (write-up)", "algorithmic baseline", "algorithmic baseline (write-up)"]));
    }

    [Fact]
    public void Notebook_08_goes_from_a_video_to_frames_preprocessing_ytilde_against_the_truth_and_the_baselines_roc()
    {
        var notebook = series.Executed("08-bring-your-own-video");
        var html = Html(notebook);
        var grids = html.Where(h => h.Contains("fishkit-frame-grid", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, grids.Count); // raw frames spread over the video; camera and preprocessed side by side
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(grids[0], "data:image/png;base64,").Count);
        Assert.Contains("frame 0: preprocessed", grids[1]);
        Assert.Contains(html, h => h.StartsWith("<figure", StringComparison.Ordinal) && h.Contains("estimated background", StringComparison.Ordinal));

        var figures = Figures(notebook);
        var truth = Traces(Titled(figures, "y-tilde against the group's true mean speed"));
        Assert.Equal(3, truth.Count);
        Assert.StartsWith("y-tilde: preprocessed video (r = 0.9", truth[0].Name);
        Assert.StartsWith("y-tilde: clean rendering (r = 0.9", truth[1].Name);
        Assert.Equal(("scatter", "true group mean speed (right axis)"), truth[2]);
        Assert.Equal([("bar", "label 1: calm before a burst"), ("scatter", "y-tilde"), ("scatter", "burst onset (ground truth)")],
            Traces(Titled(figures, "y-tilde of the preprocessed split")));
        var roc = Traces(Titled(figures, "ROC curves"));
        Assert.Equal(("scatter", "chance (AUC 0.5)"), roc[0]);
        Assert.StartsWith("baseline on the preprocessed video (AUC 0.", roc[1].Name);
        Assert.StartsWith("baseline on the clean rendering (AUC 0.", roc[3].Name);

        var headers = TableHeaders(notebook);
        Assert.Contains(headers, h => h.SequenceEqual(["y-tilde from", "frames", "Pearson r with the true group speed", "frames labelled 1", "labels agreeing with the clean rendering's"]));
        Assert.Contains(headers, h => h.SequenceEqual(["metric", "baseline on the preprocessed video", "baseline on the clean rendering"]));
        Assert.Contains(headers, h => h.SequenceEqual(["step", "command"]));
        var text = string.Join("\n", notebook.Cells.Where(c => NotebookFile.Type(c!) == "code").SelectMany(c => c!["outputs"]!.AsArray())
            .Select(o => o!["data"]?["text/plain"]?.GetValue<string>()).OfType<string>());
        Assert.Contains("h264 in mov,mp4", text); // the probe's line
        Assert.Contains("The labels agree with the clean rendering's on ", text); // issue 4's comparison, computed (the bar itself: PreprocessingQualityTests)
    }

    [Fact]
    public void Notebook_09_runs_a_2x2_grid_and_shows_its_table_auc_per_cell_differences_and_curves()
    {
        var notebook = series.Executed("09-ablations");
        var figures = Figures(notebook);
        string[] cells = ["time channels · from_labels", "time channels · none", "single frames · from_labels", "single frames · none"];

        var auc = Titled(figures, "Validation AUC per cell");
        var traces = Traces(auc);
        Assert.Equal([("scatter", "each seed"), ("scatter", "mean ± sd over seeds")], traces.Take(2));
        Assert.StartsWith("base cell (mean 0.", traces[2].Name);
        Assert.Equal(("scatter", "chance (AUC 0.5)"), traces[3]);
        Assert.Equal(cells, auc["data"]![1]!["x"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(4, auc["data"]![1]!["error_y"]!["array"]!.AsArray().Count);

        var differences = Titled(figures, "AUC difference from the base cell (time channels · from_labels)");
        Assert.All(Traces(differences), t => Assert.Contains(t.Name, new[] { "better", "worse", "within noise" }));
        var compared = differences["data"]!.AsArray().SelectMany(t => t!["y"]!.AsArray().Select(y => y!.GetValue<string>()));
        Assert.Equal(cells[1..].Order(StringComparer.Ordinal), compared.Order(StringComparer.Ordinal)); // every cell but the base, once

        Assert.Equal(cells.Select(c => ("scatter", $"{c} · seed 1")), Traces(Titled(figures, "Validation ROC AUC per epoch, every cell and seed"))); // quick mode: one seed
        Assert.Equal(4, Traces(Titled(figures, "Training loss per epoch, every cell and seed")).Count);

        Assert.Contains(TableHeaders(notebook), h => h.SequenceEqual(["cell", "input", "training.classWeighting", "seeds", "epochs", "AUC mean", "AUC sd", "AP mean",
            "AUC - base", "CI low", "CI high", "DeLong p (max)", "verdict"]));
        var progress = Assert.Single(Html(notebook), h => h.Contains("fishkit-ablation", StringComparison.Ordinal));
        Assert.Contains("4 of 4 runs started", progress);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(progress, @"<td>\d+ epochs? done</td>").Count);
    }

    [Fact]
    public void Notebook_06_overfits_a_tiny_subset_shows_a_collapse_and_charts_the_teaching_run_against_a_constant_output()
    {
        var notebook = series.Executed("06-training");
        var figures = Figures(notebook);
        string[] curves = [Charts.TrainLossName, Charts.ValidationLossName, "train AUC (right axis)", "validation AUC (right axis)"];
        Assert.Equal(curves, Traces(Titled(figures, "Overfitting 32 training clips")).Select(t => t.Name));
        var teaching = Traces(Titled(figures, "The teaching run: loss and ROC AUC per epoch"));
        Assert.All(teaching, t => Assert.Equal("scatter", t.Type));
        Assert.Equal(curves, teaching.Take(4).Select(t => t.Name));
        Assert.StartsWith("constant output: weighted train loss 0.", teaching[4].Name);
        Assert.Equal("constant output: unweighted validation loss 0.693", teaching[5].Name); // ln 2: the best constant is 1/2 under the write-up's weighting rule
        Assert.Equal("constant output: AUC 0.5 (right axis)", teaching[6].Name);

        var headers = TableHeaders(notebook);
        Assert.Contains(headers, h => h.SequenceEqual(["setting", "write-up", "teaching", "why the teaching preset differs"]));
        Assert.Contains(headers, h => h.SequenceEqual(["class weights", "weight of 0", "weight of 1", "best constant output", "its training loss (weighted)", "its validation loss", "its validation AUC"]));
        Assert.Equal(2, headers.Count(h => h.SequenceEqual(["epoch", "train loss", "train AUC", "validation loss", "validation AUC", "validation spread", "seconds", "best"]))); // the collapse and the teaching run

        var html = Html(notebook);
        var progress = Assert.Single(html, h => h.Contains("fishkit-training", StringComparison.Ordinal));
        Assert.Contains("epoch 2/2", progress); // quick mode: 2 epochs of the teaching preset
        var text = string.Join("\n", notebook.Cells.Where(c => NotebookFile.Type(c!) == "code").SelectMany(c => c!["outputs"]!.AsArray()).Select(o => o!["data"]?["text/plain"]?.GetValue<string>()));
        Assert.Contains("the validation probabilities hardly vary", text); // the provoked collapse is reported
        Assert.True(File.Exists(Repo.File("artifacts/notebook-runs/teaching-quick/checkpoints/best.ckpt")), "notebook 7 needs the teaching run");
    }

    [Fact]
    public void Training_progress_is_one_display_left_at_the_last_epoch()
    {
        var html = Html(series.Executed("03-baselines"));
        var progress = html.Where(h => h.Contains("fishkit-training", StringComparison.Ordinal)).ToList();
        var shown = Assert.Single(progress);
        Assert.Contains("epoch 2/2", shown); // quick mode trains 2 epochs
        Assert.Contains("width:100.0%", shown);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(shown, "<tr><th style=\"text-align:left\">[12]</th>").Count);
    }

    [Fact]
    public void The_report_holds_every_notebook_with_markdown_rendered_and_plotly_js_once()
    {
        var report = File.ReadAllText(series.Result.Report);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(report, "data-fishkit-plotlyjs="));
        Assert.True(report.IndexOf("data-fishkit-plotlyjs", StringComparison.Ordinal) < report.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Contains("<h1 id=\"data-and-frames\">1 · Data and frames</h1>", report);
        Assert.Contains("<h1 id=\"baselines\">3 · Baselines</h1>", report);
        Assert.Equal(series.Result.Notebooks.Sum(n => Figures(n.Notebook).Count), System.Text.RegularExpressions.Regex.Matches(report, "class=\"fishkit-chart\"").Count);
    }
}
