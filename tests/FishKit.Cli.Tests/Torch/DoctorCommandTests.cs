using System.Diagnostics;
using FishKit.Torch;

namespace FishKit.Tests.Torch;

public class DoctorCommandTests
{
    [Fact]
    public void Doctor_reports_the_natives_the_CPU_build_NNPACK_off_and_a_correct_tensor_computation()
    {
        var result = Cli.Run("doctor");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("libtorch:       2.10.0", result.Output);
        Assert.Contains("tensor check:   ok", result.Output);
        Assert.Contains("\nbackend:        CPU build (TorchSharp-cpu): no CUDA\n", result.Output);
        Assert.Contains("\nNNPACK:         off (turned off by the kit before the first convolution", result.Output);
    }

    [Theory]
    [InlineData(null, "PASSIVE")]
    [InlineData("ACTIVE", "ACTIVE")]
    public async Task Libtorch_gets_passive_OpenMP_waiters_unless_the_user_chose_a_policy(string? userPolicy, string expected)
    {
        var (exit, output, _) = await DoctorInFreshProcess(start =>
        {
            start.Environment.Remove(OpenMpWaitPolicy.Variable);
            if (userPolicy != null) start.Environment[OpenMpWaitPolicy.Variable] = userPolicy;
        });

        Assert.Equal(0, exit);
        Assert.Contains($"{OpenMpWaitPolicy.Variable}={expected}\n", output);
    }

    [Fact]
    public async Task In_a_fresh_process_natives_that_cannot_be_found_give_one_line_and_leave_TorchSharp_untouched()
    {
        using var empty = new TempDir();
        var (exit, output, error) = await DoctorInFreshProcess(start => start.Environment[TorchRuntime.NativesVariable] = empty.Path);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"fishkit: error: TorchSharp's native libraries libtorch_cpu.so and libtorch.so were not found in any of {empty.Path};", line);
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "cpu")));
    }

    [Fact]
    public async Task Doctor_names_the_CPU_and_says_whether_libtorch_may_use_oneDNN_and_why()
    {
        var (exit, output, error) = await DoctorInFreshProcess(start => start.Environment.Remove(OneDnnGuard.Variable));

        Assert.Equal(0, exit);
        Assert.Contains("\ncpu:            ", output);
        var line = output.Split('\n').Single(l => l.StartsWith("oneDNN:         ", StringComparison.Ordinal));
        if (line.Contains("turned off by the kit", StringComparison.Ordinal))
            Assert.Contains("fishkit: note: libtorch's oneDNN is off, turned off by the kit: the convolution self-check failed with oneDNN", error);
        else
        {
            Assert.StartsWith("oneDNN:         on; convolution self-check passed, relative error ", line);
            Assert.Equal("", error);
        }
    }

    [Theory]
    [InlineData("off", false)]
    [InlineData("on", true)]
    public async Task FISHKIT_ONEDNN_decides_whether_libtorch_runs_convolutions_through_oneDNN(string setting, bool throughOneDnn)
    {
        // oneDNN logs each primitive it runs when ONEDNN_VERBOSE=1: with the switch off, no convolution may appear.
        var (exit, output, _) = await DoctorInFreshProcess(start =>
        {
            start.Environment[OneDnnGuard.Variable] = setting;
            start.Environment["ONEDNN_VERBOSE"] = "1";
        });

        Assert.Equal(0, exit);
        Assert.Contains($"\noneDNN:         {setting}", output);
        Assert.Equal(throughOneDnn, output.Contains(",convolution,", StringComparison.Ordinal));
        Assert.Equal(throughOneDnn, output.Contains(",backward_data,", StringComparison.Ordinal));
    }

    /// <summary>Runs <c>fishkit doctor</c> in a separate process: this one has TorchSharp loaded already, and a failed start would poison it.</summary>
    static async Task<(int Exit, string Output, string Error)> DoctorInFreshProcess(Action<ProcessStartInfo> configure)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "FishKit.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [cli, "doctor"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        configure(start);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, error);
    }
}
