using System.Text.Json;

namespace FishKit.Tests.Evaluation;

/// <summary>
/// The values in Reference/evaluation_reference.json, computed once with scikit-learn 1.2.1 by
/// Reference/make_evaluation_reference.py.
/// </summary>
static class SklearnReference
{
    static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "evaluation_reference.json"))).RootElement);

    public static JsonElement Dataset(string name) => Root.Value.GetProperty("datasets").GetProperty(name);

    public static JsonElement DeLongCase(string name) => Root.Value.GetProperty("delong").GetProperty(name);

    public static IEnumerable<(double X, double Erfc)> Erfc() =>
        Root.Value.GetProperty("erfc").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()));

    public static IEnumerable<object[]> DatasetNames() =>
        Root.Value.GetProperty("datasets").EnumerateObject().Select(p => new object[] { p.Name });

    public static IEnumerable<object[]> DeLongNames() =>
        Root.Value.GetProperty("delong").EnumerateObject().Select(p => new object[] { p.Name });

    public static bool[] Labels(this JsonElement e, string property = "labels") =>
        e.GetProperty(property).EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();

    public static double[] Doubles(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static double Number(this JsonElement e, string property) => e.GetProperty(property).GetDouble();

    /// <summary>Asserts equal lengths and every element within <paramref name="tolerance"/>.</summary>
    public static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    public static void AssertClose(double expected, double actual, double tolerance = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
}
