using System.Buffers;
using System.Collections.Concurrent;
using FishKit.Frames;

namespace FishKit.Video;

// VideoExtraction, part: process management: one run of ffmpeg, its output cut into frames, its messages kept.
public static partial class VideoExtraction
{
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
                throw FishKitException.Refusal($"'{source.Path}' gave no frames{(messageCount > 0 ? $" ({Last()})" : "")}; check {FishKitException.Say(Term.Start)} and {FishKitException.Say(Term.Duration)} against its length, or whether the file is damaged.", new(File: source.Path));
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
