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
        Assert.Equal(["train loss", "validation loss", "train AUC (right axis)", "validation AUC (right axis)"],
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
        Assert.Contains(headers, h => h.SequenceEqual(["pipeline", "clips per second", "one pass over the write-up's 44,956 clips"]));
        var text = string.Join("\n", html);
        Assert.Contains("414.3 GB", text); // 44,956 x 30*4*120*160 x 4 bytes
        Assert.Contains("103.6 GB", text); // the same in bytes
        Assert.Contains("0.9 GB", text); // 44,956 x 160*120 bytes
    }

    [Fact]
    public void Notebook_05_charts_the_recurrent_activation_and_tables_shapes_and_parameter_counts()
    {
        var notebook = series.Executed("05-convlstm");
        Assert.Equal([("scatter", "hard_sigmoid: clip(0.2x + 0.5, 0, 1)"), ("scatter", "sigmoid: 1 / (1 + exp(-x))")],
            Traces(Titled(Figures(notebook), "Recurrent activation: Keras' hard_sigmoid against the logistic sigmoid")));
        var headers = TableHeaders(notebook);
        Assert.Equal(4, headers.Count(h => h.SequenceEqual(["stage", "shape"]))); // two models at two clip sizes
        Assert.Equal(2, headers.Count(h => h.SequenceEqual(["layer", "arithmetic", "trainable parameters"])));
        var html = string.Join("\n", Html(notebook));
        Assert.Contains("(1, 30, 16, 118, 158)", html); // valid 3x3 trims one pixel per border at the write-up's size
        Assert.Contains("(1, 16, 46, 62)", html); // the best model's last state at the teaching size
        Assert.Contains("(1, 32, 57, 77)", html); // the two-layer model after pooling 118x158 to 59x79
        Assert.Contains("11,537", html); // 3*3*4*64 + 3*3*16*64 + 16 + 1
        Assert.Contains("67,041", html); // (2,304 + 9,216 + 64) + (18,432 + 36,864 + 128) + 32 + 1
    }

    [Fact]
    public void Notebook_06_overfits_a_tiny_subset_shows_a_collapse_and_charts_the_teaching_run_against_a_constant_output()
    {
        var notebook = series.Executed("06-training");
        var figures = Figures(notebook);
        string[] curves = ["train loss", "validation loss", "train AUC (right axis)", "validation AUC (right axis)"];
        Assert.Equal(curves, Traces(Titled(figures, "Overfitting 32 training clips")).Select(t => t.Name));
        var teaching = Traces(Titled(figures, "The teaching run: loss and ROC AUC per epoch"));
        Assert.All(teaching, t => Assert.Equal("scatter", t.Type));
        Assert.Equal(curves, teaching.Take(4).Select(t => t.Name));
        Assert.StartsWith("constant output: train loss 0.", teaching[4].Name);
        Assert.Equal("constant output: validation loss 0.693", teaching[5].Name); // ln 2: the best constant is 1/2 under the write-up's weighting rule
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
