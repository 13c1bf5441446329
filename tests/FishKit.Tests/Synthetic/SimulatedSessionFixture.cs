using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary>One default session of 1,500 frames (50 s, several bursts) written once and shared by the tests that read it.</summary>
public sealed class SimulatedSessionFixture : IDisposable
{
    public const int Frames = 1500;
    public const int Seed = 11;

    readonly TempDir temp = new();

    public SimulatedSessionFixture()
    {
        Simulation = TankSimulator.Run(TankParameters.Default, Seed, Frames);
        TankSession.Write(Simulation, Folder);
        FishRows = SessionFiles.Csv(Path.Combine(Folder, "truth-fish.csv"));
        FrameRows = SessionFiles.Csv(Path.Combine(Folder, "truth-frames.csv"));
        BurstRows = SessionFiles.Csv(Path.Combine(Folder, "truth-bursts.csv"));
        DecoyRows = SessionFiles.Csv(Path.Combine(Folder, "truth-decoys.csv"));
        YTilde = SessionFiles.YTilde(Folder, Frames);
    }

    public TankSimulation Simulation { get; }
    public string Folder => temp["session"];
    public List<Dictionary<string, string>> FishRows { get; }
    public List<Dictionary<string, string>> FrameRows { get; }
    public List<Dictionary<string, string>> BurstRows { get; }
    public List<Dictionary<string, string>> DecoyRows { get; }

    /// <summary>y-tilde of the decoded frames, computed by the test's own loop.</summary>
    public double[] YTilde { get; }

    /// <summary>(x, y) of fish <paramref name="fish"/> in frame <paramref name="frame"/> as written in truth-fish.csv.</summary>
    public (double X, double Y) Position(int frame, int fish)
    {
        var row = FishRows[frame * TankParameters.Default.FishCount + fish];
        Assert.Equal(frame, row.I("frame"));
        Assert.Equal(fish, row.I("fish"));
        return (row.D("x_px"), row.D("y_px"));
    }

    public void Dispose() => temp.Dispose();
}
