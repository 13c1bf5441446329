using FishKit.Frames;

namespace FishKit.Tests.Preprocessing;

/// <summary>
/// Small hand-made raw footage for the preprocessing tests: a floor with a left-to-right light gradient, one square
/// fish moving one pixel per frame, a global brightness per frame, and seeded Gaussian sensor noise. Everything the
/// tests check is known from these numbers, independently of the kit's code.
/// </summary>
public sealed record RawTank
{
    public int Width { get; init; } = 64;
    public int Height { get; init; } = 48;
    public int Frames { get; init; } = 40;

    /// <summary>Floor brightness at the left edge and at the right edge.</summary>
    public double FloorLeft { get; init; } = 150;
    public double FloorRight { get; init; } = 210;

    /// <summary>The fish's grey level as a fraction of the floor under it (below 1: a dark fish).</summary>
    public double FishFactor { get; init; } = 0.4;

    /// <summary>Side of the square fish in pixels.</summary>
    public int FishSide { get; init; } = 6;

    /// <summary>Row of the fish's top edge.</summary>
    public int FishTop { get; init; } = 20;

    public double NoiseSigma { get; init; } = 2;

    /// <summary>The light of frame t relative to the mean (1: steady light).</summary>
    public Func<int, double> Light { get; init; } = _ => 1;

    /// <summary>The fish's left edge in frame <paramref name="t"/>.</summary>
    public int FishLeft(int t) => 4 + t;

    public bool IsFish(int t, int x, int y) => x >= FishLeft(t) && x < FishLeft(t) + FishSide && y >= FishTop && y < FishTop + FishSide;

    public double Floor(int x) => FloorLeft + (FloorRight - FloorLeft) * x / (Width - 1);

    /// <summary>Frame <paramref name="t"/> as gray bytes.</summary>
    public byte[] Frame(int t)
    {
        var random = new Random(1000 + t);
        var pixels = new byte[Width * Height];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                double value = Floor(x) * Light(t) * (IsFish(t, x, y) ? FishFactor : 1) + NoiseSigma * Gaussian(random);
                pixels[y * Width + x] = (byte)Math.Clamp(Math.Round(value), 0, 255);
            }
        return pixels;
    }

    /// <summary>Writes every frame into <paramref name="folder"/> as 00000.png, ... (names offset by <paramref name="firstNumber"/>, every <paramref name="step"/>-th number).</summary>
    public string Write(string folder, int firstNumber = 0, int step = 1)
    {
        Directory.CreateDirectory(folder);
        var encoder = new GrayPngEncoder();
        for (int t = 0; t < Frames; t++)
            File.WriteAllBytes(Path.Combine(folder, $"{firstNumber + step * t:D5}.png"), encoder.Encode(Frame(t), Width, Height).ToArray());
        return folder;
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
