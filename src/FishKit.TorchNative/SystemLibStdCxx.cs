namespace FishKit.Torch;

/// <summary>
/// The C++ runtime (<c>libstdc++.so.6</c>) the dynamic loader gives this process, and the symbol versions it defines:
/// the copy already mapped if there is one (a later dlopen reuses it), else the first found on
/// <c>LD_LIBRARY_PATH</c> and the standard library folders.
/// </summary>
static class SystemLibStdCxx
{
    public const string SoName = "libstdc++.so.6";

    static readonly string[] StandardFolders =
        ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];

    /// <summary>The path of the libstdc++ this process uses or would load; null when none is found.</summary>
    public static string? Locate(IReadOnlyList<string> mappedFiles)
    {
        var mapped = ProcessMaps.Named(mappedFiles, SoName).FirstOrDefault();
        if (mapped != null) return mapped;
        var searchPath = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries);
        return searchPath.Concat(StandardFolders)
            .Select(folder => Path.Combine(folder, SoName))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The versions that <paramref name="library"/> needs from libstdc++ (not already weak) which the libstdc++ at
    /// <paramref name="libStdCxx"/> does not define.
    /// </summary>
    public static IReadOnlyList<string> MissingVersions(ElfFile library, ElfFile libStdCxx)
    {
        var defined = libStdCxx.VersionDefinitions.ToHashSet(StringComparer.Ordinal);
        return library.VersionNeeds
            .Where(n => n.File == SoName && !n.IsWeak && !defined.Contains(n.Version))
            .Select(n => n.Version)
            .ToList();
    }
}
