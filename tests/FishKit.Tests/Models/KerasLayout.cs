using System.Text.Json;
using FishKit.Models;
using TorchSharp;
using static TorchSharp.torch;
using FishKit.IO;

namespace FishKit.Tests.Models;

/// <summary>Moves Keras' channels-last arrays of the reference into the kit's PyTorch layouts, and sets named weights.</summary>
static class KerasLayout
{
    /// <summary>A Keras conv kernel (k, k, in, out) as PyTorch's (out, in, k, k).</summary>
    public static Tensor Kernel(double[] values, long k, long inputs, long outputs) =>
        tensor(values, float64).reshape(k, k, inputs, outputs).permute(3, 2, 0, 1);

    /// <summary>A Keras sequence (B, T, H, W, C) as (B, T, C, H, W).</summary>
    public static Tensor Sequence(double[] values, long[] kerasShape) =>
        tensor(values, float64).reshape(kerasShape).permute(0, 1, 4, 2, 3);

    /// <summary>Parses a Keras activation name through the kit's JSON names.</summary>
    public static Activation Activation(string name) =>
        JsonSerializer.Deserialize<Activation>($"\"{name}\"", KitJson.Options);

    /// <summary>Copies <paramref name="value"/> into the module's state_dict entry <paramref name="name"/>.</summary>
    public static void Set(nn.Module module, string name, Tensor value)
    {
        var target = module.state_dict()[name];
        Assert.Equal(target.shape, value.shape);
        using (no_grad()) target.copy_(value);
    }

    /// <summary>The largest absolute difference of two tensors of the same shape.</summary>
    public static double MaxDifference(Tensor actual, Tensor expected)
    {
        Assert.Equal(expected.shape, actual.shape);
        return (actual.to_type(float64) - expected.to_type(float64)).abs().max().item<double>();
    }
}
