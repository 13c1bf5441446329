using System.Globalization;
using FishKit.Frames;
using FishKit.Notebooks.Formatting;
using FishKit.Training;

namespace FishKit.Notebooks;

/// <summary>Frames shown as a grid of images, <see cref="Columns"/> per row (e.g. a clip's 120 frames as 30 x 4).</summary>
/// <param name="Frames">The images in order.</param>
/// <param name="Columns">Images per row.</param>
/// <param name="Title">A line above the grid.</param>
public sealed record FrameGrid(IReadOnlyList<FrameImage> Frames, int Columns, string Title)
{
    /// <summary>The frames <paramref name="indices"/> of <paramref name="frames"/>, shrunk by <paramref name="scale"/>.</summary>
    public static FrameGrid Of(FrameSequence frames, IEnumerable<int> indices, int columns = 4, double scale = 0.5, string? title = null)
    {
        if (columns < 1) throw new FishKitException($"columns = {columns} must be at least 1.");
        var images = indices.Select(i => FrameImage.Of(frames, i, scale)).ToList();
        return new FrameGrid(images, columns, title ?? $"{images.Count} frames of {Path.GetFileName(frames.Folder)}");
    }

    /// <summary>Frames spread evenly over the whole sequence: <paramref name="count"/> of them, first and last included.</summary>
    public static FrameGrid Spread(FrameSequence frames, int count = 8, int columns = 4, double scale = 0.5) =>
        Of(frames, Enumerable.Range(0, count).Select(k => count == 1 ? 0 : (int)Math.Round((double)k * (frames.Count - 1) / (count - 1))).Distinct(), columns, scale,
            $"{count} frames spread over {Path.GetFileName(frames.Folder)} ({frames.Count:N0} frames, {frames.Size})");

    /// <summary>
    /// One row per moment: the frames at <paramref name="offsets"/> from it (e.g. 0, 15, 30, 45: the moment and what
    /// followed), each captioned with the moment's kind and score or its offset.
    /// </summary>
    public static FrameGrid AtMoments(FrameSequence frames, IReadOnlyList<Moment> moments, IReadOnlyList<int> offsets, double scale = 0.5, string? title = null)
    {
        if (offsets.Count == 0) throw new FishKitException("give at least one offset (0 shows the moment itself).");
        var images = moments.SelectMany(m => offsets.Select(o => FrameImage.Of(frames, m.Frame + o, scale) with
        {
            Caption = o == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{m.Kind}: frame {m.Frame}, p {m.Score:F2}")
                : string.Create(CultureInfo.InvariantCulture, $"t {(o > 0 ? "+" : "−")} {Math.Abs(o)} (frame {m.Frame + o})"),
        })).ToList();
        return new FrameGrid(images, offsets.Count, title ?? $"{moments.Count} moments of {Path.GetFileName(frames.Folder)}, each with the frames {string.Join(", ", offsets.Select(o => o == 0 ? "t" : $"t{o:+0;-0}"))}");
    }

    /// <summary>
    /// The same frames of two sequences side by side, one row per frame (e.g. raw footage and its preprocessed frames):
    /// each caption says the frame and which sequence it comes from.
    /// </summary>
    public static FrameGrid SideBySide(FrameSequence left, string leftName, FrameSequence right, string rightName, IEnumerable<int> indices,
        double scale = 0.5, string? title = null)
    {
        var images = indices.SelectMany(i => new[]
        {
            FrameImage.Of(left, i, scale) with { Caption = $"frame {i}: {leftName}" },
            FrameImage.Of(right, i, scale) with { Caption = $"frame {i}: {rightName}" },
        }).ToList();
        return new FrameGrid(images, 2, title ?? $"{leftName} and {rightName}, side by side");
    }

    /// <summary>
    /// What a ConvLSTM looked at: the last <paramref name="steps"/> steps of the clip (each step's last frame, as the model
    /// saw it) above their input-gradient saliency (white = the pixels that move the score most, scaled to the largest
    /// value over the steps shown), enlarged <paramref name="enlarge"/> times.
    /// </summary>
    public static FrameGrid Saliency(ClipSaliency saliency, int steps = 4, int enlarge = 4, string? title = null)
    {
        int total = saliency.Pixels.Length;
        if (steps < 1 || steps > total) throw new FishKitException($"steps = {steps} must be 1 to {total} (the clip's steps).");
        var size = new FrameSize(saliency.Width, saliency.Height);
        var shown = Enumerable.Range(total - steps, steps).ToList();
        float top = shown.Max(k => saliency.Gradient[k].Max());
        float scale = top > 0 ? 255f / top : 0;
        var frames = shown.Select(k => FrameImage.OfLevels(saliency.Pixels[k].Select(v => v * 255f).ToArray(), size,
            $"frame {saliency.StepFrames[k]}").Enlarged(enlarge));
        var maps = shown.Select(k => FrameImage.OfLevels(saliency.Gradient[k].Select(v => v * scale).ToArray(), size,
            $"saliency, step {k + 1} of {total}").Enlarged(enlarge));
        return new FrameGrid([.. frames, .. maps], steps, title ?? string.Create(CultureInfo.InvariantCulture,
            $"The clip ending at frame {saliency.Frame} (p {saliency.Probability:F2}): its last {steps} steps and where the score's gradient is largest"));
    }

    /// <summary>The grid as HTML: a title and rows of figures.</summary>
    public string ToHtml()
    {
        var cellWidth = Frames.Count == 0 ? 0 : Frames.Max(f => f.Size.Width) + 8;
        return $"<div class=\"fishkit-frame-grid\"><div style=\"font-weight:600\">{HtmlText.Encode(Title)}</div>"
            + $"<div style=\"display:grid;grid-template-columns:repeat({Columns},{cellWidth}px);gap:2px\">"
            + string.Concat(Frames.Select(f => f.ToHtml())) + "</div></div>";
    }
}
