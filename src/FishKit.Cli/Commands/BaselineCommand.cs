using System.CommandLine;
using FishKit.Baselines;
using FishKit.IO;
using FishKit.Validation;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit baseline</c>: the write-up's algorithmic baseline probabilities from a y-tilde series.</summary>
static class BaselineCommand
{
    public static Command Create()
    {
        var defaults = BaselineParameters.WriteUp;
        var ytilde = new Argument<string>("ytilde") { Description = "y-tilde series (.npy or .csv), one value per frame." };
        var output = CommonOptions.Out("Scores file to write (.npy or .csv).");
        var d = new Option<int>("--d") { Description = $"Window length d, the frames before t ({Limits.WindowFrames}).", DefaultValueFactory = _ => defaults.D };
        var b = new Option<double>("--b") { Description = $"The low level is min + b * range over the window ({Limits.Fraction}).", DefaultValueFactory = _ => defaults.B };
        var c = new Option<double>("--c") { Description = $"Range threshold c, in y-tilde's units ({Limits.YTildeLevel}).", DefaultValueFactory = _ => defaults.C };
        var gamma1 = new Option<double>("--gamma1") { Description = $"Steepness of the recent-activity sigmoid ({Limits.Steepness}).", DefaultValueFactory = _ => defaults.Gamma1 };
        var gamma2 = new Option<double>("--gamma2") { Description = $"Steepness of the calm-now sigmoid ({Limits.Steepness}).", DefaultValueFactory = _ => defaults.Gamma2 };
        var allFrames = new Option<bool>("--all-frames")
        {
            Description = "Score every frame whose window exists (t >= d) and write NaN before it, instead of the write-up's frames 119..T-12 with 0 elsewhere.",
        };
        var command = new Command("baseline", "The algorithmic baseline: the probability that frame t is calm before a burst, from y-tilde of the d frames before it (the write-up's defaults).")
        {
            ytilde, output, d, b, c, gamma1, gamma2, allFrames,
        };
        command.SetAction(parseResult =>
        {
            string input = parseResult.GetValue(ytilde)!, outPath = parseResult.GetValue(output)!;
            CommonOptions.RequireDistinct(outPath, input);
            var parameters = new BaselineParameters(parseResult.GetValue(d), parseResult.GetValue(b), parseResult.GetValue(c),
                parseResult.GetValue(gamma1), parseResult.GetValue(gamma2));
            var frames = parseResult.GetValue(allFrames) ? ScoredFrames.Defined : ScoredFrames.WriteUp;
            var scores = AlgorithmicBaseline.Predict(Series.Read(input), parameters, frames);
            Series.Write(outPath, scores, "baseline");
            parseResult.InvocationConfiguration.Output.WriteLine($"{scores.Length} frames scored ({frames} frames) -> {outPath}");
            return 0;
        });
        return command;
    }
}
