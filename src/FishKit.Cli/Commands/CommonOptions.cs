using System.CommandLine;
using FishKit.IO;

namespace FishKit.Cli.Commands;

/// <summary>Options that several commands share, so they read and behave the same everywhere.</summary>
static class CommonOptions
{
    /// <summary>The required output path.</summary>
    public static Option<string> Out(string what) => new("--out") { Description = what, Required = true };

    /// <summary>Replace an existing non-empty output instead of refusing.</summary>
    public static Option<bool> Force() => new("--force") { Description = "Replace existing output (it is removed only after the new output is complete)." };

    /// <summary>The seed of every random choice.</summary>
    public static Option<int> Seed() => new("--seed") { Description = "Seed of every random choice (same seed, same result).", DefaultValueFactory = _ => 1 };

    /// <summary>Refuses an output path that names one of the inputs, which writing would destroy.</summary>
    public static void RequireDistinct(string output, params string[] inputs)
    {
        var full = FullPath.Of(output, "--out");
        foreach (var input in inputs)
            if (string.Equals(full, FullPath.Of(input, "the input path"), StringComparison.Ordinal))
                throw new FishKitException($"--out '{output}' is the input file; writing it would destroy the input: choose another output path.");
    }
}
