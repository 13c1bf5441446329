namespace FishKit.Windowing;

/// <summary>
/// Minimum and maximum of every window of fixed width over a series, in O(T) with monotonic
/// queues (the original recomputed each window, O(T*h)).
/// </summary>
public static class SlidingMinMax
{
    /// <summary>
    /// Returns arrays of length <c>x.Length - width + 1</c>: <c>Min[i] = min(x[i .. i+width-1])</c> and likewise Max.
    /// </summary>
    public static (double[] Min, double[] Max) Compute(ReadOnlySpan<double> x, int width)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "window width must be at least 1");
        int count = x.Length - width + 1;
        if (count <= 0) return ([], []);
        var min = new double[count];
        var max = new double[count];
        // Ring buffers of indices; the front holds the index of the current extreme.
        var minQ = new int[width];
        var maxQ = new int[width];
        int minHead = 0, minLen = 0, maxHead = 0, maxLen = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int oldest = i - width;
            if (minLen > 0 && minQ[minHead] == oldest) { minHead = (minHead + 1) % width; minLen--; }
            if (maxLen > 0 && maxQ[maxHead] == oldest) { maxHead = (maxHead + 1) % width; maxLen--; }
            while (minLen > 0 && x[minQ[(minHead + minLen - 1) % width]] >= x[i]) minLen--;
            minQ[(minHead + minLen) % width] = i; minLen++;
            while (maxLen > 0 && x[maxQ[(maxHead + maxLen - 1) % width]] <= x[i]) maxLen--;
            maxQ[(maxHead + maxLen) % width] = i; maxLen++;
            int start = i - width + 1;
            if (start >= 0)
            {
                min[start] = x[minQ[minHead]];
                max[start] = x[maxQ[maxHead]];
            }
        }
        return (min, max);
    }
}
