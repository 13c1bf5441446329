using System.Buffers.Binary;

namespace FishKit.Torch;

/// <summary>
/// Makes a copy of an ELF library in which one needed symbol version is marked weak (VER_FLG_WEAK in
/// its Vernaux entry), so the dynamic loader tolerates its absence. Only that entry's two flag bytes change.
/// </summary>
public static class WeakVersionPatch
{
    /// <summary>
    /// The version TorchSharp 0.107.0's libLibTorchSharp.so needs from libstdc++ only for
    /// <c>std::ios_base_library_init()</c>, a link-time marker of GCC 13's &lt;iostream&gt; that no relocation uses.
    /// </summary>
    public const string IosBaseLibraryInitVersion = "GLIBCXX_3.4.32";

    /// <summary>
    /// Returns a copy of <paramref name="elf"/> whose needs of <paramref name="version"/> are weak; an identical copy
    /// when the file does not need that version or already marks it weak.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not a 64-bit little-endian ELF file.</exception>
    /// <exception cref="InvalidOperationException">
    /// A relocation binds a symbol through that version: marking it weak would turn a clean load error into a
    /// crash at the first call, so the copy is refused.
    /// </exception>
    public static byte[] Apply(byte[] elf, string version)
    {
        var file = ElfFile.Parse(elf);
        var targets = file.VersionNeeds.Where(n => n.Version == version && !n.IsWeak).ToList();
        var used = targets.Count > 0 ? file.VersionIndexesUsedByRelocations() : new HashSet<ushort>();
        var copy = (byte[])elf.Clone();
        foreach (var need in targets)
        {
            if (used.Contains(need.Index))
                throw new InvalidOperationException($"a relocation uses a symbol of {need.File} version {version}, so that need cannot be made weak");
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan((int)need.FlagsOffset, 2), (ushort)(need.Flags | ElfVersionNeed.WeakFlag));
        }
        return copy;
    }
}
