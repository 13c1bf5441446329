using FishKit.Randomness;

namespace FishKit.Clips;

/// <summary>
/// One epoch's samples in order, cut into batches; a pure function of (frames, options, seed, epoch), so a resumed
/// run recomputes the same plan and goes on from batch k (<see cref="ClipLoader.Batches"/> takes the batch to start at).
/// <para>
/// Before shuffling, the samples run flip by flip (none, left-right, up-down, both), each in time order, as the
/// write-up's four concatenated copies. Class balance then picks its samples (kept in that order), and the shuffle
/// orders them. One random stream, <c>SeededRandom.For(seed, "Batches", epoch)</c>, serves both, in that order.
/// </para>
/// </summary>
public sealed class BatchPlan
{
    const ulong Purpose = 0x42617463686573; // "Batches"

    readonly ClipSample[] samples;

    BatchPlan(LabelledFrames frames, BatchOptions options, int seed, int epoch, ClipSample[] samples)
    {
        Frames = frames;
        Options = options;
        Seed = seed;
        Epoch = epoch;
        this.samples = samples;
    }

    /// <summary>The frames the samples come from.</summary>
    public LabelledFrames Frames { get; }

    /// <summary>The options the plan was made with.</summary>
    public BatchOptions Options { get; }

    /// <summary>The seed of the run.</summary>
    public int Seed { get; }

    /// <summary>The epoch (0 for the first).</summary>
    public int Epoch { get; }

    /// <summary>The epoch's samples in order (a dropped last partial batch included).</summary>
    public ReadOnlySpan<ClipSample> Samples => samples;

    /// <summary>Batches in the epoch (the last one may be smaller unless <see cref="BatchOptions.DropLast"/>).</summary>
    public int BatchCount => Options.DropLast ? samples.Length / Options.BatchSize : (samples.Length + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>The samples of batch <paramref name="k"/>.</summary>
    public ReadOnlySpan<ClipSample> Batch(int k)
    {
        if ((uint)k >= (uint)BatchCount) throw new ArgumentOutOfRangeException(nameof(k), k, $"the epoch has {BatchCount} batches");
        int start = k * Options.BatchSize;
        return samples.AsSpan(start, Math.Min(Options.BatchSize, samples.Length - start));
    }

    /// <summary>The plan of epoch <paramref name="epoch"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static BatchPlan ForEpoch(LabelledFrames frames, BatchOptions options, int seed, int epoch)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "epochs count from 0");
        int flips = options.Flips ? 4 : 1;
        if ((long)frames.Count * flips * 2 > Array.MaxLength)
            throw new FishKitException($"{frames.Count:N0} sample frames are too many for one epoch; use a shorter split.");
        var random = SeededRandom.For(seed, Purpose, epoch);
        var order = Balanced(frames, flips, options.Balance, random);
        if (options.Shuffle == ShuffleMode.Full) Shuffle(order, random);
        else if (options.Shuffle == ShuffleMode.Buffer) order = BufferShuffle(order, Math.Max(1, (int)(options.BufferFraction * order.Length)), random);
        var samples = new ClipSample[order.Length];
        for (int i = 0; i < order.Length; i++)
            samples[i] = new ClipSample(frames.First + order[i] % frames.Count, (Flip)(order[i] / frames.Count));
        return new BatchPlan(frames, options, seed, epoch, samples);
    }

    /// <summary>
    /// Item numbers (item i = flip i / Count of frame First + i % Count) of the epoch before shuffling, ascending:
    /// all items, or the class-balanced selection.
    /// </summary>
    static int[] Balanced(LabelledFrames frames, int flips, ClassBalance balance, SeededRandom random)
    {
        int items = frames.Count * flips;
        if (balance == ClassBalance.None) return Enumerable.Range(0, items).ToArray();
        int positives = frames.Positives * flips;
        if (positives == 0 || positives == items)
            throw new FishKitException($"class-balanced sampling needs both classes, but frames {frames.First}..{frames.Last} are all labelled {(positives == 0 ? 0 : 1)}; turn balancing off.");
        var positive = new int[positives];
        var negative = new int[items - positives];
        for (int i = 0, p = 0, n = 0; i < items; i++)
        {
            if (frames.Label(frames.First + i % frames.Count)) positive[p++] = i;
            else negative[n++] = i;
        }
        var (minority, majority) = positive.Length <= negative.Length ? (positive, negative) : (negative, positive);
        int[] chosen;
        if (balance == ClassBalance.Undersample)
        {
            chosen = [.. minority, .. Draw(majority, minority.Length, random)];
        }
        else
        {
            int repeats = majority.Length / minority.Length;
            chosen = new int[2 * majority.Length];
            majority.CopyTo(chosen, 0);
            for (int r = 0; r < repeats; r++) minority.CopyTo(chosen, majority.Length + r * minority.Length);
            Draw(minority, majority.Length - repeats * minority.Length, random).CopyTo(chosen.AsSpan(majority.Length + repeats * minority.Length));
        }
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary><paramref name="count"/> items of <paramref name="pool"/> drawn without replacement (reorders the pool).</summary>
    static ReadOnlySpan<int> Draw(int[] pool, int count, SeededRandom random)
    {
        for (int i = 0; i < count; i++)
        {
            int j = i + random.NextInt(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.AsSpan(0, count);
    }

    /// <summary>Fisher-Yates: a uniformly random permutation.</summary>
    static void Shuffle(int[] items, SeededRandom random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// tf.data's shuffle buffer: fill a buffer with the first <paramref name="size"/> items; then repeatedly output a
    /// random buffer slot and refill it with the next item (once the input is used up, with the buffer's last item).
    /// Output i is always one of input items 0 .. i + size - 1.
    /// </summary>
    static int[] BufferShuffle(int[] input, int size, SeededRandom random)
    {
        int filled = Math.Min(size, input.Length), next = filled;
        var buffer = input[..filled];
        var output = new int[input.Length];
        for (int o = 0; o < output.Length; o++)
        {
            int j = random.NextInt(filled);
            output[o] = buffer[j];
            buffer[j] = next < input.Length ? input[next++] : buffer[--filled];
        }
        return output;
    }
}
