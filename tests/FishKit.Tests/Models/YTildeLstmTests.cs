using FishKit.Baselines;
using FishKit.Models;
using FishKit.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;
using static FishKit.Tests.Models.KerasLayout;

namespace FishKit.Tests.Models;

public class YTildeLstmTests
{
    static readonly double[] Series = Enumerable.Range(0, 200).Select(i => i * 0.001).ToArray();

    [Fact]
    public void Window_t_holds_the_120_values_ending_at_t()
    {
        var windows = new YTildeWindows(Series);
        Assert.Equal(119, windows.FirstFrame);
        Assert.Equal(199, windows.LastFrame);
        var w = windows.Window(150);
        Assert.Equal(120, w.Length);
        Assert.Equal(0.031, w[0], 12);
        Assert.Equal(0.150, w[119], 12);
    }

    [Fact]
    public void A_batch_is_the_windows_of_the_given_frames_in_order()
    {
        using var scope = NewDisposeScope();
        var batch = new YTildeWindows(Series, 4).Batch([3, 10, 199]);
        Assert.Equal([3L, 4, 1], batch.shape);
        float[] expected = [0, 0.001f, 0.002f, 0.003f, 0.007f, 0.008f, 0.009f, 0.010f, 0.196f, 0.197f, 0.198f, 0.199f];
        Assert.Equal(expected, batch.data<float>().ToArray());
    }

    [Fact]
    public void Frames_without_a_full_window_are_refused_with_the_valid_range()
    {
        var windows = new YTildeWindows(Series);
        var e = Assert.Throws<FishKitException>(() => windows.Batch([119, 118]));
        Assert.Contains("frame 118", e.Message);
        Assert.Contains("119 .. 199", e.Message);
        Assert.Throws<FishKitException>(() => new YTildeWindows(Series[..100]));
    }

    [Fact]
    public void The_model_gives_the_numpy_LSTM_s_logits_on_raw_ytilde()
    {
        using var scope = NewDisposeScope();
        var r = ConvLstmReference.Load().YtildeLstm;
        var config = new YTildeLstmConfig { Window = r.Window, Hidden = r.Hidden, Layers = r.Layers, InputOffset = r.Offset, InputScale = r.Scale };
        using var model = config.Create();
        model.to(float64);
        for (int k = 0; k < r.Layers; k++)
        {
            long inputs = k == 0 ? 1 : r.Hidden;
            Set(model, $"lstm.weight_ih_l{k}", tensor(r.Lstm[k].WeightIh, float64).reshape(4 * r.Hidden, inputs));
            Set(model, $"lstm.weight_hh_l{k}", tensor(r.Lstm[k].WeightHh, float64).reshape(4 * r.Hidden, r.Hidden));
            Set(model, $"lstm.bias_ih_l{k}", tensor(r.Lstm[k].BiasIh, float64));
            Set(model, $"lstm.bias_hh_l{k}", tensor(r.Lstm[k].BiasHh, float64));
        }
        Set(model, "dense.weight", tensor(r.DenseWeight, float64).reshape(1, r.Hidden));
        Set(model, "dense.bias", tensor(r.DenseBias, float64));
        var y = tensor(r.Ytilde, float64).reshape(r.YtildeShape);
        Assert.True(MaxDifference(model.forward(y), tensor(r.Logits, float64)) < 1e-12);
        Assert.True(MaxDifference(model.forward(y.unsqueeze(2)), tensor(r.Logits, float64)) < 1e-12);
    }

    [Fact]
    public void Standardising_on_a_training_series_sets_its_mean_and_inverse_standard_deviation()
    {
        // 1, 2, 3, 4 (x 0.001): mean 0.0025, population variance 1.25e-6.
        var config = new YTildeLstmConfig().StandardisedOn([0.001, 0.002, 0.003, 0.004]);
        Assert.Equal(0.0025, config.InputOffset, 15);
        Assert.Equal(1 / Math.Sqrt(1.25e-6), config.InputScale, 9);
        Assert.Throws<FishKitException>(() => new YTildeLstmConfig().StandardisedOn([0.001, 0.001]));
    }

    [Fact]
    public void Float32_training_gradients_match_float64_ones()
    {
        // libtorch 2.10 may run a float32 LSTM through oneDNN, whose backward pass is its own code (on AVX-512 hosts its
        // convolution input gradients were found wrong, PLATFORM-NOTES); float64 takes the reference path.
        using var scope = NewDisposeScope();
        using var model = new YTildeLstmConfig().Create(7);
        using var reference = new YTildeLstmConfig().Create(7);
        reference.to(float64);
        var windows = rand([64L, 120, 1], generator: new Generator(3)) * 0.004;
        var targets = (rand([64L], generator: new Generator(4)) < 0.3).to_type(float32);
        foreach (var (m, dtype) in new[] { (model, float32), (reference, float64) })
            nn.functional.binary_cross_entropy_with_logits(m.forward(windows.to_type(dtype)), targets.to_type(dtype)).backward();
        var expected = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, parameter) in model.named_parameters())
        {
            var grad = expected[name];
            double relative = MaxDifference(parameter.grad!, grad) / Math.Max(1e-6, grad.abs().max().item<double>());
            Assert.True(relative < 1e-3, $"{name}: float32 gradient differs from float64 by {relative:G3} of its largest value");
        }
    }

    [Fact]
    public void Windows_of_the_wrong_length_are_refused_with_the_shape()
    {
        using var scope = NewDisposeScope();
        using var model = Architectures.Create(Architectures.YTildeLstm);
        var e = Assert.Throws<FishKitException>(() => model.forward(zeros([2L, 100, 1])));
        Assert.Contains("(2, 100, 1)", e.Message);
        Assert.Equal([2L], model.forward(zeros([2L, 120, 1])).shape);
    }
}
