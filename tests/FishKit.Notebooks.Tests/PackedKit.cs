using System.Text.Json.Nodes;
using FishKit.Notebooks.Runner;
using FishKit.TestSupport;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// The kit packed once for a test class by the README's pack command, into a temporary folder, under a version of its
/// own (so NuGet's package cache never hands back an older build of the same version); Dispose removes the folder and
/// that version from the cache.
/// </summary>
public sealed class PackedKit : IDisposable
{
    readonly TempDir temp = new();

    public PackedKit()
    {
        var kit = typeof(NotebookRunner).Assembly.GetName().Version!;
        Version = $"{kit.Major}.{kit.Minor}.{kit.Build}-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}";
        // no build servers: they would outlive the test run
        var pack = ChildProcess.Run(ChildProcess.Dotnet, ["pack", Repo.File("FishNotebooks.sln"), "-c", "Release", "-p:ContinuousIntegrationBuild=true",
            "-o", Folder, $"-p:Version={Version}", "-nodeReuse:false", "-p:UseSharedCompilation=false"], TimeSpan.FromMinutes(10));
        Assert.True(pack.ExitCode == 0, $"dotnet pack: {pack}");
    }

    /// <summary>The folder holding the packages.</summary>
    public string Folder => temp["packages"];

    /// <summary>The version they were packed with.</summary>
    public string Version { get; }

    /// <summary>
    /// Writes, into <paramref name="folder"/>, a notebook that takes the kit from <see cref="Folder"/> (<c>#i</c>, then
    /// <c>#r "nuget: FishKit.Notebooks, version"</c>), runs the setup every notebook runs, a tensor sum, and a chart;
    /// it prints where FishKit.Notebooks.dll was loaded from. Returns its path.
    /// </summary>
    public string WriteNotebook(string folder)
    {
        var committed = NotebookFile.Read(Path.Combine(Repo.Notebooks, "01-data-and-frames.ipynb"));
        var template = committed.Cells.First(c => NotebookFile.Type(c!) == "code")!;
        JsonNode Cell(string id, string source)
        {
            var cell = template.DeepClone();
            cell["id"] = id;
            cell["source"] = source;
            return cell;
        }
        var root = committed.Root.DeepClone().AsObject();
        root["cells"] = new JsonArray(
            Cell("packages", $"#i \"nuget: {Folder}\"\n#r \"nuget: FishKit.Notebooks, {Version}\""),
            Cell("setup", "FishKit.Torch.TorchRuntime.EnsureLoaded();\nFishKit.Notebooks.NotebookSetup.Start()"),
            Cell("use", "using FishKit.Notebooks;\nConsole.WriteLine($\"sum {TorchSharp.torch.ones(2, 3).sum().item<float>()}\");\n" +
                        "Console.WriteLine($\"kit {typeof(NotebookSetup).Assembly.Location}\");\n" +
                        "Charts.Roc(new ModelScores(\"m\", [0, 1], [true, false], [0.9, 0.1]))"));
        var path = Path.Combine(folder, "01-packaged-kit.ipynb");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    public void Dispose()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in PackageTests.Ids.Select(i => i.ToLowerInvariant()))
        {
            var cached = Path.Combine(cache, id, Version);
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
        temp.Dispose();
    }
}
