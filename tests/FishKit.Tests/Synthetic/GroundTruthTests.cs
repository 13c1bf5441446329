using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary>The ground truth beside the frames agrees with itself and with the frames.</summary>
public class GroundTruthTests(SimulatedSessionFixture session) : IClassFixture<SimulatedSessionFixture>
{
    static readonly int Fish = TankParameters.Default.FishCount;

    [Fact]
    public void Truth_files_have_one_row_per_fish_per_frame_and_one_per_frame()
    {
        Assert.Equal(SimulatedSessionFixture.Frames * Fish, session.FishRows.Count);
        Assert.Equal(SimulatedSessionFixture.Frames, session.FrameRows.Count);
        Assert.Equal(Enumerable.Range(0, SimulatedSessionFixture.Frames), session.FrameRows.Select(r => r.I("frame")));
    }

    [Fact]
    public void Group_mean_speed_is_the_mean_of_the_fish_speeds()
    {
        for (int t = 0; t < SimulatedSessionFixture.Frames; t++)
        {
            double mean = session.FishRows.Skip(t * Fish).Take(Fish).Average(r => r.D("speed_px_per_frame"));
            Assert.Equal(mean, session.FrameRows[t].D("group_mean_speed_px_per_frame"), 4e-4); // both rounded to 4 decimals
        }
    }

    [Fact]
    public void Step_speeds_are_the_group_mean_speed_of_the_frame_each_step_ends_in()
    {
        var steps = session.Simulation.StepSpeeds();
        Assert.Equal(SimulatedSessionFixture.Frames - 1, steps.Length);
        for (int t = 0; t < steps.Length; t++)
            Assert.Equal(session.FrameRows[t + 1].D("group_mean_speed_px_per_frame"), steps[t], 1e-4); // the file rounds to 4 decimals
    }

    [Fact]
    public void Positions_stay_inside_the_tank()
    {
        foreach (var r in session.FishRows)
        {
            Assert.InRange(r.D("x_px"), 0, 319);
            Assert.InRange(r.D("y_px"), 0, 239);
        }
    }

    [Fact]
    public void Speed_is_the_distance_swum_since_the_previous_frame_in_pixels_per_frame()
    {
        int agree = 0, total = 0;
        for (int t = 1; t < SimulatedSessionFixture.Frames; t++)
            for (int f = 0; f < Fish; f++)
            {
                var (x0, y0) = session.Position(t - 1, f);
                var (x1, y1) = session.Position(t, f);
                double swum = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
                double speed = session.FishRows[t * Fish + f].D("speed_px_per_frame");
                total++;
                if (Math.Abs(swum - speed) < 0.01) agree++;
            }
        Assert.True(agree >= 0.99 * total, $"{agree} of {total} steps match their speed (a wall may stop a few)");
    }

    [Fact]
    public void Burst_flag_and_phases_follow_the_burst_list()
    {
        var phase = session.FrameRows.Select(r => r["phase"]).ToArray();
        Assert.All(session.FrameRows, r => Assert.Equal(r["phase"] == "burst" ? 1 : 0, r.I("burst")));
        Assert.True(session.BurstRows.Count >= 3, $"{session.BurstRows.Count} bursts in 50 s");
        foreach (var b in session.BurstRows)
        {
            int onset = b.I("onset_frame"), start = b.I("precursor_start_frame"), end = b.I("end_frame");
            Assert.NotEqual(b.I("initiator"), b.I("target"));
            for (int t = start; t < onset; t++) Assert.Equal("precursor", phase[t]);
            for (int t = onset; t <= Math.Min(end, phase.Length - 1); t++) Assert.Equal("burst", phase[t]);
            if (start > 0) Assert.NotEqual("precursor", phase[start - 1]);
        }
        int onsets = Enumerable.Range(1, phase.Length - 1).Count(t => phase[t] == "burst" && phase[t - 1] != "burst");
        Assert.Equal(session.BurstRows.Count, onsets);
        foreach (var d in session.DecoyRows)
            for (int t = Math.Max(0, d.I("start_frame")); t <= Math.Min(d.I("end_frame"), phase.Length - 1); t++)
                Assert.Equal("decoy", phase[t]);
    }

    [Fact]
    public void Simulation_json_gives_seed_size_and_offset()
    {
        var json = File.ReadAllText(Path.Combine(session.Folder, "simulation.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(SimulatedSessionFixture.Seed, root.GetProperty("seed").GetInt32());
        Assert.Equal(0, root.GetProperty("session_frame_offset").GetInt32());
        Assert.Equal(320, root.GetProperty("parameters").GetProperty("width").GetInt32());
        Assert.Equal(30, root.GetProperty("parameters").GetProperty("frames_per_second").GetDouble());
    }
}
