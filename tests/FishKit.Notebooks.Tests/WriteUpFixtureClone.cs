using FishKit.Synthetic;
using FishKit.WriteUp;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// A stand-in for a clone of the write-up's repository, made from committed pieces only: the write-up fixture's
/// targets/ arrays (tests/FishKit.Tests/Reference/make_writeup_fixture.py), the Keras fixture's writeup-best checkpoint
/// (Reference/keras/make_keras_fixture.mjs) under the real checkpoint's folder name, and 11 sample frames drawn by the
/// kit's simulator. Nothing of the write-up itself.
/// </summary>
static class WriteUpFixtureClone
{
    /// <summary>The sample frames the write-up's repository carries (00000.png .. 00010.png).</summary>
    public const int SampleFrames = 11;

    static string Reference => Repo.File("tests/FishKit.Tests/Reference");

    /// <summary>Makes the clone in <paramref name="folder"/> (which must not exist) and returns it.</summary>
    public static string Make(string folder)
    {
        Copy(Path.Combine(Reference, "writeup-fixture", "targets"), Path.Combine(folder, "targets"));
        Copy(Path.Combine(Reference, "keras", "writeup-best"), Path.Combine(folder, WriteUpClone.BestModelFolder));
        var simulated = Path.Combine(folder, "simulated");
        TankSession.Write(TankSimulator.Run(TankParameters.Default, seed: 91, frames: SampleFrames), simulated);
        var samples = Directory.CreateDirectory(Path.Combine(folder, WriteUpClone.SampleImagesFolder)).FullName;
        foreach (var png in Directory.GetFiles(simulated, "*.png")) File.Copy(png, Path.Combine(samples, Path.GetFileName(png)));
        Directory.Delete(simulated, recursive: true);
        return folder;
    }

    static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
