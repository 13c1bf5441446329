using System.Runtime.InteropServices;

namespace FishKit.Torch;

/// <summary>The files mapped into this process, from <c>/proc/self/maps</c> (Linux): which libraries are already loaded and from where.</summary>
static partial class ProcessMaps
{
    /// <summary>The distinct files mapped into this process now; empty where <c>/proc</c> is not available.</summary>
    public static IReadOnlyList<string> MappedFiles()
    {
        try { return Parse(File.ReadAllText("/proc/self/maps")); }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }

    /// <summary>The distinct absolute paths in the text of a maps file (sixth field on; deleted files left out).</summary>
    public static IReadOnlyList<string> Parse(string maps)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in maps.Split('\n'))
        {
            var slash = line.IndexOf(" /", StringComparison.Ordinal);
            if (slash < 0 || line.EndsWith(" (deleted)", StringComparison.Ordinal)) continue;
            var path = line[(slash + 1)..].TrimEnd();
            if (seen.Add(path)) files.Add(path);
        }
        return files;
    }

    /// <summary>The mapped files whose name is <paramref name="soname"/> or a versioned form of it (<c>libx.so.1.2</c>).</summary>
    public static IEnumerable<string> Named(IEnumerable<string> files, string soname) =>
        files.Where(f => Path.GetFileName(f) is var name && (name == soname || name.StartsWith(soname + ".", StringComparison.Ordinal)));

    /// <summary>The path with every symbolic link and <c>..</c> resolved, as the kernel shows mapped files; the full path when it cannot be resolved.</summary>
    public static unsafe string CanonicalPath(string path)
    {
        var resolved = RealPath(path, 0);
        if (resolved == 0) return Path.GetFullPath(path);
        try { return Marshal.PtrToStringUTF8(resolved) ?? Path.GetFullPath(path); }
        finally { NativeMemory.Free((void*)resolved); }
    }

    [LibraryImport("libc.so.6", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPath(string path, nint resolved);
}
