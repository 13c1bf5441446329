using FishKit.Frames;
using FishKit.IO;
using FishKit.Tests.Frames;
using FishKit.Tests.Training;

namespace FishKit.Tests.Robustness;

/// <summary>
/// Issue #15's write failures: an empty output path, a folder the user may not write to, a full disk. Each is one line
/// with the class's exit code, and nothing half-made stays: no file, no temporary file, no run folder. Permission and a
/// full disk are injected (<see cref="WriteFaults"/>: the tests run as any user, on any disk) as .NET raises them.
/// </summary>
[Collection(FishKit.Tests.Models.GlobalGeneratorCollection.Name)]
public class WriteFailureTests
{
    /// <summary>What .NET throws on Unix for ENOSPC: HResult is the errno, 28.</summary>
    static IOException DiskFull(string path) => new($"No space left on device : '{path}'", 28);

    static UnauthorizedAccessException Denied(string path) => new($"Access to the path '{path}' is denied.");

    static string Frames(TempDir dir, int count = 6)
    {
        TestImages.SaveSequence(dir["frames"], [.. Enumerable.Range(0, count).Select(i => TestImages.Pattern(32, 24, i))], 32, 24);
        return dir["frames"];
    }

    [Theory]
    [InlineData("label")]
    [InlineData("ytilde")]
    public void An_empty_out_is_refused_in_plain_words(string command)
    {
        using var dir = new TempDir();
        string input = command == "label" ? dir["y.npy"] : Frames(dir);
        if (command == "label") Series.Write(input, new double[300], "ytilde");
        var line = Expect.OneLine(Cli.Run(command, input, "--out", ""), exitCode: 2);
        Assert.Equal($"fishkit: error: --out is empty; give a value; see 'fishkit {command} --help'.", line);
    }

    [Fact]
    public void An_output_name_too_long_for_the_file_system_is_named_with_its_own_exit_code()
    {
        using var dir = new TempDir();
        Series.Write(dir["y.npy"], new double[300], "ytilde");
        var tooLong = dir[new string('l', 300) + ".npy"]; // a name of 300 bytes: file systems allow 255
        Assert.Equal($"fishkit: error: cannot write '{tooLong}': the path is too long for the file system; choose a shorter path.",
            Expect.OneLine(Cli.Run("label", dir["y.npy"], "--out", tooLong), exitCode: 5));
        Assert.Equal(["y.npy"], Expect.Entries(dir.Path));
    }

    /// <summary>Runs fishkit with <paramref name="args"/> while writing a file whose path satisfies <paramref name="applies"/> fails with <paramref name="fault"/>.</summary>
    static Cli.Result RunFailing(Func<string, bool> applies, Func<string, Exception> fault, params string[] args)
    {
        using (WriteFaults.Inject(applies, fault)) return Cli.Run(args);
    }

    static bool Store(string path) => path.EndsWith(".fks", StringComparison.Ordinal);

    [Theory]
    [InlineData("permission", 3, "permission denied; choose a folder you may write to, or change its permissions.")]
    [InlineData("disk full", 4, "no space left on the device; free some space or choose another disk; nothing was left half-written.")]
    public void Packing_where_the_store_cannot_be_written_names_the_output_and_leaves_nothing(string fault, int exitCode, string message)
    {
        using var dir = new TempDir();
        var frames = Frames(dir);
        Directory.CreateDirectory(dir["out"]);
        var result = RunFailing(Store, fault == "disk full" ? DiskFull : Denied, "frames", "pack", frames, "--out", dir["out/train.fks"], "--size", "16x12");
        Assert.Equal($"fishkit: error: cannot write '{dir["out/train.fks"]}': {message}", Expect.OneLine(result, exitCode));
        Assert.Empty(Expect.Entries(dir["out"]));
    }

    [Fact]
    public void Splitting_onto_a_full_disk_names_the_output_and_leaves_nothing()
    {
        using var dir = new TempDir();
        var frames = Frames(dir, count: 12);
        var result = RunFailing(path => Path.GetFileName(path) == "00007.png", DiskFull, "frames", "split", frames, "--out", dir["splits"], "--counts", "6,3");
        Assert.StartsWith($"fishkit: error: cannot write '{dir["splits"]}': no space left on the device;", Expect.OneLine(result, exitCode: 4));
        Assert.Equal(["frames"], Expect.Entries(dir.Path));
    }

    [Fact]
    public void Training_onto_a_full_disk_leaves_no_run_folder()
    {
        using var dir = new TempDir();
        var (train, validation) = RunsTests.Splits(dir);
        File.WriteAllText(dir["tiny.json"], RunsTests.Tiny.ToJson());
        static bool Checkpoint(string path) => path.EndsWith(".ckpt", StringComparison.Ordinal);
        var result = RunFailing(Checkpoint, DiskFull, "train", "--config", dir["tiny.json"], "--train", train, "--val", validation, "--out", dir["run"]);
        Assert.StartsWith($"fishkit: error: cannot write '{dir["run/checkpoints/epoch-001.ckpt"]}': no space left on the device;", Expect.OneLine(result, exitCode: 4));
        Assert.False(Directory.Exists(dir["run"]), $"the run folder is left with {string.Join(", ", Expect.Entries(dir["run"]))}");

        // A folder the user made is kept, emptied of what the failed call added; the same command then trains.
        Directory.CreateDirectory(dir["mine"]);
        Expect.OneLine(RunFailing(Checkpoint, DiskFull, "train", "--config", dir["tiny.json"], "--train", train, "--val", validation, "--out", dir["mine"]), exitCode: 4);
        Assert.Empty(Expect.Entries(dir["mine"]));
        Assert.Equal(0, Cli.Run("train", "--config", dir["tiny.json"], "--train", train, "--val", validation, "--out", dir["mine"]).ExitCode);
    }
}
