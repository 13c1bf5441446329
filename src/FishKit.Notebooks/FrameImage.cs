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
        if (!(scale > 0 && scale <= 1)) throw new FishKitException($"scale {scale} must be in (0, 1].");
        var pixels = frames.Read(index);
        var size = new FrameSize(Math.Max(1, (int)Math.Round(frames.Size.Width * scale)), Math.Max(1, (int)Math.Round(frames.Size.Height * scale)));
        if (size != frames.Size)
        {
            var small = new byte[size.Pixels];
            FrameResize.Nearest(pixels, frames.Size, small, size);
            pixels = small;
        }
        return new FrameImage(pixels, size, $"frame {index}");
    }

    /// <summary>The frame as a PNG file's bytes.</summary>
    public byte[] Png() => new GrayPngEncoder().Encode(Pixels, Size.Width, Size.Height).ToArray();

    /// <summary>The frame as a data URI (data:image/png;base64,...).</summary>
    public string DataUri => "data:image/png;base64," + Convert.ToBase64String(Png());

    /// <summary>An HTML figure: the image (pixelated when enlarged) and its caption.</summary>
    public string ToHtml() =>
        $"<figure style=\"display:inline-block;margin:2px;text-align:center\"><img src=\"{DataUri}\" width=\"{Size.Width}\" height=\"{Size.Height}\" alt=\"{HtmlText.Encode(Caption)}\" style=\"image-rendering:pixelated\"><figcaption style=\"font-size:0.8em;color:#59636e\">{HtmlText.Encode(Caption)}</figcaption></figure>";
}
