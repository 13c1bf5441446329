using System.Text.Json;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Synthetic;
using FishKit.Tests.Synthetic;

namespace FishKit.Tests.Evaluation;

/// <summary>
/// AUC by burst kind against Reference/burst_kind_reference.json (scikit-learn 1.2.1, a plain assignment written
/// independently by make_burst_kind_reference.py) and a case computed by hand.
/// </summary>
public class BurstKindTests
{
    internal static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "burst_kind_reference.json"))).RootElement);

    internal static JsonElement R => Reference.Value;

    static BurstEvent[] Truth() => TruthBursts.Read(new StringReader(R.GetProperty("truth_csv").GetString()!), "reference");

    static bool[] Labels() => R.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();

    static double[] Scores() => R.GetProperty("scores").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    static BurstAssignment Assignment() => BurstAssignment.Of(Labels(), Truth(), new BurstKindRule(R.GetProperty("window").GetInt32(), R.GetProperty("look_ahead").GetInt32()));

    static int[] Frames(BurstKind kind) =>
        R.GetProperty("by_kind").GetProperty(BurstKindEvaluation.Name(kind)).GetProperty("frames").EnumerateArray().Select(v => v.GetInt32()).ToArray();

    [Fact]
    public void Assignment_and_kinds_match_the_plain_reference()
    {
        var a = Assignment();
        Assert.Equal(R.GetProperty("burst_of").EnumerateArray().Select(v => v.GetInt32()), a.BurstOf);
        Assert.Equal(R.GetProperty("kinds").EnumerateArray().Select(v => v.GetString()), a.Kinds.Select(BurstKindEvaluation.Name));
        Assert.Equal(BurstKindRule.WriteUp, a.Rule); // the reference uses the write-up's window and look-ahead
    }

    [Theory]
    [InlineData(BurstKind.FirstOfBout)]
    [InlineData(BurstKind.InBout)]
    public void Per_kind_auc_and_counts_match_scikit_learn_and_the_interval_is_the_bootstrap_of_the_subset(BurstKind kind)
    {
        var expected = R.GetProperty("by_kind").GetProperty(BurstKindEvaluation.Name(kind));
        var labels = Labels();
        var scores = Scores();
        var report = BurstKindEvaluation.Evaluate(labels, scores, Assignment(), 500, 7);
        var row = report[kind];
        SklearnReference.AssertClose(expected.GetProperty("roc_auc_score").GetDouble(), row.Auc!.Value);
        Assert.Equal((expected.GetProperty("positives").GetInt32(), expected.GetProperty("negatives").GetInt32(), expected.GetProperty("bursts").GetInt32()),
            (row.Positives, row.Negatives, row.Bursts));
        Assert.Equal(R.GetProperty("unmatched").GetInt32(), report.UnmatchedPositives);

        var frames = Frames(kind);
        var interval = BootstrapAuc.Interval(frames.Select(t => labels[t]).ToArray(), frames.Select(t => scores[t]).ToArray(), 500, 7);
        Assert.Equal((interval.Lower, interval.Upper), (row.CiLow!.Value, row.CiHigh!.Value));
        Assert.True(row.CiLow < row.Auc && row.Auc < row.CiHigh);
    }

    [Theory]
    [InlineData(BurstKind.FirstOfBout)]
    [InlineData(BurstKind.InBout)]
    public void Compare_is_delong_on_the_kinds_frames(BurstKind kind)
    {
        var labels = Labels();
        var scores = Scores();
        var other = scores.Select((s, t) => s * (t % 3 + 1)).ToArray();
        var frames = Frames(kind);
        var expected = DeLong.Compare(frames.Select(t => labels[t]).ToArray(), frames.Select(t => scores[t]).ToArray(), frames.Select(t => other[t]).ToArray());
        Assert.Equal(expected, BurstKindEvaluation.Compare(labels, scores, other, Assignment(), kind));
    }

    [Fact]
    public void Hand_computed_case()
    {
        // Look-ahead 2, window 3. Bursts (precursor, onset, end): (2, 4, 5) first of bout; (6, 8, 9): 8 - 5 = 3 <= 3, in bout.
        // Positives: 0 (next onset 4 > 0 + 3: unmatched), 2 and 3 (-> onset 4), 6 and 7 (-> onset 8). Seven negatives.
        // first_of_bout: 0.9 beats all 7 negatives, 0.3 beats 0.2, 0.1, 0.0 -> 10 / 14.
        // in_bout: 0.6 beats 5 and ties 1 (5.5), 0.8 beats all 7 -> 12.5 / 14.
        bool[] labels = [true, false, true, true, false, false, true, true, false, false, false, false];
        double[] scores = [0.99, 0.5, 0.9, 0.3, 0.2, 0.7, 0.6, 0.8, 0.1, 0.4, 0.6, 0.0];
        var a = BurstAssignment.Of(labels, [new(2, 4, 5, 0, 1), new(6, 8, 9, 1, 2)], new BurstKindRule(3, 2));
        Assert.Equal([BurstKind.FirstOfBout, BurstKind.InBout], a.Kinds);
        Assert.Equal([-2, -1, 0, 0, -1, -1, 1, 1, -1, -1, -1, -1], a.BurstOf);
        var r = BurstKindEvaluation.Evaluate(labels, scores, a, 200, 1);
        Assert.Equal(10.0 / 14, r.FirstOfBout.Auc!.Value, 15);
        Assert.Equal(12.5 / 14, r.InBout.Auc!.Value, 15);
        Assert.Equal((2, 7, 1), (r.FirstOfBout.Positives, r.FirstOfBout.Negatives, r.FirstOfBout.Bursts));
        Assert.Equal((2, 7, 1), (r.InBout.Positives, r.InBout.Negatives, r.InBout.Bursts));
        Assert.Equal(1, r.UnmatchedPositives);

        // One more frame in the gap: 8 - 4 = 4 > 3 makes the second burst first of bout too.
        Assert.Equal([BurstKind.FirstOfBout, BurstKind.FirstOfBout], new BurstKindRule(3, 2).Classify([new(2, 4, 4, 0, 1), new(6, 8, 9, 1, 2)]));

        // Frames 4..11 only: no first-of-bout positive is left, so no AUC, and the unmatched frame 0 is outside.
        var part = BurstKindEvaluation.Evaluate(labels, scores, a, 200, 1, frames: 4..);
        Assert.Equal(new KindAuc(null, null, null, 0, 6, 0), part.FirstOfBout);
        Assert.Equal(0, part.UnmatchedPositives);
        Assert.Equal(2, part.InBout.Positives);
    }

    [Theory]
    [InlineData("onset,precursor\n1,2\n", "line 1: expected the header")]
    [InlineData("", "line 1: expected the header")]
    [InlineData("onset_frame,precursor_start_frame,end_frame,initiator,target\n10,5,20,1,2\n30,x,40,1,2\n", "line 3: expected 5 whole numbers")]
    [InlineData("onset_frame,precursor_start_frame,end_frame,initiator,target\n10,5,20,1,2\n30,25,28,1,2\n", "line 3: needs precursor_start_frame <= onset_frame <= end_frame")]
    [InlineData("onset_frame,precursor_start_frame,end_frame,initiator,target\n10,5,20,1,2\n\n15,12,30,1,2\n", "line 4: onset 15 is not after the previous burst's end 20")]
    public void Bad_truth_files_get_one_line_naming_the_file_and_line(string text, string message)
    {
        var e = Assert.Throws<FishKitException>(() => TruthBursts.Read(new StringReader(text), "t.csv"));
        Assert.StartsWith("'t.csv' ", e.Message);
        Assert.Contains(message, e.Message);
        Assert.Contains("give the truth-bursts.csv that fishkit simulate wrote", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Reads_crlf_and_a_byte_order_mark()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["t.csv"], "onset_frame,precursor_start_frame,end_frame,initiator,target\r\n45,-3,60,1,2\r\n", new System.Text.UTF8Encoding(true));
        Assert.Equal([new BurstEvent(-3, 45, 60, 1, 2)], TruthBursts.Read(dir["t.csv"]));
    }
}

