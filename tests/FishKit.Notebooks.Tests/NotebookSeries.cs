using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// The committed notebooks executed once, in quick mode, by the in-process runner, without the write-up's clone (see
/// <see cref="WriteUpNotebookSeries"/> for the sections on the real tank), shared by the tests that look at their outputs.
/// Executed copies and the report go to artifacts/notebook-tests/ (kept for a person to open).
/// </summary>
public sealed class NotebookSeries
{
    public NotebookSeries()
    {
        Environment.SetEnvironmentVariable(NotebookMode.WriteUpVariable, null);
        Folder = Repo.File("artifacts/notebook-tests");
        Result = NotebookRunner.RunSeriesAsync(NotebookRunner.InOrder(Repo.Notebooks), new RunnerOptions(Folder, Quick: true)).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public SeriesResult Result { get; }

    public NotebookFile Executed(string name) => Result.Notebooks.Single(n => Path.GetFileNameWithoutExtension(n.Source) == name).Notebook;
}

[CollectionDefinition(Name)]
public sealed class NotebookSeriesCollection : ICollectionFixture<NotebookSeries>
{
    public const string Name = "notebook series";
}
