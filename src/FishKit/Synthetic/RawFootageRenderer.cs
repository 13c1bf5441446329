using FishKit.Randomness;

namespace FishKit.Synthetic;

/// <summary>
/// Draws raw footage (<see cref="RawFootage"/>) of a simulated session: light(x, y, t) x (1 - darkness x fish(x, y) / 255)
/// + noise, where light is the static floor (vignetting and a broad uneven pattern, fixed by the seed) times the
/// illumination drift at t, and fish is the session's clean rendering without its specks. Like the clean frames, a raw
/// frame depends only on the session, the seed and its index. One instance per thread: it reuses a buffer.
/// </summary>
public sealed class RawFootageRenderer
{
    const ulong PatternStream = 0x5061747465726E; // "Pattern"
    const ulong NoiseStream = 0x52617753656E73;   // "RawSens"
    const int NoiseTableBits = 16;
    static readonly float[] NoiseTable = MakeNoiseTable();

    readonly TankSimulation simulation;
    readonly RawFootage footage;
    readonly float[] floor;
    readonly byte[] fish;
    readonly double driftPhase;

    /// <summary>A renderer of <paramref name="simulation"/> as seen by the raw camera <paramref name="footage"/>.</summary>
    public RawFootageRenderer(TankSimulation simulation, RawFootage footage)
    {
        footage.Validate();
        this.simulation = simulation;
        this.footage = footage;
        var p = simulation.Parameters;
        fish = new byte[p.Width * p.Height];
        var random = SeededRandom.For(simulation.Seed, PatternStream, 0);
        driftPhase = random.Uniform(0, 2 * Math.PI);
        floor = Floor(p.Width, p.Height, footage, random);
    }

    /// <summary>The light of the tank floor at each pixel under mean illumination (row-major), before fish and noise.</summary>
    public ReadOnlySpan<float> FloorLight => floor;

    /// <summary>The illumination factor (about 1) of frame <paramref name="frame"/>.</summary>
    public double Illumination(int frame) =>
        1 + footage.DriftAmplitude * Math.Sin(2 * Math.PI * frame / (footage.DriftPeriodSeconds * simulation.Parameters.FramesPerSecond) + driftPhase);

    /// <summary>Draws raw frame <paramref name="frame"/> into <paramref name="pixels"/> (Width x Height bytes, row-major).</summary>
    public void Render(int frame, Span<byte> pixels)
    {
        var p = simulation.Parameters;
        if (pixels.Length != fish.Length)
            throw new ArgumentException($"the pixel buffer holds {pixels.Length} bytes; a {p.Width}x{p.Height} frame needs {fish.Length}.", nameof(pixels));
        TankRenderer.RenderFish(p, simulation.Traits, simulation.FishAt(frame), fish);
        float light = (float)Illumination(frame);
        float darkness = (float)(footage.FishDarkness / 255);
        float sigma = (float)footage.NoiseSigma;
        var random = SeededRandom.For(simulation.Seed, NoiseStream, frame);
        const int mask = (1 << NoiseTableBits) - 1;
        ulong bits = 0;
        for (int i = 0; i < pixels.Length; i++)
        {
            if ((i & 3) == 0) bits = random.NextUInt64();
            float noise = sigma * NoiseTable[(int)(bits & mask)];
            bits >>= NoiseTableBits;
            float value = floor[i] * light * (1 - darkness * fish[i]) + noise;
            pixels[i] = (byte)Math.Clamp((int)MathF.Round(value), 0, 255);
        }
    }

    /// <summary>Vignetting (quadratic fall-off to the corners) times 1 + a sum of three broad waves with seeded directions and phases.</summary>
    static float[] Floor(int width, int height, RawFootage footage, SeededRandom random)
    {
        var waves = new (double Kx, double Ky, double Phase)[3];
        for (int w = 0; w < waves.Length; w++)
        {
            double angle = random.Uniform(0, Math.PI), wavelength = random.Uniform(0.6, 1.5) * Math.Max(width, height);
            waves[w] = (2 * Math.PI * Math.Cos(angle) / wavelength, 2 * Math.PI * Math.Sin(angle) / wavelength, random.Uniform(0, 2 * Math.PI));
        }
        var floor = new float[width * height];
        double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0, corner = cx * cx + cy * cy;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / corner;
                double pattern = 0;
                foreach (var (kx, ky, phase) in waves) pattern += Math.Sin(kx * x + ky * y + phase);
                floor[y * width + x] = (float)(footage.BackgroundLevel * (1 - footage.Vignetting * r2) * (1 + footage.Unevenness * pattern / waves.Length));
            }
        return floor;
    }

    /// <summary>65,536 standard normal values (a fixed seeded draw), picked per pixel by 16 random bits.</summary>
    static float[] MakeNoiseTable()
    {
        var random = new SeededRandom(0x4E6F726D616C); // "Normal"
        var table = new float[1 << NoiseTableBits];
        for (int i = 0; i < table.Length; i++) table[i] = (float)random.Gaussian();
        return table;
    }
}
