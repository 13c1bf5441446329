using FishKit.Frames;
using FishKit.Synthetic;

namespace FishKit.Tests.Video;

/// <summary>
/// Two seconds of a simulated tank (60 clean frames, 320x240) rendered once, written as PNGs and encoded to an H.264
/// .mp4 at 30 fps with ffmpeg (libx264, yuv420p, crf 18). The rendered frames are the truth extraction is checked against.
/// </summary>
public sealed class VideoFixture : IDisposable
{
    public const int Frames = 60, Width = 320, Height = 240;

    readonly TempDir temp = new();

    public VideoFixture()
    {
        var simulation = TankSimulator.Run(TankParameters.Default, 5, Frames);
        Rendered = Enumerable.Range(0, Frames).Select(simulation.Render).ToArray();
        if (!Ffmpeg.Installed) return;
        var encoder = new GrayPngEncoder();
        Directory.CreateDirectory(temp["png"]);
        for (int t = 0; t < Frames; t++)
            File.WriteAllBytes(temp[$"png/{t:D5}.png"], encoder.Encode(Rendered[t], Width, Height).ToArray());
        Ffmpeg.EncodeH264(temp["png"], Mp4);
    }

    /// <summary>The frames as rendered (gray bytes, row-major).</summary>
    public byte[][] Rendered { get; }

    /// <summary>The H.264 video of the rendered frames.</summary>
    public string Mp4 => temp["tank.mp4"];

    /// <summary>A folder for one test's files (inside the fixture's temporary folder, removed with it).</summary>
    public string Scratch(string name) => Directory.CreateDirectory(temp[Path.Combine("scratch", name + "-" + Guid.NewGuid().ToString("N")[..8])]).FullName;

    /// <summary>The mean absolute difference in grey levels between two frames.</summary>
    public static double MeanAbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Assert.Equal(a.Length, b.Length);
        long sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return (double)sum / a.Length;
    }

    /// <summary>Entries of <paramref name="folder"/> other than <paramref name="expected"/>: leftovers such as hidden temporary folders.</summary>
    public static string[] Leftovers(string folder, params string[] expected) =>
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Where(n => !expected.Contains(n)).Select(n => n!).ToArray();

    public void Dispose() => temp.Dispose();
}
