using FishKit.Frames;
using FishKit.Motion;
using FishKit.Tests.Frames;

namespace FishKit.Tests.Motion;

public class YTildeTests
{
    [Fact]
    public void Two_by_two_frames_give_the_hand_computed_values()
    {
        using var dir = new TempDir();
        byte[][] frames = [[0, 0, 0, 0], [255, 0, 0, 0], [255, 255, 0, 0], [0, 0, 0, 0], [0, 0, 0, 51]];
        TestImages.SaveSequence(dir.Path, frames, 2, 2);

        var y = YTilde.Compute(FrameSequence.Open(dir.Path));

        // |X1-X0| sums to 1 over 4 pixels; then 1; then 2; then 51/255 = 0.2; the last frame is 0 by convention.
        Assert.Equal([0.25, 0.25, 0.5, 0.05, 0], y);
    }

    /// <summary>y-tilde the plain way: float64 pixel/255, absolute differences summed, divided by the pixel count.</summary>
    static double[] Plain(IReadOnlyList<byte[]> frames)
    {
        var y = new double[frames.Count];
        for (int t = 0; t + 1 < frames.Count; t++)
        {
            double sum = 0;
            for (int i = 0; i < frames[t].Length; i++) sum += Math.Abs(frames[t + 1][i] / 255.0 - frames[t][i] / 255.0);
            y[t] = sum / frames[t].Length;
        }
        return y;
    }

    static byte[][] RandomFrames(int count, int pixels, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var f = new byte[pixels];
            rng.NextBytes(f);
            return f;
        }).ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Many_frames_on_any_number_of_cores_match_the_plain_float64_computation(int cores)
    {
        using var dir = new TempDir();
        var frames = RandomFrames(300, 17 * 5, seed: 11); // 299 differences: three blocks, the last one partial
        TestImages.SaveSequence(dir.Path, frames, 17, 5);

        var y = YTilde.Compute(FrameSequence.Open(dir.Path), maxParallelism: cores);

        var expected = Plain(frames);
        Assert.Equal(300, y.Length);
        Assert.Equal(0, y[^1]);
        for (int t = 0; t < y.Length; t++) Assert.Equal(expected[t], y[t], 1e-15);
    }

    [Fact]
    public void The_sum_of_absolute_differences_is_exact_for_any_length_and_either_method()
    {
        var rng = new Random(5);
        foreach (int length in new[] { 0, 1, 15, 31, 32, 33, 64, 1000, 76_800, 200_000 })
        {
            var a = new byte[length];
            var b = new byte[length];
            rng.NextBytes(a);
            rng.NextBytes(b);
            if (length > 0) { a[0] = 255; b[0] = 0; a[^1] = 0; b[^1] = 255; }
            ulong expected = 0;
            for (int i = 0; i < length; i++) expected += (ulong)Math.Abs(a[i] - b[i]);
            Assert.Equal(expected, AbsoluteDifference.Sum(a, b));
            Assert.Equal(expected, AbsoluteDifference.SumPortable(a, b));
            if (System.Runtime.Intrinsics.X86.Avx2.IsSupported) Assert.Equal(expected, AbsoluteDifference.SumAvx2(a, b));
        }
        var white = Enumerable.Repeat((byte)255, 300_000).ToArray();
        Assert.Equal(255UL * 300_000, AbsoluteDifference.SumPortable(white, new byte[300_000])); // the 16-bit sums never overflow
    }

    [Fact]
    public void A_pair_of_frames()
    {
        Assert.Equal((255 + 51) / 255.0 / 3, YTilde.OfPair([0, 255, 0], [255, 255, 51]), 1e-15);
    }

    [Fact]
    public void A_single_frame_is_refused()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir.Path, [new byte[4]], 2, 2);
        var e = Assert.Throws<FishKitException>(() => YTilde.Compute(FrameSequence.Open(dir.Path)));
        Assert.Contains("at least 2 frames", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void The_first_bad_frame_in_time_order_is_named_whatever_the_cores(int cores)
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir.Path, RandomFrames(400, 12, seed: 2), 4, 3);
        File.WriteAllText(dir["00290.png"], "not a frame");
        TestImages.SavePng(dir["00333.png"], new byte[20], 5, 4);
        File.WriteAllBytes(dir["00150.png"], File.ReadAllBytes(dir["00150.png"])[..40]);
        TestImages.SavePng(dir["00200.png"], new byte[20], 5, 4);
        var frames = FrameSequence.Open(dir.Path);

        var damaged = Assert.Throws<FishKitException>(() => YTilde.Compute(frames, maxParallelism: cores));
        Assert.Contains("00150.png", damaged.Message);

        TestImages.SavePng(dir["00150.png"], new byte[12], 4, 3);
        var odd = Assert.Throws<FishKitException>(() => YTilde.Compute(frames, maxParallelism: cores));
        Assert.Contains("00200.png' is 5x4 but the first frame '00000.png' is 4x3", odd.Message);
    }

    sealed class Recorder : IProgress<(long Done, long Total)>
    {
        public readonly List<(long Done, long Total)> Reports = [];
        public void Report((long Done, long Total) value) { lock (Reports) Reports.Add(value); }
    }

    [Fact]
    public void Progress_counts_differences_up_to_the_total()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir.Path, RandomFrames(300, 4, seed: 3), 2, 2);
        var progress = new Recorder();
        YTilde.Compute(FrameSequence.Open(dir.Path), progress);
        Assert.All(progress.Reports, r => Assert.True(r.Done <= r.Total && r.Total == 299));
        Assert.Equal((299L, 299L), progress.Reports[^1]);
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var dir = new TempDir();
        TestImages.SaveSequence(dir.Path, RandomFrames(300, 4, seed: 4), 2, 2);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => YTilde.Compute(FrameSequence.Open(dir.Path), cancellationToken: cancel.Token));
    }
}
