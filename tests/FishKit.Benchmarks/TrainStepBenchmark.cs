using System.Diagnostics;
using System.Globalization;
using FishKit.Models;
using FishKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Benchmarks;

/// <summary>
/// One training step of the write-up's best model (forward, class-weighted BCE with logits, backward, Adam) in the kit
/// and in Debian's PyTorch 1.13 (peers/trainstep_peer.py), from the same weights and batch, same thread count. Each
/// measurement is a fresh process (one warm-up step, then the timed steps) so peak RSS belongs to that side alone;
/// the two sides alternate. Also checks that both compute the same loss, the same gradients of the first step (compared
/// tensor by tensor: Adam's first step depends only on the gradients' signs, so equal weights after it cannot show a
/// wrong gradient) and, after one Adam step, the same weights (the peer loads the kit's exported state_dict, the kit
/// loads the peer's torch.save file).
/// </summary>
sealed class TrainStepBenchmark : IBenchmark
{
    public string Name => "trainstep";

    public string Description => "training step of writeup-best vs PyTorch 1.13 [--size full|small|tiny] [--rounds 3] [--steps 1] [--threads 2] [--omp-wait passive|active (default: the kit's, passive)]";

    static readonly Dictionary<string, long[]> Sizes = new()
    {
        ["full"] = [4, 30, 4, 120, 160],
        ["small"] = [4, 8, 4, 60, 80],
        ["tiny"] = [4, 4, 4, 24, 32],
    };

    public int Run(string[] args)
    {
        var options = Options.Parse(args);
        return options.Child is not null ? RunKitChild(options) : RunComparison(options);
    }

