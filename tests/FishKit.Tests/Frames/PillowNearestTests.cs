using System.Text.Json;
using FishKit.Frames;

namespace FishKit.Tests.Frames;

/// <summary>
/// The kit's nearest-neighbour resize against the rows and columns Debian's Pillow reads in resize(NEAREST), the resize
/// behind Keras' load_img(target_size=...) (Reference/make_pillow_nearest_reference.py).
/// </summary>
public class PillowNearestTests
{
    public sealed record Case(int[] Source, int[] Target, int[] Columns, int[] Rows)
    {
        public override string ToString() => $"{Source[0]}x{Source[1]} -> {Target[0]}x{Target[1]}";
    }

    sealed record Reference(string Pillow, Case[] Cases);

    static readonly Reference Pillow = JsonSerializer.Deserialize<Reference>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "pillow", "nearest_reference.json")),
        new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;

    public static TheoryData<string> Cases() => [.. Pillow.Cases.Select(c => c.ToString())];

    static Case Named(string name) => Pillow.Cases.Single(c => c.ToString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_index_maps_are_Pillows(string name)
    {
        var c = Named(name);
        Assert.Equal(c.Columns, FrameResize.NearestIndices(c.Source[0], c.Target[0]));
        Assert.Equal(c.Rows, FrameResize.NearestIndices(c.Source[1], c.Target[1]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resized_pixels_are_the_ones_Pillow_reads(string name)
    {
        var c = Named(name);
        var from = new FrameSize(c.Source[0], c.Source[1]);
        var to = new FrameSize(c.Target[0], c.Target[1]);
        var source = new byte[from.Pixels];
        new Random(3).NextBytes(source);
        var resized = new byte[to.Pixels];
        FrameResize.Nearest(source, from, resized, to);
        for (int y = 0; y < to.Height; y++)
            for (int x = 0; x < to.Width; x++)
                Assert.Equal(source[c.Rows[y] * from.Width + c.Columns[x]], resized[y * to.Width + x]);
    }
}
