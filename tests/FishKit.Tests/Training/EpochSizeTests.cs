using FishKit.Training;

namespace FishKit.Tests.Training;

/// <summary>Clips and steps per epoch against the write-up's split, counted by hand.</summary>
public class EpochSizeTests
{
    [Fact]
    public void The_write_ups_training_split_gives_44791_clips_and_four_times_as_many_samples()
    {
        // labelled frames 4*30 - 1 = 119 .. 44,956 - 2 - 45 = 44,909: 44,909 - 119 + 1 = 44,791 clips
        var writeUp = RunConfig.Preset("writeup");
        Assert.Equal(44_791, EpochSize.Clips(writeUp, 44_956));
        Assert.Equal(4 * 44_791, EpochSize.Samples(writeUp, 44_956));
        // batches of 4: 44,791 per epoch, 5 epochs
        Assert.Equal(5 * 44_791, EpochSize.Steps(writeUp, 44_956));
    }

    [Fact]
    public void A_split_too_short_for_a_label_has_no_clips_and_the_batch_cap_bounds_the_steps()
    {
        Assert.Equal(0, EpochSize.Clips(RunConfig.Teaching, 100));
        // teaching: 6 epochs of at most 40 batches, whatever the split's length
        Assert.Equal(6 * 40, EpochSize.Steps(RunConfig.Teaching, 44_956));
    }
}
