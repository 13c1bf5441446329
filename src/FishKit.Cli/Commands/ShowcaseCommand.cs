using System.CommandLine;
using FishKit.Showcase;
using FishKit.Training;

namespace FishKit.Cli.Commands;

/// <summary>
/// <c>fishkit showcase</c>: simulates the showcase tank (once) and trains the showcase ConvLSTM and, on the same
/// frames, the y-tilde LSTM it is compared with; a rerun resumes or skips what is done.
/// </summary>
static class ShowcaseCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = $"Folder for the simulated tank (seed {ShowcaseTank.Seed}: 30, 5 and 10 minutes; about 150 MB of PNG frames), made when missing.",
            DefaultValueFactory = _ => Path.Combine("runs", "showcase-data"),
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for the two run folders, convlstm/ and ytilde-lstm/ (resumed when they hold runs).",
            DefaultValueFactory = _ => Path.Combine("runs", "showcase"),
        };
        var command = new Command("showcase", "Train the showcase ConvLSTM from scratch (preset showcase) and the y-tilde LSTM on a 30-minute simulated tank that the command simulates first.")
        {
            data, output,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            string folder = parseResult.GetValue(data)!, runs = parseResult.GetValue(output)!;
            using var cancel = CliCancellation.OnCtrlC();
            bool made = CliProgress.Run(writer, "simulating", bar => ShowcaseTank.Ensure(folder, bar, cancel.Token));
            writer.WriteLine(made ? $"simulated the showcase tank into {folder}" : $"using the showcase tank in {folder}");
            foreach (var (name, preset) in new[] { ("convlstm", "showcase"), ("ytilde-lstm", "ytilde-lstm") })
            {
                var run = new RunFolder(Path.Combine(runs, name));
                writer.WriteLine($"{(run.HasRun ? "resuming" : "training")} {name} (preset {preset}) in {run.Path}");
                var outcome = TrainCommand.Train(writer, RunConfig.Preset(preset), ShowcaseTank.Split(folder, "train"),
                    ShowcaseTank.Split(folder, "validation"), run, trainLabels: null, validationLabels: null, cancel.Token);
                if (outcome.Status == TrainingStatus.Interrupted) return 130;
            }
            return 0;
        });
        return command;
    }
}
