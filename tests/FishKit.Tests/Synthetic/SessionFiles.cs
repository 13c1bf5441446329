using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FishKit.Tests.Synthetic;

/// <summary>Reads a written session back the way a user would: PNGs through ImageSharp, CSVs as plain text.</summary>
static class SessionFiles
{
    /// <summary>The rows of a CSV file as dictionaries keyed by the header's column names.</summary>
    public static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public static double D(this Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    public static int I(this Dictionary<string, string> row, string column) => int.Parse(row[column], CultureInfo.InvariantCulture);

    /// <summary>Decodes one frame with ImageSharp (not the kit's code) into row-major bytes.</summary>
    public static byte[] Pixels(string png, out int width, out int height)
    {
        using var image = Image.Load<L8>(png);
        width = image.Width;
        height = image.Height;
        var pixels = new byte[width * height];
        image.CopyPixelDataTo(pixels);
        return pixels;
    }

    /// <summary>y-tilde by its definition: mean |X[t+1] - X[t]| over pixels, pixels / 255; the last frame gets 0.</summary>
    public static double[] YTilde(string folder, int frames)
    {
        var y = new double[frames];
        byte[]? previous = null;
        for (int t = 0; t < frames; t++)
        {
            var current = Pixels(Path.Combine(folder, $"{t:D5}.png"), out _, out _);
            if (previous is not null)
            {
                double sum = 0;
                for (int i = 0; i < current.Length; i++) sum += Math.Abs(current[i] - previous[i]) / 255.0;
                y[t - 1] = sum / current.Length;
            }
            previous = current;
        }
        return y;
    }

    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
