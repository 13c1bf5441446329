using FishKit.Windowing;
using FsCheck;
using FsCheck.Xunit;

namespace FishKit.Tests.Labeling;

public class SlidingMinMaxTests
{
    [Fact]
    public void Hand_computed_windows()
    {
        var (min, max) = SlidingMinMax.Compute([3, 1, 4, 1, 5, 9, 2, 6], 3);
        Assert.Equal([1, 1, 1, 1, 2, 2], min);
        Assert.Equal([4, 4, 5, 9, 9, 9], max);
    }

    [Fact]
    public void Window_longer_than_series_gives_nothing() =>
        Assert.Empty(SlidingMinMax.Compute([1, 2], 3).Min);

    [Property]
    public bool Equals_brute_force(NonEmptyArray<NormalFloat> values, PositiveInt width)
    {
        var x = values.Get.Select(v => v.Get).ToArray();
        int w = (width.Get - 1) % x.Length + 1;
        var (min, max) = SlidingMinMax.Compute(x, w);
        var expectedMin = Enumerable.Range(0, x.Length - w + 1).Select(i => x.Skip(i).Take(w).Min());
        var expectedMax = Enumerable.Range(0, x.Length - w + 1).Select(i => x.Skip(i).Take(w).Max());
        return min.SequenceEqual(expectedMin) && max.SequenceEqual(expectedMax);
    }
}
