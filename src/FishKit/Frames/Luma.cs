using SixLabors.ImageSharp.PixelFormats;

namespace FishKit.Frames;

/// <summary>Colour to gray as Pillow's <c>convert('L')</c>: ITU-R BT.601 luma in 16-bit fixed point, rounded.</summary>
static class Luma
{
    /// <summary>L = (19595 R + 38470 G + 7471 B + 32768) / 65536, truncated; the weights sum to 65536, so gray stays gray.</summary>
    public static byte Of(byte r, byte g, byte b) => (byte)((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);

    public static void FromRgb(ReadOnlySpan<Rgb24> rgb, Span<byte> gray)
    {
        for (int i = 0; i < rgb.Length; i++) gray[i] = Of(rgb[i].R, rgb[i].G, rgb[i].B);
    }
}
