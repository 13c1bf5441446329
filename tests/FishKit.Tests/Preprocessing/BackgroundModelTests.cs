using FishKit.Frames;
using FishKit.Preprocessing;

namespace FishKit.Tests.Preprocessing;

/// <summary>Preprocessing on hand-made raw footage (<see cref="RawTank"/>) whose background, fish and light are known.</summary>
public class BackgroundModelTests
{
    static byte[] Apply(BackgroundModel model, RawTank tank, int t)
    {
        var output = new byte[model.Size.Pixels];
        var frame = tank.Frame(t);
        var region = new byte[model.Size.Pixels];
        if (model.Region.IsWholeFrame) region = frame;
        else model.Region.Cut(frame, region);
        model.Apply(region, output, model.CreateWorkspace());
        return output;
    }

    /// <summary>Fraction of the output pixels at least 2 pixels from the fish that are black (the output starts at input pixel (left, top)).</summary>
    static double BlackBackground(RawTank tank, int t, byte[] output, int width, int left = 0, int top = 0)
    {
        int black = 0, total = 0;
        for (int i = 0; i < output.Length; i++)
        {
            int x = i % width + left, y = i / width + top;
            bool nearFish = Enumerable.Range(-2, 5).Any(dy => Enumerable.Range(-2, 5).Any(dx => tank.IsFish(t, x + dx, y + dy)));
            if (nearFish) continue;
            total++;
            if (output[i] == 0) black++;
        }
        return (double)black / total;
    }

    /// <summary>The fish's inner pixels (one pixel in from its edge, where the 3x3 smoothing sees only fish).</summary>
    static IEnumerable<byte> FishCore(RawTank tank, int t, byte[] output, int width, int left = 0, int top = 0)
    {
        for (int y = tank.FishTop + 1; y < tank.FishTop + tank.FishSide - 1; y++)
            for (int x = tank.FishLeft(t) + 1; x < tank.FishLeft(t) + tank.FishSide - 1; x++)
                yield return output[(y - top) * width + (x - left)];
    }

    [Fact]
    public void Dark_fish_on_a_light_floor_become_bright_fish_on_black()
    {
        using var temp = new TempDir();
        var tank = new RawTank();
        var model = BackgroundModel.Estimate(FrameSequence.Open(tank.Write(temp["raw"])));
        Assert.Equal(FishPolarity.DarkFish, model.Polarity);
        Assert.True(model.PolarityDetected);
        Assert.True(model.DarkOutliers > 1000 && model.BrightOutliers == 0, $"dark {model.DarkOutliers}, bright {model.BrightOutliers}");
        foreach (int t in new[] { 0, 17, 39 })
        {
            var output = Apply(model, tank, t);
            Assert.All(FishCore(tank, t, output, tank.Width), v => Assert.InRange(v, 230, 255));
            Assert.InRange(BlackBackground(tank, t, output, tank.Width), 0.999, 1);
        }
    }

    [Fact]
    public void Bright_fish_on_a_dark_floor_are_detected_and_stay_bright()
    {
        using var temp = new TempDir();
        var tank = new RawTank { FloorLeft = 30, FloorRight = 50, FishFactor = 4 };
        var model = BackgroundModel.Estimate(FrameSequence.Open(tank.Write(temp["raw"])));
        Assert.Equal(FishPolarity.BrightFish, model.Polarity);
        var output = Apply(model, tank, 20);
        Assert.All(FishCore(tank, 20, output, tank.Width), v => Assert.InRange(v, 230, 255));
        Assert.InRange(BlackBackground(tank, 20, output, tank.Width), 0.999, 1);
    }

    [Fact]
    public void A_given_polarity_overrides_the_footage()
    {
        using var temp = new TempDir();
        var tank = new RawTank();
        var model = BackgroundModel.Estimate(FrameSequence.Open(tank.Write(temp["raw"])), new PreprocessOptions { Polarity = FishPolarity.BrightFish });
        Assert.Equal(FishPolarity.BrightFish, model.Polarity);
        Assert.False(model.PolarityDetected);
        Assert.All(FishCore(tank, 10, Apply(model, tank, 10), tank.Width), v => Assert.Equal(0, v)); // dark fish read as bright are black
    }

