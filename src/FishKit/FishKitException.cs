namespace FishKit;

/// <summary>
/// A problem with the user's input or environment. The message is one line that names the
/// culprit (file, frame, parameter) and says what to do; front ends print it without a stack trace.
/// </summary>
public sealed class FishKitException(string message, Exception? inner = null) : Exception(message, inner);
