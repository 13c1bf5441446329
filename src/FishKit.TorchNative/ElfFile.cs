using System.Buffers.Binary;
using System.Text;

namespace FishKit.Torch;

/// <summary>
/// The symbol-versioning parts of a 64-bit little-endian ELF shared library, read from its section
/// headers: the versions it needs from other libraries (<c>.gnu.version_r</c>), the versions it
/// defines (<c>.gnu.version_d</c>) and which version indexes its relocations refer to.
/// </summary>
/// <remarks>
/// Layouts follow the System V gABI and the LSB symbol-versioning chapter (Elf64_Shdr, Elf64_Verneed,
/// Elf64_Vernaux, Elf64_Verdef, Elf64_Verdaux, Elf64_Rel/Rela). Every offset is bounds-checked;
/// a malformed file gives <see cref="FormatException"/>.
/// </remarks>
public sealed class ElfFile
{
    /// <summary>e_machine of x86-64.</summary>
    public const ushort MachineX86_64 = 62;

    const uint ShtRela = 4, ShtDynSym = 11, ShtRel = 9;
    const uint ShtGnuVerdef = 0x6ffffffd, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    const ushort VerFlgBase = 0x1;

    readonly byte[] bytes;
    readonly Section[] sections;

    ElfFile(byte[] bytes, ushort machine, Section[] sections)
    {
        this.bytes = bytes;
        Machine = machine;
        this.sections = sections;
        VersionNeeds = ReadVersionNeeds();
        VersionDefinitions = ReadVersionDefinitions();
    }

    /// <summary>The target machine (e_machine); <see cref="MachineX86_64"/> for x86-64.</summary>
    public ushort Machine { get; }

    /// <summary>Every Vernaux entry of <c>.gnu.version_r</c>, in file order; empty when the section is absent.</summary>
    public IReadOnlyList<ElfVersionNeed> VersionNeeds { get; }