    [Fact]
    public void The_background_is_the_per_pixel_median_of_frames_spread_through_the_video()
    {
        using var temp = new TempDir();
        var tank = new RawTank { Frames = 60, NoiseSigma = 3 };
        var options = new PreprocessOptions { BackgroundFrames = 25, NormaliseBrightness = false };
        var model = BackgroundModel.Estimate(FrameSequence.Open(tank.Write(temp["raw"])), options);
        // 25 frames evenly spread over 0..59, first and last included: round(k * 59 / 24).
        int[] expected = [.. Enumerable.Range(0, 25).Select(k => (int)Math.Round(k * 59 / 24.0))];
        Assert.Equal(expected, model.SampleFrames);
        var frames = expected.Select(tank.Frame).ToArray();
        foreach (int i in new[] { 0, 777, 20 * 64 + 30, tank.Width * tank.Height - 1 })
        {
            var values = frames.Select(f => (double)f[i]).Order().ToArray();
            Assert.Equal(values[12], model.Background[i], 4);
        }
    }

    [Fact]
    public void Normalising_brightness_keeps_the_fish_and_the_noise_floor_steady_under_a_drifting_light()
    {
        using var temp = new TempDir();
        var tank = new RawTank { Light = t => 1 + 0.1 * Math.Sin(2 * Math.PI * t / 40) };
        var frames = FrameSequence.Open(tank.Write(temp["raw"]));
        var normalised = BackgroundModel.Estimate(frames);
        var raw = BackgroundModel.Estimate(frames, new PreprocessOptions { NormaliseBrightness = false });
        Assert.True(normalised.NormalisesBrightness);
        Assert.False(raw.NormalisesBrightness);
        // Frame 10 has the most light (1.1), frame 30 the least (0.9).
        var workspace = normalised.CreateWorkspace();
        Assert.Equal(1.1, normalised.Brightness(tank.Frame(10), workspace), 2);
        Assert.Equal(0.9, normalised.Brightness(tank.Frame(30), workspace), 2);
        // Without normalising, the drift counts as noise (the stretch then starts far above the sensor noise) ...
        Assert.True(raw.NoiseSigma > 5 * normalised.NoiseSigma, $"noise sigma {raw.NoiseSigma:F2} without, {normalised.NoiseSigma:F2} with");
        // ... and the same fish looks brighter or dimmer with the light; normalised, it does not.
        double Core(BackgroundModel model, int t) => FishCore(tank, t, Apply(model, tank, t), tank.Width).Average(v => (double)v);
        Assert.InRange(Math.Abs(Core(normalised, 10) - Core(normalised, 30)), 0, 3);
        Assert.InRange(Math.Abs(Core(raw, 10) - Core(raw, 30)), 15, 255);
        Assert.InRange(BlackBackground(tank, 30, Apply(normalised, tank, 30), tank.Width), 0.999, 1);
    }

    [Fact]
    public void A_crop_keeps_the_rectangle_and_a_mask_blacks_out_the_rest()
    {
        using var temp = new TempDir();
        var tank = new RawTank();
        var frames = FrameSequence.Open(tank.Write(temp["raw"]));
        var cropped = BackgroundModel.Estimate(frames, new PreprocessOptions { Crop = new CropRegion(8, 10, 40, 30) });
        Assert.Equal(new FrameSize(40, 30), cropped.Size);
        var output = Apply(cropped, tank, 15); // fish at x 19..24, y 20..25: inside the crop at x 11..16, y 10..15
        Assert.All(FishCore(tank, 15, output, 40, left: 8, top: 10), v => Assert.InRange(v, 230, 255));
        Assert.InRange(BlackBackground(tank, 15, output, 40, left: 8, top: 10), 0.999, 1);

        // The mask keeps x >= 32 only: the fish at x 19..24 is outside and must vanish.
        var mask = new byte[tank.Width * tank.Height];
        for (int i = 0; i < mask.Length; i++) mask[i] = (byte)(i % tank.Width >= 32 ? 255 : 0);
        File.WriteAllBytes(temp["mask.png"], new GrayPngEncoder().Encode(mask, tank.Width, tank.Height).ToArray());
        var masked = BackgroundModel.Estimate(frames, new PreprocessOptions { MaskPath = temp["mask.png"] });
        Assert.All(Apply(masked, tank, 15), v => Assert.Equal(0, v));
        Assert.All(FishCore(tank, 35, Apply(masked, tank, 35), tank.Width), v => Assert.InRange(v, 230, 255)); // fish at x 39..44
    }

    [Fact]
    public void Fewer_frames_than_a_background_needs_are_refused()
    {
        using var temp = new TempDir();
        var frames = FrameSequence.Open(new RawTank { Frames = 10 }.Write(temp["raw"]));
        var error = Assert.Throws<FishKitException>(() => BackgroundModel.Estimate(frames));
        Assert.Contains("holds 10 frame(s); a background estimate needs at least 25", error.Message);
    }
}
