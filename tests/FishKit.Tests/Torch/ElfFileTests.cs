using FishKit.Torch;
using static FishKit.Tests.Torch.TinyElf;

namespace FishKit.Tests.Torch;

public class ElfFileTests
{
    /// <summary>The needs of TorchSharp 0.107.0's libLibTorchSharp.so as recorded from binutils' readelf (see the script beside the file).</summary>
    internal static (string Sha256, List<(ElfVersionNeed Need, bool Used)> Entries) RecordedNeeds()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "torchsharp-0.107.0-version-needs.txt"))
            .Where(l => !l.StartsWith('#')).ToArray();
        var entries = lines.Skip(1).Select(l => l.Split(' ')).Select(f =>
            (new ElfVersionNeed(f[0], f[1], ushort.Parse(f[2]), ushort.Parse(f[3]), long.Parse(f[4])), f[5] == "1")).ToList();
        return (lines[0], entries);
    }

    internal static string ShippedLibTorchSharp() =>
        TorchRuntime.Locate(typeof(TorchSharp.torch).Assembly, setting: null).LibTorchSharp;

    [Fact]
    public void Reads_the_version_needs_of_libLibTorchSharp_as_readelf_does()
    {
        var (sha256, recorded) = RecordedNeeds();
        var path = ShippedLibTorchSharp();
        Assert.Equal(sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));

        Assert.Equal(recorded.Select(r => r.Need), ElfFile.Read(path).VersionNeeds);
    }

    [Fact]
    public void Finds_which_needed_versions_relocations_use_as_readelf_does()
    {
        var (_, recorded) = RecordedNeeds();
        var used = ElfFile.Read(ShippedLibTorchSharp()).VersionIndexesUsedByRelocations();

        Assert.All(recorded, r => Assert.Equal(r.Used, used.Contains(r.Need.Index)));
        Assert.Contains(recorded, r => r.Need.Version == WeakVersionPatch.IosBaseLibraryInitVersion && !r.Used);
    }

    [Fact]
    public void Reads_needs_definitions_and_relocated_versions_of_a_handmade_library()
    {
        var (bytes, offsets) = Build("libdemo.so.1",
            [new Need("libc.so.6", new Aux("GLIBC_2.2.5", 0, 2)), new Need("libstdc++.so.6", new Aux("GLIBCXX_3.4", 0, 3), new Aux("GLIBCXX_9.9", 2, 4))],
            ["DEMO_1", "DEMO_2"], relocatedVersions: [3, 2, 3]);

        var elf = ElfFile.Parse(bytes);

        Assert.Equal(ElfFile.MachineX86_64, elf.Machine);
        Assert.Equal(
            [new("libc.so.6", "GLIBC_2.2.5", 0, 2, offsets["GLIBC_2.2.5"]), new("libstdc++.so.6", "GLIBCXX_3.4", 0, 3, offsets["GLIBCXX_3.4"]),
             new ElfVersionNeed("libstdc++.so.6", "GLIBCXX_9.9", 2, 4, offsets["GLIBCXX_9.9"])],
            elf.VersionNeeds);
        Assert.True(elf.VersionNeeds[2].IsWeak);
        Assert.Equal(["DEMO_1", "DEMO_2"], elf.VersionDefinitions);
        Assert.Equal(new HashSet<ushort> { 2, 3 }, elf.VersionIndexesUsedByRelocations());
    }

    [Fact]
    public void The_system_libstdcxx_defines_the_versions_every_libstdcxx_has()
    {
        var path = SystemLibStdCxx.Locate(ProcessMaps.MappedFiles());
        Assert.NotNull(path);

        var definitions = ElfFile.Read(path).VersionDefinitions;

        Assert.Contains("GLIBCXX_3.4", definitions);
        Assert.Contains("CXXABI_1.3", definitions);
        Assert.DoesNotContain(SystemLibStdCxx.SoName, definitions);
    }

    [Fact]
    public void Refuses_files_that_are_not_whole_64_bit_ELF_files()
    {
        var (bytes, _) = Build("libdemo.so.1", [new Need("libc.so.6", new Aux("GLIBC_2.2.5", 0, 2))], [], []);

        Assert.Throws<FormatException>(() => ElfFile.Parse("#!/bin/sh\necho not a library\n"u8.ToArray()));
        Assert.Throws<FormatException>(() => ElfFile.Parse(bytes[..^40]));
        var elf32 = (byte[])bytes.Clone();
        elf32[4] = 1;
        Assert.Throws<FormatException>(() => ElfFile.Parse(elf32));
    }
}
