using System.Runtime.InteropServices;

namespace FishKit.Cli;

/// <summary>
/// Turns Ctrl-C, and SIGTERM (how a batch scheduler such as Slurm or Kubernetes stops a job), into a cancellation
/// token so long commands stop cleanly and write nothing partial.
/// </summary>
static class CliCancellation
{
    /// <summary>A token cancelled on Ctrl-C or SIGTERM for the lifetime of the returned scope.</summary>
    public static Scope OnCtrlC() => new();

    public sealed class Scope : IDisposable
    {
        readonly CancellationTokenSource source = new();
        readonly PosixSignalRegistration terminate;
        public CancellationToken Token => source.Token;

        public Scope()
        {
            Console.CancelKeyPress += OnCancel;
            terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                source.Cancel();
            });
        }

        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            source.Cancel();
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancel;
            terminate.Dispose();
            source.Dispose();
        }
    }
}
