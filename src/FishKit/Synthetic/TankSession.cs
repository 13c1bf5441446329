using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FishKit.Frames;
using FishKit.IO;

namespace FishKit.Synthetic;

/// <summary>One chronological part of a session (e.g. "train" and its frame count), written to a folder of that name.</summary>
public readonly record struct SessionSplit(string Name, int Frames);

/// <summary>What writing a session produced: frames, total PNG bytes, and the bursts and decoys it holds.</summary>
public sealed record WrittenSession(int Frames, long PngBytes, int Bursts, int Decoys)
{
    /// <summary>Mean size of one frame's PNG in bytes.</summary>
    public double MeanPngBytes => Frames == 0 ? 0 : (double)PngBytes / Frames;
}

/// <summary>
/// Writes a simulated session as the write-up's data: frames 00000.png, 00001.png, ... (8-bit grayscale; more digits
/// only past 100,000 frames) with the ground truth beside them (truth-fish.csv, truth-frames.csv, truth-bursts.csv,
/// truth-decoys.csv, simulation.json), either into one folder or split chronologically into several. Frames are the
/// write-up's processed look (bright fish on black) or, given a <see cref="RawFootage"/>, the raw camera's. Frames are
/// drawn and encoded in parallel; the bytes never depend on the thread count. The output folder appears only when complete.
/// </summary>
public static class TankSession
{
    /// <summary>The split names of the write-up's chronological split, in time order.</summary>
    public static readonly IReadOnlyList<string> StandardSplitNames = ["train", "validation", "test"];

    /// <summary>The file name of frame <paramref name="index"/> in a folder of <paramref name="count"/> frames.</summary>
    public static string FrameFileName(int index, int count)
    {
        int digits = Math.Max(5, (count - 1).ToString(CultureInfo.InvariantCulture).Length);
        return index.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0') + ".png";
    }

    /// <summary>Writes the whole session into <paramref name="folder"/> (refused if it has files, unless <paramref name="force"/>).</summary>
    public static WrittenSession Write(TankSimulation simulation, string folder, bool force = false,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, int maxThreads = 0,
        RawFootage? raw = null)
    {
        raw?.Validate();
        WrittenSession? result = null;
        AtomicFile.WriteDirectory(folder, force, temp =>
            result = WritePart(simulation, raw, temp, 0, simulation.FrameCount, new Counter(simulation.FrameCount, progress), maxThreads, cancellationToken));
        return result!;
    }

    /// <summary>
    /// Writes the session split chronologically: <paramref name="splits"/>[0] gets the first frames, and so on, each in a
    /// sub-folder of <paramref name="folder"/> named after it, frame indices restarting at 0 (simulation.json gives the offset).
    /// </summary>
    public static WrittenSession WriteSplits(TankSimulation simulation, string folder, IReadOnlyList<SessionSplit> splits,
        bool force = false, IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, int maxThreads = 0,
        RawFootage? raw = null)
    {
        raw?.Validate();
        CheckSplits(simulation, splits);
        var parts = new List<WrittenSession>();
        AtomicFile.WriteDirectory(folder, force, temp =>
        {
            var counter = new Counter(simulation.FrameCount, progress);
            int offset = 0;
            foreach (var split in splits)
            {
                var sub = Path.Combine(temp, split.Name);
                Directory.CreateDirectory(sub);
                parts.Add(WritePart(simulation, raw, sub, offset, split.Frames, counter, maxThreads, cancellationToken));
                offset += split.Frames;
            }
        });
        return new WrittenSession(parts.Sum(p => p.Frames), parts.Sum(p => p.PngBytes), parts.Sum(p => p.Bursts), parts.Sum(p => p.Decoys));
    }

