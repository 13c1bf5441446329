using System.Runtime.InteropServices;
using FishKit.Errors;

namespace FishKit.IO;

/// <summary>
/// Refuses, before anything opens it, a path that the kit is about to read or replace as a file but that is a folder or
/// a special file: opening a named pipe (FIFO) waits for a writer forever, and a device or a socket is no file of data.
/// Links are followed. A missing path is left to the reader's own open, which says so in its own words.
/// </summary>
public static partial class RegularFile
{
    const int TypeMask = 0xF000, Fifo = 0x1000, CharacterDevice = 0x2000, Folder = 0x4000, BlockDevice = 0x6000, Socket = 0xC000;

    /// <summary>Throws a one-line error when <paramref name="path"/> is a folder or a special file; <paramref name="what"/> names it, e.g. "frame".</summary>
    public static void Check(string path, string what)
    {
        switch (Kind(path))
        {
            case null: return;
            case "a folder": throw new FishKitException($"{what} '{path}' is a folder; give a file.");
            case var kind: throw new FishKitException($"{what} '{path}' is {kind}, not a regular file: reading it could wait forever; remove it or give a regular file.",
                kind: ErrorClass.FileSystem);
        }
    }

    /// <summary>
    /// Throws a one-line error when the output <paramref name="path"/> exists as a folder or a special file: renaming a
    /// finished file onto a device (as root, /dev/full) would replace the device, and a FIFO would never see the data.
    /// </summary>
    public static void CheckOutput(string path)
    {
        if (Kind(path) is { } kind)
            throw new FishKitException($"output '{path}' is {kind}; give the path of a regular file to write.", kind: ErrorClass.FileSystem);
    }

    /// <summary>"a folder", "a named pipe (FIFO)", ... for what is not a regular file; null for a regular file or a missing path.</summary>
    static string? Kind(string path) => (Mode(path) & TypeMask) switch
    {
        Folder => "a folder",
        Fifo => "a named pipe (FIFO)",
        CharacterDevice => "a character device",
        BlockDevice => "a block device",
        Socket => "a socket",
        _ => null,
    };

    /// <summary>The file's type and mode bits (st_mode), or 0 when the system cannot tell (missing file, Windows, an old C library).</summary>
    static unsafe int Mode(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.Exists(path) ? Folder : 0;
        byte* buffer = stackalloc byte[256]; // struct statx and macOS' struct stat (144 bytes) both fit
        try
        {
            if (OperatingSystem.IsLinux()) return Statx(AtCurrentFolder, path, 0, StatxType, buffer) == 0 ? *(ushort*)(buffer + 28) : 0;
            int done = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? StatInode64(path, buffer) : Stat(path, buffer);
            return done == 0 ? *(ushort*)(buffer + 4) : 0; // macOS: st_mode follows the 4-byte st_dev
        }
        catch (EntryPointNotFoundException)
        {
            return Directory.Exists(path) ? Folder : 0;
        }
    }

    const int AtCurrentFolder = -100;
    const uint StatxType = 1;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int folder, string path, int flags, uint mask, byte* result);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* result);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatInode64(string path, byte* result);
}
