namespace FishKit.Errors;

/// <summary>
/// Turns the file system's exceptions (permission denied, disk full, path too long, other I/O errors) into one-line
/// messages that name the file and say what to do, and classifies them for the exit code.
/// </summary>
public static class FileErrors
{
    /// <summary>True for the exceptions the file system throws.</summary>
    public static bool IsFileError(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>An error for a failure writing <paramref name="path"/> (the final name, not a temporary one).</summary>
    public static FishKitException Writing(string path, Exception e) => new($"cannot write '{path}': {Reason(e)}; {Remedy(e, writing: true)}", e);

    /// <summary>An error for a failure reading <paramref name="path"/>.</summary>
    public static FishKitException Reading(string path, Exception e) => new($"cannot read '{path}': {Reason(e)}; {Remedy(e, writing: false)}", e);

    /// <summary>
    /// The class of the first file-system exception in <paramref name="e"/> and its inner exceptions; null when there is
    /// none. A path that does not exist is the user's input at fault, like any other refused input.
    /// </summary>
    public static ErrorClass? Classify(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            switch (e)
            {
                case FileNotFoundException or DirectoryNotFoundException: return ErrorClass.Input;
                case UnauthorizedAccessException: return ErrorClass.Permission;
                case IOException io when IsDiskFull(io): return ErrorClass.DiskFull;
                case IOException: return ErrorClass.FileSystem;
            }
        return null;
    }

    /// <summary>One line for a file-system exception that reached the front end untranslated: its own words (which name the path) and what to do.</summary>
    public static string Describe(Exception e) => $"{ErrorReport.OneLine(e.Message).TrimEnd('.')}; {Remedy(e, writing: null)}";

    /// <summary>
    /// ENOSPC (28) and EDQUOT (122 on Linux, 69 on macOS) are the errno .NET puts in HResult on Unix;
    /// ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL are Windows'.
    /// </summary>
    static bool IsDiskFull(IOException e) =>
        e.HResult is 28 or 122 or 69 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long for the file system",
        DirectoryNotFoundException => "a folder on its path is missing or is a file",
        IOException io when IsDiskFull(io) => "no space left on the device",
        _ => ErrorReport.OneLine(e.Message).TrimEnd('.'),
    };

    static string Remedy(Exception e, bool? writing) => e switch
    {
        UnauthorizedAccessException => writing switch
        {
            true => "choose a folder you may write to, or change its permissions.",
            false => "change its permissions, or run as a user who may read it.",
            null => "change the permissions, or choose a path you may use.",
        },
        PathTooLongException => "choose a shorter path.",
        DirectoryNotFoundException => "check the path.",
        IOException io when IsDiskFull(io) => "free some space or choose another disk; nothing was left half-written.",
        _ => "check the path and the device, then try again.",
    };
}
