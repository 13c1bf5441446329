namespace FishKit.Evaluation;

/// <summary>
/// A small, fast, seedable random stream (SplitMix64). Streams started from different states do not overlap in
/// practice, so each bootstrap resample gets its own stream and the result does not depend on thread scheduling.
/// </summary>
struct SplitMix64(ulong state)
{
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
