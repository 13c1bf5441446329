using FishKit.Frames;
using FishKit.Store;

namespace FishKit.Tests.Store;

/// <summary>Frame stores made in tests: frames whose pixels say which frame they are and where they sit.</summary>
public static class TestStores
{
    /// <summary>
    /// Pixel (x, y) of frame i: bytes 0 and 1 hold i (low, high); every other pixel is (x + 7y + 13i) mod 251, so
    /// frames differ and a flip moves a value to a predictable place.
    /// </summary>
    public static byte Pixel(int i, int x, int y, int width) => (y * width + x) switch
    {
        0 => (byte)(i & 255),
        1 => (byte)(i >> 8),
        _ => (byte)((x + 7 * y + 13 * i) % 251),
    };

    /// <summary>Frame i as bytes (see <see cref="Pixel"/>).</summary>
    public static byte[] Frame(int i, FrameSize size)
    {
        var frame = new byte[size.Pixels];
        for (int y = 0; y < size.Height; y++)
            for (int x = 0; x < size.Width; x++) frame[y * size.Width + x] = Pixel(i, x, y, size.Width);
        return frame;
    }

    /// <summary>The frame index written into a frame's first two bytes.</summary>
    public static int IndexOf(ReadOnlySpan<byte> frame) => frame[0] | frame[1] << 8;

    /// <summary>Writes a store of <paramref name="count"/> index-coded frames of <paramref name="size"/> to <paramref name="path"/>.</summary>
    public static FrameStoreHeader WriteIndexed(string path, int count, FrameSize size)
    {
        var header = FrameStoreHeader.New(size, count, ResizeMethod.Nearest, size, "/made/in/a/test", "00000.png", $"{count - 1:D5}.png");
        FrameStoreWriter.Write(path, header, force: true, writer =>
        {
            for (int i = 0; i < count; i++) writer.Append(Frame(i, size));
        });
        return header;
    }
}
