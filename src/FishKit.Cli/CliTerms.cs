namespace FishKit.Cli;

/// <summary>
/// The command line's words for the <see cref="Term"/>s a library refusal names: its flags and commands, where the
/// library's own message names API arguments (FishKitException.Library). Every error the CLI prints goes through here.
/// </summary>
static class CliTerms
{
    /// <summary>How fishkit says <paramref name="term"/>.</summary>
    public static string Word(Term term) => term switch
    {
        Term.Force => "pass --force",
        Term.PackFrames => "fishkit frames pack",
        Term.Crop => "--crop",
        Term.Fps => "--fps",
        Term.Size => "--size",
        Term.Start => "--start",
        Term.Duration => "--duration",
        Term.Output => "--out",
        Term.TrainOutput => "the --out folder of fishkit train",
        Term.AblateOutput => "the --out folder of fishkit ablate",
        Term.AblateCell => "fishkit ablate --cell K",
        Term.YTildeLstmModel => "--model ytilde-lstm",
        Term.AllowGaps => "--allow-gaps",
        Term.AllowDecodeErrors => "--allow-decode-errors",
        Term.CpuDevice => "--device cpu",
        Term.Config => "--config",
        _ => FishKitException.Library(term),
    };
}
