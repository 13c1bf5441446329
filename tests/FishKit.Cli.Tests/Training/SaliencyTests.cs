using FishKit.Frames;
using FishKit.Models;
using FishKit.Training;

namespace FishKit.Tests.Training;

[Collection(FishKit.Tests.Models.GlobalGeneratorCollection.Name)]
public class SaliencyTests
{
    /// <summary>One frame per step, so a step's saliency is exactly |d logit / d pixel| of one frame.</summary>
    static readonly RunConfig SingleFrames = RunsTests.Tiny with
    {
        Model = new ConvLstmConfig { Filters = [2], InputChannels = 1 },
        Steps = 8, Channels = 1, Stride = 2,
    };

    [Fact]
    public void Saliency_is_the_logits_sensitivity_to_a_pixel_measured_by_changing_that_pixel_in_the_frames()
    {
        using var dir = new TempDir();
        var (train, validation) = RunsTests.Splits(dir);
        var run = new RunFolder(dir["run"]);
        Runs.Train(SingleFrames, train, validation, run);
        const int t = 250;

        var saliency = Runs.Saliency(run, validation, t);
        Assert.Equal(8, saliency.Gradient.Length);
        Assert.Equal(t, saliency.StepFrames[^1]);
        Assert.Equal(t - 14, saliency.StepFrames[0]);
        Assert.Equal(Runs.Predict(run, validation, range: (t, t))[t], saliency.Probability, 5);
        Assert.Equal(1, saliency.StepShares().Sum(), 9);

        // The most salient pixel of frame t whose source pixel leaves room to move both ways, in source coordinates.
        var frames = FrameSequence.Open(validation);
        var source = frames.Read(t);
        var columns = FrameResize.NearestIndices(frames.Size.Width, SingleFrames.Width);
        var rows = FrameResize.NearestIndices(frames.Size.Height, SingleFrames.Height);
        const int delta = 3;
        var last = saliency.Gradient[^1];
        int best = Enumerable.Range(0, last.Length)
            .Where(i => source[rows[i / SingleFrames.Width] * frames.Size.Width + columns[i % SingleFrames.Width]] is >= delta and <= 255 - delta)
            .MaxBy(i => last[i]);
        int at = rows[best / SingleFrames.Width] * frames.Size.Width + columns[best % SingleFrames.Width];

        double Logit(string name, int change)
        {
            var copy = dir[name];
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(validation, "*.png")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            var pixels = (byte[])source.Clone();
            pixels[at] = (byte)(pixels[at] + change);
            File.WriteAllBytes(Path.Combine(copy, Path.GetFileName(frames.Paths[t])), new GrayPngEncoder().Encode(pixels, frames.Size.Width, frames.Size.Height).ToArray());
            double p = Runs.Predict(run, copy, range: (t, t))[t];
            return Math.Log(p / (1 - p));
        }
        double measured = Math.Abs(Logit("plus", delta) - Logit("minus", -delta)) / (2 * delta / 255.0);
        Assert.True(last[best] > 0, "the most salient pixel has a gradient");
        Assert.InRange(measured, 0.9 * last[best], 1.1 * last[best]);
    }
}
