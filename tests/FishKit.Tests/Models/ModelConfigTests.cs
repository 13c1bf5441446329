using FishKit.Baselines;
using FishKit.Models;

namespace FishKit.Tests.Models;

public class ModelConfigTests
{
    [Fact]
    public void The_best_model_s_config_is_written_as_readable_JSON_with_Keras_names()
    {
        var json = Architectures.Config(Architectures.WriteUpBest).ToJson();
        Assert.Equal("""
            {
              "kind": "convlstm",
              "inputChannels": 4,
              "filters": [
                16
              ],
              "kernel": 3,
              "padding": "valid",
              "activation": "tanh",
              "recurrentActivation": "hard_sigmoid",
              "useBias": false,
              "poolBetween": 2,
              "normBetween": true,
              "normAfter": true,
              "globalPool": "max"
            }
            """, json.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(Architectures.WriteUpBest)]
    [InlineData(Architectures.WriteUpTwoLayer)]
    [InlineData(Architectures.YTildeLstm)]
    public void Configs_round_trip_through_JSON(string name)
    {
        var config = Architectures.Config(name);
        Assert.Equal(config, ModelConfig.FromJson(config.ToJson()));
    }

    [Fact]
    public void Missing_settings_take_their_defaults_and_lists_compare_by_value()
    {
        var config = ModelConfig.FromJson("""{"kind": "convlstm", "filters": [8, 8], "padding": "same", "recurrentActivation": "sigmoid"}""");
        Assert.Equal(new ConvLstmConfig { Filters = [8, 8], Padding = ConvPadding.Same, RecurrentActivation = Activation.Sigmoid }, config);
        Assert.NotEqual(new ConvLstmConfig { Filters = [8, 16] }, config);
        var lstm = Assert.IsType<YTildeLstmConfig>(ModelConfig.FromJson("""{"kind": "ytilde-lstm", "hidden": 8}"""));
        Assert.Equal(new YTildeLstmConfig { Hidden = 8 }, lstm);
    }

    [Theory]
    [InlineData("""{"filters": [8]}""", "kind")]
    [InlineData("""{"kind": "convlstm", "activation": "swish"}""", "run.json")]
    [InlineData("""{"kind": "convlstm", "filters": []}""", "filters is empty")]
    [InlineData("""{"kind": "convlstm", "filters": [16, 0]}""", "[16, 0]")]
    [InlineData("""{"kind": "convlstm", "poolBetween": 0}""", "poolBetween = 0")]
    [InlineData("""{"kind": "ytilde-lstm", "inputScale": 0}""", "inputScale = 0")]
    [InlineData("""not json""", "run.json")]
    public void Bad_configs_are_refused_naming_the_setting(string json, string expected)
    {
        var e = Assert.Throws<FishKitException>(() => ModelConfig.FromJson(json, "run.json"));
        Assert.Contains(expected, e.Message);
    }
}
