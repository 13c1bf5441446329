using System.CommandLine;
using FishKit.IO;
using FishKit.Training;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit predict</c>: per-frame scores of a split from a trained run, for <c>fishkit evaluate</c>.</summary>
static class PredictCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The run folder written by fishkit train.", Required = true };
        var frames = new Option<string>("--frames") { Description = "Frames to score: a folder or a frame store; for the y-tilde LSTM also a y-tilde series (.npy or .csv).", Required = true };
        var output = CommonOptions.Out("Scores file (.npy or .csv): the probability per frame, 0 before the first full clip.");
        var checkpoint = new Option<string>("--checkpoint") { Description = "best (the run's best epoch), last, or a checkpoint file.", DefaultValueFactory = _ => "best" };
        var command = new Command("predict", "Score every frame of a split with a trained model.")
        {
            run, frames, output, checkpoint,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            string outPath = parseResult.GetValue(output)!, framesPath = parseResult.GetValue(frames)!;
            CommonOptions.RequireDistinct(outPath, framesPath);
            using var cancel = CliCancellation.OnCtrlC();
            var scores = CliProgress.Run(writer, "scoring", bar =>
                Runs.Predict(new RunFolder(parseResult.GetValue(run)!), framesPath, parseResult.GetValue(checkpoint)!,
                    new Progress<(string Stage, long Done, long Total)>(p => bar.Report((p.Done, p.Total))), cancel.Token));
            Series.Write(outPath, scores, "score");
            writer.WriteLine($"{scores.Length} frames scored -> {outPath}");
            return 0;
        });
        return command;
    }
}
