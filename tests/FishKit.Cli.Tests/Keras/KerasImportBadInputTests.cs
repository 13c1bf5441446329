using FishKit.Models;

namespace FishKit.Tests.Keras;

/// <summary>
/// Checkpoints <c>fishkit import keras</c> must refuse: copies of the fixture with bytes changed, and the fixture's
/// variants (Reference/keras/variants). Each is one line naming the file and what is wrong, exit code 1, and no output.
/// </summary>
public class KerasImportBadInputTests
{
    static string Best => KerasFixture.Load().For(Architectures.WriteUpBest).Path;

    static string Index(string folder) => Path.Combine(folder, "variables", "variables.index");

    static string Data(string folder) => Path.Combine(folder, "variables", "variables.data-00000-of-00001");

    /// <summary>Runs the import into <c>dir/out/run</c> and checks the refusal names <paramref name="file"/> and says <paramref name="what"/>.</summary>
    static void Refused(TempDir dir, string savedModel, string file, params string[] what)
    {
        var result = Cli.Run("import", "keras", savedModel, "--out", dir["out/run"]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("fishkit: error: ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains($"'{file}'", result.Error);
        foreach (var w in what) Assert.Contains(w, result.Error);
        Assert.False(Directory.Exists(dir["out"]) && Directory.EnumerateFileSystemEntries(dir["out"]).Any(), "something was written");
    }

    static void FlipByte(string path, int offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }

    static void Truncate(string path, long length)
    {
        using var stream = File.OpenWrite(path);
        stream.SetLength(length);
    }

    [Fact]
    public void A_folder_that_does_not_exist()
    {
        using var dir = new TempDir();
        Refused(dir, dir["nowhere"], dir["nowhere"], "does not exist");
    }

    [Fact]
    public void A_folder_without_a_checkpoint()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["empty"]);
        Refused(dir, dir["empty"], dir["empty"], "not a TensorFlow SavedModel folder", "variables/variables.index");
    }

    /// <summary>Damage done to one file of a copy of the best model's checkpoint, and what the refusal must say.</summary>
    static readonly Dictionary<string, (Func<string, string> File, Action<string> Change, string[] What)> Damages = new()
    {
        ["missing data shard"] = (Data, File.Delete, ["missing"]),
        ["truncated data shard"] = (Data, path => Truncate(path, new FileInfo(path).Length - 100), ["truncated"]),
        // The data shard starts with trainable_variables/0, the ConvLSTM kernel (9,216 bytes).
        ["weight failing its crc"] = (Data, path => FlipByte(path, 100), ["damaged", "trainable_variables/0/.ATTRIBUTES/VARIABLE_VALUE", "CRC-32C"]),
        ["index block failing its checksum"] = (Index, path => FlipByte(path, 40), ["block at byte 0 fails its checksum"]),
        ["index without its footer"] = (Index, path => Truncate(path, new FileInfo(path).Length - 1), ["magic number"]),
        ["index shorter than a footer"] = (Index, path => Truncate(path, 20), ["20 bytes long"]),
        // The footer's first handle is the metaindex block's: an offset varint made huge points past the file.
        ["index block handle past the end"] = (Index, path =>
        {
            var bytes = File.ReadAllBytes(path);
            bytes.AsSpan(bytes.Length - 48, 3).Fill(0xff);
            File.WriteAllBytes(path, bytes);
        }, ["points past the end"]),
    };

    public static TheoryData<string> DamageNames() => [.. Damages.Keys];

    [Theory]
    [MemberData(nameof(DamageNames))]
    public void A_damaged_checkpoint(string damage)
    {
        using var dir = new TempDir();
        var (file, change, what) = Damages[damage];
        var folder = KerasFixture.Copy(Best, dir["model"]);
        change(file(folder));
        Refused(dir, folder, file(folder), what);
    }

    [Theory]
    [InlineData("compressed", "snappy-compressed")]
    [InlineData("float64", "DT_DOUBLE", "layer_with_weights-2/kernel")]
    [InlineData("unknown-layout", "does not know", "trainable_variables/0 (1, 1, 4, 32)", "writeup-best")]
    public void A_variant_the_import_does_not_read(string variant, params string[] what)
    {
        using var dir = new TempDir();
        var folder = Path.Combine(KerasFixture.Root, "variants", variant);
        Refused(dir, folder, Index(folder), what);
    }
}
