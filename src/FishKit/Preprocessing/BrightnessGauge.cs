namespace FishKit.Preprocessing;

/// <summary>
/// Measures a frame's brightness relative to the background: the median of F/B over about 4,096 pixels on a regular grid
/// inside the region, where the floor is at least a quarter of its median level. The median ignores the fish (a few
/// percent of the pixels at most) and averages the sensor noise down to a few hundredths of a percent. It is read from a
/// histogram of the ratios in bins of 1/1024 over [0, 4) (ratios beyond go to the end bins), interpolating within the bin.
/// </summary>
sealed class BrightnessGauge
{
    const int GridPixels = 4096;
    const int BinsPerUnit = 1024, Bins = 4 * BinsPerUnit;
    const double MinimumGain = 0.05;

    readonly int[] index;
    readonly float[] binsPerLevel; // 1024 / B: F times this is the bin of the ratio F/B

    BrightnessGauge(int[] index, float[] binsPerLevel)
    {
        this.index = index;
        this.binsPerLevel = binsPerLevel;
    }

    /// <summary>A gauge that always reads 1 (brightness not normalised).</summary>
    public static BrightnessGauge None { get; } = new([], []);

    /// <summary>False for <see cref="None"/> and when no pixel's floor was bright enough to measure against.</summary>
    public bool Measures => index.Length > 0;

    /// <summary>A histogram for <see cref="Measure"/> (one per thread).</summary>
    public static int[] CreateHistogram() => new int[Bins];

    /// <summary>The grid pixels of <paramref name="background"/> inside <paramref name="region"/> with a floor of at least max(M/4, 1).</summary>
    public static BrightnessGauge Create(ReadOnlySpan<float> background, TankRegion region, float floor)
    {
        float lowest = MathF.Max(floor / 4, 1);
        int eligible = 0;
        for (int i = 0; i < background.Length; i++)
            if (region.Contains(i) && background[i] >= lowest) eligible++;
        int stride = Math.Max(1, (int)Math.Sqrt(eligible / (double)GridPixels));
        int width = region.Size.Width, height = region.Size.Height;
        var index = new List<int>();
        for (int y = stride / 2; y < height; y += stride)
            for (int x = stride / 2; x < width; x += stride)
            {
                int i = y * width + x;
                if (region.Contains(i) && background[i] >= lowest) index.Add(i);
            }
        var binsPerLevel = new float[index.Count];
        for (int j = 0; j < binsPerLevel.Length; j++) binsPerLevel[j] = BinsPerUnit / background[index[j]];
        return new BrightnessGauge([.. index], binsPerLevel);
    }

    /// <summary>The brightness g of <paramref name="pixels"/> (a frame's region); 1 when not measuring or when the frame is nearly black.</summary>
    public double Measure(ReadOnlySpan<byte> pixels, int[] histogram)
    {
        if (index.Length == 0) return 1;
        Array.Clear(histogram);
        ReadOnlySpan<int> at = index;
        ReadOnlySpan<float> scale = binsPerLevel;
        for (int j = 0; j < at.Length; j++)
            histogram[Math.Min((int)(pixels[at[j]] * scale[j]), Bins - 1)]++;
        double half = index.Length / 2.0, seen = 0;
        int bin = 0;
        while (histogram[bin] == 0 || seen + histogram[bin] < half) seen += histogram[bin++]; // stops in the bin that holds the middle
        double gain = (bin + (half - seen) / histogram[bin]) / BinsPerUnit;
        return gain >= MinimumGain ? gain : 1;
    }
}
