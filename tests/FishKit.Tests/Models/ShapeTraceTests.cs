using FishKit.Models;

namespace FishKit.Tests.Models;

/// <summary>The shapes a model reports from its own forward pass, against the arithmetic of valid 3x3 convolutions.</summary>
[Collection(GlobalGeneratorCollection.Name)]
public class ShapeTraceTests
{
    [Fact]
    public void The_best_model_trims_one_pixel_per_border_and_max_pools_to_one_value_per_filter()
    {
        using var model = (ConvLstmClassifier)Architectures.Create(Architectures.WriteUpBest);
        var stages = model.TraceShapes(30, 120, 160);
        Assert.Equal(["(1, 30, 4, 120, 160)", "(1, 16, 118, 158)", "(1, 16, 118, 158)", "(1, 16)", "(1)"], stages.Select(s => s.ShapeText));
        Assert.Equal("global max pool over space", stages[3].Stage);
    }

    [Fact]
    public void The_two_layer_model_halves_the_image_between_its_layers_and_has_no_final_norm()
    {
        using var model = (ConvLstmClassifier)Architectures.Create(Architectures.WriteUpTwoLayer);
        var stages = model.TraceShapes(8, 48, 64);
        // 48x64 -> 46x62 (valid 3x3), 2x2 pool -> 23x31, -> 21x29 (valid 3x3)
        Assert.Equal(["(1, 8, 4, 48, 64)", "(1, 8, 16, 46, 62)", "(1, 8, 16, 23, 31)", "(1, 32, 21, 29)", "(1, 32)", "(1)"], stages.Select(s => s.ShapeText));
        Assert.Equal("per-step 2x2 max pool + BatchNorm", stages[2].Stage);
    }

    [Fact]
    public void Settings_without_pooling_or_norm_between_and_with_average_pooling_show_in_the_trace()
    {
        using var model = new ConvLstmClassifier(new ConvLstmConfig
        {
            Filters = [4, 6], PoolBetween = 1, NormBetween = false, NormAfter = false, GlobalPool = GlobalPooling.Average,
        });
        var stages = model.TraceShapes(3, 10, 12);
        Assert.Equal(["(1, 3, 4, 10, 12)", "(1, 3, 4, 8, 10)", "(1, 6, 6, 8)", "(1, 6)", "(1)"], stages.Select(s => s.ShapeText));
        Assert.Equal("global average pool over space", stages[3].Stage);
        Assert.True(model.training); // the trace leaves the model's mode as it found it
    }
}
