using System.Numerics;
using System.Runtime.InteropServices;

namespace FishKit.Preprocessing;

// BackgroundModel, part: The SIMD row writers of the deviation image: grey levels out, histogram counts in.
public sealed partial class BackgroundModel
{
    /// <summary>Writes deviation rows as grey levels <c>clamp(s * a + b, 0, 255.49)</c>, truncated.</summary>
    ref struct GreySink(Span<byte> output, int width, float a, float b) : DeviationImage.IRowSink
    {
        readonly Span<byte> output = output;

        public readonly void Row(int y, ReadOnlySpan<float> row)
        {
            var target = output.Slice(y * width, width);
            int x = 0;
            if (Vector.IsHardwareAccelerated)
            {
                int step = Vector<byte>.Count, lanes = Vector<float>.Count;
                var scale = new Vector<float>(a);
                var shift = new Vector<float>(b);
                ref float s = ref MemoryMarshal.GetReference(row);
                for (; x + step <= width; x += step)
                {
                    var low = Vector.Narrow(Grey(ref s, x, scale, shift), Grey(ref s, x + lanes, scale, shift));
                    var high = Vector.Narrow(Grey(ref s, x + 2 * lanes, scale, shift), Grey(ref s, x + 3 * lanes, scale, shift));
                    Vector.Narrow(low, high).StoreUnsafe(ref MemoryMarshal.GetReference(target), (nuint)x);
                }
            }
            for (; x < width; x++) target[x] = (byte)Math.Clamp(row[x] * a + b, 0, 255.49f);
        }

        /// <summary>Grey levels of the vector at <paramref name="x"/> (the loop keeps it within the row).</summary>
        static Vector<uint> Grey(ref float s, int x, Vector<float> scale, Vector<float> shift) =>
            Vector.ConvertToUInt32(Vector.Min(Vector.Max(Vector.LoadUnsafe(ref s, (nuint)x) * scale + shift, Vector<float>.Zero), new Vector<float>(255.49f)));
    }

    /// <summary>Counts the deviations of the pixels inside the region (whole rows at a time when every pixel is inside).</summary>
    readonly struct HistogramSink(DeviationHistogram histogram, TankRegion region, int width) : DeviationImage.IRowSink
    {
        readonly bool everyPixel = region.InsideCount == region.Size.Pixels;

        public void Row(int y, ReadOnlySpan<float> row)
        {
            if (everyPixel)
            {
                histogram.Add(row);
                return;
            }
            for (int x = 0; x < row.Length; x++)
                if (region.Contains(y * width + x)) histogram.Add(row[x]);
        }
    }
}
