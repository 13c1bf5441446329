using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary>Bursts have the documented structure, seen in the frames (y-tilde) and in the ground truth.</summary>
public class BurstStructureTests(SimulatedSessionFixture session) : IClassFixture<SimulatedSessionFixture>
{
    [Fact]
    public void Y_tilde_of_the_frames_follows_the_group_mean_speed()
    {
        var speed = session.FrameRows.Select(r => r.D("group_mean_speed_px_per_frame")).ToArray();
        int n = SimulatedSessionFixture.Frames - 1; // the last y-tilde is 0 by convention
        double r = SessionFiles.Pearson(session.YTilde[..n], speed[..n]);
        Assert.True(r > 0.8, $"Pearson {r:F3}");
    }

    [Fact]
    public void Y_tilde_is_of_the_write_ups_order()
    {
        double mean = session.YTilde[..^1].Average(), max = session.YTilde.Max();
        Assert.InRange(mean, 0.0008, 0.003);  // write-up: mean ~0.0012
        Assert.InRange(max, 0.0025, 0.007);   // write-up: max ~0.0045
    }

    [Fact]
    public void Every_onset_is_followed_by_a_sharp_rise_of_y_tilde()
    {
        var y = session.YTilde;
        foreach (var b in session.BurstRows)
        {
            int onset = b.I("onset_frame");
            if (onset < 45 || onset + 20 >= y.Length) continue;
            double before = y[(onset - 45)..(onset - 30)].Average();
            double after = y[(onset + 5)..(onset + 20)].Average();
            Assert.True(after > 2 * before, $"onset {onset}: y-tilde {before:F5} before, {after:F5} after");
        }
    }

    [Fact]
    public void Initiator_closes_in_on_its_target_before_every_onset()
    {
        foreach (var b in session.BurstRows)
        {
            int start = b.I("precursor_start_frame"), onset = b.I("onset_frame");
            if (start < 0) continue;
            double Distance(int frame)
            {
                var (x0, y0) = session.Position(frame, b.I("initiator"));
                var (x1, y1) = session.Position(frame, b.I("target"));
                return Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
            }
            Assert.InRange(onset - start, 30, 45); // 1-1.5 s at 30 fps
            Assert.True(Distance(onset) < Distance(start) - 10, $"onset {onset}: {Distance(start):F1} px -> {Distance(onset):F1} px");
        }
    }

    [Fact]
    public void Calm_before_burst_labels_come_near_the_write_ups_positive_rate()
    {
        // The write-up's rule (h = 45, b = 0.1, c = 0.001) on frames 119 .. T-47, written out plainly.
        var y = session.YTilde;
        int positives = 0, labelled = 0;
        for (int t = 119; t <= y.Length - 47; t++)
        {
            var window = y[t..(t + 46)];
            double min = window.Min(), range = window.Max() - min;
            labelled++;
            if (range >= 0.001 && y[t] <= min + 0.1 * range) positives++;
        }
        Assert.InRange((double)positives / labelled, 0.05, 0.3); // write-up: 12.7-15.4 %
    }

    [Fact]
    public void Schedule_over_half_an_hour_keeps_its_documented_durations_bouts_and_decoy_rate()
    {
        var p = TankParameters.Default;
        var sim = TankSimulator.Run(p, seed: 5, frames: 54_000);
        // Expected by hand from the defaults: a bout holds k = 1, 2, 3 bursts with chance 0.1 x 0.9^(k-1) and 4 with
        // 0.9^3 = 0.729, so 3.44 bursts on average and 1 - 1/3.44 = 71 % of the spells between bursts are short (1.5-1.8 s),
        // the rest long (1.8-22 s, mean 11.9 s). A cycle (burst 1.05 s, decay 0.4 s, spell 4.6 s) lasts about 6.1 s.
        Assert.InRange(sim.Bursts.Count, 54_000 / 30 / 8, 54_000 * 2 / 30 / 9); // a cycle lasts 4.5-8 s
        var phases = Enumerable.Range(0, sim.FrameCount).Select(sim.PhaseAt).ToArray();
        var calmSpells = new List<int>();
        BurstEvent? previous = null;
        foreach (var b in sim.Bursts)
        {
            Assert.InRange(b.Onset - b.PrecursorStart, 30, 45);
            if (b.End < sim.FrameCount) Assert.InRange(b.End - b.Onset + 1, 18, 45); // 0.6-1.5 s
            if (previous is not null)
            {
                int calmStart = previous.End + 1 + p.Frames(p.DecaySeconds);
                Assert.Equal(GroupPhase.Decay, phases[calmStart - 1]);
                calmSpells.Add(b.Onset - calmStart);
            }
            previous = b;
        }
        Assert.All(calmSpells, c => Assert.InRange(c, 45, 660)); // 1.5-22 s, precursor included
        bool[] isShort = [.. calmSpells.Select(c => c <= 54)];
        double short_ = isShort.Count(s => s) / (double)isShort.Length;
        Assert.InRange(short_, 0.66, 0.76); // bursts come in bouts
        int run = 0;
        foreach (bool s in isShort)
        {
            run = s ? run + 1 : 0;
            Assert.True(run <= 3, "a bout holds at most 4 bursts, so at most 3 short spells in a row");
        }
        // Long spells (0.29 per burst) with room for a decoy (about 89 % of them) draw one 60 % of the time: about 0.15
        // decoys per burst (one approach in seven or eight).
        double decoysPerBurst = (double)sim.Decoys.Count / sim.Bursts.Count;
        Assert.InRange(decoysPerBurst, 0.08, 0.25);
        foreach (var d in sim.Decoys)
            if (d.End + 30 < sim.FrameCount)
                Assert.All(phases[d.Start..(d.End + 31)], ph => Assert.NotEqual(GroupPhase.Burst, ph)); // no burst follows within 1 s
    }
}
