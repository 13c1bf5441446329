namespace FishKit;

/// <summary>(In the root namespace beside <see cref="FishKitException"/>, which carries it, so that FishKit and FishKit.Errors form no cycle.) The kinds of failure the front ends tell apart; each value is the exit code of <c>fishkit</c> (see the README's "Exit codes").</summary>
public enum ErrorClass
{
    /// <summary>The kit refused an input or a parameter: fix what the message names.</summary>
    Input = 1,

    /// <summary>The command line could not be read: an unknown option, a value that is not a number, a missing argument.</summary>
    Usage = 2,

    /// <summary>Permission denied on a file or folder.</summary>
    Permission = 3,

    /// <summary>No space left on the device (or the disk quota is used up).</summary>
    DiskFull = 4,

    /// <summary>Another file-system problem: a path too long, a special file, an I/O error of the device.</summary>
    FileSystem = 5,

    /// <summary>Not enough memory for the work asked for.</summary>
    OutOfMemory = 6,

    /// <summary>A bug in the kit: an exception it did not expect.</summary>
    Internal = 70,

    /// <summary>Stopped by Ctrl-C or SIGTERM.</summary>
    Cancelled = 130,
}
