using System.Text.RegularExpressions;

namespace FishKit.Tests.Fuzzing;

/// <summary>A number in a file that says how long or how many: where it is, how many bytes, which byte order; or, in a text file, a number written out.</summary>
/// <param name="Offset">Where it starts.</param>
/// <param name="Width">Its bytes (binary: 1, 2 or 4; text: the number's characters).</param>
/// <param name="BigEndian">Byte order of a binary field.</param>
/// <param name="Text">True for a number written in text.</param>
public sealed record Field(int Offset, int Width, bool BigEndian = false, bool Text = false);

/// <summary>
/// A reader under the fuzzer: a valid file named <paramref name="FileName"/>, its natural chunks (which the mutator
/// duplicates) and length fields (which it edits), the other files its folder needs (<paramref name="Setup"/>), and what
/// reading means (<paramref name="Read"/>: given the folder, it reads the file, checks what it got, and returns the names of
/// the outputs it wrote; it throws a <see cref="FishKitException"/> when it refuses the file).
/// </summary>
public sealed record FuzzFormat(string Name, string FileName, byte[] Valid, IReadOnlyList<Range> Chunks, IReadOnlyList<Field> Fields,
    Func<string, string[]> Read, Action<string>? Setup = null)
{
    /// <summary>A text file's lines as its chunks and its numbers as its fields.</summary>
    public static FuzzFormat Text(string name, string fileName, string text, Func<string, string[]> read, Action<string>? setup = null)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text); // ASCII in every format here, so characters are bytes
        var lines = Regex.Matches(text, "[^\n]*\n?").Where(m => m.Length > 0).Select(m => new Range(m.Index, m.Index + m.Length)).ToList();
        var numbers = Regex.Matches(text, @"-?\d+(\.\d+)?([eE][-+]?\d+)?").Select(m => new Field(m.Index, m.Length, Text: true)).ToList();
        return new FuzzFormat(name, fileName, bytes, lines, numbers, read, setup);
    }

    /// <summary>Equal slices of <paramref name="bytes"/> (a binary file without chunks of its own).</summary>
    public static IReadOnlyList<Range> Blocks(byte[] bytes, int size) =>
        [.. Enumerable.Range(0, (bytes.Length + size - 1) / size).Select(i => new Range(i * size, Math.Min(bytes.Length, (i + 1) * size)))];
}
