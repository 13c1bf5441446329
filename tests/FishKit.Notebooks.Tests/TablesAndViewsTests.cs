using FishKit.Evaluation;
using FishKit.Frames;
using FishKit.Notebooks.Formatting;
using FishKit.Pipeline;
using FishKit.Training;
using FishKit.WriteUp;
using Microsoft.Data.Analysis;

namespace FishKit.Notebooks.Tests;

/// <summary>The DataFrame summaries, HTML views and formatters on inputs whose values are known.</summary>
public class TablesAndViewsTests
{
    [Fact]
    public void Split_table_sets_the_kits_positive_rate_beside_the_write_ups()
    {
        var labels = new bool[200];
        labels[120] = labels[121] = labels[150] = true;
        var split = new SplitSignals("validation", "x", new double[200], labels, new double[200], 119, 188, null);
        var frame = Tables.Splits([split]);
        Assert.Equal("validation", frame["split"][0]);
        Assert.Equal(3, frame["positives"][0]);
        Assert.Equal(3 / 200.0, (double)frame["positive rate"][0]!, 12);
        Assert.Equal(0.127, frame["write-up positive rate"][0]);
        Assert.Equal(3_593, frame["write-up frames"][0]);
        Assert.Equal("119..153", frame["labelled frames"][0]);
    }

    [Fact]
    public void Metric_table_puts_the_write_ups_column_beside_the_model_it_belongs_to()
    {
        var model = new ModelScores("baseline", [0, 1, 2, 3], [true, false, true, false], [0.9, 0.8, 0.4, 0.1], WriteUpResults.AlgorithmicBaseline);
        var frame = Tables.Metrics(model);
        Assert.Equal(["metric", "baseline", "baseline (write-up)"], frame.Columns.Select(c => c.Name));
        Assert.Equal("ROC AUC", frame["metric"][0]);
        Assert.Equal("0.75", frame["baseline"][0]);
        Assert.Equal("0.838", frame["baseline (write-up)"][0]);
        Assert.Null(frame["baseline (write-up)"][1]); // the write-up gave no average precision
        Assert.Equal("0.98", frame["baseline (write-up)"][7]);
    }

    [Fact]
    public void Metric_table_and_report_say_predict_none_where_the_best_threshold_flags_nothing()
    {
        // Three negatives outscore the one positive: accuracy is best (3 of 4) flagging nothing (threshold 0.9 + 1).
        var model = new ModelScores("m", [0, 1, 2, 3], [false, false, false, true], [0.9, 0.8, 0.7, 0.1]);
        var frame = Tables.Metrics(model);
        Assert.Equal("threshold at max accuracy", frame["metric"][7]);
        Assert.Equal("0.75", frame["m"][6]);
        Assert.Equal("predict none", frame["m"][7]);
        Assert.Contains("<td>0.75 (predict none)</td>", KitFormatters.Report(model.Report()));
    }

