using System.Text.Json;
using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Synthetic;
using FishKit.Tests.Synthetic;

namespace FishKit.Tests.Evaluation;

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
