using System.Text.Json;

namespace FishKit.Tests.IO;

/// <summary>The .npy files numpy wrote in Reference/npy (make_npy_reference.py) and what they hold.</summary>
static class NpyReference
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Reference", "npy");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    static readonly Lazy<JsonElement> Expected = new(() =>
        JsonDocument.Parse(File.ReadAllText(PathOf("expected.json"))).RootElement);

    public static JsonElement Section(string name) => Expected.Value.GetProperty(name);

    public static IEnumerable<object[]> Names(string section) => Section(section).EnumerateObject().Select(p => new object[] { p.Name });

    /// <summary>Asserts the same doubles bit for bit (so -0.0 differs from 0.0).</summary>
    public static void AssertSameBits(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
