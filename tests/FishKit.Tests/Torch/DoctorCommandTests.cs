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
}
