using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;

namespace FishKit.IO;

/// <summary>
/// JSON records the kit writes for itself, sealed with a checksum as their last property, <c>"checksum": "…"</c>: the
/// XxHash3 of the text before it. A record whose text no longer matches is refused instead of read as other numbers.
/// A record without the property (written before the kit sealed them) is read as it is: it carries nothing to check,
/// and damage elsewhere than in the checksum's own line is caught because that line is then still there.
/// </summary>
public static partial class SealedJson
{
    /// <summary>The indented JSON object <paramref name="json"/> (as <see cref="KitJson.Options"/> writes it) with the checksum added last.</summary>
    public static string Seal(string json)
    {
        var body = json.TrimEnd();
        if (!body.EndsWith('}')) throw new ArgumentException("not a JSON object", nameof(json));
        body = body[..^1].TrimEnd();
        return $"{body},\n  \"checksum\": \"{Hash(body)}\"\n}}\n";
    }

    /// <summary>
    /// The JSON of <paramref name="text"/> once its checksum matches; the error names the file (<paramref name="what"/>)
    /// and says what to do (<paramref name="remedy"/>).
    /// </summary>
    public static string Open(string text, string what, string remedy)
    {
        var seal = Checksum().Match(text);
        if (!seal.Success) return text;
        if (Hash(text[..seal.Index]) != seal.Groups[1].Value)
            throw new FishKitException($"{what} is damaged: its checksum does not match its content; {remedy}");
        return text;
    }

    static string Hash(string body) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(body)).ToString("x16");

    [GeneratedRegex(""",\r?\n  "checksum": "([0-9a-f]{16})"\r?\n\}\s*\z""")]
    private static partial Regex Checksum();
}
