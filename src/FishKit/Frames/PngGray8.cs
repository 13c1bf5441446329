using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace FishKit.Frames;

/// <summary>
/// The fast path for the common frame: an 8-bit grayscale, non-interlaced PNG without transparency.
/// Inflates the image data with .NET's zlib (System.IO.Compression) and unfilters it straight into the
/// caller's buffer, reusing its own buffers from frame to frame. Every other PNG is left to ImageSharp.
/// Nothing damaged passes: every chunk's CRC-32 is checked, the header's fixed fields too, and the zlib stream is read
/// to its end so that zlib checks its Adler-32 of the pixels. One instance per thread.
/// </summary>
sealed class PngGray8
{
    static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The IHDR fields the fast path looks at.</summary>
    public readonly record struct Header(FrameSize Size, byte BitDepth, byte ColorType, byte Interlace)
    {
        public bool IsGray8 => BitDepth == 8 && ColorType == 0 && Interlace == 0;
    }

    byte[] imageData = [];
    byte[] filtered = [];
    byte[] black = [];

    /// <summary>True when <paramref name="file"/> starts with the PNG signature.</summary>
    public static bool IsPng(ReadOnlySpan<byte> file) => file.StartsWith(Signature);

    /// <summary>The most decompressed bytes accepted after the image's own (libpng and ImageSharp ignore such bytes); more is refused.</summary>
    const int MaxExtraBytes = 1 << 16;

