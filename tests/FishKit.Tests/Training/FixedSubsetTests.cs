using FishKit.Baselines;
using FishKit.Clips;
using FishKit.Training;

namespace FishKit.Tests.Training;

public class FixedSubsetTests
{
    static readonly YTildeLstmConfig Model = new() { Hidden = 4 };

    /// <summary>y-tilde that encodes its frame number, and a label on every third frame, so a served sample can be traced back.</summary>
    static (YTildeBatchSource Source, bool[] Labels) Source()
    {
        var ytilde = Enumerable.Range(0, 400).Select(t => t * 1e-6).ToArray();
        var labels = Enumerable.Range(0, 400).Select(t => t % 3 == 0).ToArray();
        return (new YTildeBatchSource(ytilde, labels, Model, new BatchOptions { BatchSize = 4 }, seed: 3), labels);
    }

    static List<Batch> Served(IBatchSource source, int epoch) => source.Epoch(epoch, 0, CancellationToken.None).ToList();

    [Fact]
    public void The_subset_holds_the_first_samples_of_the_sources_first_epoch_and_serves_each_once_per_epoch()
    {
        var (source, labels) = Source();
        var expected = Served(source, 0).SelectMany(b => { using (b) return b.Frames; }).Take(10).ToArray();
        using var subset = FixedSubset.Draw(source, 10, new BatchOptions { BatchSize = 3 }, seed: 5);

        Assert.Equal(expected, subset.Frames);
        Assert.Equal(expected.Select(t => labels[t]), subset.Labels.ToArray());
        Assert.Equal(4, subset.BatchesPerEpoch); // 3 + 3 + 3 + 1
        var epoch0 = Served(subset, 0);
        var frames0 = epoch0.SelectMany(b => b.Frames).ToArray();
        Assert.Equal(expected.Order(), frames0.Order());
        foreach (var b in epoch0)
            using (b)
            {
                // Each sample's target is its frame's label and its window ends with the frame's own y-tilde value.
                Assert.Equal(b.Frames.Select(t => labels[t] ? 1f : 0f), b.Targets.data<float>().ToArray());
                var lastValues = b.Inputs.select(1, -1).flatten().data<float>().ToArray();
                Assert.Equal(b.Frames.Select(t => (float)(t * 1e-6)), lastValues);
            }
        var again = Served(subset, 0).SelectMany(b => { using (b) return b.Frames; }).ToArray();
        var epoch1 = Served(subset, 1).SelectMany(b => { using (b) return b.Frames; }).ToArray();
        Assert.Equal(frames0, again);
        Assert.NotEqual(frames0, epoch1);
        Assert.Equal(frames0.Order(), epoch1.Order());
    }

    [Fact]
    public void A_subset_larger_than_an_epoch_or_with_flips_is_refused_with_a_clear_message()
    {
        var (source, _) = Source();
        int available = Served(source, 0).Sum(b => { using (b) return b.Frames.Length; });
        var tooMany = Assert.Throws<FishKitException>(() => FixedSubset.Draw(source, available + 1, new BatchOptions(), seed: 1));
        Assert.Contains($"take at most {available}", tooMany.Message);
        Assert.Throws<FishKitException>(() => FixedSubset.Draw(source, 4, new BatchOptions { Flips = true }, seed: 1));
    }
}
