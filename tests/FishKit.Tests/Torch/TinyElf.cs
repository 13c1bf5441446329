using System.Text;

namespace FishKit.Tests.Torch;

/// <summary>
/// Writes a minimal 64-bit little-endian ELF file with exactly the symbol-versioning sections the tests ask for,
/// laid out by hand from the gABI structures, so the reader and the patch are checked against known bytes.
/// </summary>
static class TinyElf
{
    public sealed record Need(string File, params Aux[] Versions);
    public sealed record Aux(string Version, ushort Flags, ushort Index);

    /// <summary>
    /// An x86-64 shared object named <paramref name="soname"/> that needs <paramref name="needs"/>, defines
    /// <paramref name="definitions"/> (indexes 2, 3, ...), and has one relocation for a symbol of each version index in
    /// <paramref name="relocatedVersions"/>. Returns the bytes and where each Vernaux's flags lie.
    /// </summary>
    public static (byte[] Bytes, Dictionary<string, int> FlagsOffsets) Build(
        string soname, Need[] needs, string[] definitions, ushort[] relocatedVersions)
    {
        var strings = new MemoryStream();
        strings.WriteByte(0);
        int Str(string s)
        {
            var at = (int)strings.Length;
            strings.Write(Encoding.UTF8.GetBytes(s));
            strings.WriteByte(0);
            return at;
        }

        // .gnu.version_r: Elf64_Verneed (16 bytes) followed by its Elf64_Vernaux entries (16 bytes each).
        var verneed = new BinaryWriter(new MemoryStream());
        var flagsWithin = new Dictionary<string, int>();
        for (int n = 0; n < needs.Length; n++)
        {
            var need = needs[n];
            verneed.Write((ushort)1); verneed.Write((ushort)need.Versions.Length); verneed.Write(Str(need.File));
            verneed.Write(16); verneed.Write(n == needs.Length - 1 ? 0 : 16 + 16 * need.Versions.Length);
            for (int a = 0; a < need.Versions.Length; a++)
            {
                var aux = need.Versions[a];
                verneed.Write(0u); // vna_hash: the loader compares names when the hash is not used here
                flagsWithin[aux.Version] = (int)verneed.BaseStream.Position;
                verneed.Write(aux.Flags); verneed.Write(aux.Index); verneed.Write(Str(aux.Version));
                verneed.Write(a == need.Versions.Length - 1 ? 0 : 16);
            }
        }

        // .gnu.version_d: Elf64_Verdef (20 bytes) + one Elf64_Verdaux (8 bytes) each, the file's base entry first.
        var verdef = new BinaryWriter(new MemoryStream());
        var names = new[] { soname }.Concat(definitions).ToArray();
        for (int d = 0; d < names.Length; d++)
        {
            verdef.Write((ushort)1); verdef.Write((ushort)(d == 0 ? 1 : 0)); verdef.Write((ushort)(d + 1)); verdef.Write((ushort)1);
            verdef.Write(0u); verdef.Write(20); verdef.Write(d == names.Length - 1 ? 0 : 28);
            verdef.Write(Str(names[d])); verdef.Write(0);
        }

        // .dynsym (24-byte Elf64_Sym, symbol 0 null), .gnu.version (one ushort per symbol), .rela.dyn (24-byte Elf64_Rela).
        var dynsym = new BinaryWriter(new MemoryStream());
        var versym = new BinaryWriter(new MemoryStream());
        var rela = new BinaryWriter(new MemoryStream());
        dynsym.Write(new byte[24]); versym.Write((ushort)0);
        for (int s = 0; s < relocatedVersions.Length; s++)
        {
            dynsym.Write(Str($"symbol{s}")); dynsym.Write((byte)0x12); dynsym.Write((byte)0); dynsym.Write((ushort)0); dynsym.Write(0UL); dynsym.Write(0UL);
            versym.Write(relocatedVersions[s]);
            rela.Write(0x1000UL + 8UL * (ulong)s); rela.Write(((ulong)(s + 1) << 32) | 7); rela.Write(0L);
        }

        var sections = new (uint Type, byte[] Data, uint Link, uint Info)[]
        {
            (0, [], 0, 0),
            (3, strings.ToArray(), 0, 0),                                         // 1 .dynstr
            (11, Bytes(dynsym), 1, 1),                                           // 2 .dynsym
            (0x6fffffff, Bytes(versym), 2, 0),                                  // 3 .gnu.version
            (0x6ffffffe, Bytes(verneed), 1, (uint)needs.Length),                // 4 .gnu.version_r
            (0x6ffffffd, Bytes(verdef), 1, (uint)names.Length),                 // 5 .gnu.version_d
            (4, Bytes(rela), 2, 0),                                             // 6 .rela.dyn
        };

        var file = new BinaryWriter(new MemoryStream());
        file.Write(new byte[64]);
        var offsets = new long[sections.Length];
        for (int i = 1; i < sections.Length; i++)
        {
            while (file.BaseStream.Position % 8 != 0) file.Write((byte)0);
            offsets[i] = file.BaseStream.Position;
            file.Write(sections[i].Data);
        }
        while (file.BaseStream.Position % 8 != 0) file.Write((byte)0);
        var shoff = file.BaseStream.Position;
        for (int i = 0; i < sections.Length; i++)
        {
            var (type, data, link, info) = sections[i];
            file.Write(0u); file.Write(type); file.Write(2UL); file.Write(0UL);
            file.Write((ulong)offsets[i]); file.Write((ulong)data.Length); file.Write(link); file.Write(info);
            file.Write(8UL); file.Write(type is 11 or 4 ? 24UL : type == 0x6fffffff ? 2UL : 0UL);
        }
        var bytes = ((MemoryStream)file.BaseStream).ToArray();
        "\u007fELF"u8.CopyTo(bytes);
        bytes[4] = 2; bytes[5] = 1; bytes[6] = 1;                     // ELFCLASS64, little-endian, EV_CURRENT
        BitConverter.TryWriteBytes(bytes.AsSpan(0x10), (ushort)3);  // ET_DYN
        BitConverter.TryWriteBytes(bytes.AsSpan(0x12), (ushort)62); // EM_X86_64
        BitConverter.TryWriteBytes(bytes.AsSpan(0x28), (ulong)shoff);
        BitConverter.TryWriteBytes(bytes.AsSpan(0x3A), (ushort)64);
        BitConverter.TryWriteBytes(bytes.AsSpan(0x3C), (ushort)sections.Length);
        BitConverter.TryWriteBytes(bytes.AsSpan(0x3E), (ushort)1);
        return (bytes, flagsWithin.ToDictionary(kv => kv.Key, kv => (int)offsets[4] + kv.Value));
    }

    static byte[] Bytes(BinaryWriter writer) => ((MemoryStream)writer.BaseStream).ToArray();
}
