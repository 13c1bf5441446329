namespace FishKit.IO;

/// <summary>
/// Writes files and folders under a temporary name and renames them when complete, so a crash,
/// a full disk or a cancellation never leaves a half-written output under the final name.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; replaces an existing file only once the new one is complete.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes a text file atomically (UTF-8, no BOM).</summary>
    public static void WriteText(string path, string text) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
            w.Write(text);
        });

    /// <summary>
    /// Writes <paramref name="bytes"/> as the new file <paramref name="path"/> in a folder being filled by
    /// <see cref="WriteDirectory"/> (the folder's rename makes it appear, so it needs no temporary name of its own); an
    /// existing file is refused. Unlike File.WriteAllBytes it does not truncate: on ext4 a file truncated to nothing is
    /// written out to disk when closed (the "replace by truncate" safeguard), which made each close wait for the disk.
    /// </summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>
    /// Fills a fresh folder through <paramref name="fill"/> (given the temporary folder's path) and renames it to
    /// <paramref name="path"/> when complete. An existing non-empty folder is refused unless <paramref name="force"/>,
    /// and even then it is only removed after the new content is complete.
    /// </summary>
    public static void WriteDirectory(string path, bool force, Action<string> fill)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(full))
            throw new FishKitException($"output '{path}' is a file; give a folder path.");
        bool exists = Directory.Exists(full);
        if (exists && Directory.EnumerateFileSystemEntries(full).Any() && !force)
            throw new FishKitException($"output folder '{path}' is not empty; choose another folder or pass --force to replace it.");
        var parent = Path.GetDirectoryName(full)!;
        try { Directory.CreateDirectory(parent); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new FishKitException($"cannot create output folder '{path}': {e.Message}", e); }
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(temp);
            fill(temp);
            if (exists)
            {
                var old = temp + ".old";
                Directory.Move(full, old);
                Directory.Move(temp, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temp, full);
            }
        }
        catch (UnauthorizedAccessException e)
        {
            TryDeleteDirectory(temp);
            throw new FishKitException($"cannot write output folder '{path}': permission denied; choose a writable folder.", e);
        }
        catch
        {
            TryDeleteDirectory(temp);
            throw;
        }
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static void TryDeleteDirectory(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
