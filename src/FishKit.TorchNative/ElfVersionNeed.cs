namespace FishKit.Torch;

/// <summary>
/// One Vernaux entry of an ELF file's <c>.gnu.version_r</c>: the library needs version
/// <see cref="Version"/> of <see cref="File"/>.
/// </summary>
/// <param name="File">The needed library's name (vn_file), e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Version">The needed version's name (vna_name), e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Flags">vna_flags: <see cref="WeakFlag"/> marks a version whose absence the dynamic loader tolerates.</param>
/// <param name="Index">vna_other: the index that <c>.gnu.version</c> gives the symbols bound to this version.</param>
/// <param name="FlagsOffset">Where the two bytes of vna_flags lie in the file.</param>
public readonly record struct ElfVersionNeed(string File, string Version, ushort Flags, ushort Index, long FlagsOffset)
{
    /// <summary>VER_FLG_WEAK.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>Whether the entry is marked weak.</summary>
    public bool IsWeak => (Flags & WeakFlag) != 0;
}
