using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace FishKit.Benchmarks;

/// <summary>
/// Deterministic stand-ins for the write-up's frames: 320x240 8-bit grayscale PNGs with bright fish (soft ellipses
/// swimming on smooth paths) on a black background plus sparse dim noise, a few KB each like the originals.
/// </summary>
static class FishFrames
{
    public const int Width = 320, Height = 240;

    /// <summary>Writes <paramref name="count"/> frames 00000.png ... into <paramref name="folder"/> (ImageSharp's encoder, adaptive filters).</summary>
    public static void Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var encoder = new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 };
        Parallel.For(0, count, t =>
        {
            using var image = Image.LoadPixelData<L8>(Draw(t), Width, Height);
            image.SaveAsPng(Path.Combine(folder, $"{t:D5}.png"), encoder);
        });
    }

    /// <summary>Frame <paramref name="t"/>: eight fish, each a bright ellipse fading to its rim, heading along its path.</summary>
    static byte[] Draw(int t)
    {
        var gray = new byte[Width * Height];
        for (int k = 0; k < 8; k++)
        {
            double phase = 0.02 * t * (1 + 0.13 * k) + 1.7 * k, burst = 1 + 0.5 * Math.Sin(0.005 * t + k);
            double cx = Width / 2.0 + 0.42 * Width * Math.Sin(phase * burst), cy = Height / 2.0 + 0.4 * Height * Math.Cos(0.8 * phase + k);
            double heading = Math.Atan2(-0.32 * Height * Math.Sin(0.8 * phase + k), 0.42 * Width * Math.Cos(phase * burst));
            double cos = Math.Cos(heading), sin = Math.Sin(heading), length = 13 + k % 3, girth = 4.5;
            for (int y = (int)(cy - length); y <= cy + length; y++)
                for (int x = (int)(cx - length); x <= cx + length; x++)
                {
                    if ((uint)x >= Width || (uint)y >= Height) continue;
                    double u = ((x - cx) * cos + (y - cy) * sin) / length, v = (-(x - cx) * sin + (y - cy) * cos) / girth;
                    double r = u * u + v * v;
                    if (r < 1) gray[y * Width + x] = (byte)Math.Max(gray[y * Width + x], 255 * (1 - 0.6 * r));
                }
        }
        var noise = new Random(t);
        for (int i = 0; i < 120; i++) gray[noise.Next(gray.Length)] = (byte)noise.Next(1, 40);
        return gray;
    }
}
