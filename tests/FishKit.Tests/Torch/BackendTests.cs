using System.Text.Json.Nodes;
using FishKit.TestSupport;
using FishKit.Torch;

namespace FishKit.Tests.Torch;

/// <summary>The switch that selects a CUDA build, and libtorch's NNPACK turned off (the CPU build's word on CUDA and doctor's lines: tests/FishKit.Cli.Tests, CudaOnCpuBuildTests and DoctorCommandTests).</summary>
public class BackendTests
{
    [Fact]
    public void The_kit_turns_NNPACK_off_in_libtorch_before_any_convolution()
    {
        TorchRuntime.EnsureLoaded();
        Assert.False(Nnpack.Switch()!.Enabled); // as libtorch's own getter reports it
    }

    [Theory]
    [InlineData(null, "TorchSharp-cpu")]
    [InlineData("cuda", "TorchSharp-cuda-linux")]
    public void The_TorchBackend_property_selects_the_TorchSharp_package(string? backend, string package)
    {
        string[] arguments = ["msbuild", Path.Combine(RepositoryFolder.Root, "src", "FishKit.TorchNative", "FishKit.TorchNative.csproj"), "-getItem:PackageReference",
            .. backend is null ? Array.Empty<string>() : [$"-p:TorchBackend={backend}"]];
        var result = ChildProcess.Run(ChildProcess.Dotnet, arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.ToString());

        var references = JsonNode.Parse(result.Output)!["Items"]!["PackageReference"]!.AsArray().Select(r => r!["Identity"]!.GetValue<string>()).ToList();
        Assert.Single(references, r => r.StartsWith("TorchSharp-", StringComparison.Ordinal));
        Assert.Contains(package, references);
    }
}
