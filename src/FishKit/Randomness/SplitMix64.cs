namespace FishKit.Randomness;

/// <summary>
/// The kit's one SplitMix64 stream: it seeds <see cref="SeededRandom"/> (xoshiro256**) and, on its own, gives each
/// bootstrap resample its stream (streams started from different states do not overlap in practice, so a bootstrap
/// does not depend on thread scheduling).
/// </summary>
/// <remarks>
/// Two bounded draws stay, one per generator, because each fixes published outputs: <see cref="SeededRandom.NextInt"/>
/// (modulo with rejection) draws the simulated tank, whose frames are committed under data-samples/, and
/// <see cref="Below"/> (Lemire's multiply) draws bootstrap resamples, whose intervals the README's reproduced table
/// prints. Either one in place of the other would change those outputs.
/// </remarks>
internal struct SplitMix64(ulong state)
{
    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, n), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int Below(int n)
    {
        ulong range = (ulong)n;
        ulong high = Math.BigMul(Next(), range, out ulong low);
        if (low < range)
        {
            ulong reject = (0UL - range) % range;
            while (low < reject) high = Math.BigMul(Next(), range, out low);
        }
        return (int)high;
    }
}
