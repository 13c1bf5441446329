namespace FishKit.TestSupport;

/// <summary>The repository the tests were built from.</summary>
static class RepositoryFolder
{
    /// <summary>The folder holding FishNotebooks.sln above the test's bin folder.</summary>
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FishNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no FishNotebooks.sln above {AppContext.BaseDirectory}");
    }
}