    static void CheckSplits(TankSimulation simulation, IReadOnlyList<SessionSplit> splits)
    {
        if (splits.Count == 0) throw new FishKitException("no splits given; give at least one split with a frame count.");
        foreach (var s in splits)
        {
            if (s.Frames < 1)
                throw new FishKitException($"split '{s.Name}' has {s.Frames} frames; every split needs at least 1.");
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || s.Name is "." or "..")
                throw new FishKitException($"split name '{s.Name}' cannot be a folder name; use letters, digits, '-' or '_'.");
        }
        if (splits.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != splits.Count)
            throw new FishKitException("split names repeat; give each split its own name.");
        long total = splits.Sum(s => (long)s.Frames);
        if (total != simulation.FrameCount)
            throw new FishKitException($"the splits hold {total} frames but the session has {simulation.FrameCount}; make them add up.");
    }

    /// <summary>Shares progress between the parts of one write.</summary>
    sealed class Counter(long total, IProgress<(long Done, long Total)>? progress)
    {
        long done;

        public void Add(int frames)
        {
            long now = Interlocked.Add(ref done, frames);
            progress?.Report((now, total));
        }
    }

    static WrittenSession WritePart(TankSimulation simulation, RawFootage? raw, string folder, int offset, int count, Counter counter,
        int maxThreads, CancellationToken cancellationToken)
    {
        long pngBytes = WriteFrames(simulation, raw, folder, offset, count, counter, maxThreads, cancellationToken);
        var bursts = simulation.Bursts.Where(b => b.Onset >= offset && b.Onset < offset + count).ToArray();
        var decoys = simulation.Decoys.Where(d => d.End >= offset && d.Start < offset + count).ToArray();
        WriteTruth(simulation, raw, folder, offset, count, bursts, decoys);
        return new WrittenSession(count, pngBytes, bursts.Length, decoys.Length);
    }

    static long WriteFrames(TankSimulation simulation, RawFootage? raw, string folder, int offset, int count, Counter counter,
        int maxThreads, CancellationToken cancellationToken)
    {
        int width = simulation.Parameters.Width, height = simulation.Parameters.Height;
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : -1,
        };
        long bytes = 0;
        Parallel.ForEach(Partitioner.Create(0, count, 32), options,
            () => (Pixels: new byte[width * height], Encoder: new GrayPngEncoder(), Raw: raw is null ? null : new RawFootageRenderer(simulation, raw), Bytes: 0L),
            (range, loop, worker) =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    if (worker.Raw is null) simulation.Render(offset + i, worker.Pixels);
                    else worker.Raw.Render(offset + i, worker.Pixels);
                    var png = worker.Encoder.Encode(worker.Pixels, width, height);
                    AtomicFile.WriteNew(Path.Combine(folder, FrameFileName(i, count)), png.Span);
                    worker.Bytes += png.Length;
                }
                counter.Add(range.Item2 - range.Item1);
                return worker;
            },
            worker => Interlocked.Add(ref bytes, worker.Bytes));
        return bytes;
    }

    static void WriteTruth(TankSimulation simulation, RawFootage? raw, string folder, int offset, int count,
        IReadOnlyList<BurstEvent> bursts, IReadOnlyList<ApproachEvent> decoys)
    {
        var c = CultureInfo.InvariantCulture;
        double fps = simulation.Parameters.FramesPerSecond;
        using (var w = Csv(folder, "truth-fish.csv", "frame,fish,x_px,y_px,heading_rad,speed_px_per_frame"))
            for (int t = 0; t < count; t++)
            {
                var fish = simulation.FishAt(offset + t);
                for (int i = 0; i < fish.Length; i++)
                    w.WriteLine(string.Create(c, $"{t},{i},{fish[i].X:F3},{fish[i].Y:F3},{fish[i].Heading:F4},{fish[i].Speed:F4}"));
            }
        using (var w = Csv(folder, "truth-frames.csv", "frame,time_s,group_mean_speed_px_per_frame,phase,burst"))
            for (int t = 0; t < count; t++)
            {
                var phase = simulation.PhaseAt(offset + t);
                w.WriteLine(string.Create(c,
                    $"{t},{t / fps:F4},{simulation.GroupMeanSpeed(offset + t):F4},{PhaseName(phase)},{(phase == GroupPhase.Burst ? 1 : 0)}"));
            }
        using (var w = Csv(folder, "truth-bursts.csv", "onset_frame,precursor_start_frame,end_frame,initiator,target"))
            foreach (var b in bursts)
                w.WriteLine(string.Create(c, $"{b.Onset - offset},{b.PrecursorStart - offset},{b.End - offset},{b.Initiator},{b.Target}"));
        using (var w = Csv(folder, "truth-decoys.csv", "start_frame,end_frame,initiator,target"))
            foreach (var d in decoys)
                w.WriteLine(string.Create(c, $"{d.Start - offset},{d.End - offset},{d.Initiator},{d.Target}"));

        var info = new SortedDictionary<string, object>
        {
            ["generator"] = "fishkit simulate (FishKit.Synthetic.TankSimulator)",
            ["seed"] = simulation.Seed,
            ["frames"] = count,
            ["session_frames"] = simulation.FrameCount,
            ["session_frame_offset"] = offset,
            ["frame_files"] = $"{FrameFileName(0, count)} .. {FrameFileName(count - 1, count)} (8-bit grayscale PNG)",
            ["footage"] = raw is null ? "processed: bright fish on black, as the write-up's frames" : "raw: dark fish on a light, unevenly lit tank floor, before preprocessing",
            ["units"] = "x_px, y_px: centre of the head in pixels, pixel (0,0)'s centre at (0,0), y down; heading_rad: radians from +x towards +y; " +
                        "speed: pixels per frame; frame indices restart at 0 in this folder (add session_frame_offset for the session's index); " +
                        "end_frame is the last burst frame before the decay; precursor_start_frame or start_frame may be negative when it lies in the previous split",
            ["parameters"] = simulation.Parameters,
        };
        if (raw is not null) info["raw_footage"] = raw;
        var json = JsonSerializer.Serialize(info, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        File.WriteAllText(Path.Combine(folder, "simulation.json"), json + "\n", new UTF8Encoding(false));
    }

    /// <summary>The lower-case name of a phase as written in truth-frames.csv.</summary>
    public static string PhaseName(GroupPhase phase) => phase.ToString().ToLowerInvariant();

    static StreamWriter Csv(string folder, string name, string header)
    {
        var w = new StreamWriter(Path.Combine(folder, name), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.WriteLine(header);
        return w;
    }
}
