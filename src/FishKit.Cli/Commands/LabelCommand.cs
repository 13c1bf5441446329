using System.CommandLine;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Validation;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit label</c>: calm-before-burst labels from a y-tilde series.</summary>
static class LabelCommand
{
    public static Command Create()
    {
        var defaults = LabelParameters.WriteUp;
        var ytilde = new Argument<string>("ytilde") { Description = "y-tilde series (.npy or .csv), one value per frame." };
        var output = CommonOptions.Out("Labels file to write (.npy as bool, or .csv).");
        var h = new Option<int>("--h") { Description = $"Look-ahead h ({Limits.WindowFrames}).", DefaultValueFactory = _ => defaults.H };
        var b = new Option<double>("--b") { Description = $"Calmness fraction b of the look-ahead range ({Limits.Fraction}).", DefaultValueFactory = _ => defaults.B };
        var c = new Option<double>("--c") { Description = $"Minimum look-ahead range c, in y-tilde's units ({Limits.YTildeLevel}).", DefaultValueFactory = _ => defaults.C };
        var n = new Option<int>("--n") { Description = $"Clip steps n ({Limits.ClipSteps}; clips hold 4n frames, so the first labelled frame is 4n-1).", DefaultValueFactory = _ => defaults.N };
        var command = new Command("label", "Label each frame 1 when the group is calm and y-tilde rises by at least c within h frames (the write-up's defaults).")
        {
            ytilde, output, h, b, c, n,
        };
        command.SetAction(parseResult =>
        {
            string input = parseResult.GetValue(ytilde)!, outPath = parseResult.GetValue(output)!;
            CommonOptions.RequireDistinct(outPath, input);
            var parameters = new LabelParameters(parseResult.GetValue(h), parseResult.GetValue(b), parseResult.GetValue(c), parseResult.GetValue(n));
            var labels = CalmBeforeBurstLabeler.Label(Series.Read(input), parameters);
            Series.WriteLabels(outPath, labels, "label");
            int positives = labels.Count(l => l);
            parseResult.InvocationConfiguration.Output.WriteLine(
                $"{labels.Length} frames, labelled range {parameters.FirstFrame}..{parameters.LastFrame(labels.Length)}, {positives} positive ({100.0 * positives / labels.Length:F1} %) -> {outPath}");
            return 0;
        });
        return command;
    }
}
