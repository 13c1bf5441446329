using FishKit.Errors;

namespace FishKit.IO;

/// <summary>
/// Writes files and folders under a temporary name and renames them when complete, so a crash,
/// a full disk or a cancellation never leaves a half-written output under the final name.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/>; replaces an existing file only once the new one is
    /// complete. A file-system failure (permission, full disk) removes the temporary file and throws naming <paramref name="path"/>.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = FullPath.Of(path, "output path");
        RegularFile.CheckOutput(full);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                WriteFaults.Check(full);
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (FileErrors.IsFileError(e)) throw FileErrors.Writing(path, e);
            throw;
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> as <see cref="Write"/> writes: the target is replaced only by a complete copy.</summary>
    public static void Copy(string source, string target) =>
        Write(target, stream =>
        {
            using var input = File.OpenRead(source);
            input.CopyTo(stream);
        });

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
        WriteFaults.Check(path);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>
    /// Copies <paramref name="source"/> to the new file <paramref name="target"/> in a folder being filled by
    /// <see cref="WriteDirectory"/>, as <see cref="WriteNew"/> writes; a failure to read names the source.
    /// </summary>
    public static void CopyNew(string source, string target)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(source); }
        catch (Exception e) when (FileErrors.IsFileError(e)) { throw FileErrors.Reading(source, e); }
        WriteNew(target, bytes);
    }

    /// <summary>
    /// Fills a fresh folder through <paramref name="fill"/> (given the temporary folder's path) and renames it to
    /// <paramref name="path"/> when complete. An existing non-empty folder is refused unless <paramref name="force"/>,
    /// and even then it is only removed after the new content is complete.
    /// </summary>
    public static void WriteDirectory(string path, bool force, Action<string> fill)
    {
        var full = FullPath.Of(path, "output folder").TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(full))
            throw new FishKitException($"output '{path}' is a file; give a folder path.");
        bool exists = Directory.Exists(full);
        if (exists && Directory.EnumerateFileSystemEntries(full).Any() && !force)
            throw FishKitException.Refusal($"output folder '{path}' is not empty; choose another folder or {FishKitException.Say(Term.Force)} to replace it.", new(File: path));
        var parent = Path.GetDirectoryName(full)!;
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
        catch (Exception e)
        {
            TryDeleteDirectory(temp);
            if (FileErrors.IsFileError(e)) throw FileErrors.Writing(path, e);
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
