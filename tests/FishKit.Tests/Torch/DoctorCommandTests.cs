using System.Diagnostics;
using FishKit.Torch;

namespace FishKit.Tests.Torch;

public class DoctorCommandTests
{
    [Fact]
    public void Doctor_reports_the_natives_and_a_correct_tensor_computation()
    {
        var result = Cli.Run("doctor");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("libtorch:       2.10.0", result.Output);
        Assert.Contains("tensor check:   ok", result.Output);
    }

    [Fact]
    public async Task In_a_fresh_process_natives_that_cannot_be_found_give_one_line_and_leave_TorchSharp_untouched()
    {
        // A separate process: this one has TorchSharp loaded already, and a failed start would poison it.
        using var empty = new TempDir();
        var cli = Path.Combine(AppContext.BaseDirectory, "FishKit.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [cli, "doctor"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [TorchRuntime.NativesVariable] = empty.Path },
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", await output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"fishkit: error: TorchSharp's native libraries libtorch_cpu.so and libtorch.so were not found in any of {empty.Path};", line);
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "cpu")));
    }
}
