using FishKit.IO;
using static FishKit.Tests.IO.NpyReference;

namespace FishKit.Tests.IO;

public class CsvSeriesTests
{
    [Fact]
    public void Writes_header_and_one_row_per_frame_in_shortest_round_trip_form()
    {
        using var dir = new TempDir();
        Series.Write(dir["y.csv"], [0.1, -2.5, 1e-20, 0.1 + 0.2, 3], "ytilde");
        Assert.Equal("frame,ytilde\n0,0.1\n1,-2.5\n2,1E-20\n3,0.30000000000000004\n4,3\n", File.ReadAllText(dir["y.csv"]));
    }

    [Fact]
    public void Labels_are_written_as_0_and_1()
    {
        using var dir = new TempDir();
        Series.WriteLabels(dir["l.csv"], [true, false, true], "label");
        Assert.Equal("frame,label\n0,1\n1,0\n2,1\n", File.ReadAllText(dir["l.csv"]));
        Assert.Equal([true, false, true], Series.ReadLabels(dir["l.csv"]));
    }

    [Fact]
    public void Round_trips_every_double_exactly()
    {
        using var dir = new TempDir();
        double[] values = [0.1, -0.0, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity,
            double.NegativeInfinity, 1.0 / 3, 0.0012345678901234567, 4.5e-300];
        Series.Write(dir["v.csv"], values, "v");
        AssertSameBits(values, Series.Read(dir["v.csv"]));
    }

    [Fact]
    public void Reads_crlf_a_byte_order_mark_and_a_final_empty_line()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["w.csv"], "\uFEFFframe,score\r\n0,0.5\r\n1,1e-3\r\n2,-7\r\n\r\n");
        Assert.Equal([0.5, 0.001, -7], Series.Read(dir["w.csv"]));
    }

    [Fact]
    public void Reads_a_header_only_file_as_an_empty_series()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["e.csv"], "frame,score\n");
        Assert.Empty(Series.Read(dir["e.csv"]));
    }

    [Theory]
    [InlineData("", "line 1: expected the header 'frame,<name>', found '(nothing: the file is empty)'")]
    [InlineData("time,score\n0,1\n", "line 1: expected the header 'frame,<name>', found 'time,score'")]
    [InlineData("frame,score,extra\n0,1,2\n", "line 1: expected the header 'frame,<name>', found 'frame,score,extra'")]
    [InlineData("frame,\n0,1\n", "line 1: expected the header")]
    [InlineData("frame,score\n0,1\n2,1\n", "line 3: expected frame 1, found '2'")]
    [InlineData("frame,score\n1,1\n", "line 2: expected frame 0, found '1'")]
    [InlineData("frame,score\n0,1\n1,abc\n", "line 3: 'abc' is not a number")]
    [InlineData("frame,score\n0,1\n1,0,5\n", "line 3: expected 'frame,value' (2 columns), found '1,0,5'")]
    [InlineData("frame,score\n0\n", "line 2: expected 'frame,value' (2 columns), found '0'")]
    [InlineData("frame,score\n0,1\n\n1,2\n", "line 3 is empty but rows follow it")]
    [InlineData("frame,score\n0,1,5\n", "line 2: expected 'frame,value' (2 columns)")]
    [InlineData("frame,score\n0,\"1\"\n", "line 2: '\"1\"' is not a number")]
    [InlineData("frame,score\n0,1.5e\n", "line 2: '1.5e' is not a number")]
    [InlineData("frame,score\n0,1\n1,0\n2,2,5\n", "line 4")]
    public void Refuses_bad_headers_and_rows_naming_file_and_line(string text, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["bad.csv"], text);
        var e = Assert.Throws<FishKitException>(() => Series.Read(dir["bad.csv"]));
        Assert.StartsWith($"'{dir["bad.csv"]}' ", e.Message);
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Labels_other_than_0_and_1_are_refused_naming_the_frame()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["l.csv"], "frame,label\n0,1\n1,0.0\n2,2\n");
        var e = Assert.Throws<FishKitException>(() => Series.ReadLabels(dir["l.csv"]));
        Assert.Equal($"'{dir["l.csv"]}' frame 2: label 2 is not 0 or 1; labels must be 0 or 1.", e.Message);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("say \"hi\"")]
    [InlineData("two\nlines")]
    [InlineData(" ")]
    public void Names_that_would_break_the_header_are_refused_and_nothing_is_written(string name)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<FishKitException>(() => Series.Write(dir["y.csv"], [1.0], name));
        Assert.Contains("cannot be empty or contain commas, quotes or line breaks", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }
}
