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

    public string Description => "y-tilde frames/s vs Pillow+numpy and OpenCV on 320x240 gray PNGs [--frames N] [--rounds R] [--dir FOLDER (used as is, or filled when empty)]";

    public int Run(string[] args)
    {
        int frames = Measure.IntOption(args, "--frames", 2000), repeats = Measure.IntOption(args, "--rounds", 5);
        string? given = Measure.Option(args, "--dir");
        string folder = given ?? Directory.CreateTempSubdirectory("fishkit-bench-ytilde-").FullName;
        try
        {
            if (given is null || !Directory.Exists(given) || !Directory.EnumerateFileSystemEntries(given).Any())
            {
                FishFrames.Write(folder, frames);
                Console.WriteLine($"generated {frames:N0} frames (bright fish on black) in {folder}");
            }
            var sequence = FrameSequence.Open(folder);
            int count = sequence.Count;
            double kilobytes = sequence.Paths.Average(p => new FileInfo(p).Length) / 1024;
            Console.WriteLine($"machine: {Measure.Machine()}; {count:N0} frames of {sequence.Size}, {kilobytes:0.0} KB each on average; median of {repeats} rounds after a warm-up");

            // Rounds interleave the contenders so that all of them meet the same machine load (other work shares
            // the cores); each figure is the median over rounds, each ratio the median of the per-round ratios.
            double[] values = YTilde.Compute(sequence);
            var rounds = new List<(double Kit, double KitOneCore, double Pillow, double OpenCV)>();
            double[] pillowValues = [], opencvValues = [];
            for (int r = 0; r < repeats; r++)
            {
                double kit = count / Time(() => YTilde.Compute(sequence));
                double kitOne = count / Time(() => YTilde.Compute(sequence, maxParallelism: 1));
                (double pillow, pillowValues) = Peer("ytilde_pillow.py", folder);
                (double opencv, opencvValues) = Peer("ytilde_opencv.py", folder);
                rounds.Add((kit, kitOne, pillow, opencv));
                Console.WriteLine($"round {r + 1}: kit {kit:N0}, kit 1 core {kitOne:N0}, Pillow+numpy {pillow:N0}, OpenCV {opencv:N0} frames/s");
            }

            double Median(Func<(double Kit, double KitOneCore, double Pillow, double OpenCV), double> of) => Measure.Median(rounds.Select(of));
            int cores = Environment.ProcessorCount;
            Console.WriteLine();
            Console.WriteLine($"| y-tilde, {count:N0} frames 320x240 | frames/s | kit ({cores} cores) vs this |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| kit, {cores} cores | {Median(x => x.Kit):N0} | |");
            Console.WriteLine($"| kit, 1 core | {Median(x => x.KitOneCore):N0} | |");
            Console.WriteLine($"| Pillow + numpy float32, one frame at a time (the original's way) | {Median(x => x.Pillow):N0} | {Median(x => x.Kit / x.Pillow):0.00}x (target >= 3x) |");
            Console.WriteLine($"| OpenCV imread + absdiff, one frame at a time | {Median(x => x.OpenCV):N0} | {Median(x => x.Kit / x.OpenCV):0.00}x (target >= 1.5x) |");
            Console.WriteLine();
            Console.WriteLine($"values: max relative difference kit vs OpenCV {MaxRelative(values, opencvValues):G3} (both exact integer sums), " +
                              $"kit vs Pillow float32 {MaxRelative(values, pillowValues):G3} (the original's float32 rounding)");
            return 0;
        }
        finally
        {
            if (given is null) Directory.Delete(folder, recursive: true);
        }
    }

    static double Time(Action action)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>One timed pass of a peer after its own warm-up pass; its frames/s and values.</summary>
    static (double FramesPerSecond, double[] Values) Peer(string script, string folder)
    {
        var valuesFile = Path.GetTempFileName();
        try
        {
            var output = Measure.RunPeer(script, folder, "1", valuesFile);
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
}