/// <summary><c>fishkit evaluate --truth</c>: the per-kind rows and JSON, and one-line errors for a bad truth file.</summary>
public sealed class EvaluateTruthCommandTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    JsonElement R => BurstKindTests.R;

    string[] Args(params string[] more)
    {
        Series.WriteLabels(dir["labels.npy"], R.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray(), "label");
        Series.Write(dir["scores.npy"], R.GetProperty("scores").EnumerateArray().Select(v => v.GetDouble()).ToArray(), "score");
        File.WriteAllText(dir["truth-bursts.csv"], R.GetProperty("truth_csv").GetString());
        return ["evaluate", "--labels", dir["labels.npy"], "--scores", dir["scores.npy"], "--truth", dir["truth-bursts.csv"], .. more];
    }

    [Fact]
    public void Json_has_by_kind_with_scikit_learns_aucs()
    {
        var r = Cli.Run(Args("--json", "--bootstrap", "300"));
        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        using var json = JsonDocument.Parse(r.Output);
        var byKind = json.RootElement.GetProperty("by_kind");
        Assert.Equal(["first_of_bout", "in_bout"], byKind.EnumerateObject().Select(p => p.Name));
        foreach (var kind in byKind.EnumerateObject())
        {
            var expected = R.GetProperty("by_kind").GetProperty(kind.Name);
            Assert.Equal(["auc", "ci_low", "ci_high", "positives", "negatives", "bursts"], kind.Value.EnumerateObject().Select(p => p.Name));
            SklearnReference.AssertClose(expected.GetProperty("roc_auc_score").GetDouble(), kind.Value.GetProperty("auc").GetDouble());
            foreach (var count in new[] { "positives", "negatives", "bursts" })
                Assert.Equal(expected.GetProperty(count).GetInt32(), kind.Value.GetProperty(count).GetInt32());
        }
        Assert.Equal(R.GetProperty("unmatched").GetInt32(), json.RootElement.GetProperty("unmatched_positives").GetInt32());
    }

    [Fact]
    public void Table_has_a_row_per_kind()
    {
        var r = Cli.Run(Args());
        Assert.Equal(0, r.ExitCode);
        var auc = R.GetProperty("by_kind").GetProperty("in_bout").GetProperty("roc_auc_score").GetDouble();
        Assert.Contains($"AUC in_bout          {auc:F4} (CI ", r.Output);
        Assert.Contains("AUC first_of_bout    0.", r.Output);
        Assert.Contains($"unmatched positives  {R.GetProperty("unmatched").GetInt32()} ", r.Output);
    }

    [Theory]
    [InlineData("frame,label\n0,1\n", "line 1: expected the header 'onset_frame,")]
    [InlineData("onset_frame,precursor_start_frame,end_frame,initiator,target\n900,860,920,1,2\n", "has a burst onset at frame 900 but")]
    public void A_bad_truth_file_or_one_of_other_frames_is_one_line_naming_it(string text, string message)
    {
        var args = Args();
        File.WriteAllText(dir["truth-bursts.csv"], text);
        var r = Cli.Run(args);
        SimulateCommandTests.AssertOneLineError(r, message);
        Assert.Contains($"'{dir["truth-bursts.csv"]}'", r.Error);
    }
}
