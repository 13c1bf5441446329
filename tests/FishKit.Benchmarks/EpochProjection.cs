using FishKit.Frames;
using FishKit.Labeling;

namespace FishKit.Benchmarks;

/// <summary>
/// One epoch of writeup-best on the write-up's full training split: from the measured step times on this machine, and
/// from the step's arithmetic for GPUs (a projection, not a measurement: no GPU was at hand; the utilisation of the
/// GPU's peak is an assumption, printed as a range).
/// </summary>
static class EpochProjection
{
    /// <summary>Peak fp32 throughput (TFLOP/s, the vendors' figures): the write-up's GPU and a current data-centre GPU.</summary>
    static readonly (string Name, double Tflops)[] Gpus = [("RTX 2080 Ti", 13.4), ("H200", 67.0)];

    /// <summary>Prints the projection for clips of <paramref name="shape"/> (B, T, C, H, W) and writeup-best's 16 filters of 3x3.</summary>
    public static void Print(double kitStep, double peerStep, long[] shape)
    {
        long batch = shape[0], steps = shape[1], channels = shape[2], height = shape[3], width = shape[4];
        const long filters = 16, kernel = 3 * 3;
        long samples = ChronologicalSplit.WriteUpTrain - LabelParameters.WriteUp.MinimumLength + 1;
        long stepsPerEpoch = (samples + batch - 1) / batch;
        // Multiply-adds of the input and recurrent convolutions (valid input convolution, 4 gates); training ~ 3x forward.
        double positions = (double)batch * steps * (height - 2) * (width - 2);
        double stepFlops = 3 * 2 * positions * 4 * filters * (channels + filters) * kernel;
        Console.WriteLine($"projected epoch on the write-up's training split ({samples:N0} labelled frames, {stepsPerEpoch:N0} steps of {batch}): " +
            $"this machine {Hours(stepsPerEpoch * kitStep)} (kit), {Hours(stepsPerEpoch * peerStep)} (PyTorch); write-up on an RTX 2080 Ti: 5 h 16 min");
        Console.WriteLine($"  arithmetic: {stepFlops / 1e9:F0} GFLOP per step, {stepFlops * stepsPerEpoch / 1e15:F2} PFLOP per epoch; on a GPU at 25-50 % of its fp32 peak: " +
            string.Join(", ", Gpus.Select(g => $"{g.Name} {Minutes(stepFlops * stepsPerEpoch / (g.Tflops * 1e12 * 0.5))}-{Minutes(stepFlops * stepsPerEpoch / (g.Tflops * 1e12 * 0.25))}")) +
            " (a projection from the arithmetic, not measured; the kit's clips come from a memory-mapped store at memory-copy speed, where the write-up decoded 120 PNGs per sample)");
    }

    static string Hours(double seconds) => $"{seconds / 3600:F1} h";

    static string Minutes(double seconds) => $"{seconds / 60:F0} min";
}
