using FishKit.Clips;
using FishKit.Tests.Store;

namespace FishKit.Tests.Clips;

public class ClipAssemblerTests
{
    [Fact]
    public void A_time_channel_sample_holds_frames_t_minus_119_to_t_four_per_step_in_time_order()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(ClipLayout.TimeChannels);
        int frameBytes = fixture.Store.FrameBytes;
        var clip = new byte[30 * 4 * frameBytes];

        foreach (int t in new[] { 119, 200, 299 })
        {
            ClipAssembler.Copy(set, new ClipSample(t, Flip.None), clip);
            for (int step = 0; step < 30; step++)
                for (int channel = 0; channel < 4; channel++)
                {
                    var frame = clip.AsSpan((step * 4 + channel) * frameBytes, frameBytes);
                    int expected = t - 119 + 4 * step + channel;
                    Assert.Equal(expected, TestStores.IndexOf(frame));
                    Assert.Equal(TestStores.Frame(expected, fixture.Size), frame.ToArray());
                }
        }
        // The last step is frames t-3 .. t (t = 299 was the last clip copied).
        Assert.Equal([296, 297, 298, 299], Enumerable.Range(0, 4).Select(j => TestStores.IndexOf(clip.AsSpan((29 * 4 + j) * frameBytes))).ToArray());
    }

    [Fact]
    public void Single_frames_and_a_stride_take_the_documented_frames()
    {
        using var fixture = new ClipFixture();
        int frameBytes = fixture.Store.FrameBytes;

        var single = fixture.Set(ClipLayout.SingleFrames(10));
        var clip = new byte[10 * frameBytes];
        ClipAssembler.Copy(single, new ClipSample(50, Flip.None), clip);
        Assert.Equal(Enumerable.Range(41, 10), Enumerable.Range(0, 10).Select(k => TestStores.IndexOf(clip.AsSpan(k * frameBytes))));

        var strided = fixture.Set(new ClipLayout(3, 2, Stride: 5)); // frames t-25, t-20, ..., t
        Assert.Equal(25, strided.Layout.FirstFrame);
        clip = new byte[6 * frameBytes];
        ClipAssembler.Copy(strided, new ClipSample(100, Flip.None), clip);
        Assert.Equal([75, 80, 85, 90, 95, 100], Enumerable.Range(0, 6).Select(k => TestStores.IndexOf(clip.AsSpan(k * frameBytes))));
        Assert.Equal(85, strided.Layout.FrameOf(100, step: 1, channel: 0));
    }

    [Theory]
    [InlineData(Flip.None, 7, 5)]
    [InlineData(Flip.LeftRight, 7, 5)]
    [InlineData(Flip.UpDown, 7, 5)]
    [InlineData(Flip.Both, 7, 5)]
    [InlineData(Flip.LeftRight, 53, 7)] // rows of 32 + 16 + 5 bytes: every copy loop of the flips runs
    [InlineData(Flip.UpDown, 53, 7)]
    [InlineData(Flip.Both, 53, 7)]
    [InlineData(Flip.Both, 160, 120)]
    public void Flips_mirror_every_frame_of_the_clip(Flip flip, int w, int h)
    {
        using var fixture = new ClipFixture(frames: 40, width: w, height: h);
        var set = fixture.Set(new ClipLayout(3, 2));
        int frameBytes = w * h;
        var clip = new byte[6 * frameBytes];
        ClipAssembler.Copy(set, new ClipSample(30, flip), clip);

        for (int k = 0; k < 6; k++)
        {
            int frame = 25 + k;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int sx = flip is Flip.LeftRight or Flip.Both ? w - 1 - x : x;
                    int sy = flip is Flip.UpDown or Flip.Both ? h - 1 - y : y;
                    Assert.Equal(TestStores.Pixel(frame, sx, sy, w), clip[k * frameBytes + y * w + x]);
                }
        }
    }

    [Fact]
    public void A_sample_without_a_whole_clip_is_refused()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(ClipLayout.TimeChannels);
        var clip = new byte[120 * fixture.Store.FrameBytes];
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipAssembler.Copy(set, new ClipSample(118, Flip.None), clip));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipAssembler.Copy(set, new ClipSample(300, Flip.None), clip));
    }
}
