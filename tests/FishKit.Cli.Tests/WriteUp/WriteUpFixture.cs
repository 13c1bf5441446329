using System.Text.Json.Nodes;

namespace FishKit.Tests.WriteUp;

/// <summary>The small stand-in for a clone of the write-up's repository (Reference/make_writeup_fixture.py) and what scikit-learn computed on it.</summary>
static class WriteUpFixture
{
    static string Reference => Path.Combine(AppContext.BaseDirectory, "Reference");

    /// <summary>The fixture clone as shipped with the tests (read only).</summary>
    public static string Clone => Path.Combine(Reference, "writeup-fixture");

    /// <summary>Per published model over the scored test frames: scikit-learn's AUC and average precision, max J and max accuracy.</summary>
    public static JsonNode Expected => JsonNode.Parse(File.ReadAllText(Path.Combine(Reference, "writeup_fixture_expected.json")))!;

    /// <summary>A copy of the fixture clone in <paramref name="dir"/>, to damage.</summary>
    public static string CopyTo(TempDir dir)
    {
        var copy = dir["clone"];
        foreach (var file in Directory.GetFiles(Clone, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Clone, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>A split's file in a clone.</summary>
    public static string Target(string clone, string split, string name) => Path.Combine(clone, "targets", split, name);

    /// <summary>Trains a y-tilde LSTM for a couple of steps on the fixture's train and validation y-tilde, through the command line.</summary>
    public static string TinyRun(TempDir dir)
    {
        var run = dir["tiny-run"];
        var trained = Cli.Run("train", "--preset", "ytilde-lstm", "--train", Target(Clone, "train", "Y_tilde.npy"), "--val", Target(Clone, "validation", "Y_tilde.npy"),
            "--out", run, "--epochs", "1", "--max-batches", "2", "--threads", "1");
        Assert.True(trained.ExitCode == 0, trained.Error);
        return run;
    }
}
