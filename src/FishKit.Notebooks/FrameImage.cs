using FishKit.Frames;

using FishKit.Notebooks.Formatting;

namespace FishKit.Notebooks;

/// <summary>One grayscale frame to show inline: its pixels (row-major bytes), size and a caption; displays as a PNG image.</summary>
/// <param name="Pixels">Gray bytes, Width x Height.</param>
/// <param name="Size">Width and height.</param>
/// <param name="Caption">Text under the image (e.g. the frame's index).</param>
public sealed record FrameImage(byte[] Pixels, FrameSize Size, string Caption)
{
    /// <summary>Frame <paramref name="index"/> of <paramref name="frames"/>, shrunk by <paramref name="scale"/> (nearest neighbour) to keep notebooks small.</summary>
    public static FrameImage Of(FrameSequence frames, int index, double scale = 1)
    {
        if (index < 0 || index >= frames.Count)
            throw new FishKitException($"frame {index} is outside {frames.Folder} (frames 0 .. {frames.Count - 1}).");
        return Scaled(frames.Read(index), frames.Size, scale, $"frame {index}");
    }

    /// <summary>
    /// An image of grey levels given as numbers (e.g. an estimated background), each rounded and clamped to 0 .. 255,
    /// shrunk by <paramref name="scale"/>.
    /// </summary>
    public static FrameImage OfLevels(ReadOnlySpan<float> levels, FrameSize size, string caption, double scale = 1)
    {
        if (levels.Length != size.Pixels)
            throw new FishKitException($"{levels.Length} grey levels do not fill a {size} image ({size.Pixels} pixels).");
        var pixels = new byte[levels.Length];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)Math.Clamp(MathF.Round(levels[i]), 0, 255);
        return Scaled(pixels, size, scale, caption);
    }

    static FrameImage Scaled(byte[] pixels, FrameSize original, double scale, string caption)
    {
        if (!(scale > 0 && scale <= 1)) throw new FishKitException($"scale {scale} must be in (0, 1].");
        var size = new FrameSize(Math.Max(1, (int)Math.Round(original.Width * scale)), Math.Max(1, (int)Math.Round(original.Height * scale)));
        if (size == original) return new FrameImage(pixels, size, caption);
        var small = new byte[size.Pixels];
        FrameResize.Nearest(pixels, original, small, size);
        return new FrameImage(small, size, caption);
    }

    /// <summary>The image enlarged <paramref name="factor"/> times, each pixel a factor x factor block (small model inputs made visible).</summary>
    public FrameImage Enlarged(int factor)
    {
        if (factor < 1 || factor > 16) throw new FishKitException($"enlargement factor {factor} must be 1 to 16.");
        var size = new FrameSize(Size.Width * factor, Size.Height * factor);
        var big = new byte[size.Pixels];
        for (int y = 0; y < size.Height; y++)
            for (int x = 0; x < size.Width; x++)
                big[y * size.Width + x] = Pixels[y / factor * Size.Width + x / factor];
        return this with { Pixels = big, Size = size };
    }

    /// <summary>The frame as a PNG file's bytes.</summary>
    public byte[] Png() => new GrayPngEncoder().Encode(Pixels, Size.Width, Size.Height).ToArray();

    /// <summary>The frame as a data URI (data:image/png;base64,...).</summary>
    public string DataUri => "data:image/png;base64," + Convert.ToBase64String(Png());

    /// <summary>An HTML figure: the image (pixelated when enlarged) and its caption.</summary>
    public string ToHtml() =>
        $"<figure style=\"display:inline-block;margin:2px;text-align:center\"><img src=\"{DataUri}\" width=\"{Size.Width}\" height=\"{Size.Height}\" alt=\"{HtmlText.Encode(Caption)}\" style=\"image-rendering:pixelated\"><figcaption style=\"font-size:0.8em;color:#59636e\">{HtmlText.Encode(Caption)}</figcaption></figure>";
}
