using FishKit.Clips;

namespace FishKit.Tests.Clips;

public class BatchPlanTests
{
    /// <summary>Frames 10..109 of a 120-frame split, every third frame labelled 1.</summary>
    static LabelledFrames Frames(int count = 120, int first = 10, int last = 109) =>
        LabelledFrames.Create(Enumerable.Range(0, count).Select(ClipFixture.IsPositive).ToArray(), first, last, "a test split");

    static (int, Flip) Key(ClipSample s) => (s.Frame, s.Flip);

    static IEnumerable<ClipSample> All(LabelledFrames frames, bool flips) =>
        from flip in flips ? new[] { Flip.None, Flip.LeftRight, Flip.UpDown, Flip.Both } : [Flip.None]
        from t in Enumerable.Range(frames.First, frames.Count)
        select new ClipSample(t, flip);

    [Fact]
    public void A_full_shuffle_is_a_permutation_of_every_frame_and_flip_fixed_by_seed_and_epoch()
    {
        var frames = Frames();
        var options = BatchOptions.Training;
        var plan = BatchPlan.ForEpoch(frames, options, seed: 7, epoch: 3);

        Assert.Equal(All(frames, flips: true).OrderBy(Key), plan.Samples.ToArray().OrderBy(Key));
        Assert.Equal(plan.Samples.ToArray(), BatchPlan.ForEpoch(frames, options, 7, 3).Samples.ToArray());
        Assert.NotEqual(plan.Samples.ToArray(), BatchPlan.ForEpoch(frames, options, 7, 4).Samples.ToArray());
        Assert.NotEqual(plan.Samples.ToArray(), BatchPlan.ForEpoch(frames, options, 8, 3).Samples.ToArray());
        Assert.NotEqual(All(frames, true), plan.Samples.ToArray());
    }

    [Fact]
    public void Without_shuffling_the_samples_run_in_time_order_flip_by_flip()
    {
        var frames = Frames();
        Assert.Equal(All(frames, flips: false), BatchPlan.ForEpoch(frames, BatchOptions.InOrder, 1, 0).Samples.ToArray());
        Assert.Equal(All(frames, flips: true), BatchPlan.ForEpoch(frames, BatchOptions.InOrder with { Flips = true }, 1, 0).Samples.ToArray());
    }

    [Fact]
    public void The_small_buffer_shuffle_moves_samples_only_within_a_buffer_s_reach()
    {
        var frames = Frames(count: 2600, first: 100, last: 2599); // 2,500 frames x 4 flips = 10,000 samples, buffer 400
        var input = All(frames, flips: true).ToList();
        var position = input.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var plan = BatchPlan.ForEpoch(frames, BatchOptions.WriteUp, seed: 5, epoch: 0);
        var output = plan.Samples.ToArray();

        Assert.Equal(input.OrderBy(Key), output.OrderBy(Key));
        Assert.InRange(position[output[0]], 0, 399); // the first output comes from the first buffer
        for (int o = 0; o < output.Length; o++) Assert.True(position[output[o]] <= o + 399, $"output {o} came from input {position[output[o]]}");
        // Shuffled, yet local: most samples stay within a few buffers of where they were.
        Assert.NotEqual(input, output);
        Assert.True(output.Select((s, o) => Math.Abs(position[s] - o)).Average() < 1200);
        Assert.NotEqual(output, BatchPlan.ForEpoch(frames, BatchOptions.WriteUp, 5, 1).Samples.ToArray());
    }

    [Fact]
    public void Undersampling_takes_every_positive_and_as_many_negatives_drawn_per_epoch()
    {
        var frames = Frames();
        var options = BatchOptions.Training with { Balance = ClassBalance.Undersample };
        var plan = BatchPlan.ForEpoch(frames, options, 2, 0).Samples.ToArray();

        var positives = All(frames, true).Where(s => ClipFixture.IsPositive(s.Frame)).OrderBy(Key).ToArray();
        Assert.Equal(positives, plan.Where(s => ClipFixture.IsPositive(s.Frame)).OrderBy(Key));
        Assert.Equal(positives.Length, plan.Count(s => !ClipFixture.IsPositive(s.Frame)));
        Assert.Equal(plan.Length, plan.Distinct().Count());
        var nextEpoch = BatchPlan.ForEpoch(frames, options, 2, 1).Samples.ToArray();
        Assert.NotEqual(plan.Where(s => !ClipFixture.IsPositive(s.Frame)).OrderBy(Key), nextEpoch.Where(s => !ClipFixture.IsPositive(s.Frame)).OrderBy(Key));
    }

    [Fact]
    public void Oversampling_repeats_each_positive_equally_often_give_or_take_one()
    {
        var frames = Frames();
        var plan = BatchPlan.ForEpoch(frames, BatchOptions.Training with { Balance = ClassBalance.Oversample }, 2, 0).Samples.ToArray();

        var negatives = All(frames, true).Where(s => !ClipFixture.IsPositive(s.Frame)).OrderBy(Key).ToArray();
        Assert.Equal(negatives, plan.Where(s => !ClipFixture.IsPositive(s.Frame)).OrderBy(Key));
        var repeats = plan.Where(s => ClipFixture.IsPositive(s.Frame)).CountBy(s => s).Select(p => p.Value).ToArray();
        Assert.Equal(negatives.Length, repeats.Sum());
        Assert.Equal(All(frames, true).Count(s => ClipFixture.IsPositive(s.Frame)), repeats.Length);
        Assert.True(repeats.Max() - repeats.Min() <= 1);
    }

    [Fact]
    public void Balancing_a_split_with_one_class_is_refused()
    {
        var frames = LabelledFrames.Create(new bool[50], 0, 49, "a calm split");
        var e = Assert.Throws<FishKitException>(() => BatchPlan.ForEpoch(frames, BatchOptions.Training with { Balance = ClassBalance.Undersample }, 1, 0));
        Assert.Contains("all labelled 0", e.Message);
    }

    [Fact]
    public void The_last_partial_batch_is_kept_or_dropped()
    {
        var frames = Frames(first: 10, last: 19); // 10 samples
        var kept = BatchPlan.ForEpoch(frames, BatchOptions.InOrder with { BatchSize = 4 }, 1, 0);
        Assert.Equal(3, kept.BatchCount);
        Assert.Equal([new ClipSample(18, Flip.None), new ClipSample(19, Flip.None)], kept.Batch(2).ToArray());
        var dropped = BatchPlan.ForEpoch(frames, BatchOptions.InOrder with { BatchSize = 4, DropLast = true }, 1, 0);
        Assert.Equal(2, dropped.BatchCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => dropped.Batch(2).Length);
    }
}
