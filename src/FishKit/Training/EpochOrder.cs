using FishKit.Synthetic;

namespace FishKit.Training;

/// <summary>The order of samples in an epoch: a seeded shuffle that depends only on (seed, epoch), so runs and resumed runs agree.</summary>
public static class EpochOrder
{
    const ulong Purpose = 0x5348_5546_464C_45; // "SHUFFLE"

    /// <summary>A permutation of 0 .. count-1 for <paramref name="epoch"/> (Fisher-Yates with a seeded generator).</summary>
    public static int[] Shuffled(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = SeededRandom.For(seed, Purpose, epoch);
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
