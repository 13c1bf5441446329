using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary>
/// <see cref="TankParameters.Precursor"/> off: the same session (bursts, decoys, pairs, random stream) without the
/// approaches; and <c>fishkit simulate --precursor</c> / <c>--set</c>.
/// </summary>
public class PrecursorSwitchTests
{
    const int Seed = 5, Frames = 1500;

    static readonly Lazy<(TankSimulation On, TankSimulation Off)> Sessions = new(() =>
        (TankSimulator.Run(TankParameters.Default, Seed, Frames), TankSimulator.Run(TankParameters.Default with { Precursor = false }, Seed, Frames)));

    static double Speed(TankSimulation s, int t, int fish) => s.FishAt(t)[fish].Speed;

    [Fact]
    public void Without_precursors_the_bursts_and_decoys_are_the_same()
    {
        var (on, off) = Sessions.Value;
        Assert.True(on.Bursts.Count >= 5, $"only {on.Bursts.Count} bursts");
        Assert.NotEmpty(on.Decoys);
        Assert.Equal(on.Bursts, off.Bursts);
        Assert.Equal(on.Decoys, off.Decoys);
        for (int t = 0; t < Frames; t++) Assert.Equal(on.PhaseAt(t), off.PhaseAt(t));
    }

    [Fact]
    public void Without_precursors_the_initiator_neither_speeds_up_nor_differs_before_the_first_approach()
    {
        var (on, off) = Sessions.Value;
        int firstApproach = Math.Min(on.Bursts[0].PrecursorStart, on.Decoys.Count > 0 ? on.Decoys[0].Start : int.MaxValue);
        for (int t = 0; t < Math.Min(firstApproach, Frames); t++) Assert.Equal(on.FishAt(t).ToArray(), off.FishAt(t).ToArray());

        // In the last frames of each precursor the initiator swims at about ApproachSpeed with it on, at calm speed without.
        var p = TankParameters.Default;
        foreach (var b in on.Bursts.Where(b => b.PrecursorStart >= 0))
        {
            double withApproach = Enumerable.Range(b.Onset - 10, 10).Average(t => Speed(on, t, b.Initiator));
            double without = Enumerable.Range(b.Onset - 10, 10).Average(t => Speed(off, t, b.Initiator));
            Assert.True(withApproach > 0.7 * p.ApproachSpeed, $"burst at {b.Onset}: initiator at {withApproach:F2} px/frame with the precursor");
            Assert.True(without < 0.6 * p.ApproachSpeed, $"burst at {b.Onset}: initiator at {without:F2} px/frame without it");
        }
    }

    [Fact]
    public void Cli_precursor_off_keeps_truth_bursts_and_decoys_and_changes_the_tracks()
    {
        using var temp = new TempDir();
        Assert.Equal(0, Cli.Run("simulate", "--frames", "700", "--seed", "5", "--out", temp["on"]).ExitCode);
        var r = Cli.Run("simulate", "--frames", "700", "--seed", "5", "--out", temp["off"], "--precursor", "off");
        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        Assert.Contains("precursor off", r.Output);
        Assert.True(File.ReadAllLines(temp["on/truth-bursts.csv"]).Length > 2);
        Assert.True(File.ReadAllLines(temp["on/truth-decoys.csv"]).Length > 1);
        Assert.Equal(File.ReadAllText(temp["on/truth-bursts.csv"]), File.ReadAllText(temp["off/truth-bursts.csv"]));
        Assert.Equal(File.ReadAllText(temp["on/truth-decoys.csv"]), File.ReadAllText(temp["off/truth-decoys.csv"]));
        Assert.NotEqual(File.ReadAllText(temp["on/truth-fish.csv"]), File.ReadAllText(temp["off/truth-fish.csv"]));
        Assert.Contains("\"precursor\": false", File.ReadAllText(temp["off/simulation.json"]));
        Assert.Contains("\"precursor\": true", File.ReadAllText(temp["on/simulation.json"]));
    }

    [Fact]
    public void Set_decoy_probability_zero_gives_no_decoys_and_is_recorded_in_every_split()
    {
        using var temp = new TempDir();
        Assert.Equal(0, Cli.Run("simulate", "--frames", "700", "--seed", "5", "--out", temp["default"]).ExitCode);
        Assert.True(File.ReadAllLines(temp["default/truth-decoys.csv"]).Length > 1); // this seed has decoys by default
        var r = Cli.Run("simulate", "--frames", "700", "--seed", "5", "--out", temp["none"], "--split", "300,200,200", "--set", "decoyprobability=0", "--set", "BodyLength=20.5");
        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        Assert.Contains("0 decoy approaches", r.Output);
        foreach (var split in TankSession.StandardSplitNames)
        {
            Assert.Equal(["start_frame,end_frame,initiator,target"], File.ReadAllLines(temp[$"none/{split}/truth-decoys.csv"]));
            var json = File.ReadAllText(temp[$"none/{split}/simulation.json"]);
            Assert.Contains("\"decoy_probability\": 0,", json);
            Assert.Contains("\"body_length\": 20.5,", json);
        }
    }

    [Theory]
    [InlineData("Speed=2", "unknown tank parameter 'Speed'; valid names: Width, Height, FramesPerSecond,")]
    [InlineData("FishCount=seven", "tank parameter FishCount = 'seven' is not a whole number; valid names: Width,")]
    [InlineData("CalmSpeed=0,3", "tank parameter CalmSpeed = '0,3' is not a number such as 0.25; valid names:")]
    [InlineData("Precursor=maybe", "tank parameter Precursor = 'maybe' is not on/off or true/false")]
    [InlineData("FishCount=1", "tank parameter FishCount = 1 is out of range; give 2 to 64.")]
    [InlineData("DecoyProbability", "--set 'DecoyProbability' is not Name=value; valid names:")]
    public void Bad_set_is_one_line_naming_it(string setting, string message)
    {
        using var temp = new TempDir();
        SimulateCommandTests.AssertOneLineError(Cli.Run("simulate", "--frames", "40", "--out", temp["s"], "--set", setting), message);
        Assert.False(Directory.Exists(temp["s"]));
    }

    [Fact]
    public void With_sets_each_parameter_by_name_and_width_stays_an_option()
    {
        Assert.Equal(TankParameters.Default with { NoiseMax = 50 }, TankParameters.Default.With("NOISEMAX", "50"));
        Assert.Equal(TankParameters.Default with { Precursor = false }, TankParameters.Default.With("precursor", "off"));
        Assert.Equal(TankParameters.Default with { EdgeBlur = 1e-1 }, TankParameters.Default.With("EdgeBlur", "1e-1"));
        Assert.Contains("Precursor", TankParameters.Names);
        using var temp = new TempDir();
        var r = Cli.Run("simulate", "--frames", "10", "--out", temp["s"], "--width", "160", "--height", "120", "--set", "BodyLength=11");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("(160x120, seed", r.Output);
    }
}
