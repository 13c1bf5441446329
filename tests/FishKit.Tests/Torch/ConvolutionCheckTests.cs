using FishKit.Torch;
using static TorchSharp.torch;

namespace FishKit.Tests.Torch;

/// <summary>The kit's convolution self-check: its exact reference, that it catches wrong gradients, and what the guard decides.</summary>
[Collection(LibTorchSettingsCollection.Name)]
public class ConvolutionCheckTests
{
    [Fact]
    public void The_direct_reference_gives_the_hand_computed_convolution_and_gradients()
    {
        // x = [[1,2,3],[4,5,6],[7,8,9]], w = [[1,0],[0,-1]] (valid): y[i,j] = x[i,j] - x[i+1,j+1] = -4 everywhere.
        // With the output gradient g = [[1,2],[3,4]]: dL/dw[a,b] = sum g[i,j] x[i+a,j+b]; dL/dx = full correlation of g with w.
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9], w = [1, 0, 0, -1], g = [1, 2, 3, 4];

        var (y, dx, dw) = ConvolutionCheck.Direct(x, [1, 1, 3, 3], w, [1, 1, 2, 2], g, padding: 0);

        Assert.Equal([-4.0, -4, -4, -4], y);
        Assert.Equal([1.0 * 1 + 2 * 2 + 3 * 4 + 4 * 5, 2 + 2 * 3 + 3 * 5 + 4 * 6, 4 + 2 * 5 + 3 * 7 + 4 * 8, 5 + 2 * 6 + 3 * 8 + 4 * 9], dw);
        Assert.Equal([1.0, 2, 0, 3, 4 - 1, -2, 0, -3, -4], dx);
    }

    [Fact]
    public void With_padding_the_reference_leaves_out_the_taps_outside_the_frame()
    {
        // One pixel x = 2, 3x3 kernel, padding 1: y = 2 w[1,1]; only the centre tap touches x.
        double[] w = [1, 2, 3, 4, 5, 6, 7, 8, 9];

        var (y, dx, dw) = ConvolutionCheck.Direct([2], [1, 1, 1, 1], w, [1, 1, 3, 3], [10], padding: 1);

        Assert.Equal([10.0], y);
        Assert.Equal([50.0], dx);
        Assert.Equal([0.0, 0, 0, 0, 20, 0, 0, 0, 0], dw);
    }

    [Fact]
    public void Libtorch_s_convolution_as_the_kit_configured_it_passes_the_check()
    {
        var result = ConvolutionCheck.Run();

        Assert.True(result.Passed, result.ToString());
        Assert.True(TorchRuntime.OneDnn.Check.Passed || TorchRuntime.OneDnn.CheckWithoutOneDnn!.Passed, TorchRuntime.OneDnn.Reason);
    }

    [Theory]
    [InlineData(1.2, 0.2)]
    [InlineData(0.9, 0.1)]
    public void The_check_fails_an_input_gradient_that_is_off_by_a_factor(double factor, double expectedError)
    {
        var result = ConvolutionCheck.Run((x, w, g, p) => CorruptInputGradient(x, w, g, p, grad => grad * factor));

        Assert.False(result.Passed);
        Assert.Equal(expectedError, result.InputGradientError, 1e-3);
        Assert.True(result.OutputError < 1e-5 && result.WeightGradientError < 1e-4, result.ToString());
    }

    [Fact]
    public void The_check_fails_a_gradient_with_NaN()
    {
        var result = ConvolutionCheck.Run((x, w, g, p) => CorruptInputGradient(x, w, g, p, grad =>
        {
            grad[0, 0, 0, 0] = tensor(float.NaN);
            return grad;
        }));

        Assert.False(result.Passed);
        Assert.True(double.IsNaN(result.Worst));
        Assert.Contains("NaN", result.ToString());
    }

    [Fact]
    public void Auto_turns_oneDNN_off_where_the_check_fails_with_it_and_libtorch_is_right_without_it()
    {
        WithOneDnnRestored(oneDnn =>
        {
            oneDnn.Enabled = true;
            var state = OneDnnGuard.Apply(OneDnnSetting.Auto, oneDnn, () => oneDnn.Enabled ? Wrong : ConvolutionCheck.Run());

            Assert.False(oneDnn.Enabled);
            Assert.Equal(false, state.Enabled);
            Assert.True(state.TurnedOffByCheck);
            Assert.True(state.CheckWithoutOneDnn!.Passed);
            Assert.StartsWith("off, turned off by the kit: the convolution self-check failed with oneDNN, relative error 2.0e-01", state.Reason);
        });
    }

    [Fact]
    public void Auto_refuses_in_one_line_where_the_check_fails_with_oneDNN_on_and_off()
    {
        WithOneDnnRestored(oneDnn =>
        {
            var e = Assert.Throws<FishKitException>(() => OneDnnGuard.Apply(OneDnnSetting.Auto, oneDnn, () => Wrong));

            Assert.DoesNotContain('\n', e.Message);
            Assert.StartsWith("libtorch computes wrong float32 convolutions on this CPU (", e.Message);
            Assert.Contains("with oneDNN on and off: relative error 2.0e-01", e.Message);
            Assert.Contains("FISHKIT_ONEDNN=on", e.Message);
        });
    }

    [Fact]
    public void On_keeps_oneDNN_even_where_the_check_fails_and_says_so()
    {
        WithOneDnnRestored(oneDnn =>
        {
            oneDnn.Enabled = true;
            var state = OneDnnGuard.Apply(OneDnnSetting.On, oneDnn, () => Wrong);

            Assert.True(oneDnn.Enabled);
            Assert.False(state.TurnedOffByCheck);
            Assert.StartsWith("on (FISHKIT_ONEDNN=on) although the convolution self-check FAILED", state.Reason);
        });
    }

    [Fact]
    public void Off_turns_oneDNN_off_before_the_check_and_the_check_passes_without_it()
    {
        WithOneDnnRestored(oneDnn =>
        {
            oneDnn.Enabled = true;
            var state = OneDnnGuard.Apply(OneDnnSetting.Off, oneDnn, ConvolutionCheck.Run);

            Assert.False(oneDnn.Enabled);
            Assert.True(state.Check.Passed, state.Reason);
            Assert.StartsWith("off (FISHKIT_ONEDNN=off); convolution self-check passed", state.Reason);
        });
    }

    [Theory]
    [InlineData(null, OneDnnSetting.Auto)]
    [InlineData("", OneDnnSetting.Auto)]
    [InlineData("auto", OneDnnSetting.Auto)]
    [InlineData(" ON ", OneDnnSetting.On)]
    [InlineData("off", OneDnnSetting.Off)]
    public void The_setting_reads_auto_on_and_off(string? value, OneDnnSetting expected) =>
        Assert.Equal(expected, OneDnnGuard.Parse(value));

    [Fact]
    public void Another_setting_gets_one_line_naming_the_variable()
    {
        var e = Assert.Throws<FishKitException>(() => OneDnnGuard.Parse("false"));

        Assert.Equal("FISHKIT_ONEDNN is 'false'; set it to auto, on or off, or unset it.", e.Message);
    }

    static readonly ConvolutionCheckResult Wrong = new(4e-7, 0.2, 3e-7);

    static (Tensor, Tensor, Tensor) CorruptInputGradient(Tensor input, Tensor weight, Tensor outputGradient, long padding, Func<Tensor, Tensor> corrupt)
    {
        var x = input.detach().requires_grad_();
        var w = weight.detach().requires_grad_();
        var y = nn.functional.conv2d(x, w, padding: [padding, padding]);
        (y * outputGradient).sum().backward();
        return (y.detach(), corrupt(x.grad!.clone()), w.grad!);
    }

    /// <summary>Runs <paramref name="test"/> with libtorch's oneDNN switch, then puts the switch back as the kit had set it.</summary>
    static void WithOneDnnRestored(Action<LibTorchFlag> test)
    {
        TorchRuntime.EnsureLoaded();
        var oneDnn = OneDnnSwitch.OfLoadedLibTorch()!;
        bool before = oneDnn.Enabled;
        try { test(oneDnn); }
        finally { oneDnn.Enabled = before; }
    }
}
