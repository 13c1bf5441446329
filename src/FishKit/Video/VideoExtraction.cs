using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using FishKit.Frames;
using FishKit.IO;
using FishKit.Preprocessing;
using Microsoft.Win32.SafeHandles;

namespace FishKit.Video;

/// <summary>
/// Decodes a video into a folder of 8-bit grayscale PNG frames 00000.png, 00001.png, ... with ffmpeg. ffmpeg decodes,
/// resamples the rate (fps filter), scales (area averaging) and converts to gray (full range), and writes raw gray
/// frames to its standard output; the kit cuts that stream into frames and encodes them as PNGs on every core
/// (<see cref="GrayPngEncoder"/>). Progress counts the frames received, so it is exact; its total is the expected count.
/// Cancelling kills ffmpeg. The folder is written under a temporary name and renamed when complete.
/// </summary>
public static class VideoExtraction
{
    /// <summary>ffmpeg's messages kept for the report; the rest are only counted.</summary>
    const int KeptMessages = 5;

    /// <summary>
    /// Extracts the frames of <paramref name="source"/> (see <see cref="VideoProbe.Probe"/>) into <paramref name="folder"/>
    /// (refused when it holds files, unless <paramref name="force"/>). Reports (frames written, frames expected).
    /// </summary>
    public static ExtractedFrames Extract(VideoInfo source, string folder, ExtractOptions? options = null, bool force = false,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, FfmpegTools? tools = null)
    {
        var plan = Plan.Of(source, options ?? new ExtractOptions());
        ExtractedFrames? result = null;
        AtomicFile.WriteDirectory(folder, force, temp =>
        {
            var (frames, messages, count) = plan.Decode(folder, progress, cancellationToken, tools, () => PngWriter(temp, folder, plan.Size));
            result = new ExtractedFrames(folder, frames, plan.Size, plan.Rate, messages, count);
            DecodeErrors.Check(source, result, options?.AllowDecodeErrors ?? false, temp);
        });
        return result!;
    }

