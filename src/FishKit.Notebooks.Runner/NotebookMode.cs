namespace FishKit.Notebooks;

/// <summary>
/// How the notebooks run: quick mode (environment variable <c>FISHKIT_QUICK=1</c>, set by <c>fishkit notebooks run --quick</c>
/// and the notebook tests) shortens training cells; everything else is computed in full.
/// </summary>
public static class NotebookMode
{
    /// <summary>The environment variable that turns quick mode on ("1" or "true").</summary>
    public const string QuickVariable = "FISHKIT_QUICK";

    /// <summary>The environment variable that points the notebooks at another data folder (with train/, validation/, test/).</summary>
    public const string DataVariable = "FISHKIT_DATA";

    /// <summary>The environment variable that points the notebooks at a clone of the write-up's repository, for their sections on the real tank.</summary>
    public const string WriteUpVariable = "FISHKIT_WRITEUP";

    /// <summary>The environment variable that makes charts load plotly.js from its CDN instead of embedding it ("cdn").</summary>
    public const string PlotlyVariable = "FISHKIT_PLOTLYJS";

    /// <summary>True in quick mode.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable)?.Trim().ToLowerInvariant() is "1" or "true" or "yes";

    /// <summary><paramref name="full"/> normally, <paramref name="quick"/> in quick mode: for epochs, batches and other sizes of slow cells.</summary>
    public static T Choose<T>(T full, T quick) => Quick ? quick : full;
}
