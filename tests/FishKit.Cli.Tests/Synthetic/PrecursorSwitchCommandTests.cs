using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary><c>fishkit simulate --precursor</c> and <c>--set</c>.</summary>
public class PrecursorSwitchCommandTests
{
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