    /// <summary>The version names <c>.gnu.version_d</c> defines (the file's own base entry left out); empty when absent.</summary>
    public IReadOnlyList<string> VersionDefinitions { get; }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static ElfFile Read(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>Parses an ELF image held in memory (the array is kept, not copied).</summary>
    public static ElfFile Parse(byte[] bytes)
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new FormatException("not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new FormatException("not a 64-bit little-endian ELF file");
        var machine = U16(bytes, 0x12);
        var shoff = U64(bytes, 0x28);
        var shentsize = U16(bytes, 0x3A);
        var shnum = U16(bytes, 0x3C);
        if (shoff == 0 || shnum == 0)
            throw new FormatException("the ELF file has no section headers");
        if (shentsize < 64)
            throw new FormatException($"unexpected ELF section header size {shentsize}");
        Offset(bytes, shoff, (ulong)shnum * shentsize);
        var sections = new Section[shnum];
        for (int i = 0; i < shnum; i++)
        {
            var at = Offset(bytes, shoff + (ulong)i * shentsize, 64);
            sections[i] = new Section(
                Type: U32(bytes, at + 4),
                Offset: U64(bytes, at + 0x18),
                Size: U64(bytes, at + 0x20),
                Link: U32(bytes, at + 0x28),
                Info: U32(bytes, at + 0x2C));
        }
        return new ElfFile(bytes, machine, sections);
    }

    /// <summary>
    /// The version indexes (vna_other / vd_ndx values) that at least one dynamic relocation's symbol
    /// carries in <c>.gnu.version</c>. A needed version whose index is not in this set is never
    /// used to bind anything at load time.
    /// </summary>
    public IReadOnlySet<ushort> VersionIndexesUsedByRelocations()
    {
        var used = new HashSet<ushort>();
        for (int s = 0; s < sections.Length; s++)
        {
            if (sections[s].Type != ShtDynSym) continue;
            var versym = Array.Find(sections, x => x.Type == ShtGnuVersym && x.Link == s);
            if (versym.Type == 0) continue;
            var versions = Offset(bytes, versym.Offset, versym.Size);
            foreach (var reloc in sections.Where(x => (x.Type == ShtRela || x.Type == ShtRel) && x.Link == s))
            {
                int entry = reloc.Type == ShtRela ? 24 : 16;
                var start = Offset(bytes, reloc.Offset, reloc.Size);
                for (long at = start; at + entry <= start + (long)reloc.Size; at += entry)
                {
                    var symbol = (uint)(U64(bytes, at + 8) >> 32);
                    if (symbol == 0) continue;
                    if (2UL * symbol + 2 > versym.Size) throw new FormatException("a relocation names a symbol beyond .gnu.version");
                    used.Add((ushort)(U16(bytes, versions + 2L * symbol) & 0x7fff));
                }
            }
        }
        return used;
    }

    List<ElfVersionNeed> ReadVersionNeeds()
    {
        var needs = new List<ElfVersionNeed>();
        foreach (var section in sections.Where(x => x.Type == ShtGnuVerneed))
        {
            var strings = StringTable(section);
            long at = Offset(bytes, section.Offset, section.Size);
            for (uint n = 0; n < section.Info; n++)
            {
                Offset(bytes, (ulong)at, 16);
                var count = U16(bytes, at + 2);
                var file = strings(U32(bytes, at + 4));
                long aux = at + U32(bytes, at + 8);
                for (int a = 0; a < count; a++)
                {
                    Offset(bytes, (ulong)aux, 16);
                    needs.Add(new ElfVersionNeed(file, strings(U32(bytes, aux + 8)), U16(bytes, aux + 4), U16(bytes, aux + 6), aux + 4));
                    aux += U32(bytes, aux + 12);
                }
                var next = U32(bytes, at + 12);
                if (next == 0) break;
                at += next;
            }
        }
        return needs;
    }

    List<string> ReadVersionDefinitions()
    {
        var definitions = new List<string>();
        foreach (var section in sections.Where(x => x.Type == ShtGnuVerdef))
        {
            var strings = StringTable(section);
            long at = Offset(bytes, section.Offset, section.Size);
            for (uint n = 0; n < section.Info; n++)
            {
                Offset(bytes, (ulong)at, 20);
                var flags = U16(bytes, at + 2);
                if ((flags & VerFlgBase) == 0 && U16(bytes, at + 6) > 0)
                {
                    var aux = Offset(bytes, (ulong)(at + U32(bytes, at + 12)), 8);
                    definitions.Add(strings(U32(bytes, aux)));
                }
                var next = U32(bytes, at + 16);
                if (next == 0) break;
                at += next;
            }
        }
        return definitions;
    }

    /// <summary>A reader of NUL-terminated names from the string table the section links to.</summary>
    Func<uint, string> StringTable(Section owner)
    {
        if (owner.Link >= sections.Length)
            throw new FormatException("a version section links to a missing string table");
        var table = sections[owner.Link];
        var start = Offset(bytes, table.Offset, table.Size);
        return name =>
        {
            if (name >= table.Size) throw new FormatException("a version name lies outside its string table");
            var span = bytes.AsSpan((int)(start + name), (int)(table.Size - name));
            var end = span.IndexOf((byte)0);
            if (end < 0) throw new FormatException("an unterminated name in a string table");
            return Encoding.UTF8.GetString(span[..end]);
        };
    }

    /// <summary>Checks that <paramref name="length"/> bytes at <paramref name="offset"/> lie inside the file.</summary>
    static long Offset(byte[] bytes, ulong offset, ulong length)
    {
        if (offset > (ulong)bytes.Length || length > (ulong)bytes.Length - offset)
            throw new FormatException("an ELF structure lies outside the file");
        return (long)offset;
    }

    static ushort U16(byte[] b, long at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)Offset(b, (ulong)at, 2), 2));
    static uint U32(byte[] b, long at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)Offset(b, (ulong)at, 4), 4));
    static ulong U64(byte[] b, long at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan((int)Offset(b, (ulong)at, 8), 8));

    readonly record struct Section(uint Type, ulong Offset, ulong Size, uint Link, uint Info);
}
