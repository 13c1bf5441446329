using FishKit.Synthetic;

namespace FishKit.Tests.Synthetic;

/// <summary>Raw footage: the same session as a camera sees it, with the same ground truth, for testing preprocessing.</summary>
public class RawFootageTests
{
    static readonly TankSimulation Session = TankSimulator.Run(TankParameters.Default, 8, 1800);

    static double Median(IEnumerable<byte> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    [Fact]
    public void Raw_and_processed_writes_share_the_ground_truth_and_raw_bytes_do_not_depend_on_threads()
    {
        using var temp = new TempDir();
        var sim = TankSimulator.Run(TankParameters.Default, 8, 40);
        TankSession.Write(sim, temp["clean"]);
        TankSession.Write(sim, temp["raw1"], raw: RawFootage.Default, maxThreads: 1);
        TankSession.Write(sim, temp["raw2"], raw: RawFootage.Default, maxThreads: 2);
        foreach (var csv in new[] { "truth-fish.csv", "truth-frames.csv", "truth-bursts.csv", "truth-decoys.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp["clean"], csv)), File.ReadAllBytes(Path.Combine(temp["raw1"], csv)));
        for (int t = 0; t < 40; t++)
            Assert.Equal(File.ReadAllBytes(temp[$"raw1/{t:D5}.png"]), File.ReadAllBytes(temp[$"raw2/{t:D5}.png"]));
        Assert.Contains("\"footage\": \"raw:", File.ReadAllText(temp["raw1/simulation.json"]));
        Assert.Contains("\"noise_sigma\": 3", File.ReadAllText(temp["raw1/simulation.json"]));
    }

    [Fact]
    public void Fish_are_dark_on_a_light_floor_that_is_darker_in_the_corners()
    {
        var pixels = Session.RenderRaw(900, RawFootage.Default);
        const int w = 320, h = 240;
        double centre = Median(Enumerable.Range(100, 40).SelectMany(y => Enumerable.Range(140, 40).Select(x => pixels[y * w + x])));
        double corner = Median(Enumerable.Range(0, 8).SelectMany(y => Enumerable.Range(0, 8).Select(x => pixels[y * w + x])));
        Assert.InRange(Median(pixels), 120, 230);
        // 35 % vignetting at the very corner; the 8x8 corner patch loses a little less.
        Assert.InRange(corner / centre, 0.55, 0.8);
        foreach (var fish in Session.FishAt(900))
        {
            int x = (int)Math.Round(fish.X), y = (int)Math.Round(fish.Y);
            double around = Median(Enumerable.Range(Math.Max(0, y - 20), Math.Min(h, y + 21) - Math.Max(0, y - 20))
                .SelectMany(yy => Enumerable.Range(Math.Max(0, x - 20), Math.Min(w, x + 21) - Math.Max(0, x - 20)).Select(xx => pixels[yy * w + xx])));
            Assert.True(pixels[y * w + x] < 0.75 * around, $"head at ({x}, {y}) is {pixels[y * w + x]}, surroundings {around}");
        }
    }

    [Fact]
    public void Illumination_drifts_by_the_documented_amplitude_over_one_period()
    {
        var renderer = new RawFootageRenderer(Session, RawFootage.Default);
        var pixels = new byte[320 * 240];
        var medians = new List<double>();
        for (int t = 0; t < 1800; t += 30) // one 60 s period at 30 fps
        {
            renderer.Render(t, pixels);
            medians.Add(Median(pixels));
        }
        // 1 +- 0.08: brightest / darkest = 1.08 / 0.92 = 1.174
        Assert.InRange(medians.Max() / medians.Min(), 1.14, 1.21);
    }

    [Fact]
    public void Sensor_noise_has_the_documented_spread()
    {
        var renderer = new RawFootageRenderer(Session, RawFootage.Default);
        var a = new byte[320 * 240];
        var b = new byte[320 * 240];
        renderer.Render(400, a);
        renderer.Render(401, b);
        var cleanA = Session.Render(400);
        var cleanB = Session.Render(401);
        var differences = Enumerable.Range(0, a.Length).Where(i => cleanA[i] == 0 && cleanB[i] == 0).Select(i => (double)a[i] - b[i]).ToArray();
        double mean = differences.Average();
        double std = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / differences.Length);
        // Two independent draws of sigma 3, each rounded to a grey level: sqrt(2 (9 + 1/12)) = 4.26.
        Assert.InRange(std, 3.9, 4.6);
        Assert.InRange(mean, -0.5, 0.5);
    }

    [Fact]
    public void Bad_raw_parameters_are_refused_by_name() // simulate --raw itself: tests/FishKit.Cli.Tests, SimulateCommandTests
    {
        var e = Assert.Throws<FishKitException>(() => Session.RenderRaw(0, RawFootage.Default with { Vignetting = 2 }));
        Assert.Contains("Vignetting", e.Message);
    }
}