    [Fact]
    public void Auc_interval_table_holds_each_models_auc_inside_its_bootstrap_interval()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 5 == 0).ToArray();
        var good = new ModelScores("good", Enumerable.Range(0, 200).ToArray(), labels, labels.Select((l, i) => (l ? 0.6 : 0.4) + (i % 7) * 0.05).ToArray(), WriteUpResults.AlgorithmicBaseline);
        var chance = good with { Name = "chance", Scores = labels.Select((_, i) => (i * 37 % 101) / 101.0).ToArray(), WriteUp = null };
        var frame = Tables.AucIntervals(500, seed: 3, confidence: 0.9, good, chance);
        Assert.Equal(["model", "frames", "positives", "ROC AUC", "interval from", "interval to", "write-up AUC"], frame.Columns.Select(c => c.Name));
        Assert.Equal([200, 200], frame["frames"].Cast<int>());
        Assert.Equal([40, 40], frame["positives"].Cast<int>());
        for (int row = 0; row < 2; row++)
        {
            var model = row == 0 ? good : chance;
            Assert.Equal(Roc.Auc(model.Labels, model.Scores), (double)frame["ROC AUC"][row]!);
            Assert.InRange((double)frame["ROC AUC"][row]!, (double)frame["interval from"][row]!, (double)frame["interval to"][row]!);
        }
        Assert.Equal(0.838, frame["write-up AUC"][0]);
        Assert.Null(frame["write-up AUC"][1]);
    }

    [Fact]
    public void Delong_table_tests_every_pair_once_and_refuses_models_of_different_frames()
    {
        var labels = Enumerable.Range(0, 60).Select(i => i % 3 == 0).ToArray();
        var frames = Enumerable.Range(0, 60).ToArray();
        ModelScores Model(string name, int salt) => new(name, frames, labels, labels.Select((l, i) => (l ? 0.3 : 0) + (i * salt % 17) / 17.0).ToArray());
        var (a, b, c) = (Model("a", 5), Model("b", 7), Model("c", 11));
        var frame = Tables.DeLongPairs(a, b, c);
        Assert.Equal(["model A", "model B", "AUC A", "AUC B", "A - B", "z", "two-sided p"], frame.Columns.Select(col => col.Name));
        Assert.Equal(["a", "a", "b"], frame["model A"].Cast<string>());
        Assert.Equal(["b", "c", "c"], frame["model B"].Cast<string>());
        var ac = DeLong.Compare(labels, a.Scores, c.Scores);
        Assert.Equal(ac.Z, (double)frame["z"][1]!);
        Assert.Equal(ac.PValue, (double)frame["two-sided p"][1]!);
        Assert.Equal(Roc.Auc(labels, a.Scores) - Roc.Auc(labels, c.Scores), (double)frame["A - B"][1]!, 12);
        var e = Assert.Throws<FishKitException>(() => Tables.DeLongPairs(a, b.On(10, 59)));
        Assert.Contains("'a' and 'b' score different frames", e.Message);
    }

    [Fact]
    public void Moments_are_the_surest_hit_the_surest_false_alarm_and_the_worst_miss_in_frame_order()
    {
        //                     frame: 10     11     12     13     14     15
        var model = new ModelScores("m", [10, 11, 12, 13, 14, 15], [true, false, true, false, true, true], [0.7, 0.9, 0.2, 0.6, 0.8, 0.3]);
        var moments = model.Moments(0.5);
        Assert.Equal([new Moment("false positive", 11, 0.9, false), new Moment("miss", 12, 0.2, true), new Moment("true positive", 14, 0.8, true)], moments);
        // Above every score nothing is flagged: no hit and no false alarm, only the worst miss.
        Assert.Equal([new Moment("miss", 12, 0.2, true)], model.Moments(2));
    }

    [Fact]
    public void Frames_at_moments_are_one_row_per_moment_captioned_with_the_moment_and_the_offsets()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp["frames"]);
        for (int i = 0; i < 6; i++)
            File.WriteAllBytes(temp[$"frames/{i:D5}.png"], new GrayPngEncoder().Encode(Enumerable.Repeat((byte)(i * 40), 16).ToArray(), 4, 4).ToArray());
        var frames = FrameSequence.Open(temp["frames"]);

        var grid = FrameGrid.AtMoments(frames, [new Moment("miss", 1, 0.25, true), new Moment("true positive", 3, 0.8751, true)], [0, 2], scale: 1);

        Assert.Equal(2, grid.Columns);
        Assert.Equal(["miss: frame 1, p 0.25", "t + 2 (frame 3)", "true positive: frame 3, p 0.88", "t + 2 (frame 5)"], grid.Frames.Select(f => f.Caption));
        Assert.Equal([40, 120, 120, 200], grid.Frames.Select(f => (int)f.Pixels[0]));
        Assert.Throws<FishKitException>(() => FrameGrid.AtMoments(frames, [new Moment("miss", 5, 0.1, true)], [0, 2])); // frame 7 is past the end
    }

    [Fact]
    public void History_table_marks_the_epoch_of_lowest_validation_loss()
    {
        var history = new TrainingHistory { Epochs = [new(1, 0.7, null, 0.5, null, 0.1, 2, 5), new(2, 0.6, 0.7, 0.3, 0.8, 0.1, 2, 10)] };
        var frame = Tables.History(history);
        Assert.Equal([false, true], frame["best"].Cast<bool?>().Select(b => b!.Value));
        Assert.Null(frame["train AUC"][0]);
    }

    [Fact]
    public void Data_frame_html_shows_the_first_rows_and_says_how_many_there_are()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(0, 100)), new DoubleDataFrameColumn("x", Enumerable.Range(0, 100).Select(i => i / 3.0)));
        var html = DataFrameHtml.Of(frame);
        Assert.Equal(DataFrameHtml.MaxRows, System.Text.RegularExpressions.Regex.Matches(html, "<tr><th style").Count);
        Assert.Contains("<td>0.3333</td>", html);
        Assert.Contains("40 of 100 rows shown", html);
    }

    [Fact]
    public void Frame_image_is_a_png_of_the_frame_shrunk_by_nearest_neighbour()
    {
        using var temp = new TempDir();
        var pixels = new byte[8 * 4];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7);
        Directory.CreateDirectory(temp["frames"]);
        File.WriteAllBytes(temp["frames/00000.png"], new GrayPngEncoder().Encode(pixels, 8, 4).ToArray());
        var frames = FrameSequence.Open(temp["frames"]);

        var image = FrameImage.Of(frames, 0, scale: 0.5);

        Assert.Equal(new FrameSize(4, 2), image.Size);
        // Nearest neighbour (Pillow's rule: source = floor((destination + 0.5) * 2)) keeps pixels x = 1, 3, 5, 7 of rows 1 and 3.
        Assert.Equal([63, 77, 91, 105, 175, 189, 203, 217], image.Pixels.Select(b => (int)b));
        File.WriteAllBytes(temp["back.png"], image.Png());
        Directory.CreateDirectory(temp["back"]);
        File.Move(temp["back.png"], temp["back/00000.png"]);
        Assert.Equal(image.Pixels, FrameSequence.Open(temp["back"]).Read(0));
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", image.DataUri);
        Assert.Throws<FishKitException>(() => FrameImage.Of(frames, 1));
    }

    [Fact]
    public void Plotly_js_is_the_embedded_copy_hidden_from_amd_loaders_or_a_cdn_reference()
    {
        var embedded = PlotlyJs.Element(PlotlyJsSource.Embedded);
        Assert.StartsWith("<script data-fishkit-plotlyjs=\"embedded\"", embedded);
        Assert.Contains("plotly.js v2.28.0", embedded);
        Assert.Contains("(function(define, module, exports){", embedded);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(embedded, "</script>")); // nothing inside ends the element early
        Assert.True(embedded.Length > 3_000_000);
        Assert.Equal("<script data-fishkit-plotlyjs=\"cdn\" src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script>", PlotlyJs.Element(PlotlyJsSource.Cdn));
    }

    [Fact]
    public void Evaluation_report_formatter_shows_the_numbers_of_the_report()
    {
        var report = EvaluationReport.Of([true, false, true, false], [0.9, 0.8, 0.4, 0.1]);
        var html = KitFormatters.Report(report);
        Assert.Contains("<td>4 (2, 50.0 %)</td>", html);
        Assert.Contains("<th style=\"text-align:left\">ROC AUC</th><td>0.75</td>", html);
    }

    [Fact]
    public void Ytilde_against_truth_gives_r_positives_and_agreement_with_the_first_source()
    {
        const int frames = 300; // labelled frames 119 .. 253: 135
        var speed = Enumerable.Range(0, frames - 1).Select(t => (double)(t % 10)).ToArray();
        var follows = speed.Select(v => 0.001 * v).Append(0).ToArray();      // r = 1
        var against = speed.Select(v => -0.001 * v).Append(0).ToArray();     // r = -1
        var a = new bool[frames];
        var b = new bool[frames];
        a[150] = a[151] = true;
        b[150] = true;                                                      // disagrees at frame 151 only
        var frame = Tables.YTildeAgainstTruth(speed,
            ("clean", new SplitSignals("c", "x", follows, a, new double[frames], 119, 288, null)),
            ("other", new SplitSignals("o", "x", against, b, new double[frames], 119, 288, null)));
        Assert.Equal(["y-tilde from", "frames", "Pearson r with the true group speed", "frames labelled 1", "labels agreeing with the clean's"], frame.Columns.Select(c => c.Name));
        Assert.Equal(1.0, (double)frame["Pearson r with the true group speed"][0]!, 12);
        Assert.Equal(-1.0, (double)frame["Pearson r with the true group speed"][1]!, 12);
        Assert.Equal([2, 1], frame["frames labelled 1"].Cast<int?>().Select(v => v!.Value));
        Assert.Equal(1.0, frame["labels agreeing with the clean's"][0]);
        Assert.Equal(134.0 / 135, (double)frame["labels agreeing with the clean's"][1]!, 12);
    }

    [Fact]
    public void The_commands_for_a_video_are_the_readmes_three()
    {
        var readme = File.ReadAllText(Repo.File("README.md"));
        var commands = Tables.CommandsForVideo("tank.mp4", "my-tank")["command"].Cast<string>().ToList();
        Assert.Equal(3, commands.Count);
        Assert.All(commands, c => Assert.Contains(c + "\n", readme));
        Assert.Contains("frames extract \"my video.mp4\" --out", Tables.CommandsForVideo("my video.mp4", "out")["command"][0]!.ToString());
    }

    [Fact]
    public void Grey_levels_become_an_image_rounded_and_clamped()
    {
        var image = FrameImage.OfLevels([-3f, 0.4f, 0.6f, 254.5f, 300f, 128f], new FrameSize(3, 2), "background");
        Assert.Equal([0, 0, 1, 254, 255, 128], image.Pixels.Select(b => (int)b)); // 254.5 rounds to even
        Assert.Equal("background", image.Caption);
        Assert.Throws<FishKitException>(() => FrameImage.OfLevels([1f, 2f], new FrameSize(3, 2), "too few"));
    }

    [Fact]
    public void Side_by_side_pairs_each_frame_of_two_sequences_in_rows_of_two()
    {
        using var temp = new TempDir();
        foreach (var (name, level) in new[] { ("left", (byte)10), ("right", (byte)200) })
        {
            Directory.CreateDirectory(temp[name]);
            for (int t = 0; t < 3; t++)
                File.WriteAllBytes(temp[$"{name}/{t:D5}.png"], new GrayPngEncoder().Encode(Enumerable.Repeat((byte)(level + t), 16).ToArray(), 4, 4).ToArray());
        }
        var grid = FrameGrid.SideBySide(FrameSequence.Open(temp["left"]), "camera", FrameSequence.Open(temp["right"]), "preprocessed", [0, 2], scale: 1);
        Assert.Equal(2, grid.Columns);
        Assert.Equal(["frame 0: camera", "frame 0: preprocessed", "frame 2: camera", "frame 2: preprocessed"], grid.Frames.Select(f => f.Caption));
        Assert.Equal([10, 200, 12, 202], grid.Frames.Select(f => (int)f.Pixels[0]));
    }
}
