using System.Diagnostics;
using System.Globalization;
using FishKit.Frames;
using FishKit.IO;
using FishKit.Motion;
using FishKit.Preprocessing;
using FishKit.Synthetic;
using FishKit.Video;

namespace FishKit.Benchmarks;

/// <summary>
/// Preprocessing throughput against y-tilde (<see cref="YTilde.Compute"/>) on the same raw frames folder in the same run,
/// both on all cores (the issue's target: preprocessing at least as fast as y-tilde). Raw frames are the simulator's raw
/// footage (noisy, ~50 KB PNGs). Three contenders, interleaved round by round (their order alternating) so all meet the
/// same machine load: y-tilde; preprocessing as users run it (<see cref="FramePreprocessor.Write"/>: background
/// estimate, then every frame decoded, mapped, encoded and written to a fresh folder); and the same without writing the
/// files (what the kit computes, apart from the file system). Wall time gives frames/s; CPU time (user + system, all
/// threads) is printed beside it, since it is steadier when other work shares the cores. A one-core breakdown per frame
/// says where the time goes.
/// <para>
/// Users start from a video, not from PNGs: the same frames are encoded to H.264 (<see cref="VideoEncoder"/>) and two more
/// contenders run on it: what <c>fishkit frames extract --preprocess</c> runs (<see cref="VideoExtraction.ExtractPreprocessed"/>,
/// streaming ffmpeg's raw frames into the preprocessing), whose CPU counts this process only (ffmpeg's decoding, two passes,
/// is measured apart as the children's CPU); and y-tilde on the video's frames extracted to PNGs, the frames a user of
/// the y-tilde baseline would have.
/// </para>
/// <para>
/// Output folders are kept until the end of the run: on a journal-less ext4 (this project's machine) deleting thousands
/// of files makes creating files slow for the next 30 seconds (the allocator steps over each recently deleted inode),
/// which would charge one round's clean-up to the next round's preprocessing.
/// </para>
/// </summary>
public sealed class PreprocessBenchmark : IBenchmark
{
    public string Name => "preprocess";

    public string Description => "preprocessing frames/s vs y-tilde on the same raw 320x240 frames, and from an H.264 video of them (streaming) [--frames N] [--rounds R] [--dir RAW-FOLDER (used as is, or filled when empty)] [--out-root FOLDER (where outputs go)]";

