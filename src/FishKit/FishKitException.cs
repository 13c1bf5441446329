namespace FishKit;

/// <summary>
/// A problem with the user's input or environment. The message is one line that names the
/// culprit (file, frame, parameter) and says what to do; front ends print it without a stack trace.
/// <paramref name="kind"/> sets the class (the exit code) where it is not the default, <see cref="ErrorClass.Input"/>,
/// nor given by a file-system exception inside (see <see cref="Errors.ErrorReport"/>).
/// </summary>
public sealed class FishKitException(string message, Exception? inner = null, ErrorClass? kind = null) : Exception(message, inner)
{
    /// <summary>The class given when the error was made; null: from the inner exception, else <see cref="ErrorClass.Input"/>.</summary>
    public ErrorClass? Kind { get; } = kind;
}
