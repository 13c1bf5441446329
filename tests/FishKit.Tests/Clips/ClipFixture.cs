using FishKit.Clips;
using FishKit.Frames;
using FishKit.Store;
using FishKit.Tests.Store;

namespace FishKit.Tests.Clips;

/// <summary>A store of index-coded frames (<see cref="TestStores"/>) in a temporary folder, and clip sets over it.</summary>
public sealed class ClipFixture : IDisposable
{
    readonly TempDir dir = new();

    public ClipFixture(int frames = 300, int width = 8, int height = 6)
    {
        Size = new FrameSize(width, height);
        TestStores.WriteIndexed(dir["s.fkframes"], frames, Size);
        Store = FrameStore.Open(dir["s.fkframes"]);
    }

    public FrameSize Size { get; }

    public FrameStore Store { get; }

    /// <summary>Label of frame t in <see cref="Labels"/>: 1 for every third frame.</summary>
    public static bool IsPositive(int t) => t % 3 == 0;

    public bool[] Labels => Enumerable.Range(0, Store.Count).Select(IsPositive).ToArray();

    public ClipSet Set(ClipLayout layout, int first = 0, int last = int.MaxValue) =>
        ClipSet.Create(Store, layout, Labels, first, Math.Min(last, Store.Count - 1));

    public void Dispose()
    {
        Store.Dispose();
        dir.Dispose();
    }
}
