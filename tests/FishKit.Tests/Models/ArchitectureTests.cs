using FishKit.Baselines;
using FishKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Models;

public class ArchitectureTests
{
    [Fact]
    public void Writeup_best_has_the_write_ups_11537_trainable_parameters()
    {
        // ConvLSTM(16, 3x3, no bias) on 4 channels: input kernel 3*3*4*(4*16) = 2,304, recurrent kernel 3*3*16*(4*16) = 9,216;
        // BatchNorm without centre/scale: 0 trainable; dense 16 -> 1: 16 + 1 = 17. 2,304 + 9,216 + 17 = 11,537.
        using var model = Architectures.Create(Architectures.WriteUpBest);
        Assert.Equal(11_537, ModelWeights.TrainableParameters(model));
    }

    [Fact]
    public void Writeup_two_layer_as_the_author_s_checkpoint_has_66849_trainable_parameters()
    {
        // Layer 1, ConvLSTM(16, 3x3, no bias) on 4 channels: 3*3*4*64 = 2,304 + 3*3*16*64 = 9,216 = 11,520.
        // Layer 2, ConvLSTM(32, 3x3, no bias) on 16 channels: 3*3*16*128 = 18,432 + 3*3*32*128 = 36,864 = 55,296.
        // BatchNorm: 0 trainable; dense 32 -> 1: 33.  11,520 + 55,296 + 33 = 66,849.
        using var model = Architectures.Create(Architectures.WriteUpTwoLayer);
        Assert.Equal(66_849, ModelWeights.TrainableParameters(model));
    }

    [Fact]
    public void The_ytilde_LSTM_has_12961_trainable_parameters()
    {
        // PyTorch's LSTM keeps two biases per layer. Layer 0 (1 -> 32): 4*32*1 + 4*32*32 + 2*4*32 = 128 + 4,096 + 256 = 4,480.
        // Layer 1 (32 -> 32): 4*32*32 + 4*32*32 + 256 = 8,448. Dense 32 -> 1: 33.  4,480 + 8,448 + 33 = 12,961.
        using var model = Architectures.Create(Architectures.YTildeLstm);
        Assert.Equal(12_961, ModelWeights.TrainableParameters(model));
    }

    [Fact]
    public void A_configured_ConvLSTM_counts_its_parameters_from_its_settings()
    {
        // One input channel, filters [8, 4], 5x5, bias, no norms: layer 1: 25*1*32 + 25*8*32 + 32 = 800 + 6,400 + 32 = 7,232;
        // layer 2: 25*8*16 + 25*4*16 + 16 = 3,200 + 1,600 + 16 = 4,816; dense 4 + 1 = 5.  Total 12,053.
        var config = new ConvLstmConfig { InputChannels = 1, Filters = [8, 4], Kernel = 5, UseBias = true, NormBetween = false, NormAfter = false };
        using var model = config.Create();
        Assert.Equal(12_053, ModelWeights.TrainableParameters(model));
    }

    [Theory]
    [InlineData(Architectures.WriteUpBest, 2, 30, 4, 24, 32)]
    [InlineData(Architectures.WriteUpBest, 1, 3, 4, 120, 160)]
    [InlineData(Architectures.WriteUpBest, 3, 16, 4, 60, 80)]
    [InlineData(Architectures.WriteUpBest, 2, 5, 1, 17, 23)]
    [InlineData(Architectures.WriteUpTwoLayer, 2, 4, 4, 30, 40)]
    [InlineData(Architectures.WriteUpTwoLayer, 1, 1, 1, 8, 8)]
    public void Any_clip_length_channels_and_frame_size_give_one_logit_per_clip(string name, int batch, int steps, int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        using var model = Architectures.Create(name, channels);
        var clips = randint(0, 256, [batch, steps, channels, height, width], dtype: ScalarType.Byte);
        var logits = model.forward(clips);
        Assert.Equal([batch], logits.shape);
        Assert.Equal(ScalarType.Float32, logits.dtype);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Theory]
    [InlineData(ConvPadding.Valid, false, new long[] { 2, 8, 7, 9 })]
    [InlineData(ConvPadding.Same, false, new long[] { 2, 8, 9, 11 })]
    [InlineData(ConvPadding.Valid, true, new long[] { 2, 5, 8, 7, 9 })]
    [InlineData(ConvPadding.Same, true, new long[] { 2, 5, 8, 9, 11 })]
    public void The_layer_returns_the_last_state_or_the_sequence_at_the_padding_s_size(ConvPadding padding, bool sequences, long[] expected)
    {
        using var scope = NewDisposeScope();
        using var layer = new ConvLstm(3, 8, 3, padding, returnSequences: sequences);
        Assert.Equal(expected, layer.forward(randn([2L, 5, 3, 9, 11])).shape);
    }

    [Fact]
    public void Uint8_clips_are_scaled_by_1_over_255_inside_the_model()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = Architectures.Create(Architectures.WriteUpBest);
        model.eval();
        var pixels = randint(0, 256, [2, 4, 4, 10, 12], dtype: ScalarType.Byte);
        var fromBytes = model.forward(pixels);
        var fromFloats = model.forward(pixels.to_type(float32) / 255f);
        Assert.Equal(fromFloats.data<float>().ToArray(), fromBytes.data<float>().ToArray());
    }

    [Fact]
    public void Keras_hard_sigmoid_is_clip_of_0_2x_plus_0_5()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { -10.0, -2.5, -2.0, -1.0, 0.0, 0.5, 1.0, 2.5, 3.0 });
        var expected = new[] { 0.0, 0.0, 0.1, 0.3, 0.5, 0.6, 0.7, 1.0, 1.0 };
        var actual = Activation.HardSigmoid.Apply(x).data<double>().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 15);
    }

    [Fact]
    public void A_frame_too_small_for_the_kernel_is_refused_with_the_shape()
    {
        using var scope = NewDisposeScope();
        using var model = Architectures.Create(Architectures.WriteUpTwoLayer);
        // 6x6 -> valid 4x4 -> pool 2x2 -> 2x2, too small for the second layer's 3x3 valid convolution.
        var e = Assert.Throws<FishKitException>(() => model.forward(zeros([1L, 2, 4, 6, 6])));
        Assert.Contains("2x2", e.Message);
        Assert.Contains("3x3", e.Message);
    }

    [Fact]
    public void Clips_with_the_wrong_channel_count_are_refused_with_the_shape()
    {
        using var scope = NewDisposeScope();
        using var model = Architectures.Create(Architectures.WriteUpBest);
        var e = Assert.Throws<FishKitException>(() => model.forward(zeros([1L, 2, 3, 8, 8])));
        Assert.Contains("(1, 2, 3, 8, 8)", e.Message);
    }

    [Fact]
    public void Unknown_architecture_names_list_the_known_ones()
    {
        var e = Assert.Throws<FishKitException>(() => Architectures.Config("resnet"));
        Assert.Contains("'resnet'", e.Message);
        Assert.Contains("writeup-best, writeup-two-layer, convlstm, ytilde-lstm", e.Message);
    }
}
