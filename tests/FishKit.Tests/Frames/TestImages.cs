using System.Buffers.Binary;
using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace FishKit.Tests.Frames;

/// <summary>Test frames made in code: gray patterns, PNGs filtered by hand (independently of the kit), and ImageSharp encodings.</summary>
public static class TestImages
{
    /// <summary>
    /// A deterministic gray picture: stripes and noise on the left, black background with a bright "fish" on the right,
    /// and black bands across (so every PNG filter meets busy, flat and black rows above it).
    /// </summary>
    public static byte[] Pattern(int width, int height, int seed)
    {
        var rng = new Random(seed);
        var gray = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int v = 0;
                if (y / 3 % 4 == 1) { gray[y * width + x] = 0; continue; }                  // black bands, as between fish
                if ((x + y + seed) % 7 == 0 && x < width / 2) v = (x * 13 + y * 7 + seed) & 255; // diagonal stripes on the left
                if (y % 5 == seed % 5 && x < width / 3) v = rng.Next(256);                      // noisy rows on the left
                double dx = (x - width * 0.6) / (width * 0.2 + 1), dy = (y - height * 0.4) / (height * 0.15 + 1);
                if (dx * dx + dy * dy < 1) v = 200 + (x + seed) % 56;                     // a bright "fish"
                gray[y * width + x] = (byte)v;
            }
        return gray;
    }

    /// <summary>The PNG filter types, by number.</summary>
    public const byte None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4;

    /// <summary>
    /// An 8-bit grayscale PNG whose row y uses filter <paramref name="filterOfRow"/>(y), its image data split over
    /// <paramref name="idatChunks"/> chunks; <paramref name="extraChunks"/> go before the image data.
    /// </summary>
    public static byte[] HandFilteredPng(byte[] gray, int width, int height, Func<int, byte> filterOfRow, int idatChunks = 1,
        params (string Type, byte[] Data)[] extraChunks)
    {
        var raw = new MemoryStream();
        var prior = new byte[width];
        for (int y = 0; y < height; y++)
        {
            byte filter = filterOfRow(y);
            raw.WriteByte(filter);
            var row = gray.AsSpan(y * width, width);
            for (int x = 0; x < width; x++)
            {
                int a = x > 0 ? row[x - 1] : 0, b = prior[x], c = x > 0 ? prior[x - 1] : 0;
                int predicted = filter switch
                {
                    None => 0,
                    Sub => a,
                    Up => b,
                    Average => (a + b) / 2,
                    Paeth => PaethPredictor(a, b, c),
                    _ => throw new ArgumentOutOfRangeException(nameof(filterOfRow)),
                };
                raw.WriteByte((byte)(row[x] - predicted));
            }
            row.CopyTo(prior);
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());
        var data = compressed.ToArray();

        var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (gray), compression 0, filter 0, interlace 0
        WriteChunk(png, "IHDR", ihdr);
        foreach (var (type, extra) in extraChunks) WriteChunk(png, type, extra);
        int per = (data.Length + idatChunks - 1) / idatChunks;
        for (int i = 0; i < idatChunks; i++)
            WriteChunk(png, "IDAT", data.AsSpan(Math.Min(i * per, data.Length), Math.Clamp(data.Length - i * per, 0, per)).ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The PNG standard's Paeth predictor, written out as the standard states it.</summary>
    static int PaethPredictor(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    static void WriteChunk(Stream png, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        png.Write(header);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header.AsSpan(4).ToArray(), .. data]));
        png.Write(crc);
    }

    /// <summary>
    /// <paramref name="png"/> with the data of its first <paramref name="type"/> chunk replaced by <paramref name="edit"/>(data)
    /// and the chunk's length and CRC made to match: a file that is wrong, yet not damaged on the way. For IHDR the data is
    /// width, height, bit depth, colour type, compression, filter and interlace (13 bytes).
    /// </summary>
    public static byte[] WithChunk(byte[] png, string type, Func<byte[], byte[]> edit)
    {
        var result = new MemoryStream();
        result.Write(png.AsSpan(0, 8));
        bool done = false;
        for (int at = 8; at < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string name = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            if (name == type && !done)
            {
                WriteChunk(result, name, edit(data));
                done = true;
            }
            else result.Write(png.AsSpan(at, length + 12));
            at += length + 12;
        }
        return result.ToArray();
    }

    static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>Gray bytes as an ImageSharp image.</summary>
    public static Image<L8> ToImage(byte[] gray, int width, int height) => Image.LoadPixelData<L8>(gray, width, height);

    /// <summary>Writes gray bytes as an 8-bit grayscale PNG with ImageSharp's encoder.</summary>
    public static void SavePng(string path, byte[] gray, int width, int height, PngFilterMethod filter = PngFilterMethod.Adaptive,
        PngInterlaceMode interlace = PngInterlaceMode.None)
    {
        using var image = ToImage(gray, width, height);
        image.SaveAsPng(path, new PngEncoder
        {
            ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8, FilterMethod = filter, InterlaceMethod = interlace,
        });
    }

    /// <summary>ImageSharp's own decoding of a file to gray bytes (the fast path's reference).</summary>
    public static byte[] ImageSharpGray(string path)
    {
        using var image = Image.Load<L8>(path);
        var gray = new byte[image.Width * image.Height];
        image.CopyPixelDataTo(gray);
        return gray;
    }

    /// <summary>Writes a series of gray frames 00000.png, 00001.png, ... into <paramref name="folder"/>.</summary>
    public static void SaveSequence(string folder, IReadOnlyList<byte[]> frames, int width, int height)
    {
        Directory.CreateDirectory(folder);
        for (int t = 0; t < frames.Count; t++) SavePng(Path.Combine(folder, $"{t:D5}.png"), frames[t], width, height);
    }
}
