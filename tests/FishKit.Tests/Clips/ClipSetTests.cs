using FishKit.Clips;
using FishKit.Labeling;
using FishKit.Tests.Store;

namespace FishKit.Tests.Clips;

public class ClipSetTests
{
    [Fact]
    public void The_write_up_s_samples_are_frames_119_to_T_minus_47()
    {
        using var fixture = new ClipFixture();
        var set = ClipSet.Create(fixture.Store, ClipLayout.TimeChannels, fixture.Labels);
        Assert.Equal((119, 300 - 47), (set.Frames.First, set.Frames.Last));
        Assert.Equal(Enumerable.Range(119, 300 - 47 - 119 + 1).Count(ClipFixture.IsPositive), set.Frames.Positives);
    }

    [Fact]
    public void The_first_sample_moves_later_when_the_layout_needs_more_history()
    {
        using var fixture = new ClipFixture();
        var set = ClipSet.Create(fixture.Store, new ClipLayout(30, 4, Stride: 2), fixture.Labels);
        Assert.Equal((238, 253), (set.Frames.First, set.Frames.Last));
    }

    [Fact]
    public void Labels_of_another_length_are_refused_naming_both_counts()
    {
        using var fixture = new ClipFixture();
        var e = Assert.Throws<FishKitException>(() => ClipSet.Create(fixture.Store, ClipLayout.TimeChannels, new bool[299]));
        Assert.Equal($"labels have 299 values but frame store '{fixture.Store.Path}' has 300 frames; give one label per frame of this split.", e.Message);
    }

    [Fact]
    public void A_split_too_short_for_one_clip_says_how_many_frames_a_clip_needs()
    {
        using var dir = new TempDir();
        TestStores.WriteIndexed(dir["short.fkframes"], 100, new(8, 6));
        using var store = FishKit.Store.FrameStore.Open(dir["short.fkframes"]);
        var e = Assert.Throws<FishKitException>(() => ClipSet.Create(store, ClipLayout.TimeChannels, new bool[100]));
        Assert.Contains("has 100 frames, too few for one clip", e.Message);
        Assert.Contains("at least 120 frames", e.Message);
    }

    [Fact]
    public void A_split_with_a_clip_but_no_labelled_frame_is_refused()
    {
        using var dir = new TempDir();
        TestStores.WriteIndexed(dir["short.fkframes"], 150, new(8, 6));
        using var store = FishKit.Store.FrameStore.Open(dir["short.fkframes"]);
        var e = Assert.Throws<FishKitException>(() => ClipSet.Create(store, ClipLayout.TimeChannels, new bool[150], LabelParameters.WriteUp));
        Assert.Contains("no sample frames in 119..103", e.Message);
        Assert.Contains("use a longer split", e.Message);
    }

    [Fact]
    public void A_layout_without_steps_is_refused()
    {
        using var fixture = new ClipFixture();
        Assert.Throws<FishKitException>(() => fixture.Set(new ClipLayout(0, 4)));
    }
}
