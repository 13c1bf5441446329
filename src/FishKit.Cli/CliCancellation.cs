namespace FishKit.Cli;

/// <summary>Turns Ctrl-C into a cancellation token so long commands stop cleanly and write nothing partial.</summary>
static class CliCancellation
{
    /// <summary>A token cancelled on Ctrl-C for the lifetime of the returned scope.</summary>
    public static Scope OnCtrlC() => new();

    public sealed class Scope : IDisposable
    {
        readonly CancellationTokenSource source = new();
        public CancellationToken Token => source.Token;

        public Scope() => Console.CancelKeyPress += OnCancel;

        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            source.Cancel();
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancel;
            source.Dispose();
        }
    }
}
