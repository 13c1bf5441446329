using FishKit.Frames;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using static FishKit.Tests.Frames.TestImages;

namespace FishKit.Tests.Frames;

/// <summary>The PNG fast path must give exactly what ImageSharp (and the pixels written) give, for every filter and width.</summary>
public class PngFastPathTests
{
    public static TheoryData<int, int> Sizes => new() { { 1, 1 }, { 1, 9 }, { 2, 3 }, { 15, 13 }, { 16, 12 }, { 17, 14 }, { 31, 13 }, { 33, 15 }, { 320, 24 } };

    static byte[] DecodeFast(byte[] png, int width, int height)
    {
        var header = PngGray8.ReadHeader(png);
        Assert.True(header.IsGray8);
        Assert.Equal(new FrameSize(width, height), header.Size);
        var gray = new byte[width * height];
        Assert.True(new PngGray8().TryDecode(png, png.Length, header, gray), "the fast path declined an 8-bit gray PNG");
        return gray;
    }

    static byte[] ImageSharpGray(byte[] png)
    {
        using var image = Image.Load<L8>(png);
        var gray = new byte[image.Width * image.Height];
        image.CopyPixelDataTo(gray);
        return gray;
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Each_filter_type_and_a_mix_decode_to_the_pixels_written_and_to_ImageSharp(int width, int height)
    {
        var gray = Pattern(width, height, seed: width * 31 + height);
        var choices = new Dictionary<string, Func<int, byte>>
        {
            ["None"] = _ => None, ["Sub"] = _ => Sub, ["Up"] = _ => Up, ["Average"] = _ => Average, ["Paeth"] = _ => Paeth,
            ["mixed"] = y => (byte)(y * 3 % 5),
        };
        foreach (var (name, filterOfRow) in choices)
        {
            var png = HandFilteredPng(gray, width, height, filterOfRow);
            var fast = DecodeFast(png, width, height);
            Assert.True(gray.AsSpan().SequenceEqual(fast), $"{name} filter, {width}x{height}: fast path differs from the pixels written");
            Assert.True(ImageSharpGray(png).AsSpan().SequenceEqual(fast), $"{name} filter, {width}x{height}: fast path differs from ImageSharp");
        }
    }

    [Theory]
    [InlineData(PngFilterMethod.None)]
    [InlineData(PngFilterMethod.Sub)]
    [InlineData(PngFilterMethod.Up)]
    [InlineData(PngFilterMethod.Average)]
    [InlineData(PngFilterMethod.Paeth)]
    [InlineData(PngFilterMethod.Adaptive)]
    public void ImageSharp_encoded_frames_decode_identically(PngFilterMethod filter)
    {
        using var dir = new TempDir();
        foreach (var (w, h) in new[] { (320, 240), (37, 11) })
        {
            var gray = Pattern(w, h, seed: (int)filter);
            var path = dir[$"{filter}-{w}.png"];
            SavePng(path, gray, w, h, filter);
            var fast = DecodeFast(File.ReadAllBytes(path), w, h);
            Assert.Equal(gray, fast);
            Assert.Equal(TestImages.ImageSharpGray(path), fast);
        }
    }

    [Fact]
    public void Image_data_split_over_several_chunks_decodes_identically()
    {
        var gray = Pattern(45, 20, seed: 3);
        var png = HandFilteredPng(gray, 45, 20, y => (byte)(y % 5), idatChunks: 4);
        Assert.Equal(gray, DecodeFast(png, 45, 20));
    }

    [Fact]
    public void Transparency_is_left_to_ImageSharp()
    {
        var gray = Pattern(20, 6, seed: 4);
        var png = HandFilteredPng(gray, 20, 6, _ => Sub, 1, ("tRNS", [0, 7]));
        var header = PngGray8.ReadHeader(png);
        Assert.False(new PngGray8().TryDecode(png, png.Length, header, new byte[120]));
        using var dir = new TempDir();
        File.WriteAllBytes(dir["00000.png"], png);
        Assert.Equal(gray, Decode(dir["00000.png"], 20, 6));
    }

    internal static byte[] Decode(string path, int width, int height)
    {
        var gray = new byte[width * height];
        Assert.True(new FrameDecoder().TryDecode(path, new FrameSize(width, height), gray, out _));
        return gray;
    }

    [Fact]
    public void Interlaced_16_bit_and_palette_PNGs_fall_back_to_ImageSharp()
    {
        using var dir = new TempDir();
        var gray = Pattern(33, 17, seed: 5);

        SavePng(dir["interlaced.png"], gray, 33, 17, interlace: PngInterlaceMode.Adam7);
        Assert.False(PngGray8.ReadHeader(File.ReadAllBytes(dir["interlaced.png"])).IsGray8);
        Assert.Equal(gray, Decode(dir["interlaced.png"], 33, 17));

        using (var wide = Image.LoadPixelData<L16>(gray.Select(g => new L16((ushort)(g * 257))).ToArray(), 33, 17))
            wide.SaveAsPng(dir["16bit.png"], new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 });
        Assert.False(PngGray8.ReadHeader(File.ReadAllBytes(dir["16bit.png"])).IsGray8);
        Assert.Equal(gray, Decode(dir["16bit.png"], 33, 17)); // v * 257 scales back to v exactly

        var fewLevels = gray.Select(g => (byte)(g / 64 * 85)).ToArray(); // 4 gray levels: a palette holds them exactly
        using (var image = ToImage(fewLevels, 33, 17))
            image.SaveAsPng(dir["palette.png"], new PngEncoder { ColorType = PngColorType.Palette });
        Assert.Equal(3, PngGray8.ReadHeader(File.ReadAllBytes(dir["palette.png"])).ColorType);
        Assert.Equal(fewLevels, Decode(dir["palette.png"], 33, 17));
    }

    [Fact]
    public void Colour_becomes_gray_by_Pillows_BT601_rule()
    {
        // Pillow's convert('L') on these pixels gives 76, 150, 29, 125 (checked with Pillow 9.4);
        // by hand: (19595 R + 38470 G + 7471 B + 32768) >> 16.
        Rgb24[] colours = [new(255, 0, 0), new(0, 255, 0), new(0, 0, 255), new(10, 200, 37)];
        using var dir = new TempDir();
        using (var image = Image.LoadPixelData<Rgb24>(colours, 4, 1)) image.SaveAsPng(dir["rgb.png"]);
        Assert.Equal([76, 150, 29, 125], Decode(dir["rgb.png"], 4, 1));
    }
}
