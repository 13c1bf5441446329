using static TorchSharp.torch;

namespace FishKit.Models;

/// <summary>The activations a ConvLSTM cell may use, as Keras 2 defines them (JSON names: tanh, sigmoid, hard_sigmoid, relu).</summary>
public enum Activation
{
    /// <summary>tanh(x).</summary>
    Tanh,
    /// <summary>1 / (1 + exp(-x)).</summary>
    Sigmoid,
    /// <summary>Keras 2's piecewise-linear sigmoid, clip(0.2 x + 0.5, 0, 1) (not PyTorch's hardsigmoid, which is clip(x/6 + 1/2, 0, 1)).</summary>
    HardSigmoid,
    /// <summary>max(x, 0).</summary>
    Relu,
}

/// <summary>Applies an <see cref="Activation"/> to a tensor, differentiably.</summary>
public static class Activations
{
    /// <summary>The activation of <paramref name="x"/> as a new tensor.</summary>
    public static Tensor Apply(this Activation activation, Tensor x) => activation switch
    {
        Activation.Tanh => x.tanh(),
        Activation.Sigmoid => x.sigmoid(),
        // mul makes a fresh tensor, so the in-place add is safe for autograd (neither op saves its input).
        Activation.HardSigmoid => x.mul(0.2).add_(0.5).clamp(0, 1),
        Activation.Relu => x.relu(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };
}
