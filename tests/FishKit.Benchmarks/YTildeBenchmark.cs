using System.Globalization;
using FishKit.Frames;
using FishKit.Motion;

namespace FishKit.Benchmarks;

/// <summary>
/// y-tilde throughput (frames/s) of the kit against the original's way (Pillow + numpy float32, one frame at a time)
/// and OpenCV (imread + absdiff), all on the same 320x240 gray PNGs in the same run; also checks that the values agree.
/// </summary>
public sealed class YTildeBenchmark : IBenchmark
{
    public string Name => "ytilde";

    public string Description => "y-tilde frames/s vs Pillow+numpy and OpenCV on 320x240 gray PNGs [--frames N] [--repeats R] [--dir FOLDER (used as is, or filled when empty)]";

    public int Run(string[] args)
    {
        int frames = IntOption(args, "--frames", 2000), repeats = IntOption(args, "--repeats", 5);
        string? given = Option(args, "--dir");
        string folder = given ?? Directory.CreateTempSubdirectory("fishkit-bench-ytilde-").FullName;
        try
        {
            if (given is null || !Directory.Exists(given) || !Directory.EnumerateFileSystemEntries(given).Any())
            {
                double size = FishFrames.Write(folder, frames);
                Console.WriteLine($"frames: {frames:N0} generated 320x240 gray PNGs, {size / 1024:0.0} KB each on average, in {folder}");
            }
            var sequence = FrameSequence.Open(folder);
            int count = sequence.Count;
            Console.WriteLine($"machine: {Measure.Machine()}; {count:N0} frames of {sequence.Size}; median of {repeats} runs after a warm-up");

            double[] values = [];
            double kit = Measure.MedianSeconds(repeats, () => values = YTilde.Compute(sequence));
            double kitOneCore = Measure.MedianSeconds(repeats, () => YTilde.Compute(sequence, maxParallelism: 1));
            var (pillow, pillowValues) = Peer("ytilde_pillow.py", folder, repeats);
            var (opencv, opencvValues) = Peer("ytilde_opencv.py", folder, repeats);

            double kitRate = count / kit, kitOneRate = count / kitOneCore;
            Console.WriteLine();
            Console.WriteLine($"| y-tilde, {count:N0} frames 320x240 | frames/s | kit (all {Environment.ProcessorCount} cores) is |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| kit, {Environment.ProcessorCount} cores | {kitRate:N0} | |");
            Console.WriteLine($"| kit, 1 core | {kitOneRate:N0} | |");
            Console.WriteLine($"| Pillow + numpy float32 (original's way), 1 core | {pillow:N0} | {kitRate / pillow:0.00}x (target >= 3x) |");
            Console.WriteLine($"| OpenCV imread + absdiff | {opencv:N0} | {kitRate / opencv:0.00}x (target >= 1.5x) |");
            Console.WriteLine();
            Console.WriteLine($"values: max relative difference kit vs OpenCV {MaxRelative(values, opencvValues):G3} (both exact integer sums), " +
                              $"kit vs Pillow float32 {MaxRelative(values, pillowValues):G3} (float32 rounding)");
            return 0;
        }
        finally
        {
            if (given is null) Directory.Delete(folder, recursive: true);
        }
    }

    static (double FramesPerSecond, double[] Values) Peer(string script, string folder, int repeats)
    {
        var valuesFile = Path.GetTempFileName();
        try
        {
            var output = Measure.RunPeer(script, folder, repeats.ToString(CultureInfo.InvariantCulture), valuesFile);
            var words = output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            double rate = double.Parse(words[Array.IndexOf(words, "frames_per_second") + 1], CultureInfo.InvariantCulture);
            var values = File.ReadLines(valuesFile).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
            return (rate, values);
        }
        finally
        {
            File.Delete(valuesFile);
        }
    }

    static double MaxRelative(double[] a, double[] b)
    {
        if (a.Length != b.Length) throw new InvalidOperationException($"series lengths differ: {a.Length} and {b.Length}");
        return a.Zip(b).Max(p => p.First == p.Second ? 0 : Math.Abs(p.First - p.Second) / Math.Max(Math.Abs(p.First), Math.Abs(p.Second)));
    }

    static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
