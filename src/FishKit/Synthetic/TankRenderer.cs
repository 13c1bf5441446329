using FishKit.Randomness;

namespace FishKit.Synthetic;

/// <summary>
/// Draws one frame of a simulated tank into an 8-bit grayscale buffer: black background, each fish as bright tapered
/// capsules along its spine with soft (blurred, antialiased) edges, overlaps taking the brighter value, then sparse
/// sensor-noise specks. A frame depends only on its fish states, the seed and its index, so frames can be drawn in
/// any order and on any number of threads with the same bytes.
/// </summary>
public static class TankRenderer
{
    const ulong NoiseStream = 0x4E6F697365; // "Noise"

    /// <summary>Draws frame <paramref name="frameIndex"/> with fish <paramref name="fish"/> into <paramref name="pixels"/> (row-major, Width x Height).</summary>
    public static void Render(TankParameters parameters, IReadOnlyList<FishTraits> traits, ReadOnlySpan<FishState> fish,
        int seed, long frameIndex, Span<byte> pixels)
    {
        RenderFish(parameters, traits, fish, pixels);
        Noise(parameters, seed, frameIndex, pixels);
    }

    /// <summary>Draws only the fish (no sensor noise), bright on black: also the fish mask of raw footage.</summary>
    internal static void RenderFish(TankParameters parameters, IReadOnlyList<FishTraits> traits, ReadOnlySpan<FishState> fish, Span<byte> pixels)
    {
        int width = parameters.Width, height = parameters.Height;
        if (pixels.Length != width * height)
            throw new ArgumentException($"the pixel buffer holds {pixels.Length} bytes; a {width}x{height} frame needs {width * height}.", nameof(pixels));
        if (fish.Length != traits.Count)
            throw new ArgumentException($"{fish.Length} fish states for {traits.Count} fish.", nameof(fish));
        pixels.Clear();
        Span<double> x = stackalloc double[FishBody.Points], y = stackalloc double[FishBody.Points], r = stackalloc double[FishBody.Points];
        for (int i = 0; i < fish.Length; i++)
        {
            FishBody.Spine(fish[i], traits[i], x, y, r);
            for (int k = 0; k < FishBody.Points - 1; k++)
                Capsule(pixels, width, height, x[k], y[k], r[k], x[k + 1], y[k + 1], r[k + 1],
                    traits[i].Brightness * FishBody.Shade(k), parameters.EdgeBlur);
        }
    }

    /// <summary>Draws a segment from a to b whose half-width goes from ra to rb, brighter along its middle line.</summary>
    static void Capsule(Span<byte> pixels, int width, int height,
        double ax, double ay, double ra, double bx, double by, double rb, double brightness, double blur)
    {
        double reach = Math.Max(ra, rb) + blur;
        int x0 = Math.Max(0, (int)Math.Floor(Math.Min(ax, bx) - reach));
        int x1 = Math.Min(width - 1, (int)Math.Ceiling(Math.Max(ax, bx) + reach));
        int y0 = Math.Max(0, (int)Math.Floor(Math.Min(ay, by) - reach));
        int y1 = Math.Min(height - 1, (int)Math.Ceiling(Math.Max(ay, by) + reach));
        double vx = bx - ax, vy = by - ay, vv = vx * vx + vy * vy;
        double inverse = vv > 1e-12 ? 1 / vv : 0;
        for (int j = y0; j <= y1; j++)
        {
            var row = pixels.Slice(j * width, width);
            double py = j - ay;
            for (int i = x0; i <= x1; i++)
            {
                double px = i - ax;
                double t = Math.Clamp((px * vx + py * vy) * inverse, 0, 1);
                double qx = px - t * vx, qy = py - t * vy;
                double distance = Math.Sqrt(qx * qx + qy * qy);
                double radius = ra + t * (rb - ra);
                double cover = 0.5 - (distance - radius) / blur;
                if (cover <= 0) continue;
                if (cover > 1) cover = 1;
                cover = cover * cover * (3 - 2 * cover);
                double inside = distance < radius ? distance / radius : 1;
                int value = (int)(brightness * cover * (1 - 0.2 * inside * inside) + 0.5);
                if (value > row[i]) row[i] = (byte)value;
            }
        }
    }

    /// <summary>Sprinkles faint specks at random pixels; their number is near-Poisson with mean NoiseDensity x pixels.</summary>
    static void Noise(TankParameters parameters, int seed, long frameIndex, Span<byte> pixels)
    {
        double mean = parameters.NoiseDensity * pixels.Length;
        if (mean <= 0) return;
        var random = SeededRandom.For(seed, NoiseStream, frameIndex);
        int count = Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * random.Gaussian()));
        int levels = parameters.NoiseMax - parameters.NoiseMin + 1;
        for (int k = 0; k < count; k++)
        {
            int at = random.NextInt(pixels.Length);
            byte value = (byte)(parameters.NoiseMin + random.NextInt(levels));
            if (value > pixels[at]) pixels[at] = value;
        }
    }
}