    /// <summary>
    /// Extracts the frames of <paramref name="source"/> and preprocesses them (<see cref="FramePreprocessor"/>) into
    /// <paramref name="folder"/>, streaming: ffmpeg decodes the video twice, and its raw gray frames go straight from its
    /// output to the kit, with no raw frame files. The first pass counts the frames and keeps the background's sample
    /// (at most <see cref="PreprocessOptions.BackgroundFrames"/> frames, in a hidden file beside the folder, deleted at the
    /// end; once more when the video's stated frame count was not the true one); the second maps, encodes and writes every
    /// frame on the thread that reads ffmpeg (which keeps up: ffmpeg's decoding is the slower side). The result is the same, byte for byte, as <see cref="Extract"/> followed by
    /// <see cref="FramePreprocessor.Write"/>. Progress runs over both passes (twice the frames in all).
    /// The returned extraction names <paramref name="folder"/>, where the preprocessed frames are.
    /// </summary>
    public static (ExtractedFrames Raw, PreprocessedFrames Frames) ExtractPreprocessed(VideoInfo source, string folder,
        ExtractOptions? extract = null, PreprocessOptions? preprocess = null, bool force = false,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, FfmpegTools? tools = null)
    {
        preprocess ??= PreprocessOptions.Default;
        preprocess.Validate();
        var plan = Plan.Of(source, extract ?? new ExtractOptions());
        TankRegion.Create(plan.Size, preprocess.Crop, preprocess.MaskPath); // refuse a bad crop or mask before decoding
        FramePreprocessor.RefuseNonEmpty(folder, force);
        using var sampleFile = OpenSampleFile(folder);
        long frameBytes = plan.Size.Pixels;

        // Pass 1: count the frames and keep the sample the count implies (guessed from the stated count, checked after).
        int[] guess = plan.Expected >= preprocess.MinimumFrames && plan.Expected <= int.MaxValue ? BackgroundModel.SampleIndices((int)plan.Expected, preprocess) : [];
        int count = KeepSample(guess, progress is null ? null : new Phase(progress, 0));
        if (count < preprocess.MinimumFrames)
            throw new FishKitException($"'{source.Path}' gave {count} frame(s); a background estimate needs at least {preprocess.MinimumFrames}: " +
                "take a longer span (--start, --duration) or more frames per second (--fps).");
        var samples = BackgroundModel.SampleIndices(count, preprocess);
        if (!samples.SequenceEqual(guess) && KeepSample(samples, null) != count)
            throw new FishKitException($"'{source.Path}' gave a different number of frames on a second reading; make sure the file is not being written, then try again.");
        var slots = Slots(samples);
        var model = BackgroundModel.Estimate(plan.Size, samples, (index, gray) => RandomAccess.Read(sampleFile, gray, slots[index] * frameBytes), preprocess, cancellationToken);

        // Pass 2: every frame mapped, encoded and written into the folder's temporary twin, on the thread that reads
        // ffmpeg: that work (~0.1 ms a frame plus a file creation) is a ninth of ffmpeg's decoding, so one thread keeps up,
        // and workers waiting on a queue for ffmpeg only cost CPU (tests/FishKit.Benchmarks/README.md).
        (ExtractedFrames, PreprocessedFrames)? result = null;
        AtomicFile.WriteDirectory(folder, force, temp =>
        {
            var (frames, messages, messageCount) = plan.Decode(folder, progress is null ? null : new Phase(progress, count), cancellationToken, tools,
                () => new FramePreprocessor.FrameWriter(model, temp, folder).Write, inline: true);
            if (frames != count)
                throw new FishKitException($"'{source.Path}' gave {frames} frames on the second reading and {count} on the first; make sure the file is not being written, then try again.");
            FramePreprocessor.WriteRecord(temp, frames, plan.Size, model, preprocess);
            var raw = new ExtractedFrames(folder, frames, plan.Size, plan.Rate, messages, messageCount);
            DecodeErrors.Check(source, raw, extract?.AllowDecodeErrors ?? false, temp);
            result = (raw, new PreprocessedFrames(folder, frames, model.Size, model));
        });
        return result!.Value;

        int KeepSample(int[] indices, IProgress<(long Done, long Total)>? report)
        {
            var slotOf = Slots(indices);
            return plan.Decode(folder, report, cancellationToken, tools, () => (index, pixels) =>
            {
                if (slotOf.TryGetValue(index, out long slot)) RandomAccess.Write(sampleFile, pixels, slot * frameBytes);
            }, inline: true).Frames;
        }
    }

    /// <summary>A new hidden file beside <paramref name="folder"/> for the background's sample, deleted when closed.</summary>
    static SafeFileHandle OpenSampleFile(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(parent);
            return File.OpenHandle(Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.sample"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FishKitException($"cannot write beside output folder '{folder}': {e.Message}; choose a writable folder.", e);
        }
    }

    /// <summary>Each sampled frame's place in the sample file.</summary>
    static Dictionary<int, long> Slots(int[] samples) => samples.Select((index, slot) => (index, slot)).ToDictionary(p => p.index, p => (long)p.slot);

    /// <summary>A writer of extracted frames as PNGs into <paramref name="folder"/> (<paramref name="finalFolder"/> names it in errors).</summary>
    static FrameSink PngWriter(string folder, string finalFolder, FrameSize size)
    {
        var encoder = new GrayPngEncoder();
        return (index, pixels) =>
        {
            var png = encoder.Encode(pixels, size.Width, size.Height);
            try
            {
                File.WriteAllBytes(Path.Combine(folder, FrameFileName.Png(index)), png.Span);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FishKitException($"cannot write frame {FrameFileName.Png(index)} for '{finalFolder}': {e.Message}", e);
            }
        };
    }

    /// <summary>What one core does with each decoded frame (<paramref name="pixels"/>: gray bytes, row-major); failures are <see cref="FishKitException"/>s.</summary>
    delegate void FrameSink(int index, ReadOnlySpan<byte> pixels);

