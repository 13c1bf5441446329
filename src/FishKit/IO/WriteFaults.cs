namespace FishKit.IO;

/// <summary>
/// A test seam: within a scope, writing chosen files fails as a full disk or a read-only folder makes it fail, after
/// the file was created, so tests can check the messages and that nothing half-written stays. Scoped to the calling
/// flow and the tasks it starts, so tests that run in parallel do not see each other's faults.
/// </summary>
internal static class WriteFaults
{
    sealed record Fault(Func<string, bool> Applies, Func<string, Exception> Make);

    static readonly AsyncLocal<Fault?> Current = new();

    /// <summary>Until the scope is disposed, writing a file whose final path satisfies <paramref name="applies"/> throws <paramref name="make"/>(path).</summary>
    internal static IDisposable Inject(Func<string, bool> applies, Func<string, Exception> make)
    {
        Current.Value = new Fault(applies, make);
        return new Scope();
    }

    /// <summary>Throws the injected fault when one applies to <paramref name="path"/>.</summary>
    internal static void Check(string path)
    {
        if (Current.Value is { } fault && fault.Applies(path)) throw fault.Make(path);
    }

    sealed class Scope : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
