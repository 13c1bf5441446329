using System.Buffers.Binary;
using System.IO.Compression;

namespace FishKit.Frames;

/// <summary>
/// The fast path for the common frame: an 8-bit grayscale, non-interlaced PNG without transparency.
/// Inflates the image data with .NET's zlib (System.IO.Compression) and unfilters it straight into the
/// caller's buffer, reusing its own buffers from frame to frame. Every other PNG is left to ImageSharp.
/// Chunk CRCs are not checked: zlib's Adler-32 checksum, which is checked, already guards the pixel data.
/// One instance per thread.
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

    /// <summary>Reads the IHDR chunk, which the PNG standard puts first.</summary>
    public static Header ReadHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < 33 || !file[12..16].SequenceEqual("IHDR"u8) || BinaryPrimitives.ReadUInt32BigEndian(file[8..]) != 13)
            throw new InvalidDataException("no PNG header (IHDR)");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(file[16..]), height = BinaryPrimitives.ReadUInt32BigEndian(file[20..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
            throw new InvalidDataException($"invalid PNG size {width}x{height}");
        return new Header(new FrameSize((int)width, (int)height), file[24], file[25], file[28]);
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

    /// <summary>Finds the IDAT chunks (joining them when there are several); false when another chunk needs ImageSharp.</summary>
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
                    EnsureCapacity(ref imageData, total + (int)size);
                    Array.Copy(file, body, imageData, total, size);
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
        data = chunks == 1 ? new ArraySegment<byte>(file, first, total) : new ArraySegment<byte>(imageData, 0, total);
        return true;
    }

    static void Inflate(ArraySegment<byte> data, Span<byte> destination)
    {
        using var compressed = new MemoryStream(data.Array!, data.Offset, data.Count, writable: false);
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        try
        {
            zlib.ReadExactly(destination);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("image data ends early (truncated file?)");
        }
        // Reading on to the end of the zlib stream makes zlib verify its Adler-32 checksum. Data beyond the image
        // is ignored unread, as ImageSharp and libpng ignore it (and a crafted stream cannot keep us inflating).
        Span<byte> rest = stackalloc byte[1];
        _ = zlib.Read(rest);
    }

    static void EnsureCapacity(ref byte[] buffer, int size)
    {
        if (buffer.Length < size) Array.Resize(ref buffer, Math.Max(size, buffer.Length * 2));
    }
}
