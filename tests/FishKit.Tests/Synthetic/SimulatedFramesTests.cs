using FishKit.Synthetic;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace FishKit.Tests.Synthetic;

/// <summary>The frames look like the write-up's: 320x240 8-bit grayscale PNGs, bright fish on black, named 00000.png, ...</summary>
public class SimulatedFramesTests(SimulatedSessionFixture session) : IClassFixture<SimulatedSessionFixture>
{
    [Fact]
    public void Frames_are_named_with_five_digits_from_00000_without_gaps()
    {
        var names = Directory.GetFiles(session.Folder, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(SimulatedSessionFixture.Frames, names.Length);
        Assert.Equal("00000.png", names[0]);
        Assert.Equal("01499.png", names[^1]);
        Assert.Equal(Enumerable.Range(0, SimulatedSessionFixture.Frames).Select(i => $"{i:D5}.png"), names);
    }

    [Theory]
    [InlineData(0, 1, "00000.png")]
    [InlineData(99_999, 100_000, "99999.png")]
    [InlineData(7, 100_001, "000007.png")]
    [InlineData(100_000, 100_001, "100000.png")]
    public void More_than_five_digits_only_past_100000_frames(int index, int count, string expected) =>
        Assert.Equal(expected, TankSession.FrameFileName(index, count));

    [Theory]
    [InlineData(0)]
    [InlineData(777)]
    [InlineData(1499)]
    public void Frame_is_a_320x240_8_bit_grayscale_png(int frame)
    {
        var path = Path.Combine(session.Folder, $"{frame:D5}.png");
        var info = Image.Identify(path);
        Assert.Equal(320, info.Width);
        Assert.Equal(240, info.Height);
        Assert.Equal(8, info.PixelType.BitsPerPixel);
        var png = info.Metadata.GetPngMetadata();
        Assert.Equal(PngColorType.Grayscale, png.ColorType);
        Assert.Equal(PngBitDepth.Bit8, png.BitDepth);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(777)]
    [InlineData(1499)]
    public void Fish_are_bright_on_a_black_background(int frame)
    {
        var pixels = SessionFiles.Pixels(Path.Combine(session.Folder, $"{frame:D5}.png"), out _, out _);
        var sorted = pixels.Order().ToArray();
        Assert.Equal(0, sorted[sorted.Length / 2]);            // median: background is black
        Assert.True(sorted[^1] >= 150, $"brightest pixel {sorted[^1]}");
        int bright = pixels.Count(p => p >= 100);
        // Seven fish of about 22 x 5.5 px cover roughly 7 x 60-120 pixels; overlaps and walls can hide some.
        Assert.InRange(bright, 200, 1200);
        int specks = pixels.Count(p => p is > 0 and <= 40);
        Assert.True(specks > 0, "sensor noise is present");
    }

    [Fact]
    public void Each_fish_is_drawn_where_the_ground_truth_puts_its_head()
    {
        var pixels = SessionFiles.Pixels(Path.Combine(session.Folder, "00300.png"), out int width, out _);
        for (int fish = 0; fish < TankParameters.Default.FishCount; fish++)
        {
            var (x, y) = session.Position(300, fish);
            int at = (int)Math.Round(y) * width + (int)Math.Round(x);
            Assert.True(pixels[at] >= 100, $"fish {fish} at ({x}, {y}) is dark: {pixels[at]}");
        }
    }

    [Fact]
    public void Mean_png_size_is_small_like_the_write_ups_processed_frames()
    {
        var sizes = Directory.GetFiles(session.Folder, "*.png").Select(f => new FileInfo(f).Length).ToArray();
        Assert.InRange(sizes.Average(), 1000, 4096);
    }
}
