using FishKit.IO;

namespace FishKit.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void A_write_that_fails_midway_leaves_the_previous_file_intact_and_no_temporary_file()
    {
        using var dir = new TempDir();
        var path = dir["checkpoint.ckpt"];
        File.WriteAllText(path, "previous good checkpoint");
        var e = Assert.Throws<FishKitException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            throw new IOException("No space left on device", 28); // what a full disk raises mid-write (ENOSPC)
        }));
        Assert.Equal($"cannot write '{path}': no space left on the device; free some space or choose another disk; nothing was left half-written.", e.Message);
        Assert.Equal("previous good checkpoint", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_complete_write_replaces_the_file()
    {
        using var dir = new TempDir();
        var path = dir["out.txt"];
        File.WriteAllText(path, "old");
        AtomicFile.WriteText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_folder_that_fails_midway_leaves_nothing_under_its_name_and_an_occupied_folder_is_refused()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<FishKitException>(() => AtomicFile.WriteDirectory(dir["frames"], force: false, temp =>
        {
            File.WriteAllText(Path.Combine(temp, "00000.png"), "x");
            throw new IOException("No space left on device", 28);
        }));
        Assert.StartsWith($"cannot write '{dir["frames"]}': no space left on the device;", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));

        Directory.CreateDirectory(dir["busy"]);
        File.WriteAllText(dir["busy/mine.txt"], "mine");
        var refused = Assert.Throws<FishKitException>(() => AtomicFile.WriteDirectory(dir["busy"], force: false, _ => { }));
        Assert.EndsWith("choose another folder or pass force: true to replace it.", refused.Message); // the CLI says --force
        Assert.Equal(dir["busy"], refused.Subject?.File);
        Assert.Equal("mine", File.ReadAllText(dir["busy/mine.txt"]));
    }
}
