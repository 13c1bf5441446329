using FishKit.Torch;
using static FishKit.Tests.Torch.TinyElf;

namespace FishKit.Tests.Torch;

public class WeakVersionPatchTests
{
    const string Marker = WeakVersionPatch.IosBaseLibraryInitVersion;

    static int[] DifferingOffsets(byte[] a, byte[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
    }

    [Fact]
    public void On_libLibTorchSharp_it_flips_exactly_the_flags_of_the_GLIBCXX_3_4_32_need()
    {
        var (_, recorded) = ElfFileTests.RecordedNeeds();
        var flagsOffset = recorded.Single(r => r.Need.Version == Marker).Need.FlagsOffset; // 0x3f8f0 + 0x140 + 4, from readelf
        var original = File.ReadAllBytes(ElfFileTests.ShippedLibTorchSharp());

        var patched = WeakVersionPatch.Apply(original, Marker);

        Assert.All(DifferingOffsets(original, patched), i => Assert.InRange(i, flagsOffset, flagsOffset + 1));
        Assert.Equal(ElfVersionNeed.WeakFlag, BitConverter.ToUInt16(patched, (int)flagsOffset));
        var needs = ElfFile.Parse(patched).VersionNeeds;
        Assert.Equal(recorded.Select(r => r.Need.Version == Marker ? r.Need with { Flags = ElfVersionNeed.WeakFlag } : r.Need), needs);
        Assert.Equal([Marker], needs.Where(n => n.IsWeak).Select(n => n.Version));
    }

    [Fact]
    public void Patching_twice_is_the_same_as_patching_once()
    {
        var once = WeakVersionPatch.Apply(File.ReadAllBytes(ElfFileTests.ShippedLibTorchSharp()), Marker);

        Assert.Equal(once, WeakVersionPatch.Apply(once, Marker));
    }

    [Fact]
    public void It_changes_nothing_in_a_library_that_does_not_need_the_version()
    {
        var libStdCxx = File.ReadAllBytes(SystemLibStdCxx.Locate(ProcessMaps.MappedFiles())!);
        var (handmade, _) = Build("libdemo.so.1", [new Need("libstdc++.so.6", new Aux("GLIBCXX_3.4", 0, 2))], [], [2]);

        Assert.Empty(DifferingOffsets(libStdCxx, WeakVersionPatch.Apply(libStdCxx, Marker)));
        Assert.Empty(DifferingOffsets(handmade, WeakVersionPatch.Apply(handmade, Marker)));
    }

    [Fact]
    public void On_a_handmade_library_only_that_entry_s_flags_change()
    {
        var (bytes, offsets) = Build("libdemo.so.1",
            [new Need("libstdc++.so.6", new Aux("GLIBCXX_3.4", 0, 2), new Aux(Marker, 0, 3), new Aux("CXXABI_1.3", 0, 4))], [], [2, 4]);

        var patched = WeakVersionPatch.Apply(bytes, Marker);

        Assert.Equal([offsets[Marker]], DifferingOffsets(bytes, patched));
        Assert.Equal([false, true, false], ElfFile.Parse(patched).VersionNeeds.Select(n => n.IsWeak));
    }

    [Fact]
    public void It_refuses_to_weaken_a_version_that_a_relocation_binds_through()
    {
        var (bytes, _) = Build("libdemo.so.1", [new Need("libstdc++.so.6", new Aux("GLIBCXX_3.4", 0, 2), new Aux(Marker, 0, 3))], [], [2, 3]);

        var e = Assert.Throws<InvalidOperationException>(() => WeakVersionPatch.Apply(bytes, Marker));
        Assert.Contains(Marker, e.Message);
    }
}
