using FishKit.Models;
using FishKit.Clips;
using FishKit.Frames;
using static TorchSharp.torch;

namespace FishKit.Training;

/// <summary>
/// What a ConvLSTM looked at for one frame's score: the clip it read and the input-gradient saliency |d logit / d pixel|,
/// both per time step (the saliency summed over the step's channels, the clip's last channel kept), each step a
/// <see cref="Height"/> x <see cref="Width"/> row-major image.
/// </summary>
/// <param name="Frame">The scored frame (the clip's last frame).</param>
/// <param name="StepFrames">The frame each step's last channel shows.</param>
/// <param name="Pixels">Per step, the last channel's pixels (0..1).</param>
/// <param name="Gradient">Per step, |d logit / d x| (x = pixel / 255) summed over the step's channels.</param>
/// <param name="Width">Image width (the model's frame width).</param>
/// <param name="Height">Image height.</param>
/// <param name="Probability">The model's probability for the frame.</param>
public sealed record ClipSaliency(int Frame, int[] StepFrames, float[][] Pixels, float[][] Gradient, int Width, int Height, double Probability)
{
    /// <summary>Each step's share of the clip's total saliency (sums to 1): which moments the score depended on.</summary>
    public double[] StepShares()
    {
        var sums = Gradient.Select(g => g.Sum(v => (double)v)).ToArray();
        double total = sums.Sum();
        return total > 0 ? sums.Select(s => s / total).ToArray() : sums;
    }

    /// <summary>
    /// <see cref="ShareNear(IReadOnlyList{ValueTuple{double, double}}, double)"/> for points given in the pixels of the
    /// original frames (size <paramref name="source"/>, e.g. the simulator's truth), mapped centre to centre.
    /// </summary>
    public (double Saliency, double Area) ShareNear(IReadOnlyList<(double X, double Y)> points, FrameSize source, double radius) =>
        ShareNear(points.Select(p => ((p.X + 0.5) * Width / source.Width - 0.5, (p.Y + 0.5) * Height / source.Height - 0.5)).ToList(), radius);

    /// <summary>
    /// Over the last <paramref name="points"/>.Count steps: the share of their saliency within <paramref name="radius"/>
    /// model pixels of each step's point (e.g. the initiator's head, in model pixels), and the share of the image those
    /// discs cover. A model that looks at the point has a saliency share well above the area share.
    /// </summary>
    public (double Saliency, double Area) ShareNear(IReadOnlyList<(double X, double Y)> points, double radius)
    {
        if (points.Count < 1 || points.Count > Gradient.Length)
            throw new FishKitException($"give 1 to {Gradient.Length} points (one per step, the last steps), not {points.Count}.");
        double near = 0, all = 0;
        long inside = 0;
        for (int s = 0; s < points.Count; s++)
        {
            var g = Gradient[Gradient.Length - points.Count + s];
            var (px, py) = points[s];
            for (int y = 0; y < Height; y++)
                for (int x = 0; x < Width; x++)
                {
                    double v = g[y * Width + x];
                    all += v;
                    if ((x - px) * (x - px) + (y - py) * (y - py) <= radius * radius) { near += v; inside++; }
                }
        }
        return (all > 0 ? near / all : 0, (double)inside / ((long)points.Count * Width * Height));
    }
}

public static partial class Runs
{
    /// <summary>
    /// The input-gradient saliency of the run's ConvLSTM for <paramref name="frame"/> of <paramref name="frames"/>
    /// (folder or store): the clip ending there, and how strongly each of its pixels moves the logit.
    /// </summary>
    public static ClipSaliency Saliency(RunFolder folder, string frames, int frame, string checkpoint = "best", CancellationToken cancel = default)
    {
        var config = LoadConfig(folder);
        if (config.Model is not ConvLstmConfig)
            throw new FishKitException($"run '{folder.Path}' holds a y-tilde model; saliency over frames needs a ConvLSTM run.");
        using var split = Prepare(config, frames, folder, null, "saliency", null, cancel);
        int first = config.FirstScoredFrame, count = split.YTilde.Length;
        if (frame < first || frame >= count)
            throw new FishKitException($"frame {frame} of '{frames}' has no whole clip; give a frame from {first} to {count - 1}.");
        using var source = Source(config, split, BatchOptions.InOrder with { BatchSize = 1 }, frame, frame);
        using var model = config.Model.Create();
        Checkpoint.Load(CheckpointPath(folder, checkpoint), model, config.Model, optimizer: null);
        model.eval();
        using var batch = source.Batches.Epoch(0, 0, cancel).First();
        using var scope = NewDisposeScope();
        var input = batch.Inputs.to_type(ScalarType.Float32).div_(255).requires_grad_(true); // the pixels in [0, 1], as the model scales them
        var logit = model.forward(input).sum();
        logit.backward();
        var gradient = input.grad!.abs().sum(2)[0];           // (steps, H, W)
        var last = input.detach()[0, TensorIndex.Colon, config.Channels - 1];  // (steps, H, W)
        int steps = config.Steps, pixels = config.Width * config.Height;
        var g = gradient.contiguous().data<float>().ToArray();
        var x = last.contiguous().data<float>().ToArray();
        return new ClipSaliency(frame,
            Enumerable.Range(0, steps).Select(k => config.Layout.FrameOf(frame, k, config.Channels - 1)).ToArray(),
            Enumerable.Range(0, steps).Select(k => x.AsSpan(k * pixels, pixels).ToArray()).ToArray(),
            Enumerable.Range(0, steps).Select(k => g.AsSpan(k * pixels, pixels).ToArray()).ToArray(),
            config.Width, config.Height, 1 / (1 + Math.Exp(-logit.item<float>())));
    }
}
