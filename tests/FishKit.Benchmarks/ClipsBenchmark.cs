using System.Diagnostics;
using System.Globalization;
using FishKit.Clips;
using FishKit.Frames;
using FishKit.Store;
using FishKit.Synthetic;

namespace FishKit.Benchmarks;

/// <summary>
/// Clip assembly (clips/s of (30, 4, 120, 160) uint8 samples in batches of 4) from a frame store packed from simulated
/// frames, against the original's way (Pillow decodes 120 PNGs per sample, float32 stacking) and against a plain memory
/// copy of the same bytes, in interleaved rounds of one run; also pack speed and checksum speed over a ~1 GB store.
/// </summary>
public sealed class ClipsBenchmark : IBenchmark
{
    /// <summary>Batches timed before switching between the kit and the memory copy.</summary>
    const int Alternation = 20;

    public string Name => "clips";

    public string Description => "clip assembly clips/s vs Pillow per sample and vs memcpy; pack frames/s; checksum GB/s [--frames N] [--rounds R] [--peer-clips C] [--checksum-frames F (0: skip)]";

    public int Run(string[] args)
    {
        int frames = Measure.IntOption(args, "--frames", 720), rounds = Measure.IntOption(args, "--rounds", 5);
        int peerClips = Measure.IntOption(args, "--peer-clips", 40), checksumFrames = Measure.IntOption(args, "--checksum-frames", 54_000);
        var temp = Directory.CreateTempSubdirectory("fishkit-bench-clips-").FullName;
        try
        {
            var folder = Path.Combine(temp, "frames");
            TankSession.Write(TankSimulator.Run(TankParameters.Default, seed: 1, frames), folder);
            var sequence = FrameSequence.Open(folder);
            Console.WriteLine($"machine: {Measure.Machine()} (shared: timings move with other work); {frames:N0} simulated frames of {sequence.Size} in {folder}");

            var storePath = Path.Combine(temp, "clips.fkframes");
            double pack = Measure.MedianSeconds(3, () => FramePacker.Pack(sequence, storePath, FramePacker.ModelSize, force: true));
            using var store = FrameStore.Open(storePath);
            var set = ClipSet.Create(store, ClipLayout.TimeChannels, new bool[store.Count], 0, store.Count - 1);
            var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.Training, seed: 1, epoch: 0);
            int samples = plan.Samples.Length;
            Console.WriteLine($"store: {store.Count:N0} frames of {store.Size}; epoch of {samples:N0} samples ({set.Frames.Count:N0} frames x 4 flips, shuffled), {plan.BatchCount:N0} batches of 4, {(double)samples * set.Layout.FramesPerClip * store.FrameBytes / 1e9:0.00} GB of clips");
            CheckAgainstPeer(set, folder);

            var batch = new ClipBatch(4, set.Layout, store.Size);
            using var loader = new ClipLoader(set, prefetch: 2);
            var copy = new MemoryCopy(store, batch.SampleBytes);
            var results = new List<(double Kit, double Loader, double Copy, double Pillow)>();
            for (int r = 0; r < rounds; r++)
            {
                // The kit and the memory copy alternate every few batches (first one, then the other), so both meet the same load.
                double kitSeconds = 0, copySeconds = 0;
                for (int start = 0; start < plan.BatchCount; start += Alternation)
                {
                    int end = Math.Min(start + Alternation, plan.BatchCount);
                    void Kit() => kitSeconds += Time(() => { for (int k = start; k < end; k++) batch.Fill(set, plan.Batch(k), k); });
                    void Copy() => copySeconds += Time(() => copy.Run(plan, start, end));
                    if (start / Alternation % 2 == 0) { Kit(); Copy(); }
                    else { Copy(); Kit(); }
                }
                double kit = samples / kitSeconds, memcpy = samples / copySeconds;
                double prefetched = samples / Time(() => { foreach (var _ in loader.Batches(plan)) { } });
                double pillow = Peer(folder, peerClips);
                results.Add((kit, prefetched, memcpy, pillow));
                Console.WriteLine($"round {r + 1}: kit {kit:N0}, kit via prefetching loader {prefetched:N0}, memory copy {memcpy:N0}, Pillow {pillow:N1} clips/s");
            }

            double Median(Func<(double Kit, double Loader, double Copy, double Pillow), double> of) => Measure.Median(results.Select(of));
            Console.WriteLine();
            Console.WriteLine("| clip assembly, (30, 4, 120, 160) uint8, batch 4 | clips/s | kit vs this |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| kit: ClipBatch.Fill from the mapped store, with flips | {Median(x => x.Kit):N0} | |");
            Console.WriteLine($"| kit: ClipLoader, 2 batches prefetched on a worker thread | {Median(x => x.Loader):N0} | {Median(x => x.Kit / x.Loader):0.00}x |");
            Console.WriteLine($"| plain memory copy of the same bytes (one 2.3 MB block per clip) | {Median(x => x.Copy):N0} | {Median(x => x.Kit / x.Copy):0.00}x (target >= 0.5x) |");
            Console.WriteLine($"| Pillow: decode 120 PNGs per clip, resize, float32 stack (the original's way) | {Median(x => x.Pillow):N1} | {Median(x => x.Kit / x.Pillow):N0}x (target >= 20x) |");
            Console.WriteLine();
            Console.WriteLine($"pack: {sequence.Count / pack:N0} frames/s ({sequence.Count:N0} PNGs {sequence.Size} -> {store.Size} nearest, {Environment.ProcessorCount} cores, median of 3, written with fsync)");
            if (checksumFrames > 0) Checksum(store, Path.Combine(temp, "big.fkframes"), checksumFrames);
            return 0;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The first clip (t = 119, no flip) must hold the frames the peer builds: compares each frame's pixel sum.</summary>
    static void CheckAgainstPeer(ClipSet set, string folder)
    {
        var sumsFile = Path.GetTempFileName();
        try
        {
            Measure.RunPeer("clips_pillow.py", folder, "4", sumsFile);
            var peer = File.ReadLines(sumsFile).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).ToArray();
            var clip = new byte[set.Layout.FramesPerClip * set.Store.FrameBytes];
            ClipAssembler.Copy(set, new ClipSample(119, Flip.None), clip);
            var kit = clip.Chunk(set.Store.FrameBytes).Select(f => f.Sum(b => (long)b)).ToArray();
            Console.WriteLine(kit.SequenceEqual(peer)
                ? "values: the kit's clip t=119 equals the Pillow peer's (pixel sums of all 120 frames)"
                : $"VALUES DIFFER: kit {string.Join(",", kit.Take(4))}... peer {string.Join(",", peer.Take(4))}...");
        }
        finally
        {
            File.Delete(sumsFile);
        }
    }

