namespace FishKit.Preprocessing;

/// <summary>Medians by selection (Hoare's quickselect, in place, expected linear time): no sorting of whole arrays.</summary>
static class Selection
{
    /// <summary>The median of <paramref name="values"/> (the mean of the two middle values for an even count); reorders them.</summary>
    public static float Median(Span<float> values)
    {
        if (values.IsEmpty) throw new ArgumentException("no values", nameof(values));
        int middle = values.Length / 2;
        float upper = Select(values, middle);
        if (values.Length % 2 == 1) return upper;
        // After selecting, everything before `middle` is <= upper: the lower middle is their maximum.
        float lower = values[0];
        for (int i = 1; i < middle; i++) lower = MathF.Max(lower, values[i]);
        return 0.5f * (lower + upper);
    }

    /// <summary>The <paramref name="k"/>-th smallest value (0-based); leaves smaller values before it and larger after.</summary>
    public static float Select(Span<float> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            float pivot = MedianOfThree(values[left], values[left + (right - left) / 2], values[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }
        return values[k];
    }

    static float MedianOfThree(float a, float b, float c) => MathF.Max(MathF.Min(a, b), MathF.Min(MathF.Max(a, b), c));
}
