using FishKit.TestSupport;

namespace FishKit.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, enforced: the core references no TorchSharp, no library references a front end,
/// each project references only the layers below it, the library's tests reference no front end, the CLI compiles
/// against no chart library, and the libraries' namespaces form no cycle. ArchitectureRulesTests shows each check failing
/// on a known-bad input.
/// </summary>
public class ArchitectureTests
{
    /// <summary>The library assemblies, lowest first (the test references them all through FishKit.Workflow).</summary>
    static readonly System.Reflection.Assembly[] LibraryAssemblies =
    [
        typeof(FishKitException).Assembly,
        typeof(FishKit.Torch.TorchRuntime).Assembly,
        typeof(FishKit.Models.ModelConfig).Assembly,
        typeof(FishKit.Training.Runs).Assembly,
    ];

    /// <summary>Every project of the kit, by name: its project file.</summary>
    static readonly Dictionary<string, string> Projects =
        new[] { "src", "tests" }.SelectMany(d => Directory.GetFiles(Path.Combine(RepositoryFolder.Root, d), "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal);

    [Fact]
    public void The_library_assemblies_are_the_layers_named()
    {
        Assert.Equal(Layers.Libraries, LibraryAssemblies.Select(a => a.GetName().Name!));
        Assert.All(Layers.Allowed.Keys, p => Assert.True(Projects.ContainsKey(p), $"no project {p}"));
    }

    [Fact]
    public void The_core_references_no_TorchSharp()
    {
        var core = LibraryAssemblies[0];
        var references = core.GetReferencedAssemblies().Select(a => a.Name!)
            .Concat(DependencyReader.PackageReferences(Projects[Layers.Core]).Select(p => p.Package));
        Assert.Empty(ArchitectureRules.TorchInCore(Layers.Core, references));
    }

    [Fact]
    public void No_library_references_a_front_end()
    {
        var references = Layers.Libraries.ToDictionary(l => l, l => (IReadOnlyCollection<string>)
            [.. LibraryAssemblies.Single(a => a.GetName().Name == l).GetReferencedAssemblies().Select(a => a.Name!),
             .. DependencyReader.PackageReferences(Projects[l]).Select(p => p.Package),
             .. DependencyReader.ProjectReferences(Projects[l]).Select(p => p.Project)]);
        Assert.Empty(ArchitectureRules.FrontEndsInLibraries(references));
    }

    [Fact]
    public void Each_project_references_only_the_layers_it_may_use()
    {
        var references = Layers.Allowed.Keys.ToDictionary(p => p, p => (IReadOnlyCollection<string>)
            [.. DependencyReader.ProjectReferences(Projects[p]).Where(r => r.Compiled).Select(r => r.Project)]);
        Assert.Empty(ArchitectureRules.LayerViolations(references));
    }

    [Fact]
    public void The_library_tests_reference_no_front_end()
    {
        var self = typeof(ArchitectureTests).Assembly;
        var references = new Dictionary<string, IReadOnlyCollection<string>>
        {
            // checked as a library would be: the tests of the library must build and run without any front end
            [Layers.Core] = [.. self.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n != "FSharp.Core"),
                             .. DependencyReader.ProjectReferences(Projects["FishKit.Tests"]).Select(p => p.Project)],
        };
        Assert.Empty(ArchitectureRules.FrontEndsInLibraries(references));
    }

    [Fact]
    public void The_CLI_compiles_against_the_runner_and_no_chart_library()
    {
        var cli = Projects["FishKit.Cli"];
        var compiled = DependencyReader.ProjectReferences(cli).Where(r => r.Compiled).Select(r => r.Project)
            .Concat(DependencyReader.PackageReferences(cli).Where(p => p.Compiled).Select(p => p.Package)).ToList();
        Assert.Contains("FishKit.Notebooks.Runner", compiled);
        Assert.DoesNotContain(compiled, Layers.IsChartLibrary);
    }

    [Fact]
    public void The_library_namespaces_form_no_cycle()
    {
        var graph = DependencyReader.Namespaces(LibraryAssemblies.Select(a => a.Location), "FishKit");
        Assert.Contains("FishKit:FishKit.Evaluation", graph.Keys);
        Assert.Contains("FishKit.Learning:FishKit.Models", graph["FishKit.Learning:FishKit.Training"]); // the reader sees real edges
        var cycles = ArchitectureRules.Cycles(graph);
        Assert.True(cycles.Count == 0, string.Join("\n", ArchitectureRules.Describe(cycles, graph)));
    }
}
