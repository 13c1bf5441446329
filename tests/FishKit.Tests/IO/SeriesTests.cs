using FishKit.IO;

namespace FishKit.Tests.IO;

public class SeriesTests
{
    [Theory]
    [InlineData("series.txt", "unknown series format '.txt'; use a .npy or .csv file")]
    [InlineData("series", "unknown series format '(no extension)'")]
    public void Unknown_extensions_are_refused_for_reading_and_writing(string file, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir[file], "frame,x\n0,1\n");
        Assert.Contains(message, Assert.Throws<FishKitException>(() => Series.Read(dir[file])).Message);
        Assert.Contains(message, Assert.Throws<FishKitException>(() => Series.Write(dir["out" + Path.GetExtension(file)], [1.0], "x")).Message);
    }

    [Theory]
    [InlineData("missing.npy")]
    [InlineData("missing.csv")]
    [InlineData("no-such-folder/missing.npy")]
    public void Missing_files_are_named(string file)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<FishKitException>(() => Series.Read(dir[file]));
        Assert.Equal($"'{dir[file]}' not found; check the path.", e.Message);
    }

    [Fact]
    public void Extensions_are_case_insensitive_and_formats_agree()
    {
        using var dir = new TempDir();
        double[] values = [0.25, 1e-7, 3];
        Series.Write(dir["A.NPY"], values, "x");
        Series.Write(dir["B.Csv"], values, "x");
        Assert.Equal(values, Series.Read(dir["A.NPY"]));
        Assert.Equal(values, Series.Read(dir["B.Csv"]));
    }

    [Fact]
    public void Writing_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        Series.Write(dir["y.npy"], [1.0, 2.0], "y");
        Series.Write(dir["y.npy"], [3.0], "y");
        Assert.Equal([3.0], Series.Read(dir["y.npy"]));
        Assert.Equal(["y.npy"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Writing_creates_missing_folders()
    {
        using var dir = new TempDir();
        Series.WriteLabels(dir["a/b/labels.npy"], [true], "label");
        Assert.Equal([true], Series.ReadLabels(dir["a/b/labels.npy"]));
    }
}
