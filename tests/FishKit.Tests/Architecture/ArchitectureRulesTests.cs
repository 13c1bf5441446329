using FishKit.TestSupport;

namespace FishKit.Tests.Architecture;

/// <summary>Each check of <see cref="ArchitectureTests"/> fails on a known-bad input: the test cannot pass by checking nothing.</summary>
public class ArchitectureRulesTests
{
    [Fact]
    public void A_core_that_references_TorchSharp_fails()
    {
        Assert.Empty(ArchitectureRules.TorchInCore("FishKit", ["System.Runtime", "SixLabors.ImageSharp"]));
        var violation = Assert.Single(ArchitectureRules.TorchInCore("FishKit", ["System.Runtime", "TorchSharp"]));
        Assert.Contains("FishKit references TorchSharp", violation);
        Assert.Single(ArchitectureRules.TorchInCore("FishKit", ["TorchSharp-cpu"]));
    }

    [Fact]
    public void A_library_that_references_a_front_end_fails_and_a_front_end_may()
    {
        var references = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["FishKit.Learning"] = ["FishKit", "Plotly.NET"],
            ["FishKit.Workflow"] = ["FishKit.Cli"],
            ["FishKit.Cli"] = ["Plotly.NET", "System.CommandLine"],
        };
        Assert.Equal(["library FishKit.Learning references the front end Plotly.NET", "library FishKit.Workflow references the front end FishKit.Cli"],
            ArchitectureRules.FrontEndsInLibraries(references));
    }

    [Fact]
    public void A_reference_upwards_or_across_the_front_ends_fails()
    {
        var references = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["FishKit"] = ["FishKit.Learning"],
            ["FishKit.Learning"] = ["FishKit", "FishKit.TorchNative"],
            ["FishKit.Tests"] = ["FishKit.Workflow", "FishKit.Cli"],
            ["FishKit.Cli"] = ["FishKit.Notebooks"],
        };
        Assert.Equal(["FishKit references FishKit.Learning, which its layer may not use", "FishKit.Tests references FishKit.Cli, which its layer may not use",
            "FishKit.Cli references FishKit.Notebooks, which its layer may not use"], ArchitectureRules.LayerViolations(references));
    }

    [Fact]
    public void A_namespace_cycle_is_found_with_its_edges()
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" },
            ["B"] = new HashSet<string> { "C", "B" },
            ["C"] = new HashSet<string> { "A" },
            ["D"] = new HashSet<string> { "A" },
            ["E"] = new HashSet<string> { "F" },
        };
        var cycle = Assert.Single(ArchitectureRules.Cycles(graph));
        Assert.Equal(["A", "B", "C"], cycle);
        Assert.Equal("namespace cycle {A, B, C}: A -> B; B -> C; C -> A", Assert.Single(ArchitectureRules.Describe([cycle], graph)));
        graph["C"] = new HashSet<string>();
        Assert.Empty(ArchitectureRules.Cycles(graph));
    }

    [Fact]
    public void The_reader_finds_a_cycle_made_only_in_method_bodies()
    {
        var graph = DependencyReader.Namespaces([typeof(ArchitectureRulesTests).Assembly.Location], "FishKit.Tests.Architecture.Fixtures");
        const string Node = "FishKit.Tests:FishKit.Tests.Architecture.Fixtures.";
        Assert.Equal([Node + "CycleA", Node + "CycleB"], Assert.Single(ArchitectureRules.Cycles(graph)));
        Assert.Equal([Node + "CycleB"], graph[Node + "Acyclic"]);
    }

    [Fact]
    public void Project_references_that_do_not_feed_the_compiler_are_told_apart()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp["x.csproj"], """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="..\FishKit.Workflow\FishKit.Workflow.csproj" />
                <ProjectReference Include="..\FishKit.Notebooks\FishKit.Notebooks.csproj" ReferenceOutputAssembly="false" />
                <PackageReference Include="Plotly.NET" ExcludeAssets="compile" />
                <PackageReference Include="Markdig" />
              </ItemGroup>
            </Project>
            """);
        Assert.Equal([("FishKit.Workflow", true), ("FishKit.Notebooks", false)], DependencyReader.ProjectReferences(temp["x.csproj"]));
        Assert.Equal([("Plotly.NET", false), ("Markdig", true)], DependencyReader.PackageReferences(temp["x.csproj"]));
    }
}