    /// <summary>One step's progress as part of extract-then-preprocess: offset by the frames before it, out of twice the frames.</summary>
    sealed class Phase(IProgress<(long Done, long Total)> overall, long offset) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value)
        {
            long frames = offset > 0 ? offset : value.Total;
            overall.Report((offset + value.Done, 2 * frames));
        }
    }

    /// <summary>A checked extraction: the video, ffmpeg's arguments, the frame size and rate, and the frames expected.</summary>
    sealed record Plan(VideoInfo Source, List<string> Arguments, FrameSize Size, double Rate, long Expected)
    {
        /// <summary>Checks <paramref name="options"/> against <paramref name="source"/> and plans its decoding.</summary>
        public static Plan Of(VideoInfo source, ExtractOptions options)
        {
            options.Validate();
            if (source.DurationSeconds is { } length && options.StartSeconds >= length)
                throw new FishKitException(FormattableString.Invariant(
                    $"--start {options.StartSeconds} s is at or past the end of '{source.Path}' ({length:F1} s long); give an earlier start."));
            var size = options.Size ?? source.Size;
            if (size.Pixels > FrameDecoder.MaxPixels)
                throw new FishKitException($"'{source.Path}' has {size} frames, over the {FrameDecoder.MaxPixels / 1e6:0} megapixel limit of the kit's frames; give a smaller --size (e.g. 320x240).");
            double rate = options.FramesPerSecond ?? source.FramesPerSecond;
            return new Plan(source, VideoExtraction.Arguments(source, options, size), size, rate, VideoExtraction.Expected(source, options, rate));
        }

        /// <summary>Runs ffmpeg once, handing every frame to a sink made by <paramref name="sink"/> (see <see cref="Run.Decode"/>); <paramref name="folder"/> names the output in errors.</summary>
        public (int Frames, IReadOnlyList<string> Messages, int MessageCount) Decode(string folder, IProgress<(long Done, long Total)>? progress,
            CancellationToken cancellation, FfmpegTools? tools, Func<FrameSink> sink, bool inline = false) =>
            new Run(Source, folder, Size, Expected, progress, cancellation).Decode(Arguments, (tools ?? FfmpegTools.OnPath).Ffmpeg, sink, inline);
    }

    /// <summary>ffmpeg's command line: seek, decode one video stream, resample, scale, gray, raw frames to standard output.</summary>
    static List<string> Arguments(VideoInfo source, ExtractOptions options, FrameSize size)
    {
        var c = CultureInfo.InvariantCulture;
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-loglevel", "error" };
        if (options.StartSeconds > 0) arguments.AddRange(["-ss", options.StartSeconds.ToString("R", c)]);
        arguments.AddRange(["-i", FfmpegTools.FileUrl(source.Path)]);
        if (options.DurationSeconds is { } d) arguments.AddRange(["-t", d.ToString("R", c)]);
        string filters = (options.FramesPerSecond is { } fps ? $"fps={fps.ToString("R", c)}," : "") +
                         $"scale={size.Width}:{size.Height}:flags=area,format=gray";
        arguments.AddRange(["-map", $"0:{source.StreamIndex}", "-an", "-sn", "-dn", "-vf", filters, "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"]);
        return arguments;
    }

    /// <summary>The frames expected from the span and rate asked for (for progress; the true count is what ffmpeg delivers).</summary>
    static long Expected(VideoInfo source, ExtractOptions options, double rate)
    {
        if (source.DurationSeconds is not { } length)
            return options.DurationSeconds is { } only ? (long)Math.Round(only * rate) : source.FrameCount ?? 0;
        double span = Math.Min(length - options.StartSeconds, options.DurationSeconds ?? double.PositiveInfinity);
        if (options.FramesPerSecond is null && options.StartSeconds == 0 && options.DurationSeconds is null && source.FrameCount is { } n) return n;
        return (long)Math.Round(Math.Max(0, span) * rate);
    }

    /// <summary>One run of ffmpeg: its output cut into frames on this thread, handed to one worker per core.</summary>
    sealed class Run(VideoInfo source, string finalFolder, FrameSize size, long expected, IProgress<(long Done, long Total)>? progress, CancellationToken cancellation)
    {
        readonly int frameBytes = checked((int)size.Pixels);
        readonly List<string> messages = [];
        int messageCount;
        string? lastMessage;
        long written;
        Exception? writeError;

        /// <summary>
        /// Runs ffmpeg and hands each frame to a sink made by <paramref name="sink"/>: one per core, each on its own thread,
        /// or, when <paramref name="inline"/> (a sink too cheap to be worth a thread), one on the thread that reads ffmpeg.
        /// </summary>
        public (int Frames, IReadOnlyList<string> Messages, int MessageCount) Decode(List<string> arguments, string ffmpeg, Func<FrameSink> sink, bool inline)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var process = FfmpegTools.Start(ffmpeg, arguments);
            process.ErrorDataReceived += (_, e) => Message(e.Data);
            process.BeginErrorReadLine();
            using var kill = stop.Token.Register(() => FfmpegTools.Kill(process));
            int workers = inline ? 0 : Environment.ProcessorCount;
            var reader = inline ? sink() : null;
            using var queue = new BlockingCollection<(int Index, byte[] Pixels)>(Math.Max(1, 2 * workers));
            var writers = Enumerable.Range(0, workers)
                .Select(_ => Task.Factory.StartNew(() => Write(queue, stop, sink()), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            int frames = 0;
            bool partial = false;
            try
            {
                var output = process.StandardOutput.BaseStream;
                while (!stop.IsCancellationRequested)
                {
                    var pixels = ArrayPool<byte>.Shared.Rent(frameBytes);
                    int read = output.ReadAtLeast(pixels.AsSpan(0, frameBytes), frameBytes, throwOnEndOfStream: false);
                    if (read < frameBytes)
                    {
                        ArrayPool<byte>.Shared.Return(pixels);
                        partial = read > 0 && !stop.IsCancellationRequested;
                        break;
                    }
                    if (reader is null)
                    {
                        queue.Add((frames++, pixels), stop.Token);
                        continue;
                    }
                    Deliver(reader, frames++, pixels, stop);
                    ArrayPool<byte>.Shared.Return(pixels);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (IOException) when (stop.IsCancellationRequested) { }
            finally
            {
                queue.CompleteAdding();
                Task.WaitAll(writers);
                if (!process.HasExited) FfmpegTools.Kill(process);
                process.WaitForExit();
            }
            cancellation.ThrowIfCancellationRequested();
            if (writeError is not null) throw writeError;
            if (process.ExitCode != 0)
                throw new FishKitException($"ffmpeg could not decode '{source.Path}' ({Last()}); the file may be damaged: check it with: ffprobe '{source.Path}'.");
            if (partial)
                throw new FishKitException($"ffmpeg's output of '{source.Path}' ended inside a frame ({Last()}); the file may be damaged.");
            if (frames == 0)
                throw new FishKitException($"'{source.Path}' gave no frames{(messageCount > 0 ? $" ({Last()})" : "")}; check --start and --duration against its length, or whether the file is damaged.");
            return (frames, messages, messageCount);
        }

        string Last() => FfmpegTools.Reason(lastMessage ?? "", source.Path);

        void Message(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (messages)
            {
                if (++messageCount <= KeptMessages) messages.Add(line.Trim());
                lastMessage = line.Trim();
            }
        }

        void Write(BlockingCollection<(int Index, byte[] Pixels)> queue, CancellationTokenSource stop, FrameSink sink)
        {
            foreach (var (index, pixels) in queue.GetConsumingEnumerable())
            {
                try
                {
                    Deliver(sink, index, pixels, stop);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(pixels);
                }
            }
        }

        /// <summary>Hands frame <paramref name="index"/> to <paramref name="sink"/> and counts it; a failure is kept and stops the run.</summary>
        void Deliver(FrameSink sink, int index, byte[] pixels, CancellationTokenSource stop)
        {
            try
            {
                if (stop.IsCancellationRequested) return;
                sink(index, pixels.AsSpan(0, frameBytes));
                long done = Interlocked.Increment(ref written);
                progress?.Report((done, Math.Max(done, expected)));
            }
            catch (FishKitException e)
            {
                Interlocked.CompareExchange(ref writeError, e, null);
                stop.Cancel();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Interlocked.CompareExchange(ref writeError, new FishKitException($"cannot keep frame {index} of '{source.Path}' for '{finalFolder}': {e.Message}", e), null);
                stop.Cancel();
            }
        }
    }
}
