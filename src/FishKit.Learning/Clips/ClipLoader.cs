using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace FishKit.Clips;

/// <summary>
/// Hands out an epoch's batches of a <see cref="ClipSet"/> in the order of a <see cref="BatchPlan"/>, assembling up to
/// <see cref="Prefetch"/> batches ahead on a worker thread so the model never waits. The batches are the same whatever
/// the prefetch depth or thread timing (the plan fixes them). Each batch handed out is valid until the next is asked for;
/// then its buffer goes back to the pool. One enumeration at a time; stopping it early (break, cancellation, an
/// exception) stops the worker before returning, and <see cref="Dispose"/> stops one left running.
/// </summary>
public sealed class ClipLoader : IDisposable
{
    readonly Lock gate = new();
    ClipBatch[] buffers = [];
    CancellationTokenSource? running;
    bool disposed;

    /// <summary>A loader of <paramref name="set"/> assembling up to <paramref name="prefetch"/> batches ahead (0: on the caller's thread).</summary>
    public ClipLoader(ClipSet set, int prefetch = 2)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (prefetch is < 0 or > 16) throw new FishKitException($"prefetch {prefetch} must be 0 to 16 batches.");
        Set = set;
        Prefetch = prefetch;
    }

    /// <summary>The clips.</summary>
    public ClipSet Set { get; }

    /// <summary>Batches assembled ahead of the one in use (0: each batch is assembled when asked for).</summary>
    public int Prefetch { get; }

    /// <summary>
    /// The batches of <paramref name="plan"/> from batch <paramref name="fromBatch"/> on (to resume an epoch part-way).
    /// A failure while assembling is thrown here, after the batches before it.
    /// </summary>
    public IEnumerable<ClipBatch> Batches(BatchPlan plan, int fromBatch = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!ReferenceEquals(plan.Frames, Set.Frames))
            throw new ArgumentException("the plan was made for other frames than this loader's clip set", nameof(plan));
        if (fromBatch < 0 || fromBatch > plan.BatchCount)
            throw new ArgumentOutOfRangeException(nameof(fromBatch), fromBatch, $"the epoch has {plan.BatchCount} batches");
        return Prefetch == 0 ? InOrder(plan, fromBatch, cancellationToken) : Prefetched(plan, fromBatch, cancellationToken);
    }

    IEnumerable<ClipBatch> InOrder(BatchPlan plan, int fromBatch, CancellationToken cancellationToken)
    {
        var batch = Start(plan, cancellationToken, 1)[0];
        try
        {
            for (int k = fromBatch; k < plan.BatchCount; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Fill(Set, plan.Batch(k), k);
                yield return batch;
            }
        }
        finally
        {
            Finish();
        }
    }

    IEnumerable<ClipBatch> Prefetched(BatchPlan plan, int fromBatch, CancellationToken cancellationToken)
    {
        var pool = Start(plan, cancellationToken, Prefetch + 1);
        var stop = running!.Token;
        using var free = new BlockingCollection<ClipBatch>(new ConcurrentQueue<ClipBatch>(pool));
        using var ready = new BlockingCollection<ClipBatch>(Prefetch);
        var worker = Task.Factory.StartNew(() =>
        {
            try
            {
                for (int k = fromBatch; k < plan.BatchCount; k++)
                {
                    var batch = free.Take(stop);
                    batch.Fill(Set, plan.Batch(k), k);
                    ready.Add(batch, stop);
                }
            }
            finally
            {
                ready.CompleteAdding();
            }
        }, stop, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            ClipBatch? held = null;
            foreach (var batch in ready.GetConsumingEnumerable(stop))
            {
                if (held is not null) free.Add(held);
                held = batch;
                yield return batch;
            }
            // The worker marks the queue complete before its task ends: wait for it to learn whether it failed.
            try { worker.Wait(CancellationToken.None); }
            catch (AggregateException failure) when (!stop.IsCancellationRequested) { ExceptionDispatchInfo.Throw(failure.InnerException!); }
            stop.ThrowIfCancellationRequested();
        }
        finally
        {
            running!.Cancel();
            try { worker.Wait(CancellationToken.None); }
            catch (AggregateException) { } // thrown above already, or the enumeration was stopped early
            Finish();
        }
    }

    /// <summary>Claims the loader for one enumeration; returns <paramref name="count"/> buffers sized for the plan's batches.</summary>
    ClipBatch[] Start(BatchPlan plan, CancellationToken cancellationToken, int count)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (running is not null) throw new InvalidOperationException("this loader is already handing out an epoch; finish or dispose that enumeration first");
            running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (buffers.Length < count || buffers[0].Capacity != plan.Options.BatchSize)
                buffers = Enumerable.Range(0, count).Select(_ => new ClipBatch(plan.Options.BatchSize, Set.Layout, Set.Store.Size)).ToArray();
            return buffers[..count];
        }
    }

    void Finish()
    {
        lock (gate)
        {
            running?.Dispose();
            running = null;
        }
    }

    /// <summary>Stops an enumeration left running and releases the buffers.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            running?.Cancel();
            buffers = [];
        }
    }
}
