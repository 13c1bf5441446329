namespace FishKit.Tests.Torch;

/// <summary>The CPU build's word on CUDA, as the command line prints it.</summary>
public class CudaOnCpuBuildTests
{
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
}
