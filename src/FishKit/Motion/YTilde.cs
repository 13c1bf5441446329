using FishKit.Frames;

namespace FishKit.Motion;

/// <summary>
/// y-tilde, the write-up's per-frame motion energy: <c>ytilde[t] = sum over pixels |X[t+1] - X[t]| / (H*W)</c> with
/// <c>X = pixel / 255</c> at the stored resolution, for t = 0 .. T-2, and <c>ytilde[T-1] = 0</c> by the original's
/// convention (length T).
/// <para>
/// Arithmetic: the sum of |a - b| over the 8-bit pixels is exact in integers, then divided once by 255*H*W in double.
/// This equals the float64 sum of |a/255 - b/255| up to its rounding (about 1e-16 relative). The original summed
/// float32 arrays (Keras' img_to_array), which moves values by about 1e-7 relative: see
/// tests/FishKit.Tests/Reference/make_ytilde_reference.py for both.
/// </para>
/// <para>
/// Streaming: frames are never all in memory. The T-1 differences are cut into blocks of consecutive frames; each
/// core takes the next block, decodes its frames one after another into two reused buffers (the block's first frame is
/// also the previous block's last, decoded twice: under 1 % extra work) and writes the block's sums. Memory is two
/// frames per core.
/// </para>
/// </summary>
public static class YTilde
{
    /// <summary>Differences per block handed to a core.</summary>
    const int BlockSize = 128;

    /// <summary>y-tilde of a pair of gray frames: sum |b - a| / (255 * pixels).</summary>
    public static double OfPair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.IsEmpty ? throw new ArgumentException("frames have no pixels") : AbsoluteDifference.Sum(a, b) / (255.0 * a.Length);

    /// <summary>
    /// y-tilde of every frame of <paramref name="frames"/> (length T, last value 0), decoding on up to
    /// <paramref name="maxParallelism"/> cores (default: all). Reports (differences done, T-1) through <paramref name="progress"/>.
    /// A bad frame (damaged, another size) stops the run with an error naming the first such frame in time order.
    /// </summary>
    public static double[] Compute(FrameSequence frames, IProgress<(long Done, long Total)>? progress = null,
        CancellationToken cancellationToken = default, int maxParallelism = 0)
    {
        int count = frames.Count;
        if (count < 2)
            throw new FishKitException($"y-tilde needs at least 2 frames; '{frames.Folder}' holds {count}.");
        int differences = count - 1;
        var sums = new ulong[differences];
        int blocks = (differences + BlockSize - 1) / BlockSize;
        int workers = Math.Min(blocks, maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount);
        var run = new Run(frames, sums, blocks, progress, cancellationToken);
        if (workers == 1) run.Work();
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => run.Work());
        cancellationToken.ThrowIfCancellationRequested();
        run.ThrowFirstError();

        var y = new double[count];
        double scale = 255.0 * frames.Size.Pixels;
        for (int t = 0; t < differences; t++) y[t] = sums[t] / scale;
        progress?.Report((differences, differences));
        return y;
    }

    /// <summary>One computation's shared state: the next block to take, the sums, and the earliest failing frame.</summary>
    sealed class Run(FrameSequence frames, ulong[] sums, int blocks, IProgress<(long Done, long Total)>? progress, CancellationToken cancellation)
    {
        int nextBlock = -1;
        long done;
        int firstBad = int.MaxValue;
        readonly Dictionary<int, Exception> errors = [];

        public void Work()
        {
            int pixels = (int)frames.Size.Pixels;
            var previous = new byte[pixels];
            var current = new byte[pixels];
            int block;
            while ((block = Interlocked.Increment(ref nextBlock)) < blocks && !cancellation.IsCancellationRequested)
            {
                int start = block * BlockSize, end = Math.Min(start + BlockSize, sums.Length);
                // A block starting after a known bad frame cannot change which bad frame comes first.
                if (start > Volatile.Read(ref firstBad)) continue;
                if (!TryRead(start, previous)) continue;
                for (int t = start; t < end; t++)
                {
                    if (cancellation.IsCancellationRequested || t + 1 > Volatile.Read(ref firstBad) || !TryRead(t + 1, current)) break;
                    sums[t] = AbsoluteDifference.Sum(previous, current);
                    (previous, current) = (current, previous);
                }
                long total = Interlocked.Add(ref done, end - start);
                progress?.Report((total, sums.Length));
            }
        }

        bool TryRead(int index, byte[] gray)
        {
            try
            {
                frames.Read(index, gray);
                return true;
            }
            catch (FishKitException e)
            {
                lock (errors)
                {
                    errors.TryAdd(index, e);
                    if (index < firstBad) Volatile.Write(ref firstBad, index);
                }
                return false;
            }
        }

        /// <summary>
        /// Every frame before the earliest failure was decoded (blocks are taken in order and only skip frames after a
        /// known failure), so the error reported is the first bad frame in time order, whatever the thread timing.
        /// </summary>
        public void ThrowFirstError()
        {
            if (firstBad != int.MaxValue) throw errors[firstBad];
        }
    }
}
