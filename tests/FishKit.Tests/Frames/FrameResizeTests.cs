using FishKit.Frames;

namespace FishKit.Tests.Frames;

/// <summary>Index maps and weights worked out by hand (and, for nearest, as Pillow 9.4's resize(NEAREST) reads them).</summary>
public class FrameResizeTests
{
    [Fact]
    public void Nearest_halving_reads_the_odd_indices_as_Pillow_does()
    {
        // 320 -> 160: position (i + 1/2) * 2 = 2i + 1.
        Assert.Equal(Enumerable.Range(0, 160).Select(i => 2 * i + 1), FrameResize.NearestIndices(320, 160));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => 2 * i + 1), FrameResize.NearestIndices(240, 120));
    }

    [Theory]
    [InlineData(7, 5, new[] { 0, 2, 3, 4, 6 })]                  // 1.4 * (0.5, 1.5, 2.5, 3.5, 4.5) = 0.7, 2.1, 3.5, 4.9, 6.3
    [InlineData(7, 10, new[] { 0, 1, 1, 2, 3, 3, 4, 5, 5, 6 })]  // 0.7 * (i + 0.5)
    [InlineData(5, 5, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(1, 3, new[] { 0, 0, 0 })]
    [InlineData(3, 1, new[] { 1 })]
    // Exactly half-way: 2/7 * 3.5 = 1, but Pillow accumulates 1/7 + 3 * 2/7 in doubles and lands just below 1.
    [InlineData(2, 7, new[] { 0, 0, 0, 0, 1, 1, 1 })]
    public void Nearest_index_map_follows_Pillow(int source, int destination, int[] expected) =>
        Assert.Equal(expected, FrameResize.NearestIndices(source, destination));

    [Fact]
    public void Nearest_picks_rows_and_columns_by_the_index_map()
    {
        byte[] source = Enumerable.Range(0, 4 * 6).Select(i => (byte)(10 * (i / 6) + i % 6)).ToArray(); // value = 10 * row + column
        var bytes = new byte[2 * 3];
        FrameResize.Nearest(source, new FrameSize(6, 4), bytes, new FrameSize(3, 2));
        Assert.Equal([11, 13, 15, 31, 33, 35], bytes); // rows 1, 3; columns 1, 3, 5

        var unit = new float[6];
        FrameResize.Nearest(source, new FrameSize(6, 4), unit, new FrameSize(3, 2));
        Assert.Equal(new[] { 11, 13, 15, 31, 33, 35 }.Select(v => v / 255f), unit);
    }

    [Fact]
    public void Bilinear_halving_averages_two_by_two_blocks()
    {
        byte[] source =
        [
            0, 10, 100, 50,
            20, 30, 0, 250,
            255, 255, 1, 2,
            255, 253, 3, 4,
        ];
        var result = new float[4];
        FrameResize.Bilinear(source, new FrameSize(4, 4), result, new FrameSize(2, 2));
        double[] expected = [60 / 4.0, 400 / 4.0, 1018 / 4.0, 10 / 4.0];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i] / 255, result[i], 6);
    }

    [Fact]
    public void Bilinear_doubling_weights_neighbours_by_a_quarter_and_repeats_the_edges()
    {
        // Source positions of 4 outputs from 2 inputs: -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        var result = new float[4];
        FrameResize.Bilinear([0, 200], new FrameSize(2, 1), result, new FrameSize(4, 1));
        double[] expected = [0, 50, 150, 200];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i] / 255, result[i], 6);
    }

    [Fact]
    public void Sizes_must_be_positive()
    {
        Assert.Throws<FishKitException>(() => FrameResize.NearestIndices(0, 3));
        Assert.Throws<FishKitException>(() => FrameResize.Bilinear([1], new FrameSize(1, 1), new float[1], new FrameSize(0, 1)));
    }

    [Fact]
    public void A_sequence_reads_resized_frames()
    {
        using var dir = new TempDir();
        byte[] gray = Enumerable.Range(0, 4 * 6).Select(i => (byte)(10 * (i / 6) + i % 6)).ToArray();
        TestImages.SavePng(dir["0.png"], gray, 6, 4);
        var frames = FrameSequence.Open(dir.Path);
        var nearest = new float[6];
        frames.ReadUnit(0, new FrameSize(3, 2), ResizeMethod.Nearest, nearest);
        Assert.Equal(new[] { 11, 13, 15, 31, 33, 35 }.Select(v => v / 255f), nearest);
        var bilinear = new float[6];
        frames.ReadUnit(0, new FrameSize(3, 2), ResizeMethod.Bilinear, bilinear);
        Assert.Equal((0 + 1 + 10 + 11) / 4.0 / 255, bilinear[0], 6);
    }
}
