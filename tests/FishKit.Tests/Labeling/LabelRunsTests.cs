using FishKit.Labeling;

namespace FishKit.Tests.Labeling;

/// <summary>Runs of consecutive positives, counted by hand on short label series.</summary>
public class LabelRunsTests
{
    [Fact]
    public void Run_lengths_count_consecutive_ones_in_order()
    {
        Assert.Equal([2, 1, 3], LabelRuns.Lengths([true, true, false, true, false, false, true, true, true]));
        Assert.Empty(LabelRuns.Lengths([false, false]));
        Assert.Equal([1], LabelRuns.Lengths([true]));
    }

    [Fact]
    public void The_summary_gives_count_median_mean_and_longest()
    {
        // runs 2, 1, 3: median 2, mean 2; runs 1, 4: median (1 + 4) / 2 = 2.5 as numpy.median gives
        Assert.Equal(new LabelRuns(3, 2, 2, 3), LabelRuns.Of([true, true, false, true, false, false, true, true, true]));
        Assert.Equal(new LabelRuns(2, 2.5, 2.5, 4), LabelRuns.Of([true, false, true, true, true, true]));
        var none = LabelRuns.Of([false, false]);
        Assert.Equal(0, none.Count);
        Assert.True(double.IsNaN(none.Median));
    }
}

/// <summary>The labelled range's length, counted by hand.</summary>
public class LabelledFramesTests
{
    [Fact]
    public void The_write_ups_parameters_label_frames_119_to_T_minus_47()
    {
        var p = LabelParameters.WriteUp;
        Assert.Equal(44_909 - 119 + 1, p.LabelledFrames(44_956));
        Assert.Equal(1, p.LabelledFrames(p.MinimumLength));
        Assert.Equal(0, p.LabelledFrames(p.MinimumLength - 1));
        Assert.Equal(0, p.LabelledFrames(0));
    }
}

/// <summary>The shortest video the write-up's split can label, against the 6.66 % share worked by hand.</summary>
public class LabelledSplitsTests
{
    [Fact]
    public void The_validation_share_binds_near_166_frames_over_six_point_six_six_percent()
    {
        int shortest = LabelledSplits.ShortestVideo();
        // 166 frames (119 + 45 + 2) at 3,593 / 53,916 of the video: about 2,491 frames, give or take the split's rounding
        Assert.InRange(shortest, 2_470, 2_510);
        Assert.All(FishKit.Frames.ChronologicalSplit.WriteUp(shortest).Ranges, r => Assert.True(r.Count >= 166));
        Assert.True(FishKit.Frames.ChronologicalSplit.WriteUp(shortest - 1).Validation.Count < 166);
    }
}

/// <summary>The write-up's stated facts agree with its split and scored range.</summary>
public class WriteUpFactsTests
{
    [Fact]
    public void The_scored_test_frames_are_119_to_T_minus_12_of_the_test_split()
    {
        // 5,367 test frames, scored 119 .. 5,367 - 12 = 5,355: 5,237 frames
        Assert.Equal(5_367 - 12 - 119 + 1, FishKit.WriteUp.WriteUpFacts.ScoredTestFrames);
        Assert.Equal(FishKit.Frames.ChronologicalSplit.WriteUpTest - FishKit.Baselines.AlgorithmicBaseline.WriteUpEndMargin - 119 + 1,
            FishKit.WriteUp.WriteUpFacts.ScoredTestFrames);
    }
}
