using FishKit.Notebooks.Runner;
using FishKit.TestSupport;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// The packages of <c>dotnet pack</c> as a user gets them: a notebook outside the repository that takes the kit from
/// the package folder, and the fishkit tool installed from it.
/// </summary>
public class PackageTests(PackedKit kit) : IClassFixture<PackedKit>
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Every package the pack command makes: the library's layers, the runner, the notebooks' front end, the tool.</summary>
    public static readonly string[] Ids =
        ["FishKit", "FishKit.TorchNative", "FishKit.Learning", "FishKit.Workflow", "FishKit.Notebooks.Runner", "FishKit.Notebooks", "FishKit.Cli"];

    [Fact]
    public void The_pack_command_makes_versioned_packages_with_symbols_readme_and_licence()
    {
        foreach (var id in Ids)
        {
            Assert.True(File.Exists(Path.Combine(kit.Folder, $"{id}.{kit.Version}.snupkg")), $"{id}: no symbols package");
            using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(kit.Folder, $"{id}.{kit.Version}.nupkg"));
            Assert.Contains(package.Entries, e => e.FullName == "README.md");
            using var nuspec = new StreamReader(package.GetEntry($"{id}.nuspec")!.Open());
            var text = nuspec.ReadToEnd();
            Assert.Contains($"<version>{kit.Version}</version>", text);
            Assert.Contains("<license type=\"expression\">MIT</license>", text);
        }
    }

    [Fact]
    public async Task A_notebook_outside_the_repository_gets_the_kit_from_the_package_folder()
    {
        using var temp = new TempDir();
        var result = await NotebookRunner.RunAsync(kit.WriteNotebook(temp.Path), new RunnerOptions(temp["out"]));

        Assert.Contains($"FishKit.Notebooks, {kit.Version}", Outputs.Html(result.Notebook)[0]);
        Assert.Contains("sum 6\n", StandardOutput(result.Notebook));
        Assert.Contains("m (AUC 1.000)", Outputs.Traces(Assert.Single(Outputs.Figures(result.Notebook))).Select(t => t.Name));
    }

    [Fact]
    public void The_tool_package_installs_and_its_fishkit_runs_the_packaged_kit()
    {
        using var temp = new TempDir();
        var tools = temp["tools"];
        var install = ChildProcess.Run(ChildProcess.Dotnet, ["tool", "install", "--tool-path", tools, "FishKit.Cli", "--add-source", kit.Folder, "--version", kit.Version], Limit);
        Assert.True(install.ExitCode == 0, install.ToString());
        var fishkit = Path.Combine(tools, "fishkit");

        var version = ChildProcess.Run(fishkit, ["--version"], Limit);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(kit.Version, version.Output);

        // the tool's own notebook runner on the same notebook: the kit that runs is the one the tool package carries
        kit.WriteNotebook(temp.Path);
        var run = ChildProcess.Run(fishkit, ["notebooks", "run", temp.Path, "--out", temp["out"]], Limit);
        Assert.True(run.ExitCode == 0, run.ToString());
        var executed = StandardOutput(NotebookFile.Read(temp["out/01-packaged-kit.ipynb"]));
        Assert.Contains("sum 6\n", executed);
        Assert.Contains($"kit {Path.GetFullPath(tools)}{Path.DirectorySeparatorChar}", executed);
    }

    /// <summary>Everything the notebook's code cells wrote to standard output.</summary>
    static string StandardOutput(NotebookFile notebook) => string.Concat(notebook.Cells
        .Where(c => NotebookFile.Type(c!) == "code")
        .SelectMany(c => c!["outputs"]!.AsArray())
        .Where(o => o!["output_type"]?.GetValue<string>() == "stream" && o["name"]?.GetValue<string>() == "stdout")
        .Select(o => o!["text"]!.GetValue<string>()));
}
