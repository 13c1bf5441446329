using System.Text;
using FishKit.IO;
using static FishKit.Tests.IO.NpyReference;

namespace FishKit.Tests.IO;

/// <summary>The .npy reader and writer against files numpy wrote, and against the format's header rules.</summary>
public class NpyTests
{
    public static IEnumerable<object[]> Good => Names("good");
    public static IEnumerable<object[]> Bad => Names("bad");

    [Theory, MemberData(nameof(Good))]
    public void Reads_what_numpy_wrote(string name)
    {
        var expected = Section("good").GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        AssertSameBits(expected, Series.Read(PathOf(name)));
    }

    [Theory, MemberData(nameof(Bad))]
    public void Refuses_with_a_message_naming_the_file_and_what_it_found(string name)
    {
        var e = Assert.Throws<FishKitException>(() => Series.Read(PathOf(name)));
        Assert.Contains(name, e.Message);
        foreach (var words in Section("bad").GetProperty(name).EnumerateArray())
            Assert.Contains(words.GetString()!, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Labels_read_from_bool_and_integer_files()
    {
        Assert.Equal([true, false, false, true, true], Series.ReadLabels(PathOf("good_b1.npy")));
        var e = Assert.Throws<FishKitException>(() => Series.ReadLabels(PathOf("good_i1.npy"))); // 0, 1, -2, ...
        Assert.Equal($"'{PathOf("good_i1.npy")}' frame 2: label -2 is not 0 or 1; labels must be 0 or 1.", e.Message);
    }

    [Theory]
    [InlineData("written_by_numpy_f8.npy")]
    [InlineData("written_by_numpy_f8_long.npy")]
    [InlineData("written_by_numpy_empty.npy")]
    public void Float64_series_are_written_byte_for_byte_as_numpy_writes_them(string name)
    {
        var spec = Section("written").GetProperty(name);
        double[] values = spec.TryGetProperty("values", out var v)
            ? v.EnumerateArray().Select(x => x.GetDouble()).ToArray()
            : Linspace(0, 1, 12345);
        using var dir = new TempDir();
        Series.Write(dir["kit.npy"], values, "ytilde");
        Assert.Equal(File.ReadAllBytes(PathOf(name)), File.ReadAllBytes(dir["kit.npy"]));
    }

    [Fact]
    public void Labels_are_written_as_numpy_bool_byte_for_byte()
    {
        using var dir = new TempDir();
        Series.WriteLabels(dir["labels.npy"], [true, false, false, true, true], "label");
        Assert.Equal(File.ReadAllBytes(PathOf("written_by_numpy_b1.npy")), File.ReadAllBytes(dir["labels.npy"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(12345)]
    [InlineData(1_000_000)]
    public void Written_header_follows_the_format_rules(int n)
    {
        // NPY 1.0: magic \x93NUMPY, version 1 0, little-endian uint16 header length, an ASCII dict literal padded with
        // spaces and ended by '\n' so the data starts at a multiple of 64, then n little-endian float64s.
        using var dir = new TempDir();
        var values = Enumerable.Range(0, n).Select(i => i * 0.25).ToArray();
        Series.Write(dir["s.npy"], values, "s");
        var bytes = File.ReadAllBytes(dir["s.npy"]);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        int headerLength = bytes[8] | bytes[9] << 8;
        int dataStart = 10 + headerLength;
        Assert.Equal(0, dataStart % 64);
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.EndsWith("\n", header);
        Assert.StartsWith($"{{'descr': '<f8', 'fortran_order': False, 'shape': ({n},), }}", header);
        Assert.Equal("", header.TrimEnd('\n').Split('}')[1].Trim(' '));
        Assert.Equal(dataStart + 8L * n, bytes.Length);
        if (n > 3) Assert.Equal(0.75, BitConverter.ToDouble(bytes, dataStart + 24));
    }

    [Fact]
    public void Round_trips_every_double_exactly()
    {
        using var dir = new TempDir();
        double[] values = [0.1, -0.0, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, 1.0 / 3];
        Series.Write(dir["v.npy"], values, "v");
        AssertSameBits(values, Series.Read(dir["v.npy"]));
    }

    static double[] Linspace(double start, double stop, int n) =>
        Enumerable.Range(0, n).Select(i => i == n - 1 ? stop : start + i * ((stop - start) / (n - 1))).ToArray();
}
