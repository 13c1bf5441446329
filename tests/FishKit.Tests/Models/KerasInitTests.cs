using FishKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Models;

[Collection(GlobalGeneratorCollection.Name)]
public class KerasInitTests
{
    static Dictionary<string, Tensor> Fresh(string name, int seed)
    {
        manual_seed(seed);
        return Architectures.Create(name).state_dict();
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_another_seed_others()
    {
        using var scope = NewDisposeScope();
        var a = Fresh(Architectures.WriteUpTwoLayer, 11);
        var b = Fresh(Architectures.WriteUpTwoLayer, 11);
        var c = Fresh(Architectures.WriteUpTwoLayer, 12);
        foreach (var (name, t) in a) Assert.True(t.eq(b[name]).all().item<bool>(), name);
        Assert.False(a["convlstm.0.cell.kernel"].eq(c["convlstm.0.cell.kernel"]).all().item<bool>());
    }

    [Fact]
    public void The_recurrent_kernel_is_orthogonal_in_Keras_layout()
    {
        using var scope = NewDisposeScope();
        var w = Fresh(Architectures.WriteUpBest, 5)["convlstm.0.cell.recurrent_kernel"].to_type(float64); // (64, 16, 3, 3)
        // Keras' kernel (3, 3, 16, 64) flattened to (144, 64): its 64 columns are orthonormal.
        var m = w.permute(2, 3, 1, 0).reshape(144, 64);
        Assert.True((m.t().matmul(m) - eye(64, dtype: float64)).abs().max().item<double>() < 1e-6);
    }

    [Fact]
    public void The_input_kernel_and_dense_unit_are_glorot_uniform()
    {
        using var scope = NewDisposeScope();
        var state = Fresh(Architectures.WriteUpBest, 5);
        // kernel (64, 4, 3, 3): fan_in 4*9 = 36, fan_out 64*9 = 576, limit sqrt(6/612) = 0.09901...
        var kernel = state["convlstm.0.cell.kernel"];
        double limit = Math.Sqrt(6.0 / 612);
        Assert.True(kernel.abs().max().item<float>() <= limit);
        Assert.True(kernel.abs().max().item<float>() > 0.95 * limit); // 2,304 uniform draws reach close to the bound
        // dense (1, 16): limit sqrt(6/17) = 0.594; bias zero.
        Assert.True(state["dense.weight"].abs().max().item<float>() <= Math.Sqrt(6.0 / 17));
        Assert.Equal(0f, state["dense.bias"].item<float>());
    }

    [Fact]
    public void Gate_biases_start_with_Keras_unit_forget_bias()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(5);
        using var cell = new ConvLstmCell(16, 32); // Keras' default: with bias
        var bias = cell.state_dict()["bias"].data<float>().ToArray(); // 4 * 32, order i, f, c, o
        Assert.Equal(Enumerable.Repeat(0f, 32).Concat(Enumerable.Repeat(1f, 32)).Concat(Enumerable.Repeat(0f, 64)), bias);
    }
}
