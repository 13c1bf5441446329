using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using FishKit.Frames;
using FishKit.IO;
using FishKit.Preprocessing;

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
        options ??= new ExtractOptions();
        options.Validate();
        if (source.DurationSeconds is { } length && options.StartSeconds >= length)
            throw new FishKitException(FormattableString.Invariant(
                $"--start {options.StartSeconds} s is at or past the end of '{source.Path}' ({length:F1} s long); give an earlier start."));
        var size = options.Size ?? source.Size;
        if (size.Pixels > FrameDecoder.MaxPixels)
            throw new FishKitException($"'{source.Path}' has {size} frames, over the {FrameDecoder.MaxPixels / 1e6:0} megapixel limit of the kit's frames; give a smaller --size (e.g. 320x240).");
        double rate = options.FramesPerSecond ?? source.FramesPerSecond;
        ExtractedFrames? result = null;
        AtomicFile.WriteDirectory(folder, force, temp =>
        {
            var run = new Run(source, temp, folder, size, Expected(source, options, rate), progress, cancellationToken);
            var (frames, messages, count) = run.Decode(Arguments(source, options, size), (tools ?? FfmpegTools.OnPath).Ffmpeg);
            result = new ExtractedFrames(folder, frames, size, rate, messages, count);
        });
        return result!;
    }

    /// <summary>
    /// Extracts the frames of <paramref name="source"/> and preprocesses them (<see cref="FramePreprocessor"/>) into
    /// <paramref name="folder"/> in one go: the raw frames go to a hidden folder beside it, deleted at the end. Progress
    /// runs over both steps (extraction first, then preprocessing: twice the expected frames in all).
    /// </summary>
    public static (ExtractedFrames Raw, PreprocessedFrames Frames) ExtractPreprocessed(VideoInfo source, string folder,
        ExtractOptions? extract = null, PreprocessOptions? preprocess = null, bool force = false,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, FfmpegTools? tools = null)
    {
        preprocess ??= PreprocessOptions.Default;
        preprocess.Validate();
        TankRegion.Create((extract ?? new ExtractOptions()).Size ?? source.Size, preprocess.Crop, preprocess.MaskPath); // refuse a bad crop or mask before decoding
        FramePreprocessor.RefuseNonEmpty(folder, force);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var raw = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.raw");
        try
        {
            var extracted = Extract(source, raw, extract, false, progress is null ? null : new Phase(progress, 0), cancellationToken, tools);
            if (extracted.Frames < preprocess.MinimumFrames)
                throw new FishKitException($"'{source.Path}' gave {extracted.Frames} frame(s); a background estimate needs at least {preprocess.MinimumFrames}: " +
                    "take a longer span (--start, --duration) or more frames per second (--fps).");
            var frames = FramePreprocessor.Write(FrameSequence.Open(raw), folder, preprocess, force,
                progress is null ? null : new Phase(progress, extracted.Frames), cancellationToken);
            return (extracted, frames);
        }
        finally
        {
            try { if (Directory.Exists(raw)) Directory.Delete(raw, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>One step's progress as part of extract-then-preprocess: offset by the frames before it, out of twice the frames.</summary>
    sealed class Phase(IProgress<(long Done, long Total)> overall, long offset) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value)
        {
            long frames = offset > 0 ? offset : value.Total;
            overall.Report((offset + value.Done, 2 * frames));
        }
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

    /// <summary>One extraction: ffmpeg's output cut into frames on this thread, encoded and written by one worker per core.</summary>
    sealed class Run(VideoInfo source, string folder, string finalFolder, FrameSize size, long expected, IProgress<(long Done, long Total)>? progress, CancellationToken cancellation)
    {
        readonly int frameBytes = checked((int)size.Pixels);
        readonly List<string> messages = [];
        int messageCount;
        string? lastMessage;
        long written;
        Exception? writeError;

        public (int Frames, IReadOnlyList<string> Messages, int MessageCount) Decode(List<string> arguments, string ffmpeg)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var process = FfmpegTools.Start(ffmpeg, arguments);
            process.ErrorDataReceived += (_, e) => Message(e.Data);
            process.BeginErrorReadLine();
            using var kill = stop.Token.Register(() => FfmpegTools.Kill(process));
            int workers = Environment.ProcessorCount;
            using var queue = new BlockingCollection<(int Index, byte[] Pixels)>(2 * workers);
            var writers = Enumerable.Range(0, workers)
                .Select(_ => Task.Factory.StartNew(() => Write(queue, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
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
                    queue.Add((frames++, pixels), stop.Token);
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

        void Write(BlockingCollection<(int Index, byte[] Pixels)> queue, CancellationTokenSource stop)
        {
            var encoder = new GrayPngEncoder();
            foreach (var (index, pixels) in queue.GetConsumingEnumerable())
            {
                try
                {
                    if (stop.IsCancellationRequested) continue;
                    var png = encoder.Encode(pixels.AsSpan(0, frameBytes), size.Width, size.Height);
                    File.WriteAllBytes(Path.Combine(folder, FrameFileName.Png(index)), png.Span);
                    long done = Interlocked.Increment(ref written);
                    progress?.Report((done, Math.Max(done, expected)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Interlocked.CompareExchange(ref writeError, new FishKitException($"cannot write frame {FrameFileName.Png(index)} for '{finalFolder}': {e.Message}", e), null);
                    stop.Cancel();
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(pixels);
                }
            }
        }
    }
}
