using System.Text.Json.Nodes;
using FishKit.TestSupport;
using FishKit.Torch;

namespace FishKit.Tests.Torch;

/// <summary>The CPU build's word on CUDA, the switch that selects a CUDA build, and libtorch's NNPACK turned off (doctor's lines: DoctorCommandTests).</summary>
public class BackendTests
{
    [Fact]
    public void The_kit_turns_NNPACK_off_in_libtorch_before_any_convolution()
    {
        TorchRuntime.EnsureLoaded();
        Assert.False(Nnpack.Switch()!.Enabled); // as libtorch's own getter reports it
    }

    [Fact]
    public void Training_on_cuda_with_the_CPU_build_fails_on_one_line_naming_the_CUDA_packages_and_the_switch()
    {
        using var dir = new TempDir();
        // the device is refused before any data is read: these folders do not exist
        var result = Cli.Run("train", "--train", dir["train"], "--val", dir["val"], "--out", dir["run"], "--preset", "teaching", "--device", "cuda");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("fishkit: error: device \"cuda\" was asked for, but this is the CPU build of the kit (TorchSharp-cpu); a CUDA build needs "
            + "TorchSharp-cuda-linux (Linux) or TorchSharp-cuda-windows (Windows) 0.107.0 with libtorch-cuda-12.8: build the kit with "
            + "-p:TorchBackend=cuda (see the README's \"A GPU route\"); or use --device cpu.", line);
        Assert.False(Directory.Exists(dir["run"]));
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
