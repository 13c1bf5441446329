using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FishKit.Synthetic;
using FishKit.Validation;

namespace FishKit.Cli.Commands;

/// <summary>`fishkit simulate`: writes a synthetic tank session (frames and ground truth), whole or split chronologically.</summary>
static class SimulateCommand
{
    public static Command Create()
    {
        var frames = new Option<int>("--frames") { Description = $"Number of frames to simulate, 30 per second ({Limits.SimulatedFrames}).", Required = true };
        var output = CommonOptions.Out("Folder to write the frames and ground truth into (created; must be empty unless --force).");
        var seed = CommonOptions.Seed();
        var force = CommonOptions.Force();
        var split = new Option<string?>("--split")
        {
            Description = "Split the session chronologically into train/validation/test sub-folders with these frame counts, e.g. 1050,1150,1250 (they must add up to --frames).",
        };
        var width = new Option<int>("--width") { Description = "Frame width in pixels.", DefaultValueFactory = _ => TankParameters.Default.Width };
        var height = new Option<int>("--height") { Description = "Frame height in pixels.", DefaultValueFactory = _ => TankParameters.Default.Height };
        var raw = new Option<bool>("--raw")
        {
            Description = "Write raw camera footage instead: dark fish on an unevenly lit light tank floor with vignetting, slow illumination drift and sensor noise (same ground truth).",
        };
        var precursor = new Option<string>("--precursor")
        {
            Description = "on: before each burst (and in each decoy) one fish approaches another; off: no fish approaches, with the same bursts, decoy spells and pairs at the same frames.",
            DefaultValueFactory = _ => "on",
        };
        precursor.AcceptOnlyFromAmong("on", "off");
        var set = new Option<string[]>("--set")
        {
            Description = $"Set a tank parameter, Name=value (repeatable, names case-insensitive, invariant numbers, applied after --width/--height/--precursor): {string.Join(", ", TankParameters.Names)}.",
        };
        var command = new Command("simulate", "Simulate a tank of fish filmed from above: 8-bit grayscale PNG frames like the write-up's, with ground truth (positions, speeds, bursts) as CSV.")
        {
            frames, output, seed, force, split, width, height, raw, precursor, set,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var parameters = Parameters(TankParameters.Default with
            {
                Width = parseResult.GetValue(width), Height = parseResult.GetValue(height), Precursor = parseResult.GetValue(precursor) == "on",
            }, parseResult.GetValue(set) ?? []);
            int count = Limits.SimulatedFrames.Check("--frames", parseResult.GetValue(frames));
            var splits = ParseSplits(parseResult.GetValue(split), count);
            string folder = parseResult.GetValue(output)!;
            bool replace = parseResult.GetValue(force);
            RefuseNonEmpty(folder, replace);

            using var cancel = CliCancellation.OnCtrlC();
            var clock = Stopwatch.StartNew();
            var simulation = TankSimulator.Run(parameters, parseResult.GetValue(seed), count, cancel.Token);
            var footage = parseResult.GetValue(raw) ? RawFootage.Default : null;
            var written = CliProgress.Run(writer, "simulating", progress => splits is null
                ? TankSession.Write(simulation, folder, replace, progress, cancel.Token, raw: footage)
                : TankSession.WriteSplits(simulation, folder, splits, replace, progress, cancel.Token, raw: footage));
            double seconds = clock.Elapsed.TotalSeconds;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {written.Frames} {(footage is null ? "" : "raw ")}frames ({parameters.Width}x{parameters.Height}, seed {simulation.Seed}) to {folder}: " +
                $"{written.Bursts} bursts, {written.Decoys} decoy approaches, mean PNG {written.MeanPngBytes / 1024:F2} KB, " +
                $"{seconds:F1} s ({written.Frames / seconds:F0} frames/s)"));
            if (splits is not null)
                writer.WriteLine("splits: " + string.Join(", ", splits.Select(s => $"{s.Name} {s.Frames}")));
            if (!parameters.Precursor) writer.WriteLine("precursor off: no fish approaches another before a burst or in a decoy");
        });
        return command;
    }

    /// <summary>Applies every --set Name=value to <paramref name="start"/> in order, then validates the result.</summary>
    static TankParameters Parameters(TankParameters start, IEnumerable<string> settings)
    {
        var parameters = start;
        foreach (var setting in settings)
        {
            int eq = setting.IndexOf('=');
            if (eq <= 0)
                throw new FishKitException($"--set '{setting}' is not Name=value; valid names: {string.Join(", ", TankParameters.Names)}.");
            parameters = parameters.With(setting[..eq].Trim(), setting[(eq + 1)..].Trim());
        }
        parameters.Validate();
        return parameters;
    }

    /// <summary>Refuses a non-empty output folder before the simulation runs, so the user is not kept waiting for the error.</summary>
    static void RefuseNonEmpty(string folder, bool force)
    {
        if (!force && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new FishKitException($"output folder '{folder}' is not empty; choose another folder or pass --force to replace it.");
    }

    /// <summary>Turns "2600,500,500" into the train/validation/test splits, checking they add up to the frame count.</summary>
    static SessionSplit[]? ParseSplits(string? text, int frames)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var names = TankSession.StandardSplitNames;
        if (parts.Length != names.Count)
            throw new FishKitException($"--split '{text}' needs {names.Count} frame counts ({string.Join(", ", names)}), e.g. 1050,1150,1250.");
        var splits = new SessionSplit[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
                throw new FishKitException($"--split '{text}': the {names[i]} count '{parts[i]}' is not a positive whole number.");
            splits[i] = new SessionSplit(names[i], n);
        }
        long total = splits.Sum(s => (long)s.Frames);
        if (total != frames)
            throw new FishKitException($"--split '{text}' adds up to {total} frames but --frames is {frames}; make them equal.");
        return splits;
    }
}
