using System.Diagnostics;
using System.Globalization;
using FishKit.Frames;
using FishKit.Motion;
using FishKit.Preprocessing;
using FishKit.Synthetic;

namespace FishKit.Benchmarks;

/// <summary>
/// Preprocessing throughput (frames/s: background estimate, then every frame mapped, encoded and written) against
/// y-tilde (<see cref="YTilde.Compute"/>) on the same raw frames folder in the same run: the target is
/// preprocessing at least as fast as y-tilde. Raw frames are the simulator's raw footage (noisy, ~50 KB PNGs).
/// </summary>
public sealed class PreprocessBenchmark : IBenchmark
{
    public string Name => "preprocess";

    public string Description => "preprocessing frames/s vs y-tilde on the same raw 320x240 frames [--frames N] [--rounds R] [--dir RAW-FOLDER (used as is, or filled when empty)]";

    public int Run(string[] args)
    {
        int frames = IntOption(args, "--frames", 2000), repeats = IntOption(args, "--rounds", 5);
        string? given = Option(args, "--dir");
        string work = Directory.CreateTempSubdirectory("fishkit-bench-preprocess-").FullName;
        string raw = given ?? Path.Combine(work, "raw"), output = Path.Combine(work, "out");
        try
        {
            if (given is null || !Directory.Exists(given) || !Directory.EnumerateFileSystemEntries(given).Any())
            {
                var simulation = TankSimulator.Run(TankParameters.Default, 1, frames);
                TankSession.Write(simulation, raw, force: true, raw: RawFootage.Default);
                Console.WriteLine($"generated {frames:N0} raw frames (dark fish on an unevenly lit floor) in {raw}");
            }
            var sequence = FrameSequence.Open(raw);
            int count = sequence.Count;
            double kilobytes = sequence.Paths.Average(p => new FileInfo(p).Length) / 1024;
            Console.WriteLine($"machine: {Measure.Machine()}; {count:N0} frames of {sequence.Size}, {kilobytes:0.0} KB each on average; median of {repeats} rounds after a warm-up");

            // Warm-up, then rounds that interleave the two so both meet the same machine load.
            YTilde.Compute(sequence);
            FramePreprocessor.Write(sequence, output, force: true);
            var rounds = new List<(double YTilde, double Preprocess, double Background)>();
            for (int r = 0; r < repeats; r++)
            {
                double ytilde = count / Time(() => YTilde.Compute(sequence));
                double background = Time(() => BackgroundModel.Estimate(sequence));
                double preprocess = count / Time(() => FramePreprocessor.Write(sequence, output, force: true));
                rounds.Add((ytilde, preprocess, background));
                Console.WriteLine($"round {r + 1}: y-tilde {ytilde:N0} frames/s, preprocessing {preprocess:N0} frames/s (background estimate alone {background:F2} s)");
            }

            double Median(Func<(double YTilde, double Preprocess, double Background), double> of) => Measure.Median(rounds.Select(of));
            int cores = Environment.ProcessorCount;
            Console.WriteLine();
            Console.WriteLine($"| {count:N0} raw frames {sequence.Size}, {cores} cores | frames/s | vs y-tilde |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| y-tilde (YTilde.Compute) | {Median(x => x.YTilde):N0} | |");
            Console.WriteLine($"| preprocessing (background estimate + map + PNG write) | {Median(x => x.Preprocess):N0} | {Median(x => x.Preprocess / x.YTilde):0.00}x (target >= 1x) |");
            Console.WriteLine();
            Console.WriteLine($"background estimate alone: {Median(x => x.Background):F2} s ({BackgroundModel.Estimate(sequence).SampleFrames.Count} sampled frames, each decoded twice)");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
