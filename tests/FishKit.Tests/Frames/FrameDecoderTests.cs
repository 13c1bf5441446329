using System.Buffers.Binary;
using FishKit.Frames;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Pbm;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using static FishKit.Tests.Frames.TestImages;

namespace FishKit.Tests.Frames;

/// <summary>Other formats through ImageSharp, and damaged or oversized files named in one line before any decoding.</summary>
public class FrameDecoderTests
{
    const int W = 23, H = 9;

    static byte[] Decode(string path) => PngFastPathTests.Decode(path, W, H);

    [Fact]
    public void Lossless_formats_decode_to_the_pixels_written()
    {
        using var dir = new TempDir();
        var gray = Pattern(W, H, seed: 8);
        using var image = ToImage(gray, W, H);
        image.Save(dir["a.BMP"], new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 });
        image.Save(dir["a.tif"], new TiffEncoder());
        image.Save(dir["a.TIFF"], new TiffEncoder { Compression = SixLabors.ImageSharp.Formats.Tiff.Constants.TiffCompression.Deflate });
        image.Save(dir["a.pgm"], new PbmEncoder { ColorType = PbmColorType.Grayscale });
        image.Save(dir["b.pgm"], new PbmEncoder { ColorType = PbmColorType.Grayscale, Encoding = PbmEncoding.Binary });
        foreach (var name in new[] { "a.BMP", "a.tif", "a.TIFF", "a.pgm", "b.pgm" })
            Assert.True(gray.AsSpan().SequenceEqual(Decode(dir[name])), $"{name} differs from the pixels written");
    }

    [Fact]
    public void Jpeg_decodes_as_ImageSharp_decodes_it()
    {
        using var dir = new TempDir();
        using (var image = ToImage(Pattern(W, H, seed: 9), W, H))
            image.Save(dir["a.jpg"], new JpegEncoder { Quality = 90, ColorType = JpegColorType.Luminance });
        Assert.Equal(ImageSharpGray(dir["a.jpg"]), Decode(dir["a.jpg"]));
    }

    static FishKitException Refused(string path) =>
        Assert.Throws<FishKitException>(() => new FrameDecoder().TryDecode(path, new FrameSize(W, H), new byte[W * H], out _));

    static void AssertNames(FishKitException e, string path)
    {
        Assert.Contains($"'{path}'", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_truncated_png_is_named()
    {
        using var dir = new TempDir();
        var png = HandFilteredPng(Pattern(W, H, seed: 1), W, H, _ => Paeth);
        foreach (int keep in new[] { png.Length / 2, png.Length - 14, 40 })
        {
            File.WriteAllBytes(dir["cut.png"], png[..keep]);
            var e = Refused(dir["cut.png"]);
            AssertNames(e, dir["cut.png"]);
            Assert.Contains("damaged", e.Message);
        }
    }

    [Fact]
    public void A_corrupted_byte_in_the_image_data_is_caught_by_the_zlib_checksum()
    {
        using var dir = new TempDir();
        var png = HandFilteredPng(Pattern(W, H, seed: 2), W, H, _ => None);
        int idat = png.AsSpan().IndexOf("IDAT"u8) + 4;
        int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(idat - 8));
        foreach (int at in new[] { length - 5, length - 1 }) // inside the deflate data; inside the Adler-32 checksum itself
        {
            var damaged = png.ToArray();
            damaged[idat + at] ^= 0x01;
            File.WriteAllBytes(dir["bad.png"], damaged);
            AssertNames(Refused(dir["bad.png"]), dir["bad.png"]);
        }
    }

    [Fact]
    public void Text_with_an_image_extension_is_named()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "notes.png", "notes.bmp", "notes.jpg", "empty.tif" })
        {
            File.WriteAllText(dir[name], name.StartsWith("empty") ? "" : "these are my notes, not a frame\n");
            AssertNames(Refused(dir[name]), dir[name]);
        }
    }

    [Fact]
    public void Truncated_files_of_every_format_are_named()
    {
        using var dir = new TempDir();
        using (var image = ToImage(Pattern(64, 48, seed: 3), 64, 48))
        {
            image.Save(dir["a.bmp"], new BmpEncoder());
            image.Save(dir["a.tif"], new TiffEncoder());
            image.Save(dir["deflate.tif"], new TiffEncoder { Compression = SixLabors.ImageSharp.Formats.Tiff.Constants.TiffCompression.Deflate });
            image.Save(dir["a.pgm"], new PbmEncoder { ColorType = PbmColorType.Grayscale });
            image.Save(dir["binary.pgm"], new PbmEncoder { ColorType = PbmColorType.Grayscale, Encoding = PbmEncoding.Binary });
            image.Save(dir["a.jpg"], new JpegEncoder());
            image.Save(dir["interlaced.png"], new PngEncoder { InterlaceMethod = PngInterlaceMode.Adam7, ColorType = PngColorType.Grayscale });
            image.Save(dir["rgb.png"], new PngEncoder { ColorType = PngColorType.Rgb });
        }
        foreach (var name in new[] { "a.bmp", "a.tif", "deflate.tif", "a.pgm", "binary.pgm", "a.jpg", "interlaced.png", "rgb.png" })
        {
            var whole = File.ReadAllBytes(dir[name]);
            Assert.True(new FrameDecoder().TryDecode(dir[name], new FrameSize(64, 48), new byte[64 * 48], out _));
            foreach (double keep in new[] { 0.95, 0.5, 0.1 })
            {
                var cut = dir[$"cut{keep}-{name}"];
                File.WriteAllBytes(cut, whole[..(int)(whole.Length * keep)]);
                var e = Record.Exception(() => new FrameDecoder().TryDecode(cut, new FrameSize(64, 48), new byte[64 * 48], out _));
                Assert.True(e is FishKitException, $"{name} cut to {keep:P0} of its bytes was accepted");
                AssertNames((FishKitException)e, cut);
            }
        }
    }

    /// <summary>A PNG whose header states 10000 x 6000 (60 megapixels) followed by almost nothing.</summary>
    static byte[] HugePngHeader()
    {
        return TestImages.WithChunk(HandFilteredPng([0], 1, 1, _ => None), "IHDR", header =>
        {
            BinaryPrimitives.WriteInt32BigEndian(header, 10_000);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 6_000);
            return header;
        });
    }

    /// <summary>A 54-byte BMP header stating 8000 x 8000 pixels at 24 bits, without the pixels.</summary>
    static byte[] HugeBmpHeader()
    {
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), 54 + 8000 * 8000 * 3);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 8000);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 8000);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        return bmp;
    }

    [Fact]
    public void A_header_claiming_more_than_50_megapixels_is_refused_before_decoding()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir["huge.png"], HugePngHeader());
        File.WriteAllBytes(dir["huge.bmp"], HugeBmpHeader());
        foreach (var name in new[] { "huge.png", "huge.bmp" })
        {
            var decoding = Refused(dir[name]);
            var reading = Assert.Throws<FishKitException>(() => new FrameDecoder().ReadSize(dir[name]));
            foreach (var e in new[] { decoding, reading })
            {
                AssertNames(e, dir[name]);
                Assert.Contains("megapixel", e.Message);
            }
        }
        Assert.Contains("10000x6000", Refused(dir["huge.png"]).Message);
    }

    [Fact]
    public void A_frame_of_another_size_is_reported_without_decoding()
    {
        using var dir = new TempDir();
        SavePng(dir["a.png"], Pattern(W + 1, H, seed: 4), W + 1, H);
        var gray = new byte[W * H];
        Assert.False(new FrameDecoder().TryDecode(dir["a.png"], new FrameSize(W, H), gray, out var actual));
        Assert.Equal(new FrameSize(W + 1, H), actual);
        Assert.All(gray, b => Assert.Equal(0, b));
    }
}
