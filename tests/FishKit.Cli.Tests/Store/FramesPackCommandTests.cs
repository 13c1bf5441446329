using FishKit.Frames;
using FishKit.Store;
using FishKit.Tests.Frames;

namespace FishKit.Tests.Store;

public class FramesPackCommandTests
{
    static string Frames(TempDir dir)
    {
        var folder = dir["split"];
        TestImages.SaveSequence(folder, Enumerable.Range(0, 6).Select(i => TestImages.Pattern(64, 48, i)).ToList(), 64, 48);
        return folder;
    }

    [Fact]
    public void Packs_a_folder_at_the_given_size_and_method()
    {
        using var dir = new TempDir();
        var folder = Frames(dir);
        var result = Cli.Run("frames", "pack", folder, "--out", dir["s.fkframes"], "--size", "32x24", "--resize", "bilinear");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("packed 6 frames 64x48 -> 32x24 (bilinear)", result.Output);
        using var store = FrameStore.Open(dir["s.fkframes"]);
        Assert.Equal((6, new FrameSize(32, 24), ResizeMethod.Bilinear), (store.Count, store.Size, store.Header.Resize));
    }

    [Fact]
    public void Defaults_to_the_write_up_s_160x120_nearest()
    {
        using var dir = new TempDir();
        var result = Cli.Run("frames", "pack", Frames(dir), "--out", dir["s.fkframes"]);

        Assert.True(result.ExitCode == 0, result.Error);
        using var store = FrameStore.Open(dir["s.fkframes"]);
        Assert.Equal((new FrameSize(160, 120), ResizeMethod.Nearest), (store.Size, store.Header.Resize));
    }

    [Fact]
    public void Refuses_to_overwrite_without_force_and_explains_a_bad_size()
    {
        using var dir = new TempDir();
        var folder = Frames(dir);
        File.WriteAllText(dir["s.fkframes"], "keep");

        var refused = Cli.Run("frames", "pack", folder, "--out", dir["s.fkframes"]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("exists; choose another path or pass --force", refused.Error);
        Assert.Equal("keep", File.ReadAllText(dir["s.fkframes"]));
        Assert.Equal(0, Cli.Run("frames", "pack", folder, "--out", dir["s.fkframes"], "--force").ExitCode);

        var badSize = Cli.Run("frames", "pack", folder, "--out", dir["t.fkframes"], "--size", "160by120");
        Assert.Equal(1, badSize.ExitCode);
        Assert.Contains("--size '160by120' must be WIDTHxHEIGHT", badSize.Error);

        var input = Cli.Run("frames", "pack", folder, "--out", Path.Combine(folder, "00001.png"), "--force");
        Assert.Equal(1, input.ExitCode);
        Assert.Contains("is an input", input.Error);
    }
}
