using FishKit.Frames;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Motion;
using FishKit.Store;

namespace FishKit.Pipeline;

/// <summary>
/// A split ready for learning: its frames packed at the model's resolution, and its y-tilde (at full resolution)
/// and calm-before-burst labels. y-tilde and labels are cached beside the store as <c>.ytilde.npy</c> and
/// <c>.labels.npy</c>, so they are computed once per store.
/// </summary>
/// <param name="Store">The frames at the model's resolution (the caller disposes it).</param>
/// <param name="YTilde">y-tilde of the full-resolution frames.</param>
/// <param name="Labels">Labels, one per frame.</param>
public sealed record PreparedSplit(FrameStore Store, double[] YTilde, bool[] Labels)
{
    /// <summary>
    /// Prepares <paramref name="path"/>: a frame store (y-tilde from its cache, or from the source folder its header
    /// names), or a folder of frames (packed into <paramref name="cacheFolder"/> at <paramref name="size"/> unless a
    /// store of the same frames is there already). <paramref name="labelsFile"/> replaces the computed labels.
    /// </summary>
    public static PreparedSplit Open(string path, string cacheFolder, FrameSize size, ResizeMethod resize = ResizeMethod.Nearest,
        string? labelsFile = null, LabelParameters? parameters = null,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancel = default)
    {
        string storePath;
        FrameSequence? frames = null;
        if (Directory.Exists(path))
        {
            frames = FrameSequence.Open(path);
            storePath = Path.Combine(cacheFolder, $"{Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar))}-{size.Width}x{size.Height}-{resize.ToString().ToLowerInvariant()}.fks");
            if (!Fits(storePath, frames, size, resize))
                FramePacker.Pack(frames, storePath, size, resize, force: true, progress, cancel);
        }
        else if (File.Exists(path)) storePath = path;
        else throw new FishKitException($"'{path}' is neither a folder of frames nor a frame store; give one of them.");

        var store = FrameStore.Open(storePath);
        try
        {
            var ytilde = CachedYTilde(storePath, store, frames, progress, cancel);
            bool[] labels;
            if (labelsFile is not null) labels = LabelledSeries.ReadLabels(labelsFile, store.Count, path);
            else
            {
                var cached = storePath + ".labels.npy";
                labels = parameters is null && File.Exists(cached) && File.GetLastWriteTimeUtc(cached) >= File.GetLastWriteTimeUtc(storePath)
                    ? Series.ReadLabels(cached)
                    : CalmBeforeBurstLabeler.Label(ytilde, parameters);
                if (parameters is null) Series.WriteLabels(cached, labels, "label");
            }
            return new PreparedSplit(store, ytilde, labels);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    static bool Fits(string storePath, FrameSequence frames, FrameSize size, ResizeMethod resize)
    {
        if (!File.Exists(storePath)) return false;
        try
        {
            using var store = FrameStore.Open(storePath, verifyChecksum: false);
            var h = store.Header;
            return h.Count == frames.Count && h.Size == size && h.Resize == resize
                && h.Source == Path.GetFullPath(frames.Folder) && h.FirstFile == Path.GetFileName(frames.Paths[0])
                && h.LastFile == Path.GetFileName(frames.Paths[^1])
                && File.GetLastWriteTimeUtc(storePath) >= frames.Paths.Max(File.GetLastWriteTimeUtc);
        }
        catch (FishKitException)
        {
            return false;
        }
    }

    static double[] CachedYTilde(string storePath, FrameStore store, FrameSequence? frames,
        IProgress<(long Done, long Total)>? progress, CancellationToken cancel)
    {
        var cached = storePath + ".ytilde.npy";
        if (File.Exists(cached) && File.GetLastWriteTimeUtc(cached) >= File.GetLastWriteTimeUtc(storePath))
        {
            var values = Series.Read(cached);
            if (values.Length == store.Count) return values;
        }
        if (frames is null)
        {
            if (!Directory.Exists(store.Header.Source))
                throw new FishKitException($"frame store '{storePath}' has no cached y-tilde and its source frames '{store.Header.Source}' are gone; y-tilde needs the full-resolution frames: give the frames folder or a labels file.");
            frames = FrameSequence.Open(store.Header.Source);
        }
        if (frames.Count != store.Count)
            throw new FishKitException($"frame store '{storePath}' has {store.Count} frames but its source '{frames.Folder}' now has {frames.Count}; re-pack the store.");
        var ytilde = Motion.YTilde.Compute(frames, progress, cancel);
        Series.Write(cached, ytilde, "ytilde");
        return ytilde;
    }
}
