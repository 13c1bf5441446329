namespace FishKit.Tests.Architecture;

/// <summary>
/// The kit's layers (docs/architecture.md) as data: which kit project may reference which, the packages only front ends
/// may use, and the library assemblies whose namespaces must form no cycle.
/// </summary>
public static class Layers
{
    /// <summary>The core: no TorchSharp.</summary>
    public const string Core = "FishKit";

    /// <summary>The library projects, lowest first.</summary>
    public static IReadOnlyList<string> Libraries { get; } = [Core, "FishKit.TorchNative", "FishKit.Learning", "FishKit.Workflow"];

    /// <summary>The front ends, and the runner they share.</summary>
    public static IReadOnlyList<string> FrontEnds { get; } = ["FishKit.Notebooks.Runner", "FishKit.Notebooks", "FishKit.Cli"];

    /// <summary>The kit projects each project may reference (directly); anything else is a layering violation.</summary>
    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>
    {
        [Core] = [],
        ["FishKit.TorchNative"] = [Core],
        ["FishKit.Learning"] = [Core, "FishKit.TorchNative"],
        ["FishKit.Workflow"] = [Core, "FishKit.TorchNative", "FishKit.Learning"],
        ["FishKit.Notebooks.Runner"] = [.. Libraries],
        ["FishKit.Notebooks"] = [.. Libraries, "FishKit.Notebooks.Runner"],
        // the CLI ships FishKit.Notebooks for the notebooks it runs, without compiling against it (checked apart)
        ["FishKit.Cli"] = [.. Libraries, "FishKit.Notebooks.Runner"],
        ["FishKit.Tests"] = [.. Libraries],
        ["FishKit.Benchmarks"] = [.. Libraries],
    };

    /// <summary>Assemblies (and package ids) of TorchSharp: none in the core.</summary>
    public static bool IsTorch(string name) => name.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase) || name.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase);

    /// <summary>Assemblies and packages of the front ends: charts, tables, notebooks' kernels, the command line; no library uses them.</summary>
    public static bool IsFrontEnd(string name) =>
        FrontEnds.Contains(name) || name.StartsWith("FishKit.Cli", StringComparison.Ordinal) || name.StartsWith("FishKit.Notebooks", StringComparison.Ordinal)
        || name.StartsWith("Plotly.NET", StringComparison.Ordinal) || name == "FSharp.Core" || name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal)
        || name == "Microsoft.Data.Analysis" || name == "Markdig" || name == "System.CommandLine" || name.StartsWith("Spectre.Console", StringComparison.Ordinal);

    /// <summary>The chart library and what only it needs: the CLI compiles against none of them.</summary>
    public static bool IsChartLibrary(string name) =>
        name == "FishKit.Notebooks" || name.StartsWith("Plotly.NET", StringComparison.Ordinal) || name == "Microsoft.Data.Analysis";
}
