namespace FishKit.Notebooks.Runner;

/// <summary>A notebook cell failed: which notebook, which cell (1-based, as an editor counts them) and the error's first line.</summary>
public sealed class NotebookFailure(string notebook, int cell, string error, string? executedCopy)
    : Exception($"{notebook}, cell {cell}: {error}")
{
    /// <summary>The notebook's path.</summary>
    public string Notebook { get; } = notebook;

    /// <summary>The failing cell, counting every cell from 1.</summary>
    public int Cell { get; } = cell;

    /// <summary>The error's first line.</summary>
    public string Error { get; } = error;

    /// <summary>The executed copy written up to and including the failing cell (null if none was written).</summary>
    public string? ExecutedCopy { get; } = executedCopy;
}
