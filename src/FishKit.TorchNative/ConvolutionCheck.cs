using static TorchSharp.torch;

namespace FishKit.Torch;

/// <summary>
/// How far libtorch's float32 conv2d (output, input gradient, weight gradient) is from exact values: relative errors
/// (largest absolute difference over the largest exact magnitude); NaN where libtorch gave a non-finite value.
/// </summary>
public sealed record ConvolutionCheckResult(double OutputError, double InputGradientError, double WeightGradientError)
{
    /// <summary>The largest relative error that still counts as right: float32 arithmetic gives ~1e-7..1e-6 here.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>The worst of the three errors (NaN if any is NaN).</summary>
    public double Worst => double.IsNaN(OutputError + InputGradientError + WeightGradientError)
        ? double.NaN
        : Math.Max(OutputError, Math.Max(InputGradientError, WeightGradientError));

    /// <summary>Whether every error is finite and within <see cref="Tolerance"/>.</summary>
    public bool Passed => Worst <= Tolerance;

    /// <inheritdoc/>
    public override string ToString() =>
        $"relative error {Format(Worst)} (output {Format(OutputError)}, input gradient {Format(InputGradientError)}, weight gradient {Format(WeightGradientError)})";

    static string Format(double error) => double.IsNaN(error) ? "NaN" : error.ToString("0.0e+00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The kit's self-check of libtorch's float32 convolution, run once per process before anything trains: on some CPUs
/// libtorch 2.10's oneDNN computes conv2d's input gradient wrong by 16-41 % (NaN at times) while the forward pass and
/// the weight gradient are right, so every ConvLSTM trained there gets wrong gradients through its recurrent state.
/// Two problems of shapes that showed the fault are computed in float32 by libtorch and compared with exact values:
/// a small one against a plain double-precision loop written here, and a ConvLSTM-like one ("same" padding, 16 to 64
/// channels) against libtorch's float64 convolution, which never runs through oneDNN. A few milliseconds.
/// </summary>
public static class ConvolutionCheck
{
    /// <summary>One conv2d problem: input (N, C, H, W), weight (O, C, k, k), padding.</summary>
    internal sealed record Problem(long[] Input, long[] Weight, long Padding);

    /// <summary>N3 C2 13x11 to 20 filters, valid: wrong by 19 % on an affected CPU (N1 was right there).</summary>
    internal static readonly Problem Small = new([3, 2, 13, 11], [20, 2, 3, 3], 0);

    /// <summary>N4 C16 58x78 to 64 filters, same: wrong by 22 % or NaN on an affected CPU.</summary>
    internal static readonly Problem Medium = new([4, 16, 58, 78], [64, 16, 3, 3], 1);

    /// <summary>Computes conv2d's output and its input and weight gradients for an upstream gradient: (y, dL/dx, dL/dw).</summary>
    internal delegate (Tensor Output, Tensor InputGradient, Tensor WeightGradient) Convolution(Tensor input, Tensor weight, Tensor outputGradient, long padding);

    /// <summary>Runs the check on libtorch's float32 conv2d in this process as it is configured now.</summary>
    public static ConvolutionCheckResult Run() => Run(Autograd);

    /// <summary>The check with <paramref name="convolve"/> standing for libtorch's float32 convolution: the worst of both problems.</summary>
    internal static ConvolutionCheckResult Run(Convolution convolve)
    {
        using var scope = NewDisposeScope();
        var small = Measure(Small, convolve, Exact);
        var medium = Measure(Medium, convolve, Float64);
        return new(WorstOf(small.OutputError, medium.OutputError), WorstOf(small.InputGradientError, medium.InputGradientError),
            WorstOf(small.WeightGradientError, medium.WeightGradientError));
    }

    static double WorstOf(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);

    static ConvolutionCheckResult Measure(Problem problem, Convolution convolve, Convolution exact)
    {
        using var generator = new Generator(20261206);
        var x = randn(problem.Input, float64, generator: generator);
        var w = randn(problem.Weight, float64, generator: generator) * 0.3;
        long outH = problem.Input[2] + 2 * problem.Padding - problem.Weight[2] + 1, outW = problem.Input[3] + 2 * problem.Padding - problem.Weight[3] + 1;
        var g = randn([problem.Input[0], problem.Weight[0], outH, outW], float64, generator: generator);
        var (y, dx, dw) = convolve(x.to_type(float32), w.to_type(float32), g.to_type(float32), problem.Padding);
        var (ey, edx, edw) = exact(x, w, g, problem.Padding);
        return new(RelativeError(y, ey), RelativeError(dx, edx), RelativeError(dw, edw));
    }

    /// <summary>Largest |actual - exact| over the largest |exact|; NaN when <paramref name="actual"/> is not all finite.</summary>
    static double RelativeError(Tensor actual, Tensor exact)
    {
        var a = actual.to_type(float64);
        if (!a.isfinite().all().item<bool>()) return double.NaN;
        return (a - exact).abs().max().item<double>() / exact.abs().max().item<double>();
    }

    /// <summary>libtorch's conv2d and autograd, in the dtype of the tensors given (with gradients on, whatever the caller's mode).</summary>
    static (Tensor, Tensor, Tensor) Autograd(Tensor input, Tensor weight, Tensor outputGradient, long padding)
    {
        using var gradients = enable_grad();
        var x = input.detach().requires_grad_();
        var w = weight.detach().requires_grad_();
        var y = nn.functional.conv2d(x, w, padding: [padding, padding]);
        (y * outputGradient).sum().backward();
        return (y.detach(), x.grad!, w.grad!);
    }

    static (Tensor, Tensor, Tensor) Float64(Tensor input, Tensor weight, Tensor outputGradient, long padding) =>
        Autograd(input.to_type(float64), weight.to_type(float64), outputGradient.to_type(float64), padding);

    static (Tensor, Tensor, Tensor) Exact(Tensor input, Tensor weight, Tensor outputGradient, long padding)
    {
        var (y, dx, dw) = Direct(input.data<double>().ToArray(), input.shape, weight.data<double>().ToArray(), weight.shape,
            outputGradient.data<double>().ToArray(), padding);
        long[] outShape = [input.shape[0], weight.shape[0], input.shape[2] + 2 * padding - weight.shape[2] + 1, input.shape[3] + 2 * padding - weight.shape[3] + 1];
        return (tensor(y, outShape, float64), tensor(dx, input.shape, float64), tensor(dw, weight.shape, float64));
    }

    /// <summary>
    /// conv2d (stride 1, zero padding, no bias) and its gradients in double precision by the definition: for every
    /// output position and tap, y += x w, dL/dx += g w, dL/dw += g x, where g is the gradient of the output.
    /// </summary>
    internal static (double[] Output, double[] InputGradient, double[] WeightGradient) Direct(
        double[] x, long[] xShape, double[] w, long[] wShape, double[] g, long padding)
    {
        int n = (int)xShape[0], c = (int)xShape[1], h = (int)xShape[2], wd = (int)xShape[3];
        int o = (int)wShape[0], k = (int)wShape[2], p = (int)padding;
        int oh = h + 2 * p - k + 1, ow = wd + 2 * p - k + 1;
        var y = new double[n * o * oh * ow];
        var dx = new double[x.Length];
        var dw = new double[w.Length];
        for (int b = 0; b < n; b++)
        for (int f = 0; f < o; f++)
        for (int i = 0; i < oh; i++)
        for (int j = 0; j < ow; j++)
        {
            int yi = ((b * o + f) * oh + i) * ow + j;
            double sum = 0, grad = g[yi];
            for (int ch = 0; ch < c; ch++)
            for (int a = 0; a < k; a++)
            for (int e = 0; e < k; e++)
            {
                int row = i + a - p, col = j + e - p;
                if (row < 0 || row >= h || col < 0 || col >= wd) continue;
                int xi = ((b * c + ch) * h + row) * wd + col, wi = ((f * c + ch) * k + a) * k + e;
                sum += x[xi] * w[wi];
                dx[xi] += grad * w[wi];
                dw[wi] += grad * x[xi];
            }
            y[yi] = sum;
        }
        return (y, dx, dw);
    }
}