    public int Run(string[] args)
    {
        int frames = Measure.IntOption(args, "--frames", 2000), repeats = Measure.IntOption(args, "--rounds", 5);
        string? given = Measure.Option(args, "--dir");
        string work = Directory.CreateTempSubdirectory("fishkit-bench-preprocess-").FullName;
        string outRoot = Measure.Option(args, "--out-root") is { } root ? Directory.CreateDirectory(Path.Combine(root, Path.GetFileName(work))).FullName : work;
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
            Console.WriteLine($"machine: {Measure.Machine()}; load average {Measure.LoadAverage()} at the start; {count:N0} frames of {sequence.Size}, " +
                              $"{kilobytes:0.0} KB each on average; outputs under {outRoot}; median of {repeats} rounds after a warm-up");

            string video = Path.Combine(work, "raw.mp4");
            VideoEncoder.EncodeH264(video, sequence.Size, 30, count, (t, pixels) => sequence.Read(t, pixels));
            var source = VideoProbe.Probe(video);
            var extracted = FrameSequence.Open(VideoExtraction.Extract(source, Path.Combine(outRoot, "extracted")).Folder);
            Console.WriteLine($"video: {source} ({new FileInfo(video).Length / 1024.0:N0} KB, crf {VideoEncoder.Quality}); its frames extracted to PNGs for y-tilde");

            int folders = 0;
            string Fresh() => Path.Combine(outRoot, $"out-{folders++}");
            double ffmpegCpu = 0;
            var contenders = new (string Name, Action Run)[]
            {
                ("y-tilde", () => YTilde.Compute(sequence)),
                ("preprocessing", () => FramePreprocessor.Write(sequence, Fresh())),
                ("without files", () => InMemory(sequence)),
                ("y-tilde, extracted", () => YTilde.Compute(extracted)),
                ("streaming", () =>
                {
                    double before = Measure.ChildrenCpuSeconds() ?? 0;
                    VideoExtraction.ExtractPreprocessed(source, Fresh());
                    ffmpegCpu = (Measure.ChildrenCpuSeconds() ?? 0) - before;
                }),
            };
            foreach (var (_, run) in contenders) run(); // warm-up
            var rounds = new List<Round>();
            for (int r = 0; r < repeats; r++)
            {
                var costs = new Dictionary<string, (double Wall, double Cpu)>();
                foreach (var (name, run) in r % 2 == 0 ? contenders : Enumerable.Reverse(contenders))
                    costs[name] = Measure.WallAndCpu(run);
                var round = new Round(costs["y-tilde"], costs["preprocessing"], costs["without files"], costs["y-tilde, extracted"], costs["streaming"], ffmpegCpu,
                    Breakdown(sequence, Fresh(), Math.Min(count, 300)));
                rounds.Add(round);
                Console.WriteLine($"round {r + 1}: y-tilde {count / round.YTilde.Wall:N0}, preprocessing {count / round.Preprocess.Wall:N0}, " +
                                  $"without writing files {count / round.InMemory.Wall:N0}, y-tilde on the extracted frames {count / round.YTildeExtracted.Wall:N0}, " +
                                  $"streaming from the video {count / round.Streaming.Wall:N0} frames/s (load average {Measure.LoadAverage()})");
            }

            double Median(Func<Round, double> of) => Measure.Median(rounds.Select(of));
            string Row(string what, Func<Round, (double Wall, double Cpu)> of, bool target, Func<Round, (double Wall, double Cpu)>? peer = null) =>
                string.Create(CultureInfo.InvariantCulture,
                    $"| {what} | {Median(x => count / of(x).Wall):N0} | {Median(x => 1000 * of(x).Cpu / count):F3} | " +
                    $"{Median(x => (peer ?? (y => y.YTilde))(x).Wall / of(x).Wall):0.00}x{(target ? " (target >= 1x)" : "")} | {Median(x => (peer ?? (y => y.YTilde))(x).Cpu / of(x).Cpu):0.00}x |");
            int cores = Environment.ProcessorCount;
            Console.WriteLine();
            Console.WriteLine($"| {count:N0} raw frames {sequence.Size}, {cores} cores | frames/s | CPU ms per frame | speed vs y-tilde (wall) | vs y-tilde (CPU) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine(Row("y-tilde (YTilde.Compute)", x => x.YTilde, false));
            Console.WriteLine(Row("preprocessing (FramePreprocessor.Write: background, map, encode, write)", x => x.Preprocess, true));
            Console.WriteLine(Row("preprocessing without writing the files", x => x.InMemory, false));
            Console.WriteLine(Row("y-tilde on the video's frames extracted to PNGs (the peer of the next row)", x => x.YTildeExtracted, false, x => x.YTildeExtracted));
            Console.WriteLine(Row("frames extract --preprocess from the H.264 video, streaming (this process's CPU; ffmpeg's apart)", x => x.Streaming, true, x => x.YTildeExtracted));
            Console.WriteLine();
            double ffmpeg = Median(x => 1000 * x.FfmpegCpu / count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ffmpeg's CPU for the streaming path, ms per frame: {ffmpeg:F3} for its two passes (about {ffmpeg / 2:F3} per decode); the kit's and ffmpeg's together " +
                $"{Median(x => 1000 * (x.Streaming.Cpu + x.FfmpegCpu) / count):F3}, {Median(x => x.YTildeExtracted.Cpu / (x.Streaming.Cpu + x.FfmpegCpu)):0.00}x y-tilde's CPU"));
            var stages = rounds.Select(x => x.Breakdown).ToList();
            double Stage(Func<Stages, double> of) => Measure.Median(stages.Select(of));
            double decode = Stage(x => x.Decode), rest = Stage(x => x.Background + x.Map + x.Encode + x.Write);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one core, ms per frame: decode {decode:F3} (all that y-tilde does, bar a 0.001 ms sum), background estimate {Stage(x => x.Background):F3} " +
                $"(CPU, spread over the frames), map {Stage(x => x.Map):F3}, PNG encode {Stage(x => x.Encode):F3}, file write {Stage(x => x.Write):F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"preprocessing decodes every frame as y-tilde does and then does more, so on the same frames it reaches at most decode / (decode + the rest) = {decode / (decode + rest):0.00}x of y-tilde's speed"));
            Console.WriteLine($"background estimate: {BackgroundModel.Estimate(sequence).SampleFrames.Count} sampled frames, each decoded once (twice when the sample exceeds 64 MB); bounded, whatever the frame count");
            Console.WriteLine($"load average {Measure.LoadAverage()} at the end");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            if (outRoot != work) Directory.Delete(outRoot, recursive: true);
        }
    }

    sealed record Round((double Wall, double Cpu) YTilde, (double Wall, double Cpu) Preprocess, (double Wall, double Cpu) InMemory,
        (double Wall, double Cpu) YTildeExtracted, (double Wall, double Cpu) Streaming, double FfmpegCpu, Stages Breakdown);

    sealed record Stages(double Decode, double Background, double Map, double Encode, double Write);

    /// <summary>What <see cref="FramePreprocessor.Write"/> does, with the PNGs encoded but not written.</summary>
    static void InMemory(FrameSequence sequence)
    {
        var model = BackgroundModel.Estimate(sequence);
        int pixels = (int)sequence.Size.Pixels;
        Parallel.For(0, sequence.Count, () => (Frame: new byte[pixels], Output: new byte[pixels], Workspace: model.CreateWorkspace(), Encoder: new GrayPngEncoder(FramePreprocessor.PngLevel)),
            (t, _, w) =>
            {
                sequence.Read(t, w.Frame);
                model.Apply(w.Frame, w.Output, w.Workspace);
                w.Encoder.Encode(w.Output, sequence.Size.Width, sequence.Size.Height);
                return w;
            }, _ => { });
    }

    /// <summary>
    /// Milliseconds per frame of each step on one core over the first <paramref name="frames"/> frames (files written to
    /// the fresh folder <paramref name="folder"/>), and the background estimate's CPU time spread over all the frames.
    /// </summary>
    static Stages Breakdown(FrameSequence sequence, string folder, int frames)
    {
        BackgroundModel model = null!;
        double background = Measure.WallAndCpu(() => model = BackgroundModel.Estimate(sequence)).Cpu * 1000 / sequence.Count;
        Directory.CreateDirectory(folder);
        int pixels = (int)sequence.Size.Pixels;
        var frame = new byte[pixels];
        var output = new byte[pixels];
        var workspace = model.CreateWorkspace();
        var encoder = new GrayPngEncoder(FramePreprocessor.PngLevel);
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
            AtomicFile.WriteNew(Path.Combine(folder, FrameFileName.Png(t)), png.Span);
            write += clock.Elapsed.TotalMilliseconds;
        }
        return new Stages(decode / frames, background, map / frames, encode / frames, write / frames);
    }
}
