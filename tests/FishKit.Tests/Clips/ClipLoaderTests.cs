using System.IO.Hashing;
using FishKit.Clips;

namespace FishKit.Tests.Clips;

public class ClipLoaderTests
{
    /// <summary>What a consumer sees of each batch: its number, samples, labels and a hash of its pixels.</summary>
    static List<(int Index, ClipSample[] Samples, float[] Labels, ulong Pixels)> Read(ClipLoader loader, BatchPlan plan, int fromBatch = 0) =>
        loader.Batches(plan, fromBatch).Select(b => (b.Index, b.Samples.ToArray(), b.Labels.ToArray(), XxHash3.HashToUInt64(b.Pixels))).ToList();

    [Fact]
    public void Prefetching_hands_out_the_same_batches_as_assembling_on_demand()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(ClipLayout.TimeChannels, 119, 252);
        var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.Training, seed: 3, epoch: 1);
        using var onDemand = new ClipLoader(set, prefetch: 0);
        using var ahead = new ClipLoader(set, prefetch: 2);

        var expected = Read(onDemand, plan);
        Assert.Equal(plan.BatchCount, expected.Count);
        for (int k = 0; k < expected.Count; k++) Assert.Equal(plan.Batch(k).ToArray(), expected[k].Samples);
        var prefetched = Read(ahead, plan);
        Assert.Equal(expected.Select(b => (b.Index, b.Pixels)), prefetched.Select(b => (b.Index, b.Pixels)));
        Assert.Equal(expected.SelectMany(b => b.Samples), prefetched.SelectMany(b => b.Samples));
        Assert.Equal(expected.SelectMany(b => b.Labels), prefetched.SelectMany(b => b.Labels));
    }

    [Fact]
    public void A_batch_holds_each_sample_s_clip_and_label()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(new ClipLayout(5, 2), 9, 60);
        var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.Training with { BatchSize = 3 }, 11, 0);
        using var loader = new ClipLoader(set);
        var clip = new byte[10 * fixture.Store.FrameBytes];
        foreach (var batch in loader.Batches(plan))
        {
            Assert.Equal([batch.Count, 5, 2, 6, 8], batch.Shape);
            for (int b = 0; b < batch.Count; b++)
            {
                ClipAssembler.Copy(set, batch.Samples[b], clip);
                Assert.True(clip.AsSpan().SequenceEqual(batch.Clip(b)));
                Assert.Equal(ClipFixture.IsPositive(batch.Samples[b].Frame) ? 1f : 0f, batch.Labels[b]);
            }
        }
    }

    [Fact]
    public void A_resumed_epoch_continues_with_the_batches_it_would_have_had()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(ClipLayout.TimeChannels, 119, 200);
        using var loader = new ClipLoader(set);
        var whole = Read(loader, BatchPlan.ForEpoch(set.Frames, BatchOptions.Training, 9, 2));
        var resumed = Read(loader, BatchPlan.ForEpoch(set.Frames, BatchOptions.Training, 9, 2), fromBatch: 17);

        Assert.Equal(whole.Skip(17).Select(b => (b.Index, b.Pixels)), resumed.Select(b => (b.Index, b.Pixels)));
    }

    [Fact]
    public void Stopping_early_stops_the_worker_and_the_loader_can_start_again()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(ClipLayout.TimeChannels, 119, 252);
        var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.Training, 1, 0);
        using var loader = new ClipLoader(set, prefetch: 2);

        Assert.Equal(3, loader.Batches(plan).Take(3).Count());
        using (var cancel = new CancellationTokenSource())
        {
            int seen = 0;
            Assert.ThrowsAny<OperationCanceledException>(() =>
            {
                foreach (var _ in loader.Batches(plan, 0, cancel.Token))
                    if (++seen == 2) cancel.Cancel();
            });
            Assert.Equal(2, seen);
        }
        Assert.Equal(plan.BatchCount, loader.Batches(plan).Count());
    }

    [Fact]
    public void A_failure_on_the_worker_reaches_the_consumer_after_the_batches_before_it()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(ClipLayout.TimeChannels, 119, 252);
        var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.InOrder, 1, 0);
        using var loader = new ClipLoader(set, prefetch: 2);

        int seen = 0;
        Assert.Throws<ObjectDisposedException>(() =>
        {
            foreach (var _ in loader.Batches(plan))
                if (++seen == 1) fixture.Store.Dispose(); // the store goes away under the worker
        });
        Assert.InRange(seen, 1, 1 + 2 + 1);
    }

    [Fact]
    public void One_enumeration_at_a_time()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(ClipLayout.TimeChannels, 119, 252);
        var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.Training, 1, 0);
        using var loader = new ClipLoader(set);
        using var first = loader.Batches(plan).GetEnumerator();
        Assert.True(first.MoveNext());
        Assert.Throws<InvalidOperationException>(() => loader.Batches(plan).First());
    }

    [Fact]
    public void Assembling_batches_allocates_nothing_per_batch()
    {
        using var fixture = new ClipFixture(frames: 300, width: 160, height: 120);
        var set = fixture.Set(ClipLayout.TimeChannels, 119, 299);
        var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.Training, 1, 0); // 181 x 4 samples, 181 batches of 9.2 MB
        var batch = new ClipBatch(4, set.Layout, set.Store.Size);
        batch.Fill(set, plan.Batch(0), 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < plan.BatchCount; k++) batch.Fill(set, plan.Batch(k), k);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 16 * 1024, $"{allocated:N0} bytes allocated assembling {plan.BatchCount} batches");
    }
}
