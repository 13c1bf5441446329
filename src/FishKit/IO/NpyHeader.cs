using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace FishKit.IO;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format versions 1.0, 2.0 and 3.0): its dtype string, memory order and shape,
/// parsed from the Python dict literal numpy writes, and written byte for byte as numpy 1.24 writes it.
/// </summary>
sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape)
{
    static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>numpy pads the header so the data starts at a multiple of this.</summary>
    const int Align = 64;

    /// <summary>numpy leaves room for the length of axis 0 to grow to this many digits.</summary>
    const int GrowthDigits = 21;

    /// <summary>Parses the header at the start of <paramref name="file"/>; returns it and where the data starts.</summary>
    public static (NpyHeader Header, int DataOffset) Parse(ReadOnlySpan<byte> file, string path)
    {
        if (file.Length < 10 || !file[..6].SequenceEqual(Magic))
            throw new FishKitException($"'{path}' is not a .npy file (it does not start with the NumPy magic bytes \\x93NUMPY).");
        int major = file[6], minor = file[7];
        int lengthBytes = major switch
        {
            1 when minor == 0 => 2,
            2 or 3 when minor == 0 => 4,
            _ => throw new FishKitException($"'{path}': .npy format version {major}.{minor} is not supported; save it with numpy's np.save (versions 1.0-3.0)."),
        };
        int start = 8 + lengthBytes;
        long length = lengthBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(file[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
        if (file.Length < start || file.Length - start < length)
            throw new FishKitException($"'{path}' is truncated: its .npy header claims {length} bytes but the file ends first.");
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(file.Slice(start, (int)length));
        return (new DictParser(text, path).ParseHeader(), start + (int)length);
    }

    /// <summary>The header bytes numpy 1.24's <c>np.save</c> writes for this dtype and shape (version 1.0).</summary>
    public byte[] ToBytes()
    {
        string shape = Shape.Length == 1
            ? $"({Shape[0]},)"
            : $"({string.Join(", ", Shape.Select(s => s.ToString(CultureInfo.InvariantCulture)))})";
        var dict = $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
        dict += new string(' ', GrowthDigits - Shape[FortranOrder ? ^1 : 0].ToString(CultureInfo.InvariantCulture).Length);
        int padding = Align - (Magic.Length + 4 + dict.Length + 1) % Align;
        var text = dict + new string(' ', padding) + "\n";
        var bytes = new byte[10 + text.Length];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text, bytes.AsSpan(10));
        return bytes;
    }

    /// <summary>Reads the Python literal <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3,), }</c>.</summary>
    sealed class DictParser(string text, string path)
    {
        int at;

        public NpyHeader ParseHeader()
        {
            string? descr = null;
            bool? fortran = null;
            long[]? shape = null;
            Expect('{');
            while (Peek() != '}')
            {
                string key = ParseString();
                Expect(':');
                switch (key)
                {
                    case "descr":
                        if (Peek() != '\'' && Peek() != '"')
                            throw new FishKitException($"'{path}' holds a structured array (its dtype is a list of fields); save a plain 1-D numeric array.");
                        descr = ParseString();
                        break;
                    case "fortran_order": fortran = ParseBool(); break;
                    case "shape": shape = ParseTuple(); break;
                    default: throw Malformed($"unexpected key '{key}'");
                }
                if (Peek() == ',') at++;
                else if (Peek() != '}') throw Malformed("expected ',' or '}'");
            }
            at++;
            if (text.AsSpan(at).Trim().Length != 0) throw Malformed("text after the closing '}'");
            if (descr is null || fortran is null || shape is null)
                throw Malformed("it lacks one of the keys 'descr', 'fortran_order', 'shape'");
            return new NpyHeader(descr, fortran.Value, shape);
        }

        char Peek()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            return at < text.Length ? text[at] : '\0';
        }

        void Expect(char c)
        {
            if (Peek() != c) throw Malformed($"expected '{c}'");
            at++;
        }

        string ParseString()
        {
            char quote = Peek();
            if (quote != '\'' && quote != '"') throw Malformed("expected a quoted string");
            int end = text.IndexOf(quote, at + 1);
            if (end < 0) throw Malformed("an unterminated string");
            var s = text[(at + 1)..end];
            at = end + 1;
            return s;
        }

        bool ParseBool()
        {
            Peek();
            foreach (var (word, value) in new[] { ("True", true), ("False", false) })
                if (string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
                {
                    at += word.Length;
                    return value;
                }
            throw Malformed("fortran_order is neither True nor False");
        }

        long[] ParseTuple()
        {
            Expect('(');
            var dims = new List<long>();
            while (Peek() != ')')
            {
                int begin = at;
                while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
                if (!long.TryParse(text.AsSpan(begin, at - begin), NumberStyles.None, CultureInfo.InvariantCulture, out long dim))
                    throw Malformed("the shape is not a tuple of non-negative integers");
                dims.Add(dim);
                if (Peek() == ',') at++;
                else if (Peek() != ')') throw Malformed("expected ',' or ')' in the shape");
            }
            at++;
            return [.. dims];
        }

        FishKitException Malformed(string what) =>
            new($"'{path}' has a malformed .npy header ({what} at character {at}); re-save it with numpy's np.save.");
    }
}