    sealed record Options(string Size, int Rounds, int Steps, int Threads, string? Child, string? Weights, string? Clips,
        string? Labels, string? SaveAfterFirst, string? SaveGradients, string? OmpWait)
    {
        public long[] Shape => Sizes[Size];

        public static Options Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                int i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }
            var size = Get("--size", "full");
            if (!Sizes.ContainsKey(size)) throw new ArgumentException($"--size must be one of {string.Join(", ", Sizes.Keys)}");
            return new Options(size, int.Parse(Get("--rounds", "3")), int.Parse(Get("--steps", "1")), int.Parse(Get("--threads", "2")),
                args.Contains("--child") ? "kit" : null, Get("--weights", ""), Get("--clips", ""), Get("--labels", ""), Get("--save-after-first", ""),
                Get("--save-gradients", ""), args.Contains("--omp-wait") ? Get("--omp-wait", "") : null);
        }
    }

    /// <summary>What one process reported.</summary>
    sealed record Report(double Loss, double[] Steps, double[] CpuSteps, long RssBeforeKb, long PeakKb)
    {
        public static Report Parse(string output)
        {
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ')).ToList();
            double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
            double Value(string key) => Number(lines.Single(l => l[0] == key)[1]);
            var steps = lines.Where(l => l[0] == "step").ToList();
            return new Report(Value("loss"), [.. steps.Select(l => Number(l[1]))], [.. steps.Select(l => Number(l[2]))],
                (long)Value("rss_before_kb"), (long)Value("peak_kb"));
        }
    }

    int RunComparison(Options o)
    {
        TorchRuntime.EnsureLoaded();
        // Both sides' OpenMP (libgomp) read OMP_WAIT_POLICY when they start: passive waiters sleep instead of spinning,
        // which matters when the cores are shared. Children inherit this process's environment: the kit's default
        // (PASSIVE, set by EnsureLoaded when unset) or the --omp-wait given, the same for both sides.
        if (o.OmpWait is not null) Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", o.OmpWait.ToUpperInvariant());
        var dir = Directory.CreateTempSubdirectory("fishkit-trainstep-").FullName;
        try
        {
            var shape = o.Shape;
            manual_seed(0);
            using (var model = Architectures.Create(Architectures.WriteUpBest, (int)shape[2])) ModelWeights.SavePyTorch(model, Path.Combine(dir, "weights.pt"));
            using (var clips = randint(0, 256, shape, dtype: ScalarType.Byte, generator: new Generator(1)))
                File.WriteAllBytes(Path.Combine(dir, "clips.u8"), clips.bytes.ToArray());
            var labels = string.Join(",", Enumerable.Range(0, (int)shape[0]).Select(i => i % 2));
            string[] common = ["--weights", Path.Combine(dir, "weights.pt"), "--clips", Path.Combine(dir, "clips.u8"), "--labels", labels,
                "--threads", o.Threads.ToString(CultureInfo.InvariantCulture), "--steps", o.Steps.ToString(CultureInfo.InvariantCulture)];

            Console.WriteLine($"trainstep: writeup-best, batch {shape[0]}, {shape[1]} x {shape[2]} x {shape[3]} x {shape[4]} (T x C x H x W), " +
                $"{o.Threads} threads, OMP_WAIT_POLICY {Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "unset"} (both sides); {o.Rounds} rounds, each a fresh process per side: 1 warm-up step + {o.Steps} timed, sides alternating");
            Console.WriteLine($"machine: {Measure.Machine()}");
            var kit = new List<Report>();
            var peer = new List<Report>();
            for (int r = 0; r < o.Rounds; r++)
            {
                string[] kitSave = r == 0 ? ["--save-after-first", Path.Combine(dir, "kit-after-first.pt"), "--save-gradients", Path.Combine(dir, "kit-gradients.f32")] : [];
                string[] peerSave = r == 0 ? ["--save-after-first", Path.Combine(dir, "pytorch-after-first.pt"), "--save-gradients", Path.Combine(dir, "pytorch-gradients.f32")] : [];
                kit.Add(Report.Parse(Measure.RunSelf([Name, "--child", "--size", o.Size, .. common, .. kitSave])));
                peer.Add(Report.Parse(Measure.RunPeer("trainstep_peer.py", [.. common, "--shape", string.Join(",", shape), .. peerSave])));
                Console.WriteLine($"  round {r + 1}: kit {Times(kit[^1])}, PyTorch {Times(peer[^1])}");
            }
            double kitMedian = Measure.Median(kit.SelectMany(k => k.Steps)), peerMedian = Measure.Median(peer.SelectMany(p => p.Steps));
            long kitPeak = kit.Max(k => k.PeakKb), peerPeak = peer.Max(p => p.PeakKb);
            long kitGrowth = kit.Max(k => k.PeakKb - k.RssBeforeKb), peerGrowth = peer.Max(p => p.PeakKb - p.RssBeforeKb);
            double kitCpu = Measure.Median(kit.SelectMany(k => k.CpuSteps)), peerCpu = Measure.Median(peer.SelectMany(p => p.CpuSteps));
            Console.WriteLine($"step time (median): kit {kitMedian:F3} s, PyTorch {peerMedian:F3} s; ratio kit/PyTorch {kitMedian / peerMedian:F2} (target <= 0.80)");
            Console.WriteLine($"step CPU time (median, user + system, less sensitive to a shared machine): kit {kitCpu:F3} s, PyTorch {peerCpu:F3} s; ratio {kitCpu / peerCpu:F2}");
            Console.WriteLine($"peak RSS: kit {Gb(kitPeak)}, PyTorch {Gb(peerPeak)}; ratio {(double)kitPeak / peerPeak:F2} (target <= 1)");
            Console.WriteLine($"  above the RSS before the first step: kit {Gb(kitGrowth)}, PyTorch {Gb(peerGrowth)}");
            if (o.Size == "full") EpochProjection.Print(kitMedian, peerMedian, shape);
            Console.WriteLine($"check: first-step loss kit {kit[0].Loss:R}, PyTorch {peer[0].Loss:R} (relative difference {Math.Abs(kit[0].Loss - peer[0].Loss) / Math.Abs(peer[0].Loss):E1})");
            Console.WriteLine($"check: gradients of the first step, max |kit - PyTorch| / max |PyTorch| per tensor: " +
                GradientDifferences(Path.Combine(dir, "kit-gradients.f32"), Path.Combine(dir, "pytorch-gradients.f32"), (int)shape[2]) +
                $" (the kit's oneDNN: {TorchRuntime.OneDnn.Reason})");
            Console.WriteLine($"check: weights after one Adam step, max |kit - PyTorch| = {MaxWeightDifference(Path.Combine(dir, "kit-after-first.pt"), Path.Combine(dir, "pytorch-after-first.pt"), (int)shape[2]):E1} " +
                "(PyTorch loaded the kit's export strictly; the kit loaded PyTorch's torch.save file)");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    static string Times(Report r) => string.Join(" ", r.Steps.Zip(r.CpuSteps, (w, c) => $"{w:F2}s (cpu {c:F2}s)"));

    static string Gb(long kb) => $"{kb / 1024.0 / 1024.0:F2} GB";

    static double MaxWeightDifference(string kitFile, string peerFile, int channels)
    {
        using var scope = NewDisposeScope();
        using var kit = Architectures.Create(Architectures.WriteUpBest, channels);
        using var peer = Architectures.Create(Architectures.WriteUpBest, channels);
        ModelWeights.LoadPyTorch(kit, kitFile);
        ModelWeights.LoadPyTorch(peer, peerFile);
        var peerState = peer.state_dict();
        return kit.state_dict().Where(kv => kv.Value.is_floating_point())
            .Max(kv => (kv.Value - peerState[kv.Key]).abs().max().item<float>());
    }

    /// <summary>The parameters' names in the order both sides write their gradients: ordinal, as Python's sorted().</summary>
    static IEnumerable<(string Name, Tensor Parameter)> SortedParameters(nn.Module model) =>
        model.named_parameters().OrderBy(p => p.name, StringComparer.Ordinal).Select(p => (p.name, (Tensor)p.parameter));

    /// <summary>Each parameter's gradient as float32, in <see cref="SortedParameters"/> order, one file.</summary>
    static void WriteGradients(nn.Module model, string path)
    {
        using var file = File.Create(path);
        foreach (var (_, p) in SortedParameters(model))
            file.Write(p.grad!.to_type(float32).contiguous().bytes);
    }

    /// <summary>Per tensor, the largest |kit - PyTorch| over the largest |PyTorch| of the two gradient files.</summary>
    static string GradientDifferences(string kitFile, string peerFile, int channels)
    {
        using var model = Architectures.Create(Architectures.WriteUpBest, channels);
        var kit = Floats(kitFile);
        var peer = Floats(peerFile);
        var parts = new List<string>();
        int offset = 0;
        foreach (var (name, p) in SortedParameters(model))
        {
            int n = (int)p.numel();
            double diff = 0, scale = 0;
            for (int i = offset; i < offset + n; i++)
            {
                diff = Math.Max(diff, Math.Abs(kit[i] - peer[i]));
                scale = Math.Max(scale, Math.Abs(peer[i]));
            }
            parts.Add(FormattableString.Invariant($"{name} {diff / scale:E1}"));
            offset += n;
        }
        return string.Join(", ", parts);
    }

    static float[] Floats(string path) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();

    /// <summary>The kit's side, in its own process: the same steps as the peer, each inside a dispose scope.</summary>
    static int RunKitChild(Options o)
    {
        TorchRuntime.EnsureLoaded();
        set_num_threads(o.Threads);
        var shape = o.Shape;
        using var model = Architectures.Create(Architectures.WriteUpBest, (int)shape[2]);
        ModelWeights.LoadPyTorch(model, o.Weights!);
        model.train();
        using var clips = tensor(File.ReadAllBytes(o.Clips!)).reshape(shape);
        var labelValues = o.Labels!.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var labels = tensor(labelValues);
        using var weights = tensor(labelValues.Select(v => v > 0 ? 0.866f : 0.133f).ToArray());
        using var optimizer = optim.Adam(model.parameters(), lr: 8e-5, beta1: 0.9, beta2: 0.999, eps: 1e-7);
        Console.WriteLine($"rss_before_kb {StatusKb("VmRSS")}");
        var process = Process.GetCurrentProcess();
        for (int step = 0; step < 1 + o.Steps; step++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            double loss;
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var l = nn.functional.binary_cross_entropy_with_logits(model.forward(clips), labels, weights);
                l.backward();
                if (step == 0 && !string.IsNullOrEmpty(o.SaveGradients)) WriteGradients(model, o.SaveGradients);
                optimizer.step();
                loss = l.item<float>();
            }
            double seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            if (step == 0)
            {
                Console.WriteLine($"loss {loss.ToString("R", CultureInfo.InvariantCulture)}");
                if (!string.IsNullOrEmpty(o.SaveAfterFirst)) ModelWeights.SavePyTorch(model, o.SaveAfterFirst);
            }
            else Console.WriteLine(FormattableString.Invariant($"step {seconds:F6} {cpuSeconds:F6}"));
        }
        Console.WriteLine($"peak_kb {StatusKb("VmHWM")}");
        return 0;
    }

    static long StatusKb(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
