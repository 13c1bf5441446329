using System.Buffers.Binary;

namespace FishKit.Frames;

/// <summary>
/// Finds truncated BMP, PGM/PPM, TIFF and JPEG files. ImageSharp decodes such files without complaint, filling the
/// missing pixels with black, which would pass for a frame where the fish vanished; so the file's length is checked
/// against what its header promises. (PNG needs no such check: its image data ends in a zlib checksum.)
/// </summary>
static class TruncationCheck
{
    /// <summary>Why <paramref name="file"/> looks cut short, or null when it holds everything its header promises (or the format is not one checked here).</summary>
    public static string? Problem(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith("BM"u8)) return Bmp(file);
        if (file.Length >= 2 && file[0] == 'P' && file[1] is >= (byte)'1' and <= (byte)'6') return Netpbm(file);
        if (file.StartsWith("II*\0"u8) || file.StartsWith("MM\0*"u8)) return Tiff(file);
        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8])) return Jpeg(file);
        return null;
    }

    static string? Short(long need, int have) => have < need ? $"file has {have:N0} bytes, its header promises {need:N0}" : null;

    /// <summary>Uncompressed BMP: pixel data offset + row stride (4-byte aligned) x rows.</summary>
    static string? Bmp(ReadOnlySpan<byte> file)
    {
        if (file.Length < 34) return "file ends inside the BMP header";
        uint offset = BinaryPrimitives.ReadUInt32LittleEndian(file[10..]), headerSize = BinaryPrimitives.ReadUInt32LittleEndian(file[14..]);
        if (headerSize < 40) return null; // old OS/2 headers: left to ImageSharp
        long width = BinaryPrimitives.ReadInt32LittleEndian(file[18..]), height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(file[22..]));
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(file[28..]);
        uint compression = BinaryPrimitives.ReadUInt32LittleEndian(file[30..]);
        if (compression is not (0 or 3 or 6)) return null; // run-length and embedded JPEG/PNG: no fixed size
        return Short(offset + (width * bits + 31) / 32 * 4 * height, file.Length);
    }

    /// <summary>PBM/PGM/PPM: header tokens, then width x height samples (binary after one whitespace, or plain text numbers).</summary>
    static string? Netpbm(ReadOnlySpan<byte> file)
    {
        char kind = (char)file[1];
        bool bitmap = kind is '1' or '4';
        int pos = 2;
        Span<long> header = stackalloc long[3];
        for (int t = 0; t < (bitmap ? 2 : 3); t++)
            if (!NextNumber(file, ref pos, out header[t])) return "file ends inside the header";
        long samples = header[0] * header[1] * (kind is '3' or '6' ? 3 : 1);
        if (kind is '1' or '2' or '3')
        {
            // Plain text: count the remaining numbers (PBM's may be written without spaces: one digit per pixel).
            long found = 0;
            for (; found < samples; found++)
                if (bitmap ? !NextBit(file, ref pos) : !NextNumber(file, ref pos, out _)) break;
            return found < samples ? $"file holds {found:N0} of the {samples:N0} samples its header promises" : null;
        }
        long bytes = bitmap ? (header[0] + 7) / 8 * header[1] : samples * (header[2] > 255 ? 2 : 1);
        return Short(pos + 1 + bytes, file.Length); // one whitespace byte separates the header from the samples
    }

    static void SkipSpaceAndComments(ReadOnlySpan<byte> file, ref int pos)
    {
        while (pos < file.Length && (IsSpace(file[pos]) || file[pos] == '#'))
            if (file[pos] == '#') { while (pos < file.Length && file[pos] != '\n') pos++; }
            else pos++;
    }

    static bool NextNumber(ReadOnlySpan<byte> file, ref int pos, out long value)
    {
        SkipSpaceAndComments(file, ref pos);
        int start = pos;
        value = 0;
        while (pos < file.Length && char.IsAsciiDigit((char)file[pos]) && value < int.MaxValue) value = value * 10 + file[pos++] - '0';
        return pos > start;
    }

    static bool NextBit(ReadOnlySpan<byte> file, ref int pos)
    {
        SkipSpaceAndComments(file, ref pos);
        if (pos >= file.Length || file[pos] is not ((byte)'0' or (byte)'1')) return false;
        pos++;
        return true;
    }

    static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f';

    /// <summary>TIFF: every strip or tile of the first image must lie inside the file.</summary>
    static string? Tiff(ReadOnlySpan<byte> file)
    {
        bool little = file[0] == 'I';
        if (file.Length < 8) return "file ends inside the TIFF header";
        long ifd = U32(file, 4, little);
        if (ifd + 2 > file.Length) return "file ends before the TIFF directory";
        int entries = U16(file, (int)ifd, little);
        if (ifd + 2 + 12L * entries > file.Length) return "file ends inside the TIFF directory";
        long[]? offsets = null, counts = null;
        for (int e = 0; e < entries; e++)
        {
            int at = (int)ifd + 2 + 12 * e;
            int tag = U16(file, at, little);
            if (tag is not (273 or 279 or 324 or 325)) continue;
            var values = Values(file, at, little);
            if (values is null) return "file ends inside a TIFF strip table";
            if (tag is 273 or 324) offsets = values;
            else counts = values;
        }
        if (offsets is null || counts is null || offsets.Length != counts.Length) return null; // unusual layout: left to ImageSharp
        long end = offsets.Zip(counts, (o, c) => o + c).DefaultIfEmpty(0).Max();
        return Short(end, file.Length);
    }

    /// <summary>The SHORT or LONG values of a directory entry (inline when they fit in 4 bytes); null when they lie outside the file.</summary>
    static long[]? Values(ReadOnlySpan<byte> file, int entry, bool little)
    {
        int type = U16(file, entry + 2, little);
        long count = U32(file, entry + 4, little);
        int size = type == 3 ? 2 : 4;
        long at = count * size <= 4 ? entry + 8 : U32(file, entry + 8, little);
        if (type is not (3 or 4)) return []; // not a strip table this check understands
        if (at + count * size > file.Length) return null;
        var values = new long[count];
        for (int i = 0; i < count; i++) values[i] = size == 2 ? U16(file, (int)at + 2 * i, little) : U32(file, (int)at + 4 * i, little);
        return values;
    }

    static int U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    static long U32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);

    /// <summary>
    /// JPEG: the end-of-image marker must follow the last start-of-scan marker. Neither byte pair can occur inside
    /// entropy-coded data (an 0xFF there is always followed by 0x00 or a restart marker).
    /// </summary>
    static string? Jpeg(ReadOnlySpan<byte> file) =>
        file.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) > file.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]) ? null : "no end-of-image marker after the image data";
}
