using Spectre.Console;

namespace FishKit.Cli;

/// <summary>Shows a progress bar for long commands on a terminal, and stays quiet when output is redirected.</summary>
static class CliProgress
{
    /// <summary>True when the process writes to an interactive terminal.</summary>
    public static bool Interactive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>
    /// Runs <paramref name="work"/>, which reports (done, total) through the progress it is given.
    /// </summary>
    public static T Run<T>(TextWriter output, string description, Func<IProgress<(long Done, long Total)>, T> work)
    {
        if (!Interactive(output))
            return work(new Progress<(long, long)>(_ => { }));
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description);
                result = work(new SyncProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
            });
        return result;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and lag behind).</summary>
    sealed class SyncProgress(Action<(long Done, long Total)> report) : IProgress<(long Done, long Total)>
    {
        readonly Lock gate = new();
        public void Report((long Done, long Total) value) { lock (gate) report(value); }
    }
}
