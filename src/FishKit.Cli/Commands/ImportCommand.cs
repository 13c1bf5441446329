using System.CommandLine;
using System.Globalization;
using FishKit.Keras;

namespace FishKit.Cli.Commands;

/// <summary><c>fishkit import</c>: brings models trained elsewhere into run folders.</summary>
static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Bring a model trained elsewhere into a run folder that predict uses like a trained run.");
        command.Subcommands.Add(Keras());
        return command;
    }

    /// <summary><c>fishkit import keras SAVED_MODEL --out RUN</c>.</summary>
    static Command Keras()
    {
        var folder = new Argument<string>("saved-model") { Description = "A Keras SavedModel folder (saved_model.pb, variables/) of the write-up's best or two-layer ConvLSTM." };
        var output = CommonOptions.Out("Run folder to write: run.json, config.json (with where the weights came from), checkpoints/best.ckpt.");
        var force = CommonOptions.Force();
        var command = new Command("keras", "Read a Keras SavedModel's TensorFlow checkpoint (no TensorFlow needed), recognise the write-up's model and write it as a run folder.")
        {
            folder, output, force,
        };
        command.SetAction(parseResult =>
        {
            string input = parseResult.GetValue(folder)!, outPath = parseResult.GetValue(output)!;
            CommonOptions.RequireDistinct(outPath, input);
            var source = KerasImport.ToRun(input, outPath, parseResult.GetValue(force));
            var steps = source.OptimizerIterations is long n ? n.ToString("N0", CultureInfo.InvariantCulture) : "not saved";
            var rate = source.LearningRate is double lr ? lr.ToString(CultureInfo.InvariantCulture) : "not saved";
            parseResult.InvocationConfiguration.Output.WriteLine($"{source.Architecture} (Adam step {steps}, learning rate {rate}) -> {outPath}");
            return 0;
        });
        return command;
    }
}
