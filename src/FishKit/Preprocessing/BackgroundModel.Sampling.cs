using System.Collections.Concurrent;
using FishKit.Frames;

namespace FishKit.Preprocessing;

// BackgroundModel, part: Frame sampling: which frames a background estimate reads, and each sampled frame handed to the work on every core.
public sealed partial class BackgroundModel
{
    /// <summary>The frames (indices into <paramref name="count"/> frames) a background estimate samples: at most <see cref="PreprocessOptions.BackgroundFrames"/>, spread evenly.</summary>
    internal static int[] SampleIndices(int count, PreprocessOptions options) => SpreadSample(count, Math.Min(options.BackgroundFrames, count));

    /// <summary>Decodes input frame <paramref name="index"/> (one of the sampled ones) to gray bytes, row-major.</summary>
    internal delegate void FrameReader(int index, Span<byte> gray);

    /// <summary>Where the sampled frames come from: their size and a reader.</summary>
    readonly record struct SampledFrames(FrameSize Size, FrameReader Read);

    /// <summary><paramref name="count"/> frame indices spread evenly over 0 .. total-1, first and last included.</summary>
    static int[] SpreadSample(int total, int count) =>
        count == 1 ? [0] : Enumerable.Range(0, count).Select(k => (int)Math.Round((double)k * (total - 1) / (count - 1))).ToArray();

    /// <summary>
    /// Hands each sampled frame's region to <paramref name="use"/> with its sample number, on every core: from
    /// <paramref name="held"/> (the regions one after another) when given, else decoded.
    /// </summary>
    static void ForEachSample(SampledFrames frames, TankRegion region, int[] samples, byte[]? held, CancellationToken cancellation, SampleAction use)
    {
        int size = checked((int)region.Size.Pixels);
        if (held is not null)
        {
            Parallel.For(0, samples.Length, new ParallelOptions { CancellationToken = cancellation }, s => use(s, held.AsSpan(s * size, size)));
            return;
        }
        var failures = new ConcurrentDictionary<int, FishKitException>();
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, samples.Length, options, () => (Frame: new byte[frames.Size.Pixels], Region: new byte[size]), (s, loop, buffers) =>
        {
            try
            {
                frames.Read(samples[s], buffers.Frame);
            }
            catch (FishKitException e)
            {
                failures[s] = e;
                loop.Stop();
                return buffers;
            }
            var pixels = buffers.Frame.AsSpan();
            if (!region.IsWholeFrame)
            {
                region.Cut(buffers.Frame, buffers.Region);
                pixels = buffers.Region;
            }
            use(s, pixels);
            return buffers;
        }, _ => { });
        if (!failures.IsEmpty) throw failures[failures.Keys.Min()];
    }

    delegate void SampleAction(int sample, Span<byte> pixels);
}
