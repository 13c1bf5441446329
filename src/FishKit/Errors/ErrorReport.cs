using System.Reflection;

namespace FishKit.Errors;

/// <summary>
/// What a front end (the command line, the notebook runner) shows for an exception that ended a command: its class,
/// which is the exit code, and one line that names the file or parameter at fault and says what to do.
/// </summary>
/// <param name="Class">The kind of failure.</param>
/// <param name="Message">One line, without a stack trace.</param>
public sealed record ErrorReport(ErrorClass Class, string Message)
{
    /// <summary>The process exit code for this failure.</summary>
    public int ExitCode => (int)Class;

    /// <summary>
    /// The report for <paramref name="exception"/>; every exception gets one, an unexpected one as an internal error.
    /// <paramref name="wording"/> words the <see cref="Term"/>s a refusal names as the front end calls them (the CLI's
    /// flags and commands); by default, as the library's API does (what a notebook passes).
    /// </summary>
    public static ErrorReport Of(Exception exception, Func<Term, string>? wording = null)
    {
        var e = Unwrap(exception);
        return e switch
        {
            OperationCanceledException => new(ErrorClass.Cancelled, "cancelled; nothing was written under the final output name."),
            FishKitException k => new(k.Kind ?? FileErrors.Classify(e.InnerException) ?? ErrorClass.Input, OneLine(k.MessageIn(wording ?? FishKitException.Library))),
            _ when FileErrors.IsFileError(e) => new(FileErrors.Classify(e)!.Value, FileErrors.Describe(e)),
            OutOfMemoryException =>
                new(ErrorClass.OutOfMemory, "not enough memory for this work; ask for less (fewer frames, resamples or a smaller batch) or free some memory."),
            _ => new(ErrorClass.Internal,
                $"internal error ({e.GetType().Name}: {OneLine(e.Message).TrimEnd('.')}); this is a bug in FishKit: run the command again with --verbose and report what it prints."),
        };
    }

    /// <summary><paramref name="text"/> on one line: line breaks become spaces.</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>The exception that matters inside the wrappers that tasks and reflection put around it.</summary>
    static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or TargetInvocationException { InnerException: not null })
            e = e.InnerException!;
        return e;
    }
}
