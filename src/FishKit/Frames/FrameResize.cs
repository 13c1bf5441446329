using System.Buffers;

namespace FishKit.Frames;

/// <summary>
/// Resizes gray frames (bytes, row-major) and scales them to [0,1] as pixel/255 in float32, as Keras'
/// <c>img_to_array(img) / 255</c> does.
/// </summary>
public static class FrameResize
{
    static readonly float[] unit = Enumerable.Range(0, 256).Select(v => v / 255f).ToArray();

    /// <summary>pixel / 255 as float32 (correctly rounded), for every byte value.</summary>
    public static ReadOnlySpan<float> UnitScale => unit;

    /// <summary>
    /// The source index Pillow's nearest-neighbour resize reads for each destination index. Pillow steps a double
    /// position from <c>scale/2</c> by <c>scale = source/destination</c> and truncates it, so an exact half-way point can
    /// land one below the exact rule floor((i + 1/2) * scale): 2 -> 7 reads 0,0,0,0,1,1,1, not 0,0,0,1,1,1,1.
    /// Halving (320 -> 160) reads the odd indices 1, 3, 5, ...
    /// </summary>
    public static int[] NearestIndices(int source, int destination)
    {
        Positive(source, nameof(source));
        Positive(destination, nameof(destination));
        var map = new int[destination];
        double scale = (double)source / destination, position = scale * 0.5;
        for (int i = 0; i < destination; i++)
        {
            map[i] = Math.Min((int)position, source - 1);
            position += scale;
        }
        return map;
    }

    /// <summary>Nearest-neighbour resize of gray bytes (Pillow's rule, <see cref="NearestIndices"/>).</summary>
    public static void Nearest(ReadOnlySpan<byte> source, FrameSize from, Span<byte> destination, FrameSize to)
    {
        Check(source.Length, from, destination.Length, to);
        var columns = NearestIndices(from.Width, to.Width);
        var rows = NearestIndices(from.Height, to.Height);
        for (int y = 0; y < to.Height; y++)
        {
            var src = source.Slice(rows[y] * from.Width, from.Width);
            var dst = destination.Slice(y * to.Width, to.Width);
            for (int x = 0; x < dst.Length; x++) dst[x] = src[columns[x]];
        }
    }

    /// <summary>Nearest-neighbour resize to values in [0,1] (pixel / 255).</summary>
    public static void Nearest(ReadOnlySpan<byte> source, FrameSize from, Span<float> destination, FrameSize to)
    {
        Check(source.Length, from, destination.Length, to);
        int pixels = (int)to.Pixels;
        var bytes = ArrayPool<byte>.Shared.Rent(pixels);
        try
        {
            Nearest(source, from, bytes.AsSpan(0, pixels), to);
            ToUnit(bytes.AsSpan(0, pixels), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>pixel / 255 for each byte of <paramref name="gray"/>.</summary>
    public static void ToUnit(ReadOnlySpan<byte> gray, Span<float> destination)
    {
        if (destination.Length < gray.Length) throw new ArgumentException($"destination holds {destination.Length} values; {gray.Length} are needed");
        for (int i = 0; i < gray.Length; i++) destination[i] = unit[gray[i]];
    }

    /// <summary>
    /// Bilinear resize to values in [0,1]: destination pixel i samples the source at (i + 1/2) * source/destination - 1/2,
    /// clamped to the edge pixels, weighting its two neighbours linearly in each direction (so halving averages 2x2 blocks).
    /// </summary>
    public static void Bilinear(ReadOnlySpan<byte> source, FrameSize from, Span<float> destination, FrameSize to)
    {
        Check(source.Length, from, destination.Length, to);
        var (x0, x1, wx) = BilinearTaps(from.Width, to.Width);
        var (y0, y1, wy) = BilinearTaps(from.Height, to.Height);
        for (int y = 0; y < to.Height; y++)
        {
            var top = source.Slice(y0[y] * from.Width, from.Width);
            var bottom = source.Slice(y1[y] * from.Width, from.Width);
            var dst = destination.Slice(y * to.Width, to.Width);
            double fy = wy[y];
            for (int x = 0; x < dst.Length; x++)
            {
                double fx = wx[x];
                double upper = top[x0[x]] + fx * (top[x1[x]] - top[x0[x]]);
                double lower = bottom[x0[x]] + fx * (bottom[x1[x]] - bottom[x0[x]]);
                dst[x] = (float)((upper + fy * (lower - upper)) / 255.0);
            }
        }
    }

    /// <summary>For each destination index: the two source indices and the weight of the second.</summary>
    static (int[] First, int[] Second, double[] Weight) BilinearTaps(int source, int destination)
    {
        var first = new int[destination];
        var second = new int[destination];
        var weight = new double[destination];
        double scale = (double)source / destination;
        for (int i = 0; i < destination; i++)
        {
            double at = Math.Clamp((i + 0.5) * scale - 0.5, 0, source - 1);
            first[i] = (int)at;
            second[i] = Math.Min(first[i] + 1, source - 1);
            weight[i] = at - first[i];
        }
        return (first, second, weight);
    }

    static void Check(int sourceLength, FrameSize from, int destinationLength, FrameSize to)
    {
        Positive(from.Width, "source width");
        Positive(from.Height, "source height");
        Positive(to.Width, "target width");
        Positive(to.Height, "target height");
        if (sourceLength < from.Pixels) throw new ArgumentException($"source holds {sourceLength} pixels; a {from} frame has {from.Pixels}");
        if (destinationLength < to.Pixels) throw new ArgumentException($"destination holds {destinationLength} pixels; a {to} frame has {to.Pixels}");
    }

    static void Positive(int value, string what)
    {
        if (value <= 0) throw new FishKitException($"{what} must be at least 1 pixel (got {value}).");
    }
}