    /// <summary>Reads and checks the IHDR chunk, which the PNG standard puts first: its CRC and every field's allowed values.</summary>
    public static Header ReadHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < 33 || !file[12..16].SequenceEqual("IHDR"u8) || BinaryPrimitives.ReadUInt32BigEndian(file[8..]) != 13)
            throw new InvalidDataException("no PNG header (IHDR)");
        CheckCrc(file[12..29], file[29..]);
        uint width = BinaryPrimitives.ReadUInt32BigEndian(file[16..]), height = BinaryPrimitives.ReadUInt32BigEndian(file[20..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
            throw new InvalidDataException($"invalid PNG size {width}x{height}");
        byte depth = file[24], colour = file[25];
        bool known = colour switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!known || file[26] != 0 || file[27] != 0 || file[28] > 1)
            throw new InvalidDataException($"invalid PNG header (bit depth {depth}, colour type {colour}, compression {file[26]}, filter {file[27]}, interlace {file[28]})");
        return new Header(new FrameSize((int)width, (int)height), depth, colour, file[28]);
    }

    /// <summary>Throws unless the CRC-32 stored in <paramref name="stored"/> is that of <paramref name="typeAndData"/> (a chunk's type and data).</summary>
    static void CheckCrc(ReadOnlySpan<byte> typeAndData, ReadOnlySpan<byte> stored)
    {
        if (Crc32.HashToUInt32(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(stored))
            throw new InvalidDataException($"the {System.Text.Encoding.ASCII.GetString(typeAndData[..4])} chunk's CRC does not match its content (the file is damaged)");
    }

    /// <summary>
    /// Decodes <paramref name="file"/> (whose header is <paramref name="header"/>, with <see cref="Header.IsGray8"/>) into
    /// <paramref name="gray"/>; returns false, leaving <paramref name="gray"/> untouched, for PNGs the fast path does not
    /// handle (transparency, palette, unknown critical chunks). Throws <see cref="InvalidDataException"/> on damaged data.
    /// </summary>
    public bool TryDecode(byte[] file, int length, Header header, Span<byte> gray)
    {
        if (!CollectImageData(file, length, out var data)) return false;
        int width = header.Size.Width, height = header.Size.Height, stride = width + 1;
        long need = (long)stride * height;
        if (need > Array.MaxLength) throw new InvalidDataException("image too large");
        if (filtered.Length < need) filtered = new byte[need];
        if (black.Length < width) black = new byte[width];
        Inflate(data, filtered.AsSpan(0, (int)need));

        ReadOnlySpan<byte> prior = black.AsSpan(0, width);
        bool priorIsBlack = true;
        for (int y = 0; y < height; y++)
        {
            var line = filtered.AsSpan(y * stride, stride);
            var row = gray.Slice(y * width, width);
            PngUnfilter.Row(line[0], line[1..], prior, priorIsBlack, row);
            prior = row;
            priorIsBlack = !row.ContainsAnyExcept((byte)0);
        }
        return true;
    }

    /// <summary>
    /// Checks every chunk's CRC and finds the IDAT chunks (joining them when there are several); false when another
    /// chunk needs ImageSharp. <paramref name="data"/> is the zlib stream followed by 4 bytes that are not part of it
    /// (see <see cref="Inflate"/>).
    /// </summary>
    bool CollectImageData(byte[] file, int length, out ArraySegment<byte> data)
    {
        data = default;
        int chunks = 0, total = 0, first = 0;
        int pos = Signature.Length;
        while (true)
        {
            if (pos + 8 > length) throw new InvalidDataException("file ends before the image end (IEND)");
            uint size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos));
            var type = file.AsSpan(pos + 4, 4);
            if (size > int.MaxValue || pos + 12L + size > length)
                throw new InvalidDataException($"file ends inside a '{System.Text.Encoding.ASCII.GetString(type)}' chunk");
            int body = pos + 8;
            CheckCrc(file.AsSpan(pos + 4, 4 + (int)size), file.AsSpan(body + (int)size, 4));
            if (type.SequenceEqual("IDAT"u8))
            {
                if (chunks++ == 0) first = body;
                else
                {
                    if (chunks == 2)
                    {
                        EnsureCapacity(ref imageData, total);
                        Array.Copy(file, first, imageData, 0, total);
                    }
                    EnsureCapacity(ref imageData, total + (int)size + 4);
                    Array.Copy(file, body, imageData, total, size + 4); // the chunk's CRC after it: the 4 bytes beyond the stream
                }
                total += (int)size;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
            else if (type.SequenceEqual("tRNS"u8) || type.SequenceEqual("PLTE"u8) || ((type[0] & 0x20) == 0 && !type.SequenceEqual("IHDR"u8)))
            {
                return false; // transparency, a palette or an unknown critical chunk: ImageSharp decides what it means
            }
            pos = body + (int)size + 4;
        }
        if (chunks == 0) throw new InvalidDataException("no image data (IDAT)");
        // One chunk: its CRC follows its data in the file; several: the last one's was copied after the data.
        data = chunks == 1 ? new ArraySegment<byte>(file, first, total + 4) : new ArraySegment<byte>(imageData, 0, total + 4);
        return true;
    }

    /// <summary>
    /// Inflates the image into <paramref name="destination"/> and reads the zlib stream to its end, where zlib compares
    /// its Adler-32 of everything inflated with the stream's. .NET's zlib stream ends quietly when its input runs out,
    /// so a stream cut short before its checksum would pass unchecked: <paramref name="data"/> therefore carries 4 more
    /// bytes (a CRC) after the stream, which zlib reads as the missing checksum and refuses.
    /// </summary>
    static void Inflate(ArraySegment<byte> data, Span<byte> destination)
    {
        using var compressed = new MemoryStream(data.Array!, data.Offset, data.Count, writable: false);
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        int extra = 0;
        try
        {
            zlib.ReadExactly(destination);
            // Data beyond the image is ignored, as ImageSharp and libpng ignore it, but only so much of it: a crafted
            // stream cannot keep us inflating.
            Span<byte> rest = stackalloc byte[256];
            for (int read; extra <= MaxExtraBytes && (read = zlib.Read(rest)) > 0;) extra += read;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("image data ends early (truncated file?)");
        }
        catch (InvalidDataException e)
        {
            // zlib's own words for a wrong checksum or coding ("unsupported compression method") would mislead.
            throw new InvalidDataException("the compressed image data is damaged (a wrong zlib checksum or coding)", e);
        }
        if (extra > MaxExtraBytes) throw new InvalidDataException("the image data holds far more than the image");
    }

    static void EnsureCapacity(ref byte[] buffer, int size)
    {
        if (buffer.Length < size) Array.Resize(ref buffer, Math.Max(size, buffer.Length * 2));
    }
}
