// The notebook runner changes the process's current folder while a notebook runs (as Jupyter runs a notebook in its
// folder), so this assembly's tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace FishKit.Notebooks.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
static class Repo
{
    /// <summary>The repository root: the folder holding FishNotebooks.sln above the test's bin folder.</summary>
    public static string Root => TestSupport.RepositoryFolder.Root;

    /// <summary>The committed notebooks.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>A file under the repository root.</summary>
    public static string File(string relative) => Path.Combine(Root, relative);

    /// <summary>A fixture notebook shipped with the tests.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

/// <summary>A fresh temporary folder for one test, deleted afterwards.</summary>
sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fishkit-nb-test-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
