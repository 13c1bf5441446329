using System.Diagnostics;
using System.Globalization;
using FishKit.Frames;
using FishKit.Motion;
using FishKit.Preprocessing;
using FishKit.Synthetic;

namespace FishKit.Benchmarks;

/// <summary>
/// Preprocessing throughput against y-tilde (<see cref="YTilde.Compute"/>) on the same raw frames folder in the same run
/// (the target: preprocessing at least as fast as y-tilde). Raw frames are the simulator's raw footage (noisy,
/// ~50 KB PNGs). Three figures: y-tilde; preprocessing as the command runs it (background estimate, then every frame
/// decoded, mapped, encoded and written to a fresh folder); and the same without writing the files (what the kit
/// computes, apart from the file system). A one-core breakdown per frame says where the time goes.
/// </summary>
public sealed class PreprocessBenchmark : IBenchmark
{
    public string Name => "preprocess";

    public string Description => "preprocessing frames/s vs y-tilde on the same raw 320x240 frames [--frames N] [--rounds R] [--dir RAW-FOLDER (used as is, or filled when empty)] [--out-root FOLDER (where outputs go)]";

    public int Run(string[] args)
    {
        int frames = IntOption(args, "--frames", 2000), repeats = IntOption(args, "--rounds", 5);
        string? given = Option(args, "--dir");
        string work = Directory.CreateTempSubdirectory("fishkit-bench-preprocess-").FullName;
        string outRoot = Option(args, "--out-root") is { } root ? Directory.CreateDirectory(Path.Combine(root, Path.GetFileName(work))).FullName : work;
        string raw = given ?? Path.Combine(work, "raw");
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
            Console.WriteLine($"machine: {Measure.Machine()}; {count:N0} frames of {sequence.Size}, {kilobytes:0.0} KB each on average; outputs under {outRoot}; median of {repeats} rounds after a warm-up");

            // Warm-up, then rounds that interleave the contenders so all meet the same machine load.
            var model = BackgroundModel.Estimate(sequence);
            YTilde.Compute(sequence);
            Preprocess(sequence, Path.Combine(outRoot, "warm-up"));
            var rounds = new List<Round>();
            for (int r = 0; r < repeats; r++)
            {
                var round = new Round(
                    count / Time(() => YTilde.Compute(sequence)),
                    count / Preprocess(sequence, Path.Combine(outRoot, $"round-{r}")),
                    count / Time(() => InMemory(sequence)),
                    Breakdown(sequence, model, Path.Combine(outRoot, $"breakdown-{r}"), Math.Min(count, 300)));
                rounds.Add(round);
                Console.WriteLine($"round {r + 1}: y-tilde {round.YTilde:N0}, preprocessing {round.Preprocess:N0}, without writing files {round.InMemory:N0} frames/s");
            }

            double Median(Func<Round, double> of) => Measure.Median(rounds.Select(of));
            int cores = Environment.ProcessorCount;
            Console.WriteLine();
            Console.WriteLine($"| {count:N0} raw frames {sequence.Size}, {cores} cores | frames/s | vs y-tilde |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| y-tilde (YTilde.Compute) | {Median(x => x.YTilde):N0} | |");
            Console.WriteLine($"| preprocessing (FramePreprocessor.Write: background, map, encode, write) | {Median(x => x.Preprocess):N0} | {Median(x => x.Preprocess / x.YTilde):0.00}x (target >= 1x) |");
            Console.WriteLine($"| preprocessing without writing the files | {Median(x => x.InMemory):N0} | {Median(x => x.InMemory / x.YTilde):0.00}x |");
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one core, ms per frame: decode {Median(x => x.Breakdown.Decode):F3} (y-tilde does this and a 0.001 ms sum per frame), map {Median(x => x.Breakdown.Map):F3}, PNG encode {Median(x => x.Breakdown.Encode):F3}, file write {Median(x => x.Breakdown.Write):F3}"));
            Console.WriteLine($"background estimate: {model.SampleFrames.Count} sampled frames, each decoded once (twice when the sample exceeds 64 MB); bounded, whatever the frame count");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            if (outRoot != work) Directory.Delete(outRoot, recursive: true);
        }
    }

    sealed record Round(double YTilde, double Preprocess, double InMemory, Stages Breakdown);

    sealed record Stages(double Decode, double Map, double Encode, double Write);

    /// <summary>Seconds to preprocess into the fresh folder <paramref name="folder"/>; the folder is deleted afterwards, untimed.</summary>
    static double Preprocess(FrameSequence sequence, string folder)
    {
        double seconds = Time(() => FramePreprocessor.Write(sequence, folder));
        Directory.Delete(folder, recursive: true);
        return seconds;
    }

    /// <summary>What <see cref="FramePreprocessor.Write"/> does, with the PNGs encoded but not written.</summary>
    static void InMemory(FrameSequence sequence)
    {
        var model = BackgroundModel.Estimate(sequence);
        int pixels = (int)sequence.Size.Pixels;
        Parallel.For(0, sequence.Count, () => (Frame: new byte[pixels], Output: new byte[pixels], Workspace: model.CreateWorkspace(), Encoder: new GrayPngEncoder(1)),
            (t, _, w) =>
            {
                sequence.Read(t, w.Frame);
                model.Apply(w.Frame, w.Output, w.Workspace);
                w.Encoder.Encode(w.Output, sequence.Size.Width, sequence.Size.Height);
                return w;
            }, _ => { });
    }

    /// <summary>Milliseconds per frame of each step on one core, over the first <paramref name="frames"/> frames.</summary>
    static Stages Breakdown(FrameSequence sequence, BackgroundModel model, string folder, int frames)
    {
        Directory.CreateDirectory(folder);
        int pixels = (int)sequence.Size.Pixels;
        var frame = new byte[pixels];
        var output = new byte[pixels];
        var workspace = model.CreateWorkspace();
        var encoder = new GrayPngEncoder(1);
        var clock = new Stopwatch();
        double decode = 0, map = 0, encode = 0, write = 0;
        for (int t = 0; t < frames; t++)
        {
            clock.Restart();
            sequence.Read(t, frame);
            decode += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            model.Apply(frame, output, workspace);
            map += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var png = encoder.Encode(output, sequence.Size.Width, sequence.Size.Height);
            encode += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            File.WriteAllBytes(Path.Combine(folder, FrameFileName.Png(t)), png.Span);
            write += clock.Elapsed.TotalMilliseconds;
        }
        Directory.Delete(folder, recursive: true);
        return new Stages(decode / frames, map / frames, encode / frames, write / frames);
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
