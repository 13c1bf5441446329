using FishKit.Evaluation;
using FishKit.Frames;
using FishKit.Labeling;
using FishKit.Motion;
using FishKit.Preprocessing;
using FishKit.Synthetic;
using Xunit.Abstractions;

namespace FishKit.Tests.Preprocessing;

/// <summary>
/// Quality measured against the simulator's ground truth: 100 s of raw footage (dark fish, vignetting, uneven light,
/// illumination drift, sensor noise) preprocessed with the defaults must give a y-tilde that follows the group's true
/// mean speed at least as closely as y-tilde of the clean rendering of the same scene, and the same labels on at least
/// 95 % of the labelled frames. The numbers are printed (dotnet test --logger "console;verbosity=detailed").
/// </summary>
public class PreprocessingQualityTests(ITestOutputHelper output)
{
    const int Frames = 3000, Seed = 1;

    [Fact]
    public void Preprocessed_raw_footage_tracks_the_true_speed_as_well_as_the_clean_rendering()
    {
        using var temp = new TempDir();
        var simulation = TankSimulator.Run(TankParameters.Default, Seed, Frames);
        TankSession.Write(simulation, temp["raw"], raw: RawFootage.Default);
        var raw = FrameSequence.Open(temp["raw"]);
        var result = FramePreprocessor.Write(raw, temp["preprocessed"]);
        var preprocessed = YTilde.Compute(FrameSequence.Open(temp["preprocessed"]));

        // The clean rendering's y-tilde, by the definition, from frames drawn in memory.
        var clean = new double[Frames];
        var previous = simulation.Render(0);
        for (int t = 0; t + 1 < Frames; t++)
        {
            var next = simulation.Render(t + 1);
            clean[t] = YTilde.OfPair(previous, next);
            previous = next;
        }
        // ytilde[t] is the change from frame t to t+1, made at the speed the fish have in frame t+1.
        var speed = simulation.StepSpeeds();
        double rClean = Correlation.Pearson(clean.AsSpan(0, Frames - 1), speed);
        double rPreprocessed = Correlation.Pearson(preprocessed.AsSpan(0, Frames - 1), speed);
        double rRaw = Correlation.Pearson(YTilde.Compute(raw).AsSpan(0, Frames - 1), speed);

        var p = LabelParameters.WriteUp;
        var labelsClean = CalmBeforeBurstLabeler.Label(clean);
        var labelsPreprocessed = CalmBeforeBurstLabeler.Label(preprocessed);
        int first = p.FirstFrame, last = p.LastFrame(Frames);
        double agreement = LabelAgreement.Fraction(labelsClean, labelsPreprocessed);

        output.WriteLine($"{Frames} frames, seed {Seed}: {result.Model.Summary()}");
        output.WriteLine($"Pearson r of y-tilde with the true group mean speed: clean rendering {rClean:F4}, preprocessed raw {rPreprocessed:F4}, raw unprocessed {rRaw:F4}");
        output.WriteLine($"labels: clean {labelsClean.Count(l => l)} positive, preprocessed {labelsPreprocessed.Count(l => l)}; agree on {agreement:P2} of frames {first}..{last}");

        // What two of the steps buy, measured the same way (frames mapped in memory, not written).
        foreach (var (name, options) in new[]
        {
            ("without brightness normalisation", PreprocessOptions.Default with { NormaliseBrightness = false }),
            ("without smoothing", PreprocessOptions.Default with { Smooth = false }),
        })
        {
            var variant = InMemoryYTilde(raw, options);
            double r = Correlation.Pearson(variant.AsSpan(0, Frames - 1), speed);
            var labels = CalmBeforeBurstLabeler.Label(variant);
            double agree = LabelAgreement.Fraction(labelsClean, labels);
            output.WriteLine($"{name}: r {r:F4}, labels agree on {agree:P2}");
            Assert.True(r < rPreprocessed, $"{name}: r {r:F4} is not below the default's {rPreprocessed:F4}");
        }

        Assert.Equal(FishPolarity.DarkFish, result.Model.Polarity);
        Assert.True(rPreprocessed >= rClean, $"preprocessed r {rPreprocessed:F4} < clean r {rClean:F4}");
        Assert.True(agreement >= 0.95, $"labels agree on {agreement:P2} of the labelled frames");
    }

    /// <summary>y-tilde of the raw frames preprocessed with <paramref name="options"/> in memory (one frame after another).</summary>
    static double[] InMemoryYTilde(FrameSequence raw, PreprocessOptions options)
    {
        var model = BackgroundModel.Estimate(raw, options);
        var workspace = model.CreateWorkspace();
        var frame = new byte[raw.Size.Pixels];
        byte[] previous = new byte[frame.Length], current = new byte[frame.Length];
        var y = new double[raw.Count];
        for (int t = 0; t < raw.Count; t++)
        {
            raw.Read(t, frame);
            model.Apply(frame, current, workspace);
            if (t > 0) y[t - 1] = YTilde.OfPair(previous, current);
            (previous, current) = (current, previous);
        }
        return y;
    }
}
