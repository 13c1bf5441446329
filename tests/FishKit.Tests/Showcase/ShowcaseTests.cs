using FishKit.Evaluation;
using FishKit.Showcase;

namespace FishKit.Tests.Showcase;

public class ShowcaseTests
{
    [Fact]
    public void A_test_session_with_and_without_the_precursor_has_the_same_bursts_and_is_written_once()
    {
        using var dir = new TempDir();
        var on = ShowcaseTank.TestSession(dir["on"], 900, precursor: true);
        var off = ShowcaseTank.TestSession(dir["off"], 900, precursor: false);
        Assert.NotEmpty(on.Bursts);
        Assert.Equal(on.Bursts, off.Bursts);
        Assert.Equal(900, Directory.GetFiles(dir["on"], "*.png").Length);

        var written = File.GetLastWriteTimeUtc(dir["on/00000.png"]);
        ShowcaseTank.TestSession(dir["on"], 900, precursor: true);
        Assert.Equal(written, File.GetLastWriteTimeUtc(dir["on/00000.png"]));

        var other = Assert.Throws<FishKitException>(() => ShowcaseTank.TestSession(dir["on"], 900, precursor: false));
        Assert.Contains("precursor off", other.Message);
        Assert.Equal(written, File.GetLastWriteTimeUtc(dir["on/00000.png"]));
    }

    [Fact]
    public void The_training_tank_is_not_simulated_over_a_folder_holding_something_else()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["notes.txt"], "mine");
        var refused = Assert.Throws<FishKitException>(() => ShowcaseTank.Ensure(dir.Path));
        Assert.Contains("seed 13", refused.Message);
        Assert.Equal("mine", File.ReadAllText(dir["notes.txt"]));
        Assert.Equal(81_000, ShowcaseTank.Frames);
    }

    static ShowcaseModel Model(string name, double overall, double first, double low, double high) => new(name,
        new AucInterval(overall, overall - 0.01, overall + 0.01, 0.95, 200, 0),
        new BurstKindReport(new KindAuc(first, low, high, 10, 100, 2), new KindAuc(0.9, 0.88, 0.92, 20, 100, 4), 0));

    [Theory]
    // ConvLSTM first-of-bout 0.80 (0.77..0.83) against 0.65 (0.60..0.70): margin 0.15, apart; overall p 0.001
    [InlineData(0.80, 0.77, 0.83, 0.001, 0.55, true, true, true)]
    // margin 0.08 < 0.10
    [InlineData(0.73, 0.71, 0.75, 0.001, 0.55, false, true, true)]
    // margin 0.12 but intervals overlap (0.69 < 0.70)
    [InlineData(0.77, 0.69, 0.85, 0.001, 0.55, false, true, true)]
    // overall p 0.02 is not below 0.01; precursor off the ConvLSTM still above the LSTM's interval (0.61 > 0.60)
    [InlineData(0.80, 0.77, 0.83, 0.02, 0.61, true, false, false)]
    public void The_targets_are_met_only_as_issue_13_states_them(double first, double low, double high, double p, double offFirst,
        bool firstMet, bool overallMet, bool controlMet)
    {
        var convLstm = Model("showcase ConvLSTM", 0.90, first, low, high);
        var lstm = Model("y-tilde LSTM", 0.85, 0.65, 0.60, 0.70);
        var delong = new DeLongComparison(0.90, 0.85, 0, 0, 0, 3, p);
        var checks = ShowcaseTargets.Check(convLstm, [(lstm, delong)], Model("showcase ConvLSTM", 0.85, offFirst, offFirst - 0.03, offFirst + 0.03),
            Model("y-tilde LSTM", 0.85, 0.55, 0.50, 0.60));
        Assert.Equal([firstMet, overallMet, controlMet], checks.Select(c => c.Met));
        Assert.Contains("first of bout, against the y-tilde LSTM", checks[0].Target);
    }
}
