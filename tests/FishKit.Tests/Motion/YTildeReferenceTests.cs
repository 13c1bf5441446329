using System.Text.Json;
using FishKit.Frames;
using FishKit.Motion;

namespace FishKit.Tests.Motion;

/// <summary>
/// y-tilde of frames encoded by Pillow, against the values Pillow + numpy give (recorded by
/// Reference/make_ytilde_reference.py, the original's tools).
/// </summary>
public class YTildeReferenceTests
{
    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Reference", "ytilde");
    static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "ytilde_reference.json"))).RootElement;

    static double[] Values(string group, string name) =>
        Reference.GetProperty(group).GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    static void AssertRelative(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int t = 0; t < expected.Length; t++)
            Assert.True(Math.Abs(expected[t] - actual[t]) <= tolerance * Math.Abs(expected[t]),
                $"frame {t}: expected {expected[t]:R}, got {actual[t]:R}");
    }

    [Fact]
    public void Gray_frames_match_numpy_float64_to_1e_12()
    {
        var y = YTilde.Compute(FrameSequence.Open(Path.Combine(Folder, "gray")));
        AssertRelative(Values("gray", "float64"), y, 1e-12);
    }

    [Fact]
    public void The_originals_float32_arithmetic_differs_by_about_1e_7()
    {
        var y = YTilde.Compute(FrameSequence.Open(Path.Combine(Folder, "gray")));
        double recorded = Reference.GetProperty("gray").GetProperty("max_relative_difference_float32").GetDouble();
        Assert.InRange(recorded, 1e-9, 1e-6);
        AssertRelative(Values("gray", "float32"), y, 1e-6);
    }

    [Fact]
    public void Nearest_resizing_to_the_models_120x160_matches_Pillows_NEAREST()
    {
        var frames = FrameSequence.Open(Path.Combine(Folder, "gray"));
        var size = new FrameSize(160, 120);
        var previous = new float[size.Pixels];
        var current = new float[size.Pixels];
        var y = new double[frames.Count];
        frames.ReadUnit(0, size, ResizeMethod.Nearest, previous);
        for (int t = 1; t < frames.Count; t++)
        {
            frames.ReadUnit(t, size, ResizeMethod.Nearest, current);
            double sum = 0;
            for (int i = 0; i < current.Length; i++) sum += Math.Abs((double)current[i] - previous[i]);
            y[t - 1] = sum / current.Length;
            (previous, current) = (current, previous);
        }
        // float32 pixels: pixel/255 rounded to float32 differs from the float64 quotient by ~1e-8 relative.
        AssertRelative(Values("gray", "nearest_120x160"), y, 1e-6);
    }

    [Fact]
    public void Colour_frames_become_gray_as_Pillows_convert_L()
    {
        var frames = FrameSequence.Open(Path.Combine(Folder, "rgb"));
        Assert.Equal(Reference.GetProperty("rgb").GetProperty("luma_first_frame_sum").GetInt64(), frames.Read(0).Sum(b => (long)b));
        AssertRelative(Values("rgb", "float64"), YTilde.Compute(frames), 1e-12);
    }
}
