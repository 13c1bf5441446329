using FishKit.Labeling;

namespace FishKit.Tests.Labeling;

/// <summary>The agreement of two labellings counts only the frames the rule can label (119 .. T-47 with the write-up's parameters).</summary>
public class LabelAgreementTests
{
    [Fact]
    public void Agreement_is_the_share_of_labelled_frames_with_the_same_label()
    {
        const int frames = 300; // labelled frames 119 .. 253: 135 of them
        var a = new bool[frames];
        var b = new bool[frames];
        a[119] = true;             // disagree at the first labelled frame
        a[200] = b[200] = true;    // agree on a 1
        b[253] = true;             // disagree at the last labelled frame
        a[10] = true;              // outside the labelled frames: not counted
        b[290] = true;
        Assert.Equal(133.0 / 135, LabelAgreement.Fraction(a, b), 15);
    }

    [Fact]
    public void Too_short_a_series_and_unequal_lengths_are_refused()
    {
        Assert.Contains("got 200 and 199 labels", Assert.Throws<FishKitException>(() => LabelAgreement.Fraction(new bool[200], new bool[199])).Message);
        Assert.Contains("give at least 166 frames", Assert.Throws<FishKitException>(() => LabelAgreement.Fraction(new bool[150], new bool[150])).Message);
    }
}
