using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// The notebooks with sections on the real tank (01, 02, 03, 05 and 07) executed once, in quick mode, with
/// <c>FISHKIT_WRITEUP</c> pointing at a <see cref="WriteUpFixtureClone"/>. Executed copies and the report go to
/// artifacts/notebook-tests-writeup/.
/// </summary>
public sealed class WriteUpNotebookSeries : IDisposable
{
    /// <summary>The notebooks that add a section on the real tank, by number.</summary>
    public static readonly string[] Numbers = ["01", "02", "03", "05", "07"];

    readonly TempDir temp = new();

    public WriteUpNotebookSeries()
    {
        Clone = WriteUpFixtureClone.Make(temp["writeup"]);
        var notebooks = NotebookRunner.InOrder(Repo.Notebooks).Where(n => Numbers.Contains(Path.GetFileName(n)[..2])).ToList();
        Result = NotebookRunner.RunSeriesAsync(notebooks, new RunnerOptions(Repo.File("artifacts/notebook-tests-writeup"), Quick: true, WriteUp: Clone))
            .GetAwaiter().GetResult();
    }

    /// <summary>The fixture clone the notebooks read.</summary>
    public string Clone { get; }

    public SeriesResult Result { get; }

    public NotebookFile Executed(string name) => Result.Notebooks.Single(n => Path.GetFileNameWithoutExtension(n.Source) == name).Notebook;

    public void Dispose() => temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class WriteUpNotebookSeriesCollection : ICollectionFixture<WriteUpNotebookSeries>
{
    public const string Name = "write-up notebook series";
}
