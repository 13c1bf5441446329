using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary>
/// <see cref="TankParameters.Precursor"/> off: the same session (bursts, decoys, pairs, random stream) without the
/// approaches (<c>fishkit simulate --precursor</c> / <c>--set</c>: tests/FishKit.Cli.Tests, PrecursorSwitchCommandTests).
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
}
