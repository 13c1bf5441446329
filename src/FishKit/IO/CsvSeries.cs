using System.Globalization;
using System.Text;

namespace FishKit.IO;

/// <summary>
/// 1-D series as CSV: a header <c>frame,&lt;name&gt;</c>, then one row <c>i,value</c> per frame i = 0, 1, ...
/// Invariant culture; doubles written in their shortest round-trip form, so reading gives back the same bits.
/// Reading tolerates CRLF line ends, a UTF-8 byte order mark and a final empty line.
/// </summary>
static class CsvSeries
{
    /// <summary>Reads the values of the series at <paramref name="path"/>.</summary>
    public static double[] Read(TextReader reader, string path)
    {
        var header = reader.ReadLine();
        var columns = header?.Split(',');
        if (columns is not ["frame", { Length: > 0 } name] || name.Trim().Length == 0)
            throw new FishKitException($"'{path}' line 1: expected the header 'frame,<name>', found '{Shorten(header)}'.");

        var values = new List<double>();
        int lineNumber = 1;
        string? blankAt = null;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                blankAt ??= $"line {lineNumber}";
                continue;
            }
            if (blankAt is not null)
                throw new FishKitException($"'{path}' {blankAt} is empty but rows follow it; remove the empty line.");
            int comma = line.IndexOf(',');
            int frame = values.Count;
            if (comma < 0 || line.IndexOf(',', comma + 1) >= 0)
                throw new FishKitException($"'{path}' line {lineNumber}: expected 'frame,value' (2 columns), found '{Shorten(line)}'.");
            if (!int.TryParse(line.AsSpan(0, comma), NumberStyles.Integer, CultureInfo.InvariantCulture, out int given) || given != frame)
                throw new FishKitException($"'{path}' line {lineNumber}: expected frame {frame}, found '{Shorten(line[..comma])}'; frames must count 0, 1, 2, ... without gaps.");
            if (!double.TryParse(line.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw new FishKitException($"'{path}' line {lineNumber}: '{Shorten(line[(comma + 1)..])}' is not a number.");
            values.Add(value);
        }
        return [.. values];
    }

    /// <summary>Writes the series as CSV text (LF line ends) to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, ReadOnlySpan<double> values, string name)
    {
        RequirePlainName(name);
        writer.Write("frame,");
        writer.Write(name);
        writer.Write('\n');
        Span<char> buffer = stackalloc char[64];
        for (int i = 0; i < values.Length; i++)
        {
            writer.Write(i);
            writer.Write(',');
            values[i].TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture);
            writer.Write(buffer[..written]);
            writer.Write('\n');
        }
    }

    /// <summary>The name goes in the header unquoted, so it may not hold separators or quotes.</summary>
    static void RequirePlainName(string name)
    {
        if (name.Trim().Length == 0 || name.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            throw new FishKitException($"series name '{name}' cannot be empty or contain commas, quotes or line breaks; it becomes the CSV column header.");
    }

    static string Shorten(string? text) => text is null ? "(nothing: the file is empty)" : text.Length <= 40 ? text : text[..40] + "...";
}
