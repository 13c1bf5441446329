using FishKit.Frames;

namespace FishKit.Store;

/// <summary>
/// Packs a split's frames once at the model's resolution into a frame store (<see cref="FrameStore"/>), so training
/// never decodes a PNG again. Frames are decoded and resized in parallel a chunk at a time (at most ~8 MB of frames
/// in memory besides one decoded frame per core) and written in time order.
/// </summary>
public static class FramePacker
{
    /// <summary>The write-up's model input size: 160x120 (W x H), half the 320x240 frames.</summary>
    public static FrameSize ModelSize { get; } = new(160, 120);

    const int ChunkBytes = 8 << 20;

    /// <summary>
    /// Packs <paramref name="frames"/> resized to <paramref name="size"/> by <paramref name="resize"/> (nearest with
    /// Pillow's indices as the original; bilinear rounded to the nearest level) into the store <paramref name="output"/>.
    /// Refuses an existing output unless <paramref name="force"/>, and always an output that is one of the inputs.
    /// A bad frame stops the pack with an error naming the first such frame in time order. Reports (frames done, total).
    /// </summary>
    public static FrameStoreHeader Pack(FrameSequence frames, string output, FrameSize size, ResizeMethod resize = ResizeMethod.Nearest,
        bool force = false, IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, int maxParallelism = 0)
    {
        if (size.Width < 1 || size.Height < 1 || size.Pixels > FrameDecoder.MaxPixels)
            throw new FishKitException($"store frame size {size} is not usable; give a size like 160x120 (W x H).");
        RefuseInput(frames, output);
        var header = FrameStoreHeader.New(size, frames.Count, resize, frames.Size, Path.GetFullPath(frames.Folder),
            Path.GetFileName(frames.Paths[0]), Path.GetFileName(frames.Paths[^1]));
        int frameBytes = header.FrameBytes, chunk = Math.Clamp(ChunkBytes / frameBytes, 1, 1024);
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount,
        };
        using var scratch = new ThreadLocal<Scratch>(() => new Scratch(frames.Size, size));
        var buffer = new byte[(long)chunk * frameBytes];
        FrameStoreWriter.Write(output, header, force, writer =>
        {
            for (int start = 0; start < frames.Count; start += chunk)
            {
                int n = Math.Min(chunk, frames.Count - start);
                int firstBad = int.MaxValue;
                FishKitException? error = null;
                Parallel.For(0, n, options, i =>
                {
                    try
                    {
                        scratch.Value!.Read(frames, start + i, resize, buffer.AsSpan(i * frameBytes, frameBytes));
                    }
                    catch (FishKitException e)
                    {
                        lock (buffer)
                            if (start + i < firstBad) (firstBad, error) = (start + i, e);
                    }
                });
                if (error is not null) throw error;
                writer.Append(buffer.AsSpan(0, n * frameBytes));
                progress?.Report((start + n, frames.Count));
            }
        });
        return header;
    }

    /// <summary>Refuses an output path that is the frames folder or one of its frames (writing would destroy the input).</summary>
    static void RefuseInput(FrameSequence frames, string output)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var target = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        if (string.Equals(target, Path.GetFullPath(frames.Folder).TrimEnd(Path.DirectorySeparatorChar), comparison)
            || frames.Paths.Any(p => string.Equals(Path.GetFullPath(p), target, comparison)))
            throw new FishKitException($"output '{output}' is an input (the frames folder or one of its frames); choose another output path.");
    }

    /// <summary>One thread's buffers: the decoded source frame, and the resized frame in [0,1] for bilinear.</summary>
    sealed class Scratch(FrameSize from, FrameSize to)
    {
        readonly byte[] decoded = new byte[from.Pixels];
        readonly float[] unit = new float[to.Pixels];

        public void Read(FrameSequence frames, int index, ResizeMethod resize, Span<byte> target)
        {
            if (from == to)
            {
                frames.Read(index, target);
                return;
            }
            frames.Read(index, decoded);
            if (resize == ResizeMethod.Nearest)
            {
                FrameResize.Nearest(decoded, from, target, to);
                return;
            }
            FrameResize.Bilinear(decoded, from, unit, to);
            for (int i = 0; i < target.Length; i++) target[i] = (byte)(unit[i] * 255f + 0.5f);
        }
    }
}
