namespace FishKit.Randomness;

/// <summary>
/// A small seeded random generator (xoshiro256**, seeded through SplitMix64) owned by the kit, so a seed gives
/// the same sequence on every .NET version. Independent streams (one per frame, say) come from <see cref="For"/>.
/// Seeded by the kit's one <see cref="SplitMix64"/>; why its bounded draw differs from the bootstrap's: SplitMix64's remarks.
/// </summary>
public sealed class SeededRandom
{
    ulong s0, s1, s2, s3;

    /// <summary>A generator whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        var seeding = new SplitMix64(seed);
        s0 = seeding.Next();
        s1 = seeding.Next();
        s2 = seeding.Next();
        s3 = seeding.Next();
    }

    /// <summary>The generator of stream <paramref name="stream"/> under <paramref name="seed"/>: streams do not overlap in practice.</summary>
    public static SeededRandom For(int seed, ulong purpose, long stream)
    {
        ulong h = new SplitMix64((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ purpose).Next() ^ (ulong)stream;
        return new SeededRandom(new SplitMix64(h).Next());
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="count"/>) (unbiased: multiply-shift with rejection).</summary>
    public int NextInt(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count));
        ulong n = (ulong)count;
        ulong limit = ulong.MaxValue - ulong.MaxValue % n;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (int)(r % n);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal (Box-Muller; one value per call so the stream position never depends on history).</summary>
    public double Gaussian()
    {
        double u = 1.0 - NextDouble();
        double v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
