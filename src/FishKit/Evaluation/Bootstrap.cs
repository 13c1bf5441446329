using FishKit.Randomness;
using FishKit.Statistics;

namespace FishKit.Evaluation;

/// <summary>
/// The percentile bootstrap every interval of the kit uses (<see cref="BootstrapAuc"/>, <see cref="PairedBootstrap"/>):
/// resample b draws from its own SplitMix64 stream (seed, b), in parallel, so the result does not depend on the number
/// of cores; a resample whose statistic is undefined (NaN: it drew one class only) is skipped and counted; the interval
/// is the (1 - confidence)/2 and (1 + confidence)/2 quantiles of the others (<see cref="Quantile.Linear"/>).
/// </summary>
public static class Bootstrap
{
    /// <summary>The random stream of resample <paramref name="resample"/> under <paramref name="seed"/>.</summary>
    internal static SplitMix64 Stream(int seed, int resample) => new(((ulong)(uint)seed << 32) | (uint)resample);

    /// <summary>
    /// Computes <paramref name="statistic"/> on every resample (with a per-thread scratch from <paramref name="scratch"/>)
    /// and returns the percentile interval and the number skipped; throws <paramref name="allSkipped"/> when every
    /// resample was skipped.
    /// </summary>
    internal static (double Lower, double Upper, int Skipped) Interval<TScratch>(int resamples, int seed, double confidence,
        Func<TScratch> scratch, Func<SplitMix64, TScratch, double> statistic, string allSkipped)
    {
        var values = new double[resamples];
        Parallel.For(0, resamples, scratch,
            (b, _, local) =>
            {
                values[b] = statistic(Stream(seed, b), local);
                return local;
            },
            _ => { });
        var defined = values.Where(double.IsFinite).ToArray();
        if (defined.Length == 0) throw new FishKitException(allSkipped);
        Array.Sort(defined);
        double tail = (1 - confidence) / 2;
        return (Quantile.Linear(defined, tail), Quantile.Linear(defined, 1 - tail), resamples - defined.Length);
    }
}
