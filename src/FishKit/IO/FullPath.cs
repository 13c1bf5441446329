namespace FishKit.IO;

/// <summary>Absolute paths of what the user gave, refusing an empty path or one with characters no path may hold in plain words.</summary>
public static class FullPath
{
    /// <summary>The absolute form of <paramref name="path"/>; <paramref name="what"/> names it in the error, e.g. "--out".</summary>
    public static string Of(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new FishKitException($"{what} is empty; give a path.");
        try { return Path.GetFullPath(path); }
        catch (ArgumentException) { throw new FishKitException($"{what} '{path}' is not a valid path (it holds a character no path may hold); give another."); }
    }
}