    static double Peer(string folder, int clips)
    {
        var sumsFile = Path.GetTempFileName();
        try
        {
            var words = Measure.RunPeer("clips_pillow.py", folder, clips.ToString(CultureInfo.InvariantCulture), sumsFile)
                .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return double.Parse(words[Array.IndexOf(words, "clips_per_second") + 1], CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(sumsFile);
        }
    }

    /// <summary>
    /// Writes a store of <paramref name="count"/> frames (the packed frames over and over), then times XxHash3 over it
    /// (warm page cache) and a verified open; shows the managed heap stays small.
    /// </summary>
    static void Checksum(FrameStore source, string path, int count)
    {
        var header = FrameStoreHeader.New(source.Size, count, ResizeMethod.Nearest, source.Header.SourceSize, source.Header.Source, "cycled", "cycled");
        double write = Time(() => FrameStoreWriter.Write(path, header, force: true, w =>
        {
            for (int i = 0; i < count; i++) w.Append(source.Frame(i % source.Count));
        }));
        double gigabytes = new FileInfo(path).Length / 1e9;
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var big = FrameStore.Open(path, verifyChecksum: false);
        double hash = Measure.MedianSeconds(3, () => big.ComputeChecksum());
        double open = Measure.MedianSeconds(3, () => FrameStore.Open(path).Dispose());
        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"checksum: XxHash3 over a {count:N0}-frame store ({gigabytes:0.00} GB, in the page cache): {gigabytes / hash:0.0} GB/s ({hash * 1000:N0} ms); " +
                          $"verified open {open * 1000:N0} ms; written at {gigabytes / write:0.0} GB/s with fsync; " +
                          $"managed heap {heapBefore / 1e6:0.0} MB before opening it, {heapAfter / 1e6:0.0} MB after hashing it 6 times (the benchmark's own buffers: the store stays out of it)");
    }

    static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The physical limit: each clip's bytes copied as one block from one array holding every frame.</summary>
    sealed class MemoryCopy
    {
        readonly byte[] frames;
        readonly byte[] batch;
        readonly int frameBytes, sampleBytes;

        public MemoryCopy(FrameStore store, int sampleBytes)
        {
            frameBytes = store.FrameBytes;
            this.sampleBytes = sampleBytes;
            frames = new byte[(long)store.Count * frameBytes];
            for (int i = 0; i < store.Count; i++) store.Frame(i).CopyTo(frames.AsSpan(i * frameBytes));
            batch = GC.AllocateUninitializedArray<byte>(4 * sampleBytes, pinned: true);
        }

        public void Run(BatchPlan plan, int start, int end)
        {
            for (int k = start; k < end; k++)
            {
                var samples = plan.Batch(k);
                for (int b = 0; b < samples.Length; b++)
                    frames.AsSpan((samples[b].Frame - 119) * frameBytes, sampleBytes).CopyTo(batch.AsSpan(b * sampleBytes));
            }
        }
    }
}
