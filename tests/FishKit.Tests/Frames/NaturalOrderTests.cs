using FishKit.Frames;

namespace FishKit.Tests.Frames;

public class NaturalOrderTests
{
    static string[] Sorted(params string[] names) => names.Order(NaturalOrder.Instance).ToArray();

    [Fact]
    public void Numbers_in_names_compare_by_value()
    {
        Assert.Equal(["frame_1.png", "frame_2.png", "frame_10.png", "frame_100.png"],
            Sorted("frame_10.png", "frame_100.png", "frame_2.png", "frame_1.png"));
    }

    [Fact]
    public void Zero_padded_names_keep_their_order()
    {
        Assert.Equal(["00000.png", "00001.png", "00009.png", "00010.png", "53915.png"],
            Sorted("00010.png", "53915.png", "00000.png", "00009.png", "00001.png"));
    }

    [Fact]
    public void Text_compares_ordinally_and_each_digit_run_by_value()
    {
        Assert.Equal(["a2b10", "a10b2", "b1"], Sorted("b1", "a10b2", "a2b10"));
        Assert.Equal(["A1", "B1", "a1"], Sorted("a1", "B1", "A1")); // ordinal: capitals first
        Assert.Equal(["x1b", "x2a"], Sorted("x2a", "x1b"));
    }

    [Fact]
    public void Equal_numbers_with_different_padding_have_a_fixed_order()
    {
        Assert.Equal(["007.png", "07.png", "7.png"], Sorted("7.png", "07.png", "007.png"));
        Assert.True(NaturalOrder.Instance.Compare("07", "7") < 0);
        Assert.True(NaturalOrder.Instance.Compare("7", "07") > 0);
        Assert.Equal(0, NaturalOrder.Instance.Compare("07", "07"));
    }

    [Fact]
    public void Numbers_longer_than_any_integer_type_still_compare_by_value()
    {
        Assert.Equal(["f99999999999999999999999", "f100000000000000000000000"],
            Sorted("f100000000000000000000000", "f99999999999999999999999"));
    }

    [Fact]
    public void A_prefix_comes_first()
    {
        Assert.Equal(["frame", "frame_1", "frame_1a"], Sorted("frame_1a", "frame", "frame_1"));
    }
}
